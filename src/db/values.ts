import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isNode, isRelationship, isPath } from 'neo4j-driver';
import type { JsonValue } from '../graph/subgraph';

/**
 * Converts anything the driver returns into plain JSON-safe data, so `neo4j.Integer` and temporal
 * types never leave the repository edge. Integers become numbers (ids and counts stay far below
 * 2^53), dates ISO-8601 strings, nodes and relationships their properties.
 */
export function toPlain(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return (value as { toString(): string }).toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value as never) || isRelationship(value as never)) return toPlain((value as { properties: unknown }).properties);
  if (isPath(value as never)) throw new Error('paths must be mapped explicitly');
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
}

export function toPlainObject(value: unknown): Record<string, JsonValue> {
  const v = toPlain(value);
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

/** An integer parameter: Cypher's LIMIT/SKIP and range bounds need a real integer, not a float. */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}
