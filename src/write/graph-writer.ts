import { cypher } from '../db/cypher-registry';
import type { Tx } from '../db/database';
import { toPlain, toPlainObject } from '../db/values';
import type { JsonValue } from '../graph/subgraph';
import { type EntityRecord, toEntityRecord } from '../read/entity/entity.model';
import type { EntityRow, ProvenanceRow, RelationshipRow } from './graph-rows';
import { deleteRelationship, upsertEntities, upsertRelationships } from './graph-writer.cypher';
import { upsertProvenanceRows } from './provenance-upsert';
import { type EntityKind } from '../model/kinds';
import { type RelationshipTypeName } from '../model/relationships';

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
 * anything that must happen with every write (a change log, say) belongs here and commits or
 * rolls back with the write itself.
 */
export class GraphWriter {
  constructor(
    private readonly tx: Tx,
    /** who writes: recorded as createdBy/updatedBy */
    readonly actor: string,
  ) {}

  async upsertEntities(kind: EntityKind, rows: EntityRow[]): Promise<WriteCounts> {
    return counts(await this.tx.run(upsertEntities(kind), { rows, kind, actor: this.actor }));
  }

  async upsertEntity(kind: EntityKind, row: EntityRow): Promise<EntityWrite> {
    const [r] = await this.tx.run(upsertEntities(kind, 'records'), { rows: [row], kind, actor: this.actor });
    return { entity: toEntityRecord(toPlainObject(r.get('n'))), created: r.get('created') as boolean, changed: r.get('changed') as boolean };
  }

  async upsertRelationships(type: RelationshipTypeName, rows: RelationshipRow[]): Promise<WriteCounts> {
    return counts(await this.tx.run(upsertRelationships(type), { rows, actor: this.actor }));
  }

  async upsertRelationship(type: RelationshipTypeName, row: RelationshipRow): Promise<RelationshipWrite> {
    const [r] = await this.tx.run(upsertRelationships(type, 'records'), { rows: [row], actor: this.actor });
    return { properties: toPlainObject(r.get('r')), created: r.get('created') as boolean, changed: r.get('changed') as boolean };
  }

  /** REPORTED_IN edges from entities to the sections of their sources. */
  async upsertProvenance(rows: ProvenanceRow[]): Promise<void> {
    await upsertProvenanceRows(this.tx, rows, this.actor);
  }

  /** How many relationships of `type` from `from` to `to` were removed (0 or 1). */
  async deleteRelationship(type: RelationshipTypeName, from: string, to: string): Promise<number> {
    const [r] = await this.tx.run(deleteRelationship(type), { from, to });
    return Number(toPlain(r.get('removed')));
  }

  /** Removes a deleted source's provenance from the relationships that cite it. */
  async clearCitations(sourceId: string): Promise<number> {
    const [r] = await this.tx.run(cypher('write/clear-citations'), { id: sourceId, actor: this.actor });
    return Number(toPlain(r.get('cleared')));
  }

  /** Deletes the entities with every relationship they have. */
  async deleteEntities(ids: string[]): Promise<{ nodes: number; relationships: number }> {
    const [r] = await this.tx.run(cypher('write/delete-entities'), { ids });
    return { nodes: Number(toPlain(r.get('nodes'))), relationships: Number(toPlain(r.get('relationships'))) };
  }
}

function counts(records: Awaited<ReturnType<Tx['run']>>): WriteCounts {
  const [r] = records;
  const created = Number(toPlain(r.get('created')));
  const updated = Number(toPlain(r.get('updated')));
  return { created, updated, unchanged: Number(toPlain(r.get('total'))) - created - updated };
}
