import type { JsonValue } from '../../graph/subgraph';
import type { EntityKind } from '../../model/kinds';

/** The contract's ChangeOp: what happened to one entity or one relationship. */
export const CHANGE_OPS = ['ENTITY_CREATED', 'ENTITY_UPDATED', 'ENTITY_DELETED', 'RELATIONSHIP_CREATED', 'RELATIONSHIP_DELETED'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** An entity change as stored in the log: the entity, and for updates the properties that changed. */
export interface EntityChange {
  op: 'ENTITY_CREATED' | 'ENTITY_UPDATED' | 'ENTITY_DELETED';
  id: string;
  kind: EntityKind;
  /** names of the properties that changed (`sources` when its provenance did; a relationship type when that relationship's properties did) */
  changed: string[];
}

/** A relationship change as stored in the log: both ends with their kinds, and its properties. */
export interface RelationshipChange {
  op: 'RELATIONSHIP_CREATED' | 'RELATIONSHIP_DELETED';
  type: string;
  from: string;
  to: string;
  fromKind: EntityKind;
  toKind: EntityKind;
  props: Record<string, JsonValue>;
}

export type StoredChange = EntityChange | RelationshipChange;

/** One change as read back from the log, with its place in it. */
export interface LoggedChange {
  /** the transaction's position in the log (gap-free, in commit order) */
  seq: number;
  /** the change's index within its transaction */
  index: number;
  at: string;
  actor: string;
  change: StoredChange;
}

export const isEntityChange = (c: StoredChange): c is EntityChange => c.op.startsWith('ENTITY_');
