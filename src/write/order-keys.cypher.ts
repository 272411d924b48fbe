import { dateFieldOf, KIND_LABEL, KINDS, ORDER_KEYS, type EntityKind } from '../model/kinds';
import { COUNT_ORDER_FIELDS, COUNT_ORDERS, type RelationshipTypeName } from '../model/relationships';

/**
 * The Cypher that keeps the order keys (ORDER_KEYS in src/model/kinds.ts) equal to what they
 * summarise, in one place for every statement that writes them: GraphWriter's upserts and deletes,
 * restore, and the backfill migration. Names come from the model table, never from a request.
 *
 * - Sort dates are a function of the entity's own dates, set whenever its content is written.
 * - Counts change with each counted relationship a write adds or removes, at both ends (a
 *   relationship from an entity to itself counts once, as COUNT {} counts it). `SET x.c = x.c + k`
 *   reads the property it writes, so Cypher takes the node's write lock before reading it, and
 *   concurrent writers cannot lose each other's steps (Neo4j 5 does not lock a dense node just to
 *   add a relationship to it, so counting from the graph instead could lose one). Additions step
 *   once per node and statement, by how many relationships the statement created there: a batch
 *   of 10,000 companies joining one sector rewrites the sector's indexed counts once, not 10,000
 *   times. Writes that cannot step (restore, the backfill) count from the graph instead: COUNT {}
 *   is answered from each node's degree store.
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
 * A clause that adds the relationships `rels` of `type` to the counts of their ends: `rels` is a
 * list holding each relationship the statement created once (the caller collects them DISTINCT,
 * so a batch that holds the same row twice counts it once). Each end steps once, by how many of
 * them it holds; a relationship from an entity to itself counts once. Empty when no count covers
 * the type (provenance).
 */
export function countCreated(type: RelationshipTypeName, rels: string): string {
  const fields = countsType(type);
  if (!fields.length) return '';
  return `CALL (${rels}) {
  UNWIND ${rels} AS r
  UNWIND CASE WHEN startNode(r) = endNode(r) THEN [startNode(r)] ELSE [startNode(r), endNode(r)] END AS m
  WITH m, count(*) AS k
  SET ${fields.map((f) => `m.${ORDER_KEYS[f]} = m.${ORDER_KEYS[f]} + k`).join(', ')}
}
`;
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
