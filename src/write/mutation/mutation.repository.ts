import { cypher } from '../../db/cypher-registry';
import type { Tx } from '../../db/database';
import { toPlain, toPlainObject } from '../../db/values';
import { EntityRecord, toEntityRecord } from '../../read/entity/entity.model';
import type { JsonValue } from '../../graph/subgraph';
import { linkEntities, unlinkEntities, upsertEntity } from './mutation.cypher';
import { FACT_KINDS, type EntityKind } from '../../model/kinds';
import type { RelationshipTypeName } from '../../model/relationships';

/** Edges by which an entity takes part in a fact; a fact with none of them has no party. */
export const PARTY_TYPES = ['PARTY_TO', 'INVESTOR_IN', 'RAISED', 'ISSUED', 'INVOLVED_IN', 'SUBJECT_OF'] as const;

export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  description: string | null;
  names: string[];
  nameLangs: string[];
  /** every kind-specific property: given values, null for the ones to remove */
  props: Record<string, unknown>;
  hash: string;
}

export interface ProvenanceRow {
  id: string;
  source: string;
  section: string;
  sentence: string;
  basis: string;
  note: string | null;
}

export interface RelationshipResult {
  properties: Record<string, JsonValue>;
  created: boolean;
  changed: boolean;
}

/**
 * The mutations' database work. Every method runs inside the caller's transaction (`tx`), so a
 * service method's writes commit together or not at all. Records come back as plain objects.
 */
export class MutationRepository {
  async existing(tx: Tx, ids: string[]): Promise<Map<string, { kind: EntityKind; sectionIds: string[] }>> {
    const records = await tx.run(cypher('mutation/entities-by-ids'), { ids });
    return new Map(records.map((r) => [r.get('id') as string, { kind: r.get('kind') as EntityKind, sectionIds: r.get('sectionIds') as string[] }]));
  }

  async upsertEntity(tx: Tx, row: EntityRow, actor: string): Promise<{ entity: EntityRecord; created: boolean; changed: boolean }> {
    const [r] = await tx.run(upsertEntity(row.kind), { ...row, actor });
    return { entity: toEntityRecord(toPlainObject(r.get('n'))), created: r.get('created') as boolean, changed: r.get('changed') as boolean };
  }

  async addProvenance(tx: Tx, rows: ProvenanceRow[], actor: string): Promise<void> {
    if (rows.length) await tx.run(cypher('mutation/upsert-provenance'), { rows, actor });
  }

  async link(tx: Tx, type: RelationshipTypeName, from: string, to: string, props: Record<string, unknown>, hash: string, actor: string): Promise<RelationshipResult> {
    const [r] = await tx.run(linkEntities(type), { from, to, props, hash, actor });
    return { properties: toPlainObject(r.get('r')), created: r.get('created') as boolean, changed: r.get('changed') as boolean };
  }

  async unlink(tx: Tx, type: RelationshipTypeName, from: string, to: string): Promise<number> {
    const [r] = await tx.run(unlinkEntities(type), { from, to });
    return Number(toPlain(r.get('removed')));
  }

  /** The parties a fact keeps without the edge from→to of `type`; undefined when `to` does not exist. */
  async remainingParties(tx: Tx, from: string, type: string, to: string): Promise<{ kind: EntityKind; others: number } | undefined> {
    const [r] = await tx.run(cypher('mutation/remaining-parties'), { from, type, to, partyTypes: PARTY_TYPES });
    return r ? { kind: r.get('kind') as EntityKind, others: Number(toPlain(r.get('others'))) } : undefined;
  }

  async orphanedFacts(tx: Tx, ids: string[]): Promise<string[]> {
    const records = await tx.run(cypher('mutation/orphaned-facts'), { ids, partyTypes: PARTY_TYPES, factKinds: FACT_KINDS });
    return records.map((r) => r.get('id') as string);
  }

  async sourceUsage(tx: Tx, id: string): Promise<{ reports: number; citations: number }> {
    const [r] = await tx.run(cypher('mutation/source-usage'), { id });
    return { reports: Number(toPlain(r.get('reports'))), citations: Number(toPlain(r.get('citations'))) };
  }

  async clearCitations(tx: Tx, id: string, actor: string): Promise<number> {
    const [r] = await tx.run(cypher('mutation/clear-citations'), { id, actor });
    return Number(toPlain(r.get('cleared')));
  }

  async deleteEntities(tx: Tx, ids: string[]): Promise<{ nodes: number; relationships: number }> {
    const [r] = await tx.run(cypher('mutation/delete-entities'), { ids });
    return { nodes: Number(toPlain(r.get('nodes'))), relationships: Number(toPlain(r.get('relationships'))) };
  }
}
