import { boundedMemo } from '../../common/bounded-memo';
import type { CypherQuery } from '../../db/cypher-registry';
import { int } from '../../db/values';
import { entityProjection, relationshipProjection } from '../projection';
import { PROJECTED_FIRST, type PrefetchPlan } from './prefetch.plan';
import { branchMatch } from '../relationship/relationship.cypher';

/**
 * Cypher for a prefetch plan: one `CALL {}` subquery per branch, nested as the plan nests, each
 * answering exactly what the batched relationship query (relationship.cypher.ts) answers for one
 * key: edges of one type and direction to entities of one kind, ordered by name then id, limited.
 * Each subquery collects its rows into a list of `[m, rel, pf]` lists (`type` fourth, only for a
 * branch of every type), `pf` holding the lists of the branches below, so a whole tree comes back
 * in one row per root entity. A page of `Source.entities` is a subquery too, and an
 * `[entities, total]` list among the lists. Lists, not maps: the driver decodes a map's keys again
 * for every element (a page of 20 companies with 5 products each: 120 maps of 4-5 keys), which
 * cost our process as much as the rest of the decoding; positions are fixed by the plan.
 * Relationship types and labels come from the model tables in src/model/ (the plan only holds
 * values validated against them); limits are parameters `$pf<i>`.
 */
interface PrefetchCypher {
  /** the CALL subqueries, to follow a clause that binds the root variable */
  calls: string;
  /** an expression holding the root's branch lists in plan order, e.g. `[pf0, pf3]` */
  lists: string;
  params: Record<string, unknown>;
}

/**
 * Only the properties the selection reads (names from the schema, checked by the planner), as a
 * list in PROJECTED_FIRST-then-fields order; every property, as a map, when it reads `properties`.
 */
function nodeProjection(v: string, fields: PrefetchPlan['fields']): string {
  return fields === 'ALL' ? entityProjection(v) : `[${[...PROJECTED_FIRST, ...fields].map((f) => `${v}.${f}`).join(', ')}]`;
}

function prefetchCypher(plan: PrefetchPlan, rootVar: string): PrefetchCypher {
  const params: Record<string, unknown> = {};
  let counter = 0;

  function calls(p: PrefetchPlan, from: string, depth: number, indent: string): { text: string; names: string[] } {
    const parts: string[] = [];
    const names: string[] = [];
    const to = `n${depth + 1}`;
    for (const { branch, edge, child } of p.branches) {
      const name = `pf${counter++}`;
      params[name] = int(branch.limit);
      const rel = `r${depth}`;
      const inner = calls(child, to, depth + 1, `${indent}  `);
      parts.push(
        [
          `${indent}CALL (${from}) {`,
          `${indent}  ${branchMatch(from, rel, to, branch)}`,
          `${indent}  WITH ${rel}, ${to} ORDER BY ${to}.name, ${to}.id LIMIT $${name}`,
          ...(inner.text ? [inner.text] : []),
          `${indent}  RETURN collect([${nodeProjection(to, child.fields)}, ${edge === 'ALL' ? relationshipProjection(rel) : `${rel}.role`}, [${inner.names.join(', ')}]${branch.type === '*' ? `, type(${rel})` : ''}]) AS ${name}`,
          `${indent}}`,
        ].join('\n'),
      );
      names.push(name);
    }
    // Source.entities pages, as cypher/source/entities-by-ids.cypher reads one: by id after $<name>a, of kinds $<name>k
    for (const { page, child } of p.pages ?? []) {
      const name = `pf${counter++}`;
      Object.assign(params, { [`${name}a`]: page.after, [`${name}k`]: page.kinds, [`${name}n`]: int(page.rows) });
      const inner = calls(child, to, depth + 1, `${indent}  `);
      const reported = `MATCH (${to}:Entity)-[:REPORTED_IN]->(${from})`;
      const ofKinds = `(size($${name}k) = 0 OR ${to}.kind IN $${name}k)`;
      parts.push(
        [
          `${indent}CALL (${from}) {`,
          `${indent}  ${reported}`,
          `${indent}  WHERE ($${name}a IS NULL OR ${to}.id > $${name}a) AND ${ofKinds}`,
          `${indent}  WITH DISTINCT ${to} ORDER BY ${to}.id LIMIT $${name}n`,
          ...(inner.text ? [inner.text] : []),
          `${indent}  RETURN collect([${nodeProjection(to, child.fields)}, [${inner.names.join(', ')}]]) AS ${name}`,
          `${indent}}`,
          ...(page.withTotal ? [`${indent}CALL (${from}) {`, `${indent}  ${reported} WHERE ${ofKinds}`, `${indent}  RETURN count(DISTINCT ${to}) AS ${name}t`, `${indent}}`] : []),
        ].join('\n'),
      );
      names.push(`[${name}, ${page.withTotal ? `${name}t` : 'null'}]`);
    }
    return { text: parts.join('\n'), names };
  }

  const root = calls(plan, rootVar, 0, '');
  return { calls: root.text, lists: `[${root.names.join(', ')}]`, params };
}

export interface PrefetchOptions {
  /** further columns of the base query to return next to `n` and `pf` */
  columns?: string[];
  /** the order of the rows, over `n0` (the base query's entity) and `columns` */
  orderBy?: string;
}

/** Texts and parameters by base query and plan: built once (the signature includes the limits). */
const memo = boundedMemo<{ query: CypherQuery; params: Record<string, unknown> }>(1000);

/**
 * A query that returns entities as `n0` (a cypher/ file or a builder's), followed by the plan's
 * subqueries and the projection the selection reads: one statement, under the base query's name,
 * returning `n`, the `columns` and `pf` (the branch lists, for prefetch.decode.ts).
 */
export function withPrefetch(base: CypherQuery, plan: PrefetchPlan, opts: PrefetchOptions = {}): { query: CypherQuery; params: Record<string, unknown> } {
  return memo(`${base.name}\u0000${plan.signature}\u0000${opts.orderBy ?? ''}`, () => {
    const { calls, lists, params } = prefetchCypher(plan, 'n0');
    const columns = ['n', ...(opts.columns ?? []), 'pf'].map((c) => (c === 'n' ? `${nodeProjection('n0', plan.fields)} AS n` : c === 'pf' ? `${lists} AS pf` : c));
    const text = [`CALL () {\n${base.text.trim()}\n}`, ...(calls ? [calls] : []), `RETURN ${columns.join(', ')}`, ...(opts.orderBy ? [`ORDER BY ${opts.orderBy}`] : [])].join('\n');
    return { query: { name: base.name, text }, params };
  });
}
