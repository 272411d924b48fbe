import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { BadUserInputError } from '../common/errors';
import { cypher } from '../db/cypher-registry';
import type { Database, Tx } from '../db/database';
import { toPlain } from '../db/values';
import { EntityInput, ImportDocument, ProvenanceInput, PropertyValue, validateDocument, ValidationError } from './document/document.validate';
import { upsertEntities, upsertRelationships } from './import.cypher';
import { DATE_KEYS, SOURCE_KIND, type EntityKind } from '../model/kinds';
import { isRelationshipType } from '../model/relationships';

export interface ImportSummary {
  entities: { created: number; updated: number; unchanged: number };
  relationships: { created: number; updated: number; unchanged: number };
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
 * Imports get their own, longer transaction timeout: a whole document (or a 5,000-row batch) is
 * legitimately slower than an API request, above all on first start when every statement is planned
 * for the first time.
 */
const IMPORT_TX_TIMEOUT_MS = 120_000;

const DATE_KEY_SET = new Set<string>(DATE_KEYS);
const hash = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** Property values as Neo4j stores them: ISO dates become DATE values. */
function toNeo4jProps(props: Record<string, PropertyValue | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (DATE_KEY_SET.has(k) && typeof v === 'string') {
      const [y, m, d] = v.split('-').map(Number);
      out[k] = new neo4j.types.Date(y, m, d);
    } else out[k] = v;
  }
  return out;
}

function entityRow(e: EntityInput, idMap: Map<string, string>) {
  const row = {
    id: idMap.get(e.id) ?? e.id,
    name: e.name,
    description: e.description ?? null,
    names: e.names.map((n) => n.value),
    nameLangs: e.names.map((n) => n.lang),
  };
  // merged: an existing entity found by name; it keeps its own display name and description
  return { ...row, merged: idMap.has(e.id), props: toNeo4jProps(e.properties ?? {}), hash: hash([row, e.properties ?? {}]) };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K extends string>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

/**
 * The one import path: the CLI, first start's seeding and the importDocument mutation all call it.
 * The whole document is validated (schema, rules, and ids it refers to in the database) before
 * anything is written; then entities, relationships and provenance are MERGEd by id.
 */
export class Importer {
  constructor(private readonly db: Database) {}

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
    const found = new Set((await this.db.read(cypher('import/existing-ids'), { ids })).map((r) => r.get('id') as string));
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
    const existing = new Set((await this.db.read(cypher('import/existing-ids'), { ids: rows.map((r) => r.id) })).map((r) => r.get('id') as string));
    return new Map(records.filter((r) => !existing.has(r.get('incoming'))).map((r) => [r.get('incoming') as string, r.get('existing') as string]));
  }

  private async write(doc: ImportDocument, idMap: Map<string, string>, opts: ImportOptions): Promise<ImportSummary> {
    const size = opts.batchSize ?? 5000;
    const mapId = (id: string) => idMap.get(id) ?? id;
    const source: EntityInput = { ...doc.source, kind: SOURCE_KIND, properties: this.sourceProps(doc) };
    const entities = [source, ...doc.entities];
    const provenance = doc.entities.flatMap((e) =>
      (e.provenance ?? []).map((p: ProvenanceInput) => ({ id: mapId(e.id), source: p.source ?? doc.source.id, section: p.section, sentence: p.sentence, basis: p.basis, note: p.note ?? null })),
    );
    const rels = doc.relationships.filter((r) => isRelationshipType(r.type));
    const total = entities.length + rels.length + provenance.length;
    let done = 0;
    const summary: ImportSummary = {
      entities: { created: 0, updated: 0, unchanged: 0 },
      relationships: { created: 0, updated: 0, unchanged: 0 },
      provenance: provenance.length,
      merged: Object.fromEntries(idMap),
    };
    const tally = (into: ImportSummary['entities'], recs: Awaited<ReturnType<Tx['run']>>) => {
      const [r] = recs;
      const created = Number(toPlain(r.get('created')));
      const updated = Number(toPlain(r.get('updated')));
      into.created += created;
      into.updated += updated;
      into.unchanged += Number(toPlain(r.get('total'))) - created - updated;
    };
    const batches: ((tx: Tx) => Promise<void>)[] = [];
    for (const [kind, group] of groupBy(entities, (e) => e.kind)) {
      for (const part of chunks(group, size)) {
        batches.push(async (tx) => {
          tally(summary.entities, await tx.run(upsertEntities(kind as EntityKind), { rows: part.map((e) => entityRow(e, idMap)), kind, actor: opts.actor }));
          done += part.length;
        });
      }
    }
    for (const [type, group] of groupBy(rels, (r) => r.type)) {
      for (const part of chunks(group, size)) {
        const rows = part.map((r) => {
          const props = { ...(r.properties ?? {}), ...(r.provenance ? { sourceId: r.provenance.source ?? doc.source.id, section: r.provenance.section, sentence: r.provenance.sentence, basis: r.provenance.basis } : {}) };
          return { from: mapId(r.from), to: mapId(r.to), props, hash: hash(props) };
        });
        batches.push(async (tx) => {
          tally(summary.relationships, await tx.run(upsertRelationships(type), { rows, actor: opts.actor }));
          done += part.length;
        });
      }
    }
    for (const part of chunks(provenance, size)) {
      batches.push(async (tx) => {
        await tx.run(cypher('import/upsert-provenance'), { rows: part, actor: opts.actor });
        done += part.length;
      });
    }
    // a document that fits in one batch per group is written in one transaction: all or nothing
    if (total <= size) {
      await this.db.writeTx(async (tx) => {
        for (const b of batches) await b(tx);
      }, 'import', { timeoutMs: IMPORT_TX_TIMEOUT_MS });
      opts.onProgress?.(total, total);
    } else {
      for (const b of batches) {
        await this.db.writeTx(b, 'import-batch', { timeoutMs: IMPORT_TX_TIMEOUT_MS });
        opts.onProgress?.(done, total);
      }
    }
    return summary;
  }

  private sourceProps(doc: ImportDocument): Record<string, PropertyValue> {
    const p = doc.source.properties;
    const props: Record<string, PropertyValue | undefined> = {
      publisher: p.publisher,
      issued: p.issued,
      datePrecision: p.datePrecision,
      lang: p.lang,
      title: p.title,
      url: p.url,
      sectionIds: p.sections.map((s) => s.id),
      sectionTitles: p.sections.map((s) => s.title),
      trackedMetricKinds: [...new Set(p.sections.flatMap((s) => s.metricKinds ?? []))],
    };
    return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Record<string, PropertyValue>;
  }
}
