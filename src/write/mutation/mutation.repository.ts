import { cypher } from '../../db/cypher-registry';
import type { Tx } from '../../db/database';
import { toPlain } from '../../db/values';
import { type EntityKind, FACT_KINDS } from '../../model/kinds';

/** Edges by which an entity takes part in a fact; a fact with none of them has no party. */
export const PARTY_TYPES = ['PARTY_TO', 'INVESTOR_IN', 'RAISED', 'ISSUED', 'INVOLVED_IN', 'SUBJECT_OF'] as const;

/**
 * What the mutations read before they write: existence, kinds, the parties a fact keeps, what
 * still cites a source. Every method runs inside the caller's transaction (`tx`), the one its
 * writes (through GraphWriter) run in, so checks and writes commit together or not at all.
 */
export class MutationRepository {
  async existing(tx: Tx, ids: string[]): Promise<Map<string, { kind: EntityKind; sectionIds: string[] }>> {
    const records = await tx.run(cypher('entity/kinds-by-ids'), { ids });
    return new Map(records.map((r) => [r.get('id') as string, { kind: r.get('kind') as EntityKind, sectionIds: r.get('sectionIds') as string[] }]));
  }

  /** The parties a fact keeps without the edge from→to of `type`; undefined when `to` does not exist. */
  async remainingParties(tx: Tx, from: string, type: string, to: string): Promise<{ kind: EntityKind; others: number } | undefined> {
    const [r] = await tx.run(cypher('mutation/remaining-parties'), { from, type, to, partyTypes: PARTY_TYPES });
    return r ? { kind: r.get('kind') as EntityKind, others: Number(toPlain(r.get('others'))) } : undefined;
  }

  /** The facts the entities `ids` take part in, so a delete can lock them before it counts their parties. */
  async partyFacts(tx: Tx, ids: string[]): Promise<string[]> {
    const records = await tx.run(cypher('mutation/party-facts'), { ids, partyTypes: PARTY_TYPES, factKinds: FACT_KINDS });
    return records.map((r) => r.get('id') as string);
  }

  async orphanedFacts(tx: Tx, ids: string[]): Promise<string[]> {
    const records = await tx.run(cypher('mutation/orphaned-facts'), { ids, partyTypes: PARTY_TYPES, factKinds: FACT_KINDS });
    return records.map((r) => r.get('id') as string);
  }

  async sourceUsage(tx: Tx, id: string): Promise<{ reports: number; citations: number }> {
    const [r] = await tx.run(cypher('mutation/source-usage'), { id });
    return { reports: Number(toPlain(r.get('reports'))), citations: Number(toPlain(r.get('citations'))) };
  }
}
