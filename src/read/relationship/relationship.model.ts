import type { EntityFields, EntityRecord } from '../entity/entity.model';
import type { JsonValue } from '../../graph/subgraph';
import { type EntityKind, HIDDEN_KEYS } from '../../model/kinds';
import { type RelationshipTypeName } from '../../model/relationships';

/** Which way an edge is followed from the entity at hand. */
export type Direction = 'OUT' | 'IN';

/** `*` stands for every relationship type except provenance (REPORTED_IN). */
export type RelType = RelationshipTypeName | '*';

/**
 * One thing a nested field asks for: the neighbours of entity `id` over edges of `type` in
 * `direction`, optionally only those of `kind`, at most `limit` of them. DataLoader batches these
 * keys; every key of one batch is answered by a single query.
 */
export interface RelKey {
  id: string;
  type: RelType;
  direction: Direction;
  kind?: EntityKind;
  limit: number;
}

/** The shape of a branch of the batched query: keys that differ only by id share one branch. */
export type RelBranch = Omit<RelKey, 'id'>;

/** A neighbour and the edge to it; `E` is a full record, or a partial one when it was prefetched. */
export interface RelatedRecord<E extends EntityFields = EntityRecord> {
  entity: E;
  /** the relationship type, e.g. PARTY_TO */
  type: string;
  direction: Direction;
  /** the participant's role on participation edges (PARTY_TO, INVESTOR_IN, INVOLVED_IN) */
  role: string | null;
  /** the edge's own properties (role, provenance sentence, ...), JSON-safe */
  properties: Record<string, JsonValue>;
}

export function branchOf(k: RelKey): RelBranch {
  return { type: k.type, direction: k.direction, kind: k.kind, limit: k.limit };
}

export function branchSignature(b: RelBranch): string {
  return `${b.type}|${b.direction}|${b.kind ?? ''}|${b.limit}`;
}

export function relKeyString(k: RelKey): string {
  return `${k.id}|${branchSignature(k)}`;
}

/** Edge properties that are bookkeeping, not facts. */
const INTERNAL_EDGE_PROPS = new Set<string>(HIDDEN_KEYS);

export function edgeProperties(p: Record<string, JsonValue>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !INTERNAL_EDGE_PROPS.has(k)));
}

const byNameThenId = (a: { entity: EntityFields }, b: { entity: EntityFields }): number =>
  a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0;

/** Results of several keys merged: one row per neighbour and edge type, ordered by name then id. */
export function mergeRelated<E extends EntityFields>(lists: readonly (readonly RelatedRecord<E>[])[], limit: number): RelatedRecord<E>[] {
  // The usual case, one list as its statement ordered it: strictly increasing by (name, id) means
  // no neighbour twice (the same id has the same name), so it is already the answer.
  if (lists.length === 1 && lists[0].every((r, i, l) => i === 0 || byNameThenId(l[i - 1], r) < 0)) return lists[0].slice(0, limit);
  const seen = new Set<string>();
  const out: RelatedRecord<E>[] = [];
  for (const r of lists.flat()) {
    const key = `${r.entity.id}|${r.type}|${r.direction}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  out.sort(byNameThenId);
  return out.slice(0, limit);
}
