import { BOOKKEEPING_KEYS, HIDDEN_KEYS, TIMESTAMP_KEYS } from '../model/kinds';

/**
 * Cypher map projections for returning an entity or relationship. Bookkeeping DateTimes come back
 * as ISO strings (decoding driver temporal objects was about half of our server's CPU on wide
 * results) and the content hash not at all. The variable name is our own code, never input.
 */
export function entityProjection(v: string): string {
  const timestamps = TIMESTAMP_KEYS.map((k) => `${k}: toString(${v}.${k})`);
  return `${v} {.*, ${[...timestamps, ...HIDDEN_KEYS.map((k) => `${k}: null`)].join(', ')}}`;
}

/** For graph output (trace), where bookkeeping is hidden anyway: not sent at all. */
export function bareProjection(v: string): string {
  return `${v} {.*, ${BOOKKEEPING_KEYS.map((k) => `${k}: null`).join(', ')}}`;
}
