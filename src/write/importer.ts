import { BadUserInputError } from '../common/errors';
import { cypher } from '../db/cypher-registry';
import type { Database, Tx } from '../db/database';
import { ImportDocument, validateDocument, ValidationError } from './document/document.validate';
import { documentRows, type DocumentRows } from './graph-rows';
import { lockEntities, lockNames, retryRacingWrite } from './write-locks';
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
  /**
   * Runs first inside the import's one transaction, so its own writes (a draft marked committed)
   * commit or roll back with the document. Only for documents that fit in one batch.
   */
  inTransaction?: (tx: Tx) => Promise<void>;
  /** false only for the benchmark's import without a change log */
  changeLog?: boolean;
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
    const size = opts.batchSize ?? 5000;
    if (countRows(doc) <= size) return retryRacingWrite(() => this.writeWhole(doc, result.externalIds, file, opts));
    if (opts.inTransaction) throw new Error('inTransaction needs a document written in one transaction (batchSize ≥ its rows)');
    // too large for one transaction: checks and name resolution run before the batches, so
    // concurrent large imports of the same new names may each create their entity (docs/operations.md)
    await this.db.readTx((tx) => this.checkExternalIds(tx, doc, result.externalIds, file), 'import-check');
    const idMap = opts.resolveByName === false ? new Map<string, string>() : await this.db.readTx((tx) => this.resolveByName(tx, doc), 'import-resolve');
    return this.writeBatches(doc, idMap, opts);
  }

  /**
   * A document that fits in one transaction: locks first (the external entities and the source it
   * refers to, and the stripes of every name it resolves), then the checks and name resolution read
   * the committed state, then it writes. A concurrent import of the same new name waits here and
   * then finds this one's entity, so concurrent imports leave what sequential ones leave.
   */
  private writeWhole(doc: ImportDocument, externalIds: string[], file: string, opts: ImportOptions): Promise<ImportSummary> {
    return this.db.writeTx(async (tx) => {
      await opts.inTransaction?.(tx);
      // every entity the document names that exists, in one sorted pass: the writes below then take
      // no new lock on them in another order, so concurrent imports of overlapping documents wait
      // for each other instead of deadlocking
      await lockEntities(tx, [doc.source.id, ...externalIds, ...doc.entities.map((e) => e.id), ...doc.relationships.flatMap((r) => [r.from, r.to])]);
      await this.checkExternalIds(tx, doc, externalIds, file);
      let idMap = new Map<string, string>();
      if (opts.resolveByName !== false) {
        await lockNames(tx, doc.entities.flatMap((e) => e.names.map((n) => ({ kind: e.kind, name: n.value }))));
        idMap = await this.resolveByName(tx, doc);
      }
      const rows = documentRows(doc, idMap);
      const summary = emptySummary(rows, idMap);
      const writer = new GraphWriter(tx, opts.actor, opts.changeLog);
      tally(summary, await writeAll(writer, batchesOf(rows, Number.MAX_SAFE_INTEGER)));
      const total = countRows(doc);
      opts.onProgress?.(total, total);
      return summary;
    }, 'import', { timeoutMs: this.txTimeoutMs });
  }

  private async checkExternalIds(tx: Tx, doc: ImportDocument, ids: string[], file: string): Promise<void> {
    if (!ids.length) return;
    const found = new Set((await tx.run(cypher('entity/kinds-by-ids'), { ids })).map((r) => r.get('id') as string));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ImportValidationError(
        missing.map((id) => ({ file, path: `/external/${(doc.external ?? []).indexOf(id)}`, message: `"${id}" is listed as external but no such entity exists` })),
      );
    }
  }

  private async resolveByName(tx: Tx, doc: ImportDocument): Promise<Map<string, string>> {
    const rows = doc.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      lowerNames: e.names.map((n) => n.value.toLowerCase()),
      query: e.names.map((n) => `"${n.value.replace(/["\\]/g, '\\$&')}"`).join(' OR '),
    }));
    const records = await tx.run(cypher('import/ids-by-name'), { rows });
    // only ids that do not exist yet are remapped: an existing id always wins
    const existing = new Set((await tx.run(cypher('entity/kinds-by-ids'), { ids: rows.map((r) => r.id) })).map((r) => r.get('id') as string));
    return new Map(records.filter((r) => !existing.has(r.get('incoming'))).map((r) => [r.get('incoming') as string, r.get('existing') as string]));
  }

  /**
   * A large document, in transactions of at most `batchSize` rows (each all or nothing, the whole
   * not). Consecutive statements share a transaction while they fit: a document of 1,000 companies
   * is 3 transactions instead of one per kind and relationship type (about 30), and each commit
   * costs a log flush plus one index update per changed node, so an entity linked by several
   * relationship types has its indexed counts written once per transaction, not once per type.
   */
  private async writeBatches(doc: ImportDocument, idMap: Map<string, string>, opts: ImportOptions): Promise<ImportSummary> {
    const rows = documentRows(doc, idMap);
    const summary = emptySummary(rows, idMap);
    const size = opts.batchSize ?? 5000;
    const transactions = packed(batchesOf(rows, size), size);
    const total = transactions.flat().reduce((n, b) => n + b.rows, 0);
    let done = 0;
    for (const batches of transactions) {
      // counted once a transaction has committed: the driver may run a transaction's work again
      const results = await this.db.writeTx((tx) => writeAll(new GraphWriter(tx, opts.actor, opts.changeLog), batches), 'import-batch', { timeoutMs: this.txTimeoutMs });
      tally(summary, results);
      done += batches.reduce((n, b) => n + b.rows, 0);
      opts.onProgress?.(done, total);
    }
    return summary;
  }
}

/** Rows a document writes: its source, entities, relationships and provenance items. */
function countRows(doc: ImportDocument): number {
  return 1 + doc.entities.length + doc.relationships.length + doc.entities.reduce((n, e) => n + (e.provenance?.length ?? 0), 0);
}

function emptySummary(rows: DocumentRows, idMap: Map<string, string>): ImportSummary {
  return {
    entities: { created: 0, updated: 0, unchanged: 0 },
    relationships: { created: 0, updated: 0, unchanged: 0 },
    provenance: rows.provenance.length,
    merged: Object.fromEntries(idMap),
  };
}

function tally(summary: ImportSummary, results: Awaited<ReturnType<Batch['write']>>[]): void {
  for (const r of results) {
    add(summary.entities, r.entities);
    add(summary.relationships, r.relationships);
  }
}

/**
 * A transaction's batches, sent one after another without waiting for each answer: the driver
 * pipelines them on the transaction's connection, so Neo4j runs one statement while this process
 * encodes the next one's rows, instead of each side waiting for the other. Neo4j runs them in the
 * order sent (entities before the relationships and provenance that match them), the answers
 * arrive in that order, and the first failure fails the transaction (the others then fail too).
 */
function writeAll(writer: GraphWriter, batches: Batch[]): Promise<Awaited<ReturnType<Batch['write']>>[]> {
  return Promise.all(batches.map((b) => b.write(writer)));
}

/** Consecutive batches grouped into transactions of at most `size` rows (in order; a batch is never split). */
function packed(batches: Batch[], size: number): Batch[][] {
  const out: Batch[][] = [];
  let rows = size;
  for (const b of batches) {
    if (rows + b.rows > size) {
      out.push([]);
      rows = 0;
    }
    out[out.length - 1].push(b);
    rows += b.rows;
  }
  return out;
}

/** The document's rows in write order (entities, relationships, provenance), `size` rows at most per batch. */
function batchesOf(rows: DocumentRows, size: number): Batch[] {
  return [
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
}
