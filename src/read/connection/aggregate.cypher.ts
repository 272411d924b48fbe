import type { CypherQuery } from '../../db/cypher-registry';
import { boundedMemo } from '../../common/bounded-memo';
import { KIND_LABEL, type EntityKind } from '../../model/kinds';
import { conditions, filterSignature, presentFilters, SECTOR_LINKS } from './connection.cypher';
import type { ConnectionFilter } from './connection.model';
import type { GroupField, Measure } from './aggregate.model';

/**
 * The statement behind a root connection's `aggregate`: every figure the selection asks for in one
 * statement that reads the matched entities once. Property names come from the model table through
 * aggregate.model.ts, never from a request; every value is a parameter.
 */
const queries = boundedMemo<CypherQuery>(500);

function where(kind: EntityKind, filter: ConnectionFilter, extra: string[] = []): string {
  const terms = [...conditions(kind, filter), ...extra];
  return terms.length ? `WHERE ${terms.join('\n  AND ')}\n` : '';
}

/** The group key as Cypher computes it; dates as `2025`, `2025-Q3`, `2025-09` (null when undated). */
function keyExpr(field: GroupField): string {
  const s = field.source;
  switch (s.by) {
    case 'property':
      return `n.${s.property}`;
    case 'sector':
      return 's.id';
    case 'year':
      return `toString(n.${s.property}.year)`;
    case 'quarter':
      return `toString(n.${s.property}.year) + '-Q' + toString(n.${s.property}.quarter)`;
    case 'month':
      return `toString(n.${s.property}.year) + '-' + right('0' + toString(n.${s.property}.month), 2)`;
  }
}

/** One figure an `aggregate` selection asks for: the count, the counts per group field, or a measure's stats. */
export type AggregatePart = { op: 'count' } | { op: 'group'; field: GroupField } | { op: 'stats'; measure: Measure };

/** Equal parts have equal signatures (a figure selected twice under two aliases is computed once). */
export function partSignature(p: AggregatePart): string {
  return p.op === 'count' ? 'count' : p.op === 'group' ? `group:${p.field.name}` : `stats:${p.measure.name}`;
}

/** What one part computes from the entities `n` (bound) on: rows it skips, its clauses, and the value it returns. */
interface Tail {
  /** a condition on `n` the part needs besides the filter */
  only?: string;
  /** the clauses after the match, up to the RETURN */
  text: string;
  /** the expression the part returns */
  value: string;
}

/** The part's RETURN, its value named `p<i>`. */
const returning = (t: Tail, i: number) => `${t.text}RETURN ${t.value} AS p${i}`;

/**
 * Counts per group, as a list of {key, count}. Dates list in calendar order, other groups largest
 * first (ties by key); the group of entities without a value (key null) comes last. An entity in
 * several sectors counts once in each; one in none counts under null.
 */
function groupTail(field: GroupField): Tail {
  const dated = field.source.by === 'year' || field.source.by === 'quarter' || field.source.by === 'month';
  const sector = field.source.by === 'sector' ? `OPTIONAL MATCH (n)-[:${SECTOR_LINKS}]->(s:Sector)\n` : '';
  const counted = field.source.by === 'sector' ? 'count(DISTINCT n)' : 'count(n)';
  const order = dated ? 'key IS NULL, key' : 'key IS NULL, count DESC, key';
  return {
    text: `${sector}WITH ${keyExpr(field)} AS key, ${counted} AS count
ORDER BY ${order}
`,
    value: 'collect({key: key, count: count})',
  };
}

const STATS = 'count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg';
const STATS_ROW = '{key: key, count: count, sum: sum, min: min, max: max, avg: avg}';
const statsKey = (measure: Measure) => `[${measure.per.map((p) => `n.${p}`).join(', ')}]`;

/** count, sum, min, max and avg of a measure per group of its `per` properties (e.g. per currency), as a list. */
function statsTail(measure: Measure): Tail {
  return {
    only: `n.${measure.field} IS NOT NULL`,
    text: `WITH ${statsKey(measure)} AS key, n.${measure.field} AS v
WITH key, ${STATS}
ORDER BY key
`,
    value: `collect(${STATS_ROW})`,
  };
}

const tail = (part: Exclude<AggregatePart, { op: 'count' }>): Tail => (part.op === 'group' ? groupTail(part.field) : statsTail(part.measure));
const match = (kind: EntityKind, filter: ConnectionFilter, extra: string[] = []) => `MATCH (n:${KIND_LABEL[kind]})\n${where(kind, filter, extra)}`;
const indent = (text: string) => text.replace(/^/gm, '  ');

/** One figure alone: the count (from Neo4j's count store when unfiltered), or one part over the matched entities. */
function single(kind: EntityKind, filter: ConnectionFilter, part: AggregatePart): string {
  if (part.op === 'count') return `${match(kind, filter)}RETURN count(n) AS p0`;
  const t = tail(part);
  return match(kind, filter, t.only ? [t.only] : []) + returning(t, 0);
}

/**
 * The count beside one other figure whose groups hold each entity exactly once (a measure's
 * stats, or a group field other than sectors), in the same aggregation: the count is the sum of
 * the groups' sizes. For stats the entities without the measure stay in (they count) and their
 * groups are dropped when no entity of the group has the measure, which leaves every figure as
 * the part alone computes it.
 */
