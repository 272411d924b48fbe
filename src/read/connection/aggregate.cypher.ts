import type { CypherQuery } from '../../db/cypher-registry';
import { boundedMemo } from '../../common/bounded-memo';
import { KIND_LABEL, type EntityKind } from '../../model/kinds';
import { conditions, filterSignature, SECTOR_LINKS } from './connection.cypher';
import type { ConnectionFilter } from './connection.model';
import type { GroupField, Measure } from './aggregate.model';

/**
 * The statement behind a root connection's `aggregate`: one subquery per figure the selection
 * asks for, each over the connection's own filter conditions (connection.cypher.ts), so that
 * `count`, `groupBy` and `stats` selected together cost one round trip. Property names come from
 * the model table through aggregate.model.ts, never from a request; every value is a parameter.
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

/**
 * The count of the entities the filter matches (from Neo4j's count store when unfiltered), as `value`.
 */
function countPart(kind: EntityKind, filter: ConnectionFilter): string {
  return `MATCH (n:${KIND_LABEL[kind]})
${where(kind, filter)}RETURN count(n) AS value`;
}

/**
 * Counts per group, as a list of {key, count}. Dates list in calendar order, other groups largest
 * first (ties by key); the group of entities without a value (key null) comes last. An entity in
 * several sectors counts once in each; one in none counts under null.
 */
function groupPart(kind: EntityKind, filter: ConnectionFilter, field: GroupField): string {
  const dated = field.source.by === 'year' || field.source.by === 'quarter' || field.source.by === 'month';
  const sector = field.source.by === 'sector' ? `OPTIONAL MATCH (n)-[:${SECTOR_LINKS}]->(s:Sector)\n` : '';
  const counted = field.source.by === 'sector' ? 'count(DISTINCT n)' : 'count(n)';
  const order = dated ? 'key IS NULL, key' : 'key IS NULL, count DESC, key';
  return `MATCH (n:${KIND_LABEL[kind]})
${where(kind, filter)}${sector}WITH ${keyExpr(field)} AS key, ${counted} AS count
ORDER BY ${order}
RETURN collect({key: key, count: count}) AS value`;
}

/** count, sum, min, max and avg of a measure per group of its `per` properties (e.g. per currency), as a list. */
function statsPart(kind: EntityKind, filter: ConnectionFilter, measure: Measure): string {
  const groups = measure.per.map((p) => `n.${p}`).join(', ');
  return `MATCH (n:${KIND_LABEL[kind]})
${where(kind, filter, [`n.${measure.field} IS NOT NULL`])}WITH [${groups}] AS key, n.${measure.field} AS v
WITH key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
ORDER BY key
RETURN collect({key: key, count: count, sum: sum, min: min, max: max, avg: avg}) AS value`;
}

function partText(kind: EntityKind, filter: ConnectionFilter, part: AggregatePart): string {
  if (part.op === 'count') return countPart(kind, filter);
  if (part.op === 'group') return groupPart(kind, filter, part.field);
  return statsPart(kind, filter, part.measure);
}

const indent = (text: string) => text.replace(/^/gm, '  ');

/**
 * Every figure one `aggregate` selection asks for, in one statement: each part a subquery of one
 * row over the connection's filter, returned as `p0`, `p1`, ... in the order of `parts` (distinct).
 */
export function aggregateQuery(kind: EntityKind, filter: ConnectionFilter, parts: readonly AggregatePart[]): CypherQuery {
  const name = `connection/aggregate:${kind}:${filterSignature(filter)}:${parts.map(partSignature).join(',')}`;
  return queries(name, () => ({
    name,
    text: `${parts.map((p, i) => `CALL () {\n${indent(partText(kind, filter, p).replace(/AS value$/, `AS p${i}`))}\n}`).join('\n')}
RETURN ${parts.map((_, i) => `p${i}`).join(', ')}`,
  }));
}
