/**
 * Cypher map projections for returning an entity or relationship. Bookkeeping DateTimes come back
 * as ISO strings (decoding driver temporal objects was about half of our server's CPU on wide
 * results) and the content hash not at all. The variable name is our own code, never input.
 */
export function entityProjection(v: string): string {
  return `${v} {.*, createdAt: toString(${v}.createdAt), updatedAt: toString(${v}.updatedAt), contentHash: null}`;
}

/** For graph output (trace), where bookkeeping is hidden anyway: not sent at all. */
export function bareProjection(v: string): string {
  return `${v} {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null}`;
}
