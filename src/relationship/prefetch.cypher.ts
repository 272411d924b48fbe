import type { CypherQuery } from '../db/cypher-registry';
import { int } from '../db/values';
import { KIND_LABEL } from '../graph/labels';
import { entityProjection } from '../graph/projection';
import type { RelBranch } from './relationship.model';
import type { PrefetchPlan } from './prefetch.plan';

/**
 * Cypher for a prefetch plan: one `CALL {}` subquery per branch, nested as the plan nests, each
 * answering exactly what the batched relationship query (relationship.cypher.ts) answers for one
 * key: edges of one type and direction to entities of one kind, ordered by name then id, limited.
 * Each subquery collects its rows into a list of `{type, rel, m, pf}` maps, `pf` holding the
 * lists of the branches below, so a whole tree comes back in one row per root entity.
 * Relationship types and labels come from the allow-lists in graph/labels.ts (the plan only holds
 * values validated against them); limits are parameters `$pf<i>`.
 */
export interface PrefetchCypher {
  /** the CALL subqueries, to follow a clause that binds the root variable */
  calls: string;
  /** an expression holding the root's branch lists in plan order, e.g. `[pf0, pf3]` */
  lists: string;
  params: Record<string, unknown>;
}

function pattern(from: string, rel: string, to: string, b: RelBranch): string {
  const r = b.type === '*' ? `[${rel}]` : `[${rel}:${b.type}]`;
  const other = `(${to}:${b.kind ? KIND_LABEL[b.kind] : 'Entity'})`;
  return b.direction === 'OUT' ? `(${from})-${r}->${other}` : `(${from})<-${r}-${other}`;
}

/** Only the properties the selection reads (names from the schema, checked by the planner). */
export function nodeProjection(v: string, fields: PrefetchPlan['fields']): string {
  return fields === 'ALL' ? entityProjection(v) : `${v} {${['id', 'kind', 'name', ...fields].map((f) => `.${f}`).join(', ')}}`;
}

const built = new Map<string, PrefetchCypher>();

/** The subqueries of a plan under `rootVar`, built once per plan (the signature includes the limits). */
export function prefetchCypher(plan: PrefetchPlan, rootVar: string): PrefetchCypher {
  const key = `${rootVar}\u0000${plan.signature}`;
  let found = built.get(key);
  if (!found) {
    // plans come from the selections clients send: bound the memo so odd shapes cannot grow it
    if (built.size >= 1000) built.clear();
    built.set(key, (found = buildPrefetchCypher(plan, rootVar)));
  }
  return found;
}

function buildPrefetchCypher(plan: PrefetchPlan, rootVar: string): PrefetchCypher {
  const params: Record<string, unknown> = {};
  let counter = 0;

  function calls(p: PrefetchPlan, from: string, depth: number, indent: string): { text: string; names: string[] } {
    const parts: string[] = [];
    const names: string[] = [];
    for (const { branch, edge, child } of p.branches) {
      const name = `pf${counter++}`;
      params[name] = int(branch.limit);
      const rel = `r${depth}`;
      const to = `n${depth + 1}`;
      // `*` means every link a user would follow; provenance is reached through `sources` instead
      const where = branch.type === '*' ? ` WHERE type(${rel}) <> 'REPORTED_IN'` : '';
      const inner = calls(child, to, depth + 1, `${indent}  `);
      parts.push(
        [
          `${indent}CALL (${from}) {`,
          `${indent}  MATCH ${pattern(from, rel, to, branch)}${where}`,
          `${indent}  WITH ${rel}, ${to} ORDER BY ${to}.name, ${to}.id LIMIT $${name}`,
          ...(inner.text ? [inner.text] : []),
          `${indent}  RETURN collect({type: type(${rel}), rel: ${edge === 'ALL' ? entityProjection(rel) : `{role: ${rel}.role}`}, m: ${nodeProjection(to, child.fields)}, pf: [${inner.names.join(', ')}]}) AS ${name}`,
          `${indent}}`,
        ].join('\n'),
      );
      names.push(name);
    }
    return { text: parts.join('\n'), names };
  }

  const root = calls(plan, rootVar, 0, '');
  return { calls: root.text, lists: `[${root.names.join(', ')}]`, params };
}

const treeQueries = new Map<string, CypherQuery>();

/** Entities by id, each with its prefetched relationship tree: one row per entity found. */
export function entityTreesQuery(plan: PrefetchPlan): { query: CypherQuery; params: Record<string, unknown> } {
  const { calls, lists, params } = prefetchCypher(plan, 'n0');
  let query = treeQueries.get(plan.signature);
  if (!query) {
    // plans come from the selections clients send: bound the memo so odd shapes cannot grow it
    if (treeQueries.size >= 500) treeQueries.clear();
    query = {
      // one name for every shape keeps metric labels bounded; the text varies with the plan
      name: 'relationship/entity-trees',
      text: `UNWIND $ids AS id\nMATCH (n0:Entity {id: id})\n${calls}\nRETURN ${nodeProjection('n0', plan.fields)} AS n, ${lists} AS pf`,
    };
    treeQueries.set(plan.signature, query);
  }
  return { query, params };
}

const wrapped = new Map<string, CypherQuery>();

/**
 * A named query (cypher/) that returns entities as `n0` with further `columns`, followed by the
 * plan's subqueries and the projection the selection reads: one statement, the base query's name.
 */
export function withPrefetch(base: CypherQuery, plan: PrefetchPlan, columns: string[], orderBy: string): { query: CypherQuery; params: Record<string, unknown> } {
  const { calls, lists, params } = prefetchCypher(plan, 'n0');
  const key = `${base.name}\u0000${plan.signature}`;
  let query = wrapped.get(key);
  if (!query) {
    if (wrapped.size >= 500) wrapped.clear();
    query = {
      name: base.name,
      text: `CALL () {\n${base.text.trim()}\n}\n${calls}${calls ? '\n' : ''}RETURN ${nodeProjection('n0', plan.fields)} AS n, ${columns.join(', ')}, ${lists} AS pf\nORDER BY ${orderBy}`,
    };
    wrapped.set(key, query);
  }
  return { query, params };
}
