import { BadUserInputError } from '../../common/errors';
import type { JsonValue } from '../../graph/subgraph';
import type { EntityRecord } from '../entity/entity.model';

export type OrderField = 'NAME' | 'DATE' | 'CREATED_AT';
export type OrderDirection = 'ASC' | 'DESC';

export interface ConnectionOrder {
  field: OrderField;
  direction: OrderDirection;
}

/** A filter after validation: only the parts present, values ready to be parameters. */
export interface ConnectionFilter {
  name?: string;
  ids?: string[];
  country?: string;
  sector?: string;
  participant?: string;
  dateFrom?: string;
  dateTo?: string;
  equals: { field: string; values: string[] }[];
}

/** Where a page starts: strictly after the row with this sort key and id. */
export interface Cursor {
  field: OrderField;
  key: JsonValue;
  id: string;
}

export interface ConnectionRow {
  entity: EntityRecord;
  sortKey: JsonValue;
}

/** Opaque to clients; inside, the ordering it belongs to, the sort key and the id (the tie-breaker). */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.field, c.key, c.id]), 'utf8').toString('base64url');
}

/** Sort keys travel as strings; Cypher turns DATE and CREATED_AT keys back into temporal values. */
const KEY_FORMAT: Record<OrderField, RegExp> = {
  NAME: /^[\s\S]*$/,
  DATE: /^-?\d{4,}-\d{2}-\d{2}$/,
  CREATED_AT: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
};

/** Any cursor this service did not make for this ordering is rejected, naming `after`. */
export function decodeCursor(after: string, field: OrderField): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[2] !== 'string' || !['NAME', 'DATE', 'CREATED_AT'].includes(parsed[0])) {
    throw new BadUserInputError('after is not a cursor from this connection', 'after');
  }
  const [f, key, id] = parsed as [OrderField, JsonValue, string];
  if (typeof key !== 'string' || !KEY_FORMAT[f].test(key)) throw new BadUserInputError('after is not a cursor from this connection', 'after');
  if (f !== field) throw new BadUserInputError(`after is a cursor for ordering by ${f}, but this request orders by ${field}`, 'after');
  return { field: f, key, id };
}
