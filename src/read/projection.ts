import { AUDIT_KEYS, EDGE_HIDDEN_KEYS, HIDDEN_KEYS, TIMESTAMP_KEYS } from '../model/kinds';

/**
 * Cypher map projections for returning an entity or relationship. Bookkeeping DateTimes come back
 * as ISO strings (decoding driver temporal objects was about half of our server's CPU on wide
 * results), the content hash and an entity's order keys not at all. The variable name is our own
 * code, never input.
 */
const projection = (v: string, timestamps: boolean, hidden: readonly string[]) =>
  `${v} {.*, ${[...(timestamps ? TIMESTAMP_KEYS.map((k) => `${k}: toString(${v}.${k})`) : []), ...hidden.map((k) => `${k}: null`)].join(', ')}}`;

export function entityProjection(v: string): string {
  return projection(v, true, HIDDEN_KEYS);
}

export function relationshipProjection(v: string): string {
  return projection(v, true, EDGE_HIDDEN_KEYS);
}

/** For graph output (trace), where bookkeeping is hidden anyway: not sent at all. */
export function bareProjection(v: string): string {
  return projection(v, false, [...AUDIT_KEYS, ...HIDDEN_KEYS]);
}

export function bareRelationshipProjection(v: string): string {
  return projection(v, false, [...AUDIT_KEYS, ...EDGE_HIDDEN_KEYS]);
}
