import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isNode, isRelationship, isPath } from 'neo4j-driver';
import type { JsonValue } from '../graph/subgraph';

/**
 * Converts anything the driver returns into plain JSON-safe data, so `neo4j.Integer` and temporal
 * types never leave the repository edge. Integers become numbers (ids and counts stay far below
 * 2^53), dates ISO-8601 strings, nodes and relationships their properties.
 */
export function toPlain(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  // maps come back as plain objects: the common case, checked before the driver's type tests
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return (value as { toString(): string }).toString();
  }
  if (isNode(value as never) || isRelationship(value as never)) return toPlain((value as { properties: unknown }).properties);
  if (isPath(value as never)) throw new Error('paths must be mapped explicitly');
  return plainMap(value as Record<string, unknown>);
}

function plainMap(value: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = toPlain(value[k]);
  return out;
}

export function toPlainObject(value: unknown): Record<string, JsonValue> {
  const v = toPlain(value);
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

/** An integer parameter: Cypher's LIMIT/SKIP and range bounds need a real integer, not a float. */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}
