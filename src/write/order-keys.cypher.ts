import { dateFieldOf, KIND_LABEL, KINDS, ORDER_KEYS, type EntityKind } from '../model/kinds';
import { COUNT_ORDER_FIELDS, COUNT_ORDERS, type RelationshipTypeName } from '../model/relationships';

/**
 * The Cypher that keeps the order keys (ORDER_KEYS in src/model/kinds.ts) equal to what they
 * summarise, in one place for every statement that writes them: GraphWriter's upserts and deletes,
 * restore, and the backfill migration. Names come from the model table, never from a request.
 *
 * - Sort dates are a function of the entity's own dates, set whenever its content is written.
 * - Counts change by one with each counted relationship a write adds or removes, at both ends (a
 *   relationship from an entity to itself counts once, as COUNT {} counts it). `SET x.c = x.c + 1`
 *   reads the property it writes, so Cypher takes the node's write lock before reading it, and
 *   concurrent writers cannot lose each other's steps. Additions step in MERGE's ON CREATE, which
 *   runs exactly once per relationship created, whatever else the statement's rows hold. Writes that cannot step (restore, the
 *   backfill) count from the graph instead: COUNT {} is answered from each node's degree store.
 */

/** The DATE ordering's key of an undated entity: first ascending, last descending (the cursor's key). */
export const UNDATED_ORDER_DATE = "date('0001-01-01')";
/** The timeline's key of an undated event: below any date a document can hold, so undated events come last. */
export const UNDATED_TIMELINE_DATE = "date('-999999999-01-01')";
/** The kind the timeline lists. */
export const TIMELINE_KIND: EntityKind = 'EVENT';

/** SET items giving `v`, an entity of `kind`, its sort dates (none for a kind without dates). */
export function sortDateItems(kind: EntityKind, v: string): string[] {
  const items: string[] = [];
  const first = dateFieldOf(kind);
  if (first) items.push(`${v}.${ORDER_KEYS.date} = coalesce(${v}.${first}, ${UNDATED_ORDER_DATE})`);
  if (kind === TIMELINE_KIND) items.push(`${v}.${ORDER_KEYS.timeline} = coalesce(${KINDS[kind].dates.map((d) => `${v}.${d}`).join(', ')}, ${UNDATED_TIMELINE_DATE})`);
  return items;
}

/** SET items giving a new entity `v` its counts: zero (an existing one keeps what it has). */
export function newCountItems(v: string): string[] {
  return COUNT_ORDER_FIELDS.map((f) => `${v}.${ORDER_KEYS[f]} = coalesce(${v}.${ORDER_KEYS[f]}, 0)`);
}

/** SET items giving `v` each count as the graph holds it. */
export function countItems(v: string): string[] {
  return COUNT_ORDER_FIELDS.map((f) => `${v}.${ORDER_KEYS[f]} = COUNT { (${v})-[:${COUNT_ORDERS[f].join('|')}]-() }`);
}

const countsType = (type: RelationshipTypeName) => COUNT_ORDER_FIELDS.filter((f) => (COUNT_ORDERS[f] as readonly string[]).includes(type));

/**
 * MERGE's ON CREATE clauses that add a new relationship of `type` to the counts of its ends `a` and
 * `b`: they run once per relationship the MERGE creates, even when a batch holds the same row twice.
 * Two clauses, applied one after the other, so that a relationship from an entity to itself counts
 * once. Empty when no count covers the type (provenance).
 */
export function countOnCreate(type: RelationshipTypeName, a: string, b: string): string {
  const fields = countsType(type);
  if (!fields.length) return '';
  const step = (v: string, by: string) => fields.map((f) => `${v}.${ORDER_KEYS[f]} = ${v}.${ORDER_KEYS[f]} + ${by}`).join(', ');
  return `  ON CREATE SET ${step(a, '1')}\n  ON CREATE SET ${step(b, `CASE WHEN ${a} = ${b} THEN 0 ELSE 1 END`)}\n`;
}

/** A clause that takes one deleted relationship of `type` off the counts of its ends (once for a loop). */
export function countRemoval(type: RelationshipTypeName, a: string, b: string): string {
  const fields = countsType(type);
  if (!fields.length) return '';
  return `FOREACH (m IN CASE WHEN ${a} = ${b} THEN [${a}] ELSE [${a}, ${b}] END |
  SET ${fields.map((f) => `m.${ORDER_KEYS[f]} = m.${ORDER_KEYS[f]} - 1`).join(', ')})\n`;
}

/**
 * A clause that takes the relationships `rels` (any types) off the counts of their ends that are
 * not in `deleted`: what deleting entities does to their neighbours.
 */
export function countRemovals(rels: string, deleted: string): string {
  const items = COUNT_ORDER_FIELDS.map((f) => `m.${ORDER_KEYS[f]} = m.${ORDER_KEYS[f]} - CASE WHEN type(r) IN [${COUNT_ORDERS[f].map((t) => `'${t}'`).join(', ')}] THEN 1 ELSE 0 END`);
  return `FOREACH (r IN ${rels} |
  FOREACH (m IN [x IN [startNode(r), endNode(r)] WHERE NOT x IN ${deleted}] |
    SET ${items.join(',\n        ')}))\n`;
}

/** Whether a relationship type is counted by any count ordering. */
export const isCountedType = (type: RelationshipTypeName): boolean => countsType(type).length > 0;

/**
 * The backfill of one kind: every order key of every entity of `kind` computed from the graph, in
 * transactions of 10,000 entities (a million entities in one transaction would not fit the heap).
 * Migration 014 holds these statements, one per kind (test/unit/order-keys.test.ts keeps them equal).
 */
export function backfillStatement(kind: EntityKind): string {
  return `MATCH (n:${KIND_LABEL[kind]})
CALL (n) {
  SET ${[...sortDateItems(kind, 'n'), ...countItems('n')].join(',\n      ')}
} IN TRANSACTIONS OF 10000 ROWS`;
}
