import { cypher } from '../db/cypher-registry';
import type { Tx } from '../db/database';
import { toPlain, toPlainObject } from '../db/values';
import type { JsonValue } from '../graph/subgraph';
import { type EntityRecord, toEntityRecord } from '../read/entity/entity.model';
import type { EntityRow, ProvenanceRow, RelationshipRow } from './graph-rows';
import { deleteEntities, deleteRelationship, type EntityChangeTuple, type RelationshipChangeTuple, upsertEntities, upsertRelationships } from './graph-writer.cypher';
import { upsertProvenanceRows } from './provenance-upsert';
import { type EntityKind } from '../model/kinds';
import { type RelationshipTypeName } from '../model/relationships';
import { ChangeLogWriter, type RelationshipRowChange } from './change-log/change-log.writer';

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * The properties a relationship created by this batch holds at its end, per (from, to): its rows
 * applied in order as `SET r += row.props` applies them (a null removes), bookkeeping aside (the
 * change log leaves it out). Equal to reading `properties(r)` back, without decoding it.
 */
function createdProperties(rows: readonly RelationshipRow[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = pairKey(row.from, row.to);
    const props = out.get(key) ?? {};
    for (const [k, v] of Object.entries(row.props)) {
      if (v === null || v === undefined) delete props[k];
      else props[k] = v;
    }
    out.set(key, props);
  }
  return out;
}

/** What a batch of upserts did: rows created, rows changed, rows whose content was already stored. */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface EntityWrite {
  entity: EntityRecord;
  created: boolean;
  changed: boolean;
}

export interface RelationshipWrite {
  properties: Record<string, JsonValue>;
  created: boolean;
  changed: boolean;
}

/**
 * The one way into the graph. The importer (the import command, first start's seeding and the
 * importDocument mutation) and the mutations (upsertEntity, link, unlink, deleteEntity) hand it
 * rows built by graph-rows.ts and their transaction; it writes them with the author of the change.
 * Every write of the service passes through these methods, inside the caller's transaction, so
 * the change log (src/write/change-log/) is written here too: each method reports what its
 * statement changed, and the transaction's coalesced changes are stored before the method returns,
 * committing or rolling back with the write itself.
 */
export class GraphWriter {
  private readonly log: ChangeLogWriter | undefined;

  constructor(
    private readonly tx: Tx,
    /** who writes: recorded as createdBy/updatedBy and as the changes' actor */
    readonly actor: string,
    /**
     * false only for the benchmark's imports without a change log (bench/live.ts, bench/import.ts):
     * their writes move no log position, so the PAGERANK job sees them by the counts they change
     * (ranking.service.ts); a write with false must keep to upserts that add rows or set properties
     */
    changeLog = true,
  ) {
    this.log = changeLog ? new ChangeLogWriter(tx, actor) : undefined;
    // the transaction's changes are stored once, just before it commits (see Tx.beforeCommit)
    const log = this.log;
    if (log) tx.beforeCommit(() => log.flush());
  }

  async upsertEntities(kind: EntityKind, rows: EntityRow[]): Promise<WriteCounts> {
    const records = await this.tx.run(upsertEntities(kind), { rows, kind, actor: this.actor });
    this.log?.entities(kind, (records[0].get('changes') as EntityChangeTuple[]).map(([id, created, changed]) => ({ id, created, changed })));
    return counts(records);
  }

  async upsertEntity(kind: EntityKind, row: EntityRow): Promise<EntityWrite> {
    const [r] = await this.tx.run(upsertEntities(kind, 'records'), { rows: [row], kind, actor: this.actor });
    const write = { entity: toEntityRecord(toPlainObject(r.get('n'))), created: r.get('created') as boolean, changed: r.get('changed') as boolean };
    if (write.changed) this.log?.entities(kind, [{ id: write.entity.id, created: write.created, changed: r.get('changedKeys') as string[] }]);
    return write;
  }

  async upsertRelationships(type: RelationshipTypeName, rows: RelationshipRow[]): Promise<WriteCounts> {
    const records = await this.tx.run(upsertRelationships(type), { rows, actor: this.actor });
    if (this.log) {
      const changes = records[0].get('changes') as RelationshipChangeTuple[];
      const created = changes.some((c) => c[4]) ? createdProperties(rows) : new Map<string, Record<string, unknown>>();
      this.log.relationships(
        changes.map(([from, to, fromKind, toKind, isNew, changed]) => ({ type, from, to, fromKind, toKind, created: isNew, changed, props: isNew ? created.get(pairKey(from, to)) : undefined })),
      );
    }
    return counts(records);
  }

  async upsertRelationship(type: RelationshipTypeName, row: RelationshipRow): Promise<RelationshipWrite> {
    const [r] = await this.tx.run(upsertRelationships(type, 'records'), { rows: [row], actor: this.actor });
    const write = { properties: toPlainObject(r.get('r')), created: r.get('created') as boolean, changed: r.get('changed') as boolean };
    if (write.changed) {
      const ends = { fromKind: r.get('fromKind') as EntityKind, toKind: r.get('toKind') as EntityKind };
      this.log?.relationships([{ type, from: row.from, to: row.to, ...ends, created: write.created, changed: r.get('changedKeys') as string[], props: write.properties }]);
    }
    return write;
  }

  /** REPORTED_IN edges from entities to the sections of their sources. */
  async upsertProvenance(rows: ProvenanceRow[]): Promise<void> {
    const changed = await upsertProvenanceRows(this.tx, rows, this.actor);
    this.log?.entitiesUpdated(changed, ['sources']);
  }

  /** How many relationships of `type` from `from` to `to` were removed (0 or 1). */
  async deleteRelationship(type: RelationshipTypeName, from: string, to: string): Promise<number> {
    const [r] = await this.tx.run(deleteRelationship(type), { from, to });
    const deleted = r.get('deleted') as { fromKind: EntityKind; toKind: EntityKind; props: unknown }[];
    this.log?.relationshipsDeleted(deleted.map((d) => ({ type, from, to, ...d })));
    return Number(toPlain(r.get('removed')));
  }

  /** Removes a deleted source's provenance from the relationships that cite it. */
  async clearCitations(sourceId: string): Promise<number> {
    const [r] = await this.tx.run(cypher('write/clear-citations'), { id: sourceId, actor: this.actor });
    for (const c of r.get('citing') as { id: string; kind: EntityKind; type: string }[]) this.log?.entitiesUpdated([c], [c.type]);
    return Number(toPlain(r.get('cleared')));
  }

  /** Deletes the entities with every relationship they have. */
  async deleteEntities(ids: string[]): Promise<{ nodes: number; relationships: number }> {
    const [r] = await this.tx.run(deleteEntities(), { ids });
    const nodes = r.get('deletedNodes') as { id: string; kind: EntityKind }[];
    this.log?.relationshipsDeleted(r.get('deletedRels') as Omit<RelationshipRowChange, 'created' | 'changed'>[], new Set(nodes.map((n) => n.id)));
    this.log?.entitiesDeleted(nodes);
    return { nodes: Number(toPlain(r.get('nodes'))), relationships: Number(toPlain(r.get('relationships'))) };
  }
}

function counts(records: Awaited<ReturnType<Tx['run']>>): WriteCounts {
  const [r] = records;
  const created = Number(toPlain(r.get('created')));
  const updated = Number(toPlain(r.get('updated')));
  return { created, updated, unchanged: Number(toPlain(r.get('total'))) - created - updated };
}
