import type { CypherQuery } from '../../db/cypher-registry';
import { boundedMemo } from '../../common/bounded-memo';
import { withPrefetch } from '../planner/prefetch.cypher';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { ConnectionFilter, ConnectionOrder } from './connection.model';
import { dateFieldOf, KIND_LABEL, KINDS, ORDER_KEYS, type EntityKind } from '../../model/kinds';

/**
 * Statements behind the root connections. Their structure varies with the filters present and
 * the ordering, so they are assembled here from fixed fragments: the label and
 * property names come from the model table (src/model/kinds.ts, our own code), every value is a
 * parameter. Paging is keyset (`after` = strictly after the last row's sort key and id), never SKIP.
 */
const queries = boundedMemo<CypherQuery>(1000);

function memo(name: string, build: () => string): CypherQuery {
  return queries(name, () => ({ name, text: build() }));
}

/** Links through which an entity is in, or about, a sector. */
export const SECTOR_LINKS = 'IN_SECTOR|ABOUT|AFFECTS|FUNDS|IN_MARKET';

export function conditions(kind: EntityKind, f: ConnectionFilter): string[] {
  const spec = KINDS[kind];
  const dateField = dateFieldOf(kind);
  const out: string[] = [];
  if (f.name !== undefined) out.push('any(x IN coalesce(n.names, []) + [n.name] WHERE toLower(x) CONTAINS $name)');
  if (f.ids !== undefined) out.push('n.id IN $ids');
  if (f.country !== undefined && spec.countryField) out.push(`n.${spec.countryField} = $country`);
  if (f.sector !== undefined && spec.sectorFilter) out.push(`EXISTS { (n)-[:${SECTOR_LINKS}]->(:Sector {id: $sector}) }`);
  if (f.participant !== undefined && spec.participantFilter) {
    out.push("EXISTS { MATCH (n)-[r]-(:Entity {id: $participant}) WHERE type(r) <> 'REPORTED_IN' }");
  }
  for (const { field } of f.equals) {
    if (!spec.enumFields.includes(field)) throw new Error(`${kind} has no filterable field ${field}`);
    out.push(`n.${field} IN $eq_${field}`);
  }
  if (f.dateFrom !== undefined && dateField) out.push(`n.${dateField} >= date($dateFrom)`);
  if (f.dateTo !== undefined && dateField) out.push(`n.${dateField} <= date($dateTo)`);
  return out;
}

/** The filter's parts other than its enum equalities that are present, in a fixed order. */
export function presentFilters(f: ConnectionFilter): string[] {
  return (['name', 'ids', 'country', 'sector', 'participant', 'dateFrom', 'dateTo'] as const).filter((k) => f[k] !== undefined);
}

export function filterSignature(f: ConnectionFilter): string {
  return [...presentFilters(f), ...f.equals.map((e) => `eq_${e.field}`)].join(',');
}

/**
 * The sort key as Cypher reads it, and how a cursor's string key is turned back into that type.
 * Every key is a stored property with a (key, id) range index on each kind (NAME: migration 005;
 * the others: the order keys of migration 014, indexed by 015), so every ordering pages in index order.
 */
function sortKey(kind: EntityKind, order: ConnectionOrder): { expr: string; param: string } {
  switch (order.field) {
    case 'DATE':
      if (!dateFieldOf(kind)) throw new Error(`${kind} has no date to sort on`);
      // the kind's first date, undated rows as 0001-01-01: first ascending, last descending
      return { expr: `n.${ORDER_KEYS.date}`, param: 'date($afterKey)' };
    case 'CREATED_AT':
      return { expr: 'n.createdAt', param: 'datetime($afterKey)' };
    case 'DEGREE':
    case 'PARTNERSHIPS':
    case 'INVESTMENTS':
    case 'EVENTS':
      return { expr: `n.${ORDER_KEYS[order.field]}`, param: 'toInteger($afterKey)' };
    default:
      return { expr: 'n.name', param: '$afterKey' };
  }
}

