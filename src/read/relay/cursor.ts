import { BadUserInputError } from '../../common/errors';

/**
 * The one cursor codec of every Relay connection (root connections, `timeline`, `Source.entities`).
 * A cursor is opaque to clients: base64url of the JSON list [ordering, ...sort keys, id]. The
 * ordering tag says which keyset it belongs to, so a cursor from another ordering or connection is
 * refused instead of silently paging from the wrong place; the id is the tie-breaker of every keyset.
 */

/** How a sort key travels: as a string (Cypher turns date and datetime keys back into temporal values). */
type KeyFormat = 'text' | 'date' | 'datetime' | 'date-or-null' | 'count';

const KEY_PATTERN: Record<Exclude<KeyFormat, 'date-or-null'>, RegExp> = {
  text: /^[\s\S]*$/,
  date: /^-?\d{4,}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
  count: /^\d{1,15}$/,
};

/** Every keyset this service pages by, with the sort keys before the id. */
export const CURSOR_ORDERINGS = {
  /** root connections ordered by name */
  NAME: ['text'],
  /** root connections ordered by the kind's date (undated ones sort as earliest) */
  DATE: ['date'],
  /** root connections ordered by when the entity entered the graph */
  CREATED_AT: ['datetime'],
  /** root connections ordered by a count of relationships (degree, partnerships, investments, events) */
  DEGREE: ['count'],
  PARTNERSHIPS: ['count'],
  INVESTMENTS: ['count'],
  EVENTS: ['count'],
  /** `timeline` and nothing else: newest first, undated events last */
  TIMELINE: ['date-or-null'],
  /** `Source.entities`: by id alone */
  ID: [],
  /** the change feed (`changes`, `graphChanged`): a transaction's log position, then the change's index in it */
  CHANGES: ['count'],
} as const satisfies Record<string, readonly KeyFormat[]>;

export type CursorOrdering = keyof typeof CURSOR_ORDERINGS;

export interface Cursor {
  ordering: CursorOrdering;
  /** the row's sort keys, one per format of its ordering */
  keys: (string | null)[];
  /** the row's id, which breaks ties */
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.ordering, ...c.keys, c.id]), 'utf8').toString('base64url');
}

function keyFits(format: KeyFormat, key: unknown): key is string | null {
  if (format === 'date-or-null') return key === null || keyFits('date', key);
  return typeof key === 'string' && KEY_PATTERN[format].test(key);
}

/** The cursor in `text` if it is well formed for its own ordering, else undefined. */
function parse(text: string): Cursor | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || typeof value[0] !== 'string' || !Object.hasOwn(CURSOR_ORDERINGS, value[0])) return undefined;
  const ordering = value[0] as CursorOrdering;
  const formats: readonly KeyFormat[] = CURSOR_ORDERINGS[ordering];
  const keys = value.slice(1, -1) as unknown[];
  const id: unknown = value.at(-1);
  if (value.length !== formats.length + 2 || typeof id !== 'string' || !formats.every((f, i) => keyFits(f, keys[i]))) return undefined;
  return { ordering, keys: keys as (string | null)[], id };
}

/**
 * The cursor a client passed as `after` (none when absent or empty), checked to be one this
 * service made for `ordering`; anything else is a BAD_USER_INPUT naming the argument.
 */
export function decodeCursor(after: string | null | undefined, ordering: CursorOrdering, field = 'after'): Cursor | undefined {
  if (!after) return undefined;
  const cursor = parse(after);
  if (!cursor) throw new BadUserInputError(`${field} is not a cursor from this connection`, field);
  if (cursor.ordering !== ordering) {
    throw new BadUserInputError(`${field} is a cursor for ordering by ${cursor.ordering}, but this request orders by ${ordering}`, field);
  }
  return cursor;
}
