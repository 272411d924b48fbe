/**
 * Cypher for the traversals whose structure varies with the request: relationship-type lists and
 * kind label expressions (inline, so Neo4j expands only matching relationships and prunes
 * disallowed nodes during the search) and hop bounds (Cypher takes no parameter there). Every
 * fragment comes from the allow-lists in src/graph/labels.ts or from a validated integer; every
 * value stays a parameter ($from, $to, $ids, $since, $until, ...).
 */
import type { CypherQuery } from '../db/cypher-registry';
import { bareProjection } from '../graph/projection';
import { ENTITY_KIND_NAMES, FACT_KINDS, KIND_LABEL, RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../graph/labels';
import type { EntityKindName } from '../graph/subgraph';

/** What a traversal may cross: relationship types, node kinds, and whether the date window applies. */
export interface TraversalSpec {
  relTypes: readonly RelationshipTypeName[];
  kinds: readonly EntityKindName[];
  /** when true the query reads $since and $until (ISO dates or null) */
  windowed: boolean;
}

export const MAX_HOPS = 6;
export const MAX_GROUPS = 20;
export const MAX_SHORTEST_K = 200;

function boundedInt(n: number, min: number, max: number, what: string): number {
  // Not user-facing validation (the service does that): a guard so nothing else can reach the text.
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${what} must be an integer in ${min}..${max}`);
  return n;
}

export function relPattern(types: readonly RelationshipTypeName[]): string {
  if (!types.length) throw new Error('a traversal needs at least one relationship type');
  for (const t of types) if (!(RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(t)) throw new Error(`unknown relationship type ${t}`);
  return [...new Set(types)].join('|');
}

/** `v:Company|Person|...`, or `false` when no kind is allowed. */
export function labelPredicate(v: string, kinds: readonly EntityKindName[]): string {
  const labels = [...new Set(kinds)].map((k) => {
    const label = KIND_LABEL[k];
    if (!label) throw new Error(`unknown kind ${k}`);
    return label;
  });
  return labels.length ? `${v}:${labels.join('|')}` : 'false';
}

/**
 * Facts (the kinds that carry dates) pass when their date range overlaps [$since, $until]; a fact
 * with no date at all does not pass once a window is given. Other kinds always pass.
 */
export function windowPredicate(v: string): string {
  const start = `coalesce(${v}.startDate, ${v}.date, ${v}.periodStart, ${v}.endDate, ${v}.periodEnd)`;
  const end = `coalesce(${v}.endDate, ${v}.periodEnd, ${v}.date, ${v}.startDate, ${v}.periodStart)`;
  return (
    `(NOT ${labelPredicate(v, FACT_KINDS)} OR (${start} IS NOT NULL` +
    ` AND ($since IS NULL OR ${end} >= date($since)) AND ($until IS NULL OR ${start} <= date($until))))`
  );
}

/** The predicate every node reached by a traversal step must satisfy. */
export function nodePredicate(v: string, spec: TraversalSpec): string {
  const kinds = labelPredicate(v, spec.kinds);
  return spec.windowed ? `(${kinds} AND ${windowPredicate(v)})` : `(${kinds})`;
}

/**
 * One traversal step repeated 1..hops times from `start` to `end`: intermediate nodes must be of an
 * allowed kind (the end node is always allowed), and no node may appear twice (checked on the
 * group variable inside the parenthesized pattern, so it filters before shortest selection).
 */
function simplePathPattern(start: string, end: string, spec: TraversalSpec, hops: number): string {
  const step = `(x)-[:${relPattern(spec.relTypes)}]-(y) WHERE y = ${end} OR ${nodePredicate('y', spec)}`;
  const simple = `all(i IN range(0, size(y) - 1) WHERE y[i] <> ${start} AND NOT y[i] IN y[i + 1..])`;
  return `((${start})(${step}){1,${boundedInt(hops, 1, MAX_HOPS, 'hops')}}(${end}) WHERE ${simple})`;
}

/** Node ids in path order, and each edge with its stored direction and properties. */
const PATH_PROJECTION = `
  [n IN nodes(p) | n.id] AS ids,
  [rel IN relationships(p) | {source: startNode(rel).id, type: type(rel), target: endNode(rel).id, properties: properties(rel)}] AS edges`;

/** Sort key that makes the order total: node ids, then each edge's endpoints and type. */
const PATH_KEYS = `
WITH p, [n IN nodes(p) | n.id] AS ids,
     [rel IN relationships(p) | startNode(rel).id + '|' + type(rel) + '|' + endNode(rel).id] AS edgeKeys`;

/**
 * Up to `k` shortest simple paths between $from and $to, shortest first (ties in no set order:
 * the service sorts, and knows the set is complete when fewer than `k` come back).
 */
export function shortestPathsQuery(spec: TraversalSpec, hops: number, k: number): CypherQuery {
  const text = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST ${boundedInt(k, 1, MAX_SHORTEST_K, 'k')} ${simplePathPattern('a', 'b', spec, hops)}
RETURN length(p) AS length,${PATH_PROJECTION}`;
  return { name: 'trace/paths', text: text.trim() };
}

/**
 * Every path of the `groups` shortest lengths between $from and $to, one per node sequence (the
 * first by edge keys when parallel relationships give several), shortest first, then by node ids;
 * at most $first. Complete groups keep the answer deterministic however many paths tie.
 */
export function pathGroupsQuery(spec: TraversalSpec, hops: number, groups: number): CypherQuery {
  const text = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST ${boundedInt(groups, 1, MAX_GROUPS, 'groups')} GROUPS ${simplePathPattern('a', 'b', spec, hops)}
${PATH_KEYS}
ORDER BY length(p), ids, edgeKeys
WITH ids, collect(p)[0] AS p
ORDER BY length(p), ids
LIMIT $first
RETURN length(p) AS length,${PATH_PROJECTION}`;
  return { name: 'trace/path-groups', text: text.trim() };
}

/**
 * One step of growing the connect tree: among the shortest paths from any node already in the tree
 * ($sources) to any terminal not yet joined ($targets, in request order), the shortest; ties go to
 * the earlier terminal, then to the smaller node-id sequence.
 */
export function connectStepQuery(spec: TraversalSpec, hops: number): CypherQuery {
  const text = `
UNWIND $sources AS sid
MATCH (s:Entity {id: sid})
UNWIND range(0, size($targets) - 1) AS ti
MATCH (t:Entity {id: $targets[ti]})
MATCH p = ALL SHORTEST ${simplePathPattern('s', 't', spec, hops)}
${PATH_KEYS}, ti
ORDER BY length(p), ti, ids, edgeKeys
LIMIT 1
RETURN ti AS target, length(p) AS length,${PATH_PROJECTION}`;
  return { name: 'trace/connect-step', text: text.trim() };
}

/**
 * One breadth-first level of a neighbourhood: for each frontier node (in order) that exists, its
 * neighbours not yet seen, sorted by id and cut at $perNode so a supernode costs at most $perNode rows.
 */
export function expandQuery(spec: TraversalSpec): CypherQuery {
  const text = `
UNWIND range(0, size($frontier) - 1) AS i
MATCH (f:Entity {id: $frontier[i]})
CALL (f) {
  MATCH (f)-[:${relPattern(spec.relTypes)}]-(m:Entity)
  WHERE NOT m.id IN $seen AND ${nodePredicate('m', spec)}
  WITH DISTINCT m ORDER BY m.id LIMIT $perNode
  RETURN collect(m.id) AS found
}
RETURN f.id AS id, found
ORDER BY i`;
  return { name: 'trace/expand', text: text.trim() };
}

/**
 * True when some node reachable over the spec's relationship types is of a kind it excludes, or
 * the date window applies: only then must counting look at the node at the other end.
 */
export function needsNodePredicate(spec: TraversalSpec): boolean {
  if (spec.windowed) return true;
  const reachable = ENTITY_KIND_NAMES.filter((k) => k !== 'SOURCE' || spec.relTypes.includes('REPORTED_IN'));
  return reachable.some((k) => !spec.kinds.includes(k));
}

/**
 * The nodes of a result, what "+N more" needs, and every relationship among them. `degree` counts
 * the node's traversable relationships (from Neo4j's degree store when no node predicate applies,
 * so a supernode costs nothing); `out` lists its outgoing relationships to nodes of the result,
 * each marked `counted` when the node at the other end is one the traversal may reach.
 */
export function nodesQuery(spec: TraversalSpec): CypherQuery {
  const rels = relPattern(spec.relTypes);
  const predicate = needsNodePredicate(spec) ? nodePredicate('m', spec) : 'true';
  const degree = needsNodePredicate(spec) ? `COUNT { (n)-[:${rels}]-(m) WHERE ${predicate} }` : `COUNT { (n)-[:${rels}]-() }`;
  const text = `
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS ns
UNWIND ns AS n
RETURN ${bareProjection('n')} AS node, ${degree} AS degree,
  COLLECT { MATCH (n)-[r:${rels}]->(m) WHERE m IN ns
            RETURN {type: type(r), target: m.id, properties: ${bareProjection('r')}, counted: ${predicate}} } AS out`;
  return { name: 'trace/nodes', text: text.trim() };
}