/**
 * What lets a page read straight from its (key, id) range index, or (country, name, id) for NAME
 * under a country filter (migration 005), and stop after `limit` rows instead of sorting: the
 * planner uses such an index only with a predicate on each of its properties (hence the IS NOT NULL
 * ones: every entity has its keys and its id, the write path sets them) and an ORDER BY on its own
 * properties in index order, so the country leads; under its equality filter it is one value and
 * changes nothing.
 */
function indexTerms(kind: EntityKind, filter: ConnectionFilter, order: ConnectionOrder, key: string, hasCursor: boolean): { where: string[]; leading: string[] } {
  const countryField = KINDS[kind].countryField;
  // with a cursor, the range on the key already excludes nulls
  const where = [...(hasCursor ? [] : [`${key} IS NOT NULL`]), 'n.id IS NOT NULL'];
  return { where, leading: order.field === 'NAME' && filter.country !== undefined && countryField ? [`n.${countryField}`] : [] };
}

/** The rows of one page of `kind`, as `n0` with their `sortKey`, in page order. */
export function pageQuery(kind: EntityKind, filter: ConnectionFilter, order: ConnectionOrder, hasCursor: boolean): CypherQuery {
  const name = `connection/page:${kind}:${filterSignature(filter)}:${order.field}:${order.direction}:${hasCursor}`;
  return memo(name, () => {
    const key = sortKey(kind, order);
    const cmp = order.direction === 'ASC' ? '>' : '<';
    const terms = indexTerms(kind, filter, order, key.expr, hasCursor);
    const where = [...conditions(kind, filter), ...terms.where];
    // keyset: a range on the sort key the index can seek from, then "strictly after (key, id)" as one
    // list comparison (lists compare element by element). Written as `key > k OR (key = k AND id > i)`
    // the planner may split the OR into a Union of two seeks and sort their rows, losing index order.
    if (hasCursor) where.push(`${key.expr} ${cmp}= ${key.param}`, `[${key.expr}, n.id] ${cmp} [${key.param}, $afterId]`);
    const by = [...terms.leading, 'sortKey', 'n.id'].map((e) => `${e} ${order.direction}`).join(', ');
    return `MATCH (n:${KIND_LABEL[kind]})
${where.length ? `WHERE ${where.join('\n  AND ')}\n` : ''}WITH n, ${key.expr} AS sortKey ORDER BY ${by} LIMIT $limit
RETURN n AS n0, sortKey`;
  });
}

/**
 * The page with what its selection reads: only those properties of the page's rows, and the
 * relationship lists nested under them, in the page's one statement (prefetch.cypher.ts).
 */
export function pageWithPrefetch(kind: EntityKind, filter: ConnectionFilter, order: ConnectionOrder, hasCursor: boolean, plan: PrefetchPlan) {
  return withPrefetch(pageQuery(kind, filter, order, hasCursor), plan, { columns: ['sortKey'], orderBy: `sortKey ${order.direction}, n0.id ${order.direction}` });
}

export function countQuery(kind: EntityKind, filter: ConnectionFilter): CypherQuery {
  return memo(`connection/count:${kind}:${filterSignature(filter)}`, () => {
    const where = conditions(kind, filter);
    return `MATCH (n:${KIND_LABEL[kind]})
${where.length ? `WHERE ${where.join('\n  AND ')}\n` : ''}RETURN count(n) AS total`;
  });
}

/** Parameters for either statement: the filter's values (and the cursor's, for a page). */
export function filterParams(filter: ConnectionFilter): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (filter.name !== undefined) params.name = filter.name.toLowerCase();
  for (const k of ['ids', 'country', 'sector', 'participant', 'dateFrom', 'dateTo'] as const) if (filter[k] !== undefined) params[k] = filter[k];
  for (const e of filter.equals) params[`eq_${e.field}`] = e.values;
  return params;
}
