import { BadUserInputError } from '../common/errors';
import { type Cursor, decodeCursor, encodeCursor } from '../read/relay/cursor';

/**
 * A change's position in the log: its transaction's seq (gap-free, in commit order) and its index
 * within the transaction. To clients it is an opaque cursor of the one Relay codec (ordering
 * CHANGES), so `position`, `changes`' cursors and `after` are the same strings.
 */
export interface Position {
  seq: number;
  index: number;
}

export const positionCursor = (p: Position): Cursor => ({ ordering: 'CHANGES', keys: [String(p.seq)], id: String(p.index) });

export const encodePosition = (p: Position): string => encodeCursor(positionCursor(p));

export function decodePosition(after: string | null | undefined, field = 'after'): Position | undefined {
  const cursor = decodeCursor(after, 'CHANGES', field);
  if (!cursor) return undefined;
  if (!/^\d{1,9}$/.test(cursor.id)) throw new BadUserInputError(`${field} is not a position of the change feed`, field);
  return { seq: Number(cursor.keys[0]), index: Number(cursor.id) };
}

/** Negative when a is before b. */
export const comparePositions = (a: Position, b: Position): number => a.seq - b.seq || a.index - b.index;
