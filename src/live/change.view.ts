import type { GraphEdgeData } from '../graph/subgraph';
import type { EntityKind } from '../model/kinds';
import { toGraphEdge } from '../trace/trace.model';
import { type ChangeOp, isEntityChange, type LoggedChange } from '../write/change-log/change.model';
import { encodePosition } from './position';

/** What the GraphQL type `GraphChange` resolves from. */
export interface GraphChangeData {
  position: string;
  op: ChangeOp;
  entityId: string | null;
  kind: EntityKind | null;
  edge: GraphEdgeData | null;
  at: string;
  changedProperties: string[];
  actor: string;
}

/** A logged change as `GraphChange` shows it. */
export function toGraphChange(c: LoggedChange): GraphChangeData {
  const base = { position: encodePosition(c), op: c.change.op, at: c.at, actor: c.actor };
  if (isEntityChange(c.change)) {
    return { ...base, entityId: c.change.id, kind: c.change.kind, edge: null, changedProperties: c.change.changed };
  }
  const { from, type, to, props } = c.change;
  return { ...base, entityId: null, kind: null, edge: toGraphEdge(from, type, to, props), changedProperties: [] };
}
