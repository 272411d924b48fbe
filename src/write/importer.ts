import { BadUserInputError } from '../common/errors';
import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { ImportDocument, validateDocument, ValidationError } from './document/document.validate';
import { documentRows } from './graph-rows';
import { GraphWriter, type WriteCounts } from './graph-writer';

export interface ImportSummary {
  entities: WriteCounts;
  relationships: WriteCounts;
  provenance: number;
  /** incoming ids that turned out to name an existing entity (alias merge) */
  merged: Record<string, string>;
}

export interface ImportOptions {
  actor: string;
  /** rows per transaction; the seed fits in one, large files are written in several */
  batchSize?: number;
  /** map new ids to existing entities of the same kind that share a name (off for synthetic data) */
  resolveByName?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export class ImportValidationError extends BadUserInputError {
  constructor(readonly errors: ValidationError[]) {
    super(`The document is not valid: ${errors.slice(0, 5).map((e) => `${e.file}${e.path ? ` at ${e.path}` : ''}: ${e.message}`).join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`,
      errors[0]?.path ? ['document', ...errors[0].path.split('/').filter(Boolean)] : undefined);
  }
}

/**
 * Imports get their own, longer transaction timeout (IMPORT_TX_TIMEOUT_MS, this by default): a whole
 * document (or a 5,000-row batch) is legitimately slower than an API request, above all on first
 * start when every statement is planned for the first time.
 */
export const DEFAULT_IMPORT_TX_TIMEOUT_MS = 120_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Part of a document written in one statement; it answers with what it changed. */
interface Batch {
  rows: number;
  write: (writer: GraphWriter) => Promise<Partial<Pick<ImportSummary, 'entities' | 'relationships'>>>;
}

function add(into: WriteCounts, counts: WriteCounts | undefined): void {
  if (!counts) return;
  into.created += counts.created;
  into.updated += counts.updated;
  into.unchanged += counts.unchanged;
}

/**
 * The one import path: the CLI, first start's seeding and the importDocument mutation all call it.
 * The whole document is validated (schema, rules, and ids it refers to in the database) before
 * anything is written; then entities, relationships and provenance are MERGEd by id.
 */
export class Importer {
  constructor(
    private readonly db: Database,
    private readonly txTimeoutMs = DEFAULT_IMPORT_TX_TIMEOUT_MS,
  ) {}

  async importDocument(input: unknown, file: string, opts: ImportOptions): Promise<ImportSummary> {
    const result = validateDocument(input, file);
    if (!result.ok) throw new ImportValidationError(result.errors);
    const doc = result.document;
    await this.checkExternalIds(doc, result.externalIds, file);
    const idMap = opts.resolveByName === false ? new Map<string, string>() : await this.resolveByName(doc);
    return this.write(doc, idMap, opts);
  }

  private async checkExternalIds(doc: ImportDocument, ids: string[], file: string): Promise<void> {
    if (!ids.length) return;
    const found = new Set((await this.db.read(cypher('entity/kinds-by-ids'), { ids })).map((r) => r.get('id') as string));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ImportValidationError(
        missing.map((id) => ({ file, path: `/external/${(doc.external ?? []).indexOf(id)}`, message: `"${id}" is listed as external but no such entity exists` })),
      );
    }
  }

  private async resolveByName(doc: ImportDocument): Promise<Map<string, string>> {
    const rows = doc.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      lowerNames: e.names.map((n) => n.value.toLowerCase()),
      query: e.names.map((n) => `"${n.value.replace(/["\\]/g, '\\$&')}"`).join(' OR '),
    }));
    const records = await this.db.read(cypher('import/ids-by-name'), { rows });
    // only ids that do not exist yet are remapped: an existing id always wins
    const existing = new Set((await this.db.read(cypher('entity/kinds-by-ids'), { ids: rows.map((r) => r.id) })).map((r) => r.get('id') as string));
    return new Map(records.filter((r) => !existing.has(r.get('incoming'))).map((r) => [r.get('incoming') as string, r.get('existing') as string]));
  }

  /** Writes the document's rows through GraphWriter: in one transaction when it fits in one batch. */
  private async write(doc: ImportDocument, idMap: Map<string, string>, opts: ImportOptions): Promise<ImportSummary> {
    const size = opts.batchSize ?? 5000;
    const rows = documentRows(doc, idMap);
    const batches: Batch[] = [
      ...rows.entities.flatMap(([kind, group]) => chunks(group, size).map((part): Batch => ({ rows: part.length, write: async (w) => ({ entities: await w.upsertEntities(kind, part) }) }))),
      ...rows.relationships.flatMap(([type, group]) =>
        chunks(group, size).map((part): Batch => ({ rows: part.length, write: async (w) => ({ relationships: await w.upsertRelationships(type, part) }) })),
      ),
      ...chunks(rows.provenance, size).map(
        (part): Batch => ({
          rows: part.length,
          write: async (w) => {
            await w.upsertProvenance(part);
            return {};
          },
        }),
      ),
    ];
    const total = batches.reduce((n, b) => n + b.rows, 0);
    const summary: ImportSummary = {
      entities: { created: 0, updated: 0, unchanged: 0 },
      relationships: { created: 0, updated: 0, unchanged: 0 },
      provenance: rows.provenance.length,
      merged: Object.fromEntries(idMap),
    };
    // counted once a transaction has committed: the driver may run a transaction's work again
    const tally = (results: Awaited<ReturnType<Batch['write']>>[]) => {
      for (const r of results) {
        add(summary.entities, r.entities);
        add(summary.relationships, r.relationships);
      }
    };
    // a document that fits in one batch per group is written in one transaction: all or nothing
    if (total <= size) {
      tally(
        await this.db.writeTx(async (tx) => {
          const writer = new GraphWriter(tx, opts.actor);
          const results = [];
          for (const b of batches) results.push(await b.write(writer));
          return results;
        }, 'import', { timeoutMs: this.txTimeoutMs }),
      );
      opts.onProgress?.(total, total);
    } else {
      let done = 0;
      for (const b of batches) {
        tally([await this.db.writeTx((tx) => b.write(new GraphWriter(tx, opts.actor)), 'import-batch', { timeoutMs: this.txTimeoutMs })]);
        done += b.rows;
        opts.onProgress?.(done, total);
      }
    }
    return summary;
  }
}