function countBeside(kind: EntityKind, filter: ConnectionFilter, part: Exclude<AggregatePart, { op: 'count' }>, countAt: number, partAt: number): string {
  if (part.op === 'group') {
    const t = groupTail(part.field);
    return `${match(kind, filter)}${t.text}RETURN sum(count) AS p${countAt}, ${t.value} AS p${partAt}`;
  }
  const m = part.measure;
  return `${match(kind, filter)}WITH ${statsKey(m)} AS key, n.${m.field} AS v
WITH key, count(*) AS total, ${STATS}
ORDER BY key
RETURN sum(total) AS p${countAt}, collect(CASE WHEN count > 0 THEN ${STATS_ROW} END) AS p${partAt}`;
}

/**
 * Whether a measure's stats can be read from its covering range index (migration 017:
 * `(...per, field)` on the kind): the model says every entity of the kind has them all, and the
 * filter constrains nothing but the measure's `per` properties, so both passes below are index
 * reads and neither reads a property.
 */
function indexCovers(filter: ConnectionFilter, measure: Measure): boolean {
  return measure.indexed && presentFilters(filter).length === 0 && filter.equals.every((e) => measure.per.includes(e.field));
}

/**
 * A measure's stats (and the count) from the indexes alone: the count from the filter's own index
 * (or the count store), the groups from the covering index, which holds every entity that has the
 * measure and all its `per` properties. Only when the count says some matched entity is not in the
 * covering index (a missing unit or value) does a third pass read the properties of the matched
 * entities, for the groups whose key has a null; the figures are those of `countBeside`.
 */
function indexedStats(kind: EntityKind, filter: ConnectionFilter, m: Measure, countAt: number, statsAt: number): string {
  const covered = [...m.per, m.field].map((p) => `n.${p} IS NOT NULL`);
  const partial = [`n.${m.field} IS NOT NULL`, `(${m.per.map((p) => `n.${p} IS NULL`).join(' OR ')})`];
  const stats = (extra: string[], rows: string) => `${match(kind, filter, extra)}WITH ${statsKey(m)} AS key, n.${m.field} AS v
WITH key, ${STATS}
RETURN collect(${STATS_ROW}) AS ${rows}`;
  const columns = [...(countAt >= 0 ? [`total AS p${countAt}`] : []), `rows AS p${statsAt}`];
  return `${match(kind, filter)}WITH count(n) AS total
CALL () {
${indent(`${stats(covered, 'indexed')}, sum(count) AS listed`)}
}
CALL (total, listed) {
${indent(`UNWIND CASE WHEN total > listed THEN [true] ELSE [] END AS partly
${stats(partial, 'unindexed')}`)}
}
CALL (indexed, unindexed) {
  UNWIND indexed + unindexed AS row
  WITH row ORDER BY row.key
  RETURN collect(row) AS rows
}
RETURN ${columns.join(', ')}`;
}

/** Several figures: the matched entities collected once, each figure a subquery over that list. */
function overCollected(kind: EntityKind, filter: ConnectionFilter, parts: readonly AggregatePart[]): string {
  const subqueries = parts.flatMap((p, i) => {
    if (p.op === 'count') return [];
    const t = tail(p);
    const body = `UNWIND ns AS n\n${t.only ? `WITH n WHERE ${t.only}\n` : ''}${returning(t, i)}`;
    return [`CALL (ns) {\n${indent(body)}\n}\n`];
  });
  const columns = parts.map((p, i) => (p.op === 'count' ? `size(ns) AS p${i}` : `p${i}`));
  return `${match(kind, filter)}WITH collect(n) AS ns\n${subqueries.join('')}RETURN ${columns.join(', ')}`;
}

/** A figure that can share the count's aggregation: each entity in exactly one of its groups. */
const oneGroupEach = (p: AggregatePart) => p.op === 'stats' || (p.op === 'group' && p.field.source.by !== 'sector');

/**
 * Every figure one `aggregate` selection asks for, in one statement that reads the matched entities
 * once, returned as `p0`, `p1`, ... in the order of `parts` (distinct).
 */
export function aggregateQuery(kind: EntityKind, filter: ConnectionFilter, parts: readonly AggregatePart[]): CypherQuery {
  const name = `connection/aggregate:${kind}:${filterSignature(filter)}:${parts.map(partSignature).join(',')}`;
  return queries(name, () => {
    const countAt = parts.findIndex((p) => p.op === 'count');
    const other = parts.findIndex((p) => p.op !== 'count');
    const stats = parts.find((p) => p.op === 'stats');
    // stats alone, or beside the count, of a measure its covering index holds
    const indexed = stats && parts.length === (countAt >= 0 ? 2 : 1) && indexCovers(filter, stats.measure);
    let text: string;
    if (indexed) text = indexedStats(kind, filter, stats.measure, countAt, parts.indexOf(stats));
    else if (parts.length === 1) text = single(kind, filter, parts[0]);
    else if (parts.length === 2 && countAt >= 0 && oneGroupEach(parts[other])) {
      text = countBeside(kind, filter, parts[other] as Exclude<AggregatePart, { op: 'count' }>, countAt, other);
    } else text = overCollected(kind, filter, parts);
    return { name, text };
  });
}
