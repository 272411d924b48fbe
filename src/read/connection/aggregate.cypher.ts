import type { CypherQuery } from '../../db/cypher-registry';
import { boundedMemo } from '../../common/bounded-memo';
import { KIND_LABEL, type EntityKind } from '../../model/kinds';
import { conditions, filterSignature, SECTOR_LINKS } from './connection.cypher';
import type { ConnectionFilter } from './connection.model';
import type { GroupField, Measure } from './aggregate.model';

/**
 * Statements behind a root connection's `aggregate`: the connection's own filter conditions
 * (connection.cypher.ts), then one grouping. Property names come from the model table through
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

/**
 * Counts per group. Dates list in calendar order, other groups largest first (ties by key); the
 * group of entities without a value (key null) comes last. An entity in several sectors counts
 * once in each; one in none counts under null.
 */
export function groupCountQuery(kind: EntityKind, filter: ConnectionFilter, field: GroupField): CypherQuery {
  const name = `connection/group:${kind}:${filterSignature(filter)}:${field.name}`;
  return queries(name, () => {
    const dated = field.source.by === 'year' || field.source.by === 'quarter' || field.source.by === 'month';
    const sector = field.source.by === 'sector' ? `OPTIONAL MATCH (n)-[:${SECTOR_LINKS}]->(s:Sector)\n` : '';
    const counted = field.source.by === 'sector' ? 'count(DISTINCT n)' : 'count(n)';
    const order = dated ? 'key IS NULL, key' : 'key IS NULL, count DESC, key';
    return {
      name,
      text: `MATCH (n:${KIND_LABEL[kind]})
${where(kind, filter)}${sector}WITH ${keyExpr(field)} AS key, ${counted} AS count
RETURN key, count ORDER BY ${order}`,
    };
  });
}

/** count, sum, min, max and avg of a measure per group of its `per` properties (e.g. per currency). */
export function measureStatsQuery(kind: EntityKind, filter: ConnectionFilter, measure: Measure): CypherQuery {
  const name = `connection/stats:${kind}:${filterSignature(filter)}:${measure.name}`;
  return queries(name, () => {
    const groups = measure.per.map((p) => `n.${p}`).join(', ');
    return {
      name,
      text: `MATCH (n:${KIND_LABEL[kind]})
${where(kind, filter, [`n.${measure.field} IS NOT NULL`])}WITH [${groups}] AS key, n.${measure.field} AS v
RETURN key, count(v) AS count, sum(v) AS sum, min(v) AS min, max(v) AS max, avg(v) AS avg
ORDER BY key`,
    };
  });
}
