/**
 * Cypher for the traversals whose structure varies with the request: relationship-type lists and
 * kind label expressions (inline, so Neo4j expands only matching relationships and prunes
 * disallowed nodes during the search) and hop bounds (Cypher takes no parameter there: the neighbourhood's depth). Every
 * fragment comes from the model tables in src/model/ or from a validated integer; every
 * value stays a parameter ($frontier, $limit, $ids, $since, $until, ...).
 */
import type { CypherQuery } from '../db/cypher-registry';
import { bareProjection, bareRelationshipProjection } from '../read/projection';
import { ENTITY_KINDS, FACT_DATE_RANGE, FACT_KINDS, KIND_LABEL, SOURCE_KIND, type EntityKind } from '../model/kinds';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../model/relationships';

/** What a traversal may cross: relationship types, node kinds, and whether the date window applies. */
export interface TraversalSpec {
  relTypes: readonly RelationshipTypeName[];
  kinds: readonly EntityKind[];
  /** when true the query reads $since and $until (ISO dates or null) */
  windowed: boolean;
}

export const MAX_HOPS = 6;
export const MAX_DEPTH = 3;

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
export function labelPredicate(v: string, kinds: readonly EntityKind[]): string {
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
  const start = `coalesce(${FACT_DATE_RANGE.start.map((k) => `${v}.${k}`).join(', ')})`;
  const end = `coalesce(${FACT_DATE_RANGE.end.map((k) => `${v}.${k}`).join(', ')})`;
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
 * One level of a bounded path search (see bounded-search.ts): the traversable relationships of the
 * $frontier nodes, at most $limit of them read (LIMIT stops the expansion of a hub early, so a
 * node with a million relationships costs $limit), grouped by neighbour, type and direction so
 * parallel relationships travel as one row with their count. `passable` says whether the
 * neighbour may be an intermediate node of a path.
 */
export function expandQuery(spec: TraversalSpec): CypherQuery {
  const text = `
UNWIND $frontier AS fid
MATCH (f:Entity {id: fid})-[r:${relPattern(spec.relTypes)}]-(m:Entity)
WITH f, r, m LIMIT $limit
WITH f.id AS from, m.id AS to, type(r) AS type, startNode(r) = f AS out, ${nodePredicate('m', spec)} AS passable, count(*) AS relationships
RETURN from, to, type, out, passable, relationships`;
  return { name: 'trace/expand', text: text.trim() };
}

/**
 * The first three levels of a path search around both ends in one statement (see
 * expansion-cache.ts): for each of the $ends that exists, its relationships, one row each (what
 * expandQuery reads, not yet grouped), and the same for each passable node one and two steps
 * away. Each node's relationships are read once, at most $scan + 1 of them: a node with more
 * (a hub) has rows null and is not stepped through; when more than $spread nodes are one (or
 * two) steps from an end, none of them is read. So the statement reads at most about
 * 2 * (1 + 2 * $spread) * ($scan + 1) relationships, whatever the hubs.
 */
export function expandNearQuery(spec: TraversalSpec): CypherQuery {
  const rels = relPattern(spec.relTypes);
  const relationshipsOf = (v: string) =>
    `COLLECT { MATCH (${v})-[r:${rels}]-(m:Entity) WITH r, m LIMIT $scan + 1 RETURN {m: m, to: m.id, type: type(r), out: startNode(r) = ${v}, passable: ${nodePredicate('m', spec)}} }`;
  const text = `
UNWIND $ends AS eid
MATCH (e:Entity {id: eid})
WITH e, ${relationshipsOf('e')} AS own
WITH e, own, CASE WHEN size(own) <= $scan THEN COLLECT { UNWIND own AS x WITH x WHERE x.passable RETURN DISTINCT x.m } ELSE [] END AS near
WITH e, own, CASE WHEN size(near) <= $spread THEN near ELSE [] END AS near
WITH e, own, near, [x IN near | {node: x, rels: ${relationshipsOf('x')}}] AS second
WITH e, own, second, COLLECT {
  UNWIND second AS s
  WITH s WHERE size(s.rels) <= $scan
  UNWIND s.rels AS x
  WITH x WHERE x.passable AND x.m <> e AND NOT x.m IN near
  RETURN DISTINCT x.m
} AS far
UNWIND [{node: e, rels: own}] + second + CASE WHEN size(far) <= $spread THEN [x IN far | {node: x, rels: ${relationshipsOf('x')}}] ELSE [] END AS f
RETURN f.node.id AS id, CASE WHEN size(f.rels) <= $scan THEN [x IN f.rels | x {.to, .type, .out, .passable}] END AS rows`;
  return { name: 'trace/expand-near', text: text.trim() };
}

/**
 * True when some node reachable over the spec's relationship types is of a kind it excludes, or
 * the date window applies: only then must counting look at the node at the other end.
 */
export function needsNodePredicate(spec: TraversalSpec): boolean {
  if (spec.windowed) return true;
  const reachable = ENTITY_KINDS.filter((k) => k !== SOURCE_KIND || spec.relTypes.includes('REPORTED_IN'));
  return reachable.some((k) => !spec.kinds.includes(k));
}

/**
 * What a result needs of node `n` (one of the nodes in list `ns`): its properties (bookkeeping left
 * out); `degree`, its traversable relationships; and `out`, its outgoing relationships to nodes of
 * the result, each marked `counted` when the node at the other end is one the traversal may reach.
 * Bounded on hubs by $scan: `typed`, the count of its traversable relationships, comes from
 * Neo4j's degree store (a supernode costs nothing); only a node with at most $scan of them has
 * them read to apply the node predicate (a larger one counts all of them, so its "+N more" may
 * include nodes the traversal would not reach); `out` reads a node's outgoing relationships when
 * it has at most $scan, else looks for each node of the result whether one joins them.
 */
function nodeFields(spec: TraversalSpec, n: string, ns: string): [string, string][] {
  const rels = relPattern(spec.relTypes);
  const predicate = needsNodePredicate(spec) ? nodePredicate('m', spec) : 'true';
  const degree = needsNodePredicate(spec) ? `CASE WHEN typed <= $scan THEN COUNT { (${n})-[:${rels}]-(m) WHERE ${predicate} } ELSE typed END` : 'typed';
  const edge = `{type: type(r), target: m.id, properties: ${bareRelationshipProjection('r')}, counted: ${predicate}}`;
  const out = `CASE WHEN typed <= $scan
            THEN COLLECT { MATCH (${n})-[r:${rels}]->(m) WHERE m IN ${ns} RETURN ${edge} }
            ELSE COLLECT { UNWIND ${ns} AS m MATCH (${n})-[r:${rels}]->(m) RETURN ${edge} } END`;
  return [
    ['node', bareProjection(n)],
    ['degree', degree],
    ['out', out],
  ];
}

/** nodeFields as result columns, after `carried` (the variables the row already has, `n` and `ns` among them). */
const nodeColumns = (spec: TraversalSpec, n: string, ns: string, carried: string) =>
  `WITH ${carried}, COUNT { (${n})-[:${relPattern(spec.relTypes)}]-() } AS typed
RETURN ${nodeFields(spec, n, ns)
    .map(([k, v]) => `${v} AS ${k}`)
    .join(',\n  ')}`;

/** The nodes among $ids that exist and every relationship among them (see nodeFields), one row each. */
export function nodesQuery(spec: TraversalSpec): CypherQuery {
  const text = `
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS ns
UNWIND ns AS n
${nodeColumns(spec, 'n', 'ns', 'n, ns')}`;
  return { name: 'trace/nodes', text: text.trim() };
}

/**
 * One breadth-first level. Each frontier node, in order, offers its neighbours that are not in the
 * result yet, from the first $scan of its relationships Neo4j finds (so a hub with a million costs
 * $scan, not a million): the first $limit of them found, sorted by id. The first `room` new ones
 * join. The walk stops at the first frontier node that offers more than fit (CASE evaluates only
 * the branch it takes), and that overflow is truncation; `room + 1` of a node's offer are enough:
 * fewer new ones mean the rest were taken by earlier nodes. `read` counts the relationships the
 * walk may have read (each node's, up to $scan, from the degree store); once it reaches $budget
 * the walk stops. A node with more than $scan relationships, or a walk stopped by the budget,
 * leaves reachable nodes unread: the result is marked truncated.
 */
function levelStep(spec: TraversalSpec): string {
  const rels = relPattern(spec.relTypes);
  return `
CALL (included, frontier, truncated, read) {
  WITH included, frontier, truncated, read, $limit - size(included) AS room
  WITH included, room, reduce(s = {found: [], read: read, cut: false}, f IN CASE WHEN truncated THEN [] ELSE frontier END |
    CASE WHEN size(s.found) > room THEN s
    WHEN s.read >= $budget THEN {found: s.found, read: s.read, cut: true}
    ELSE [degree IN [COUNT { (f)-[:${rels}]-() }] | {
      found: s.found + [x IN COLLECT {
          MATCH (f)-[:${rels}]-(m:Entity)
          WITH m LIMIT $scan
          WITH m WHERE NOT m IN included AND ${nodePredicate('m', spec)}
          WITH DISTINCT m LIMIT $limit
          WITH m ORDER BY m.id
          RETURN m }[..room + 1] WHERE NOT x IN s.found],
      read: s.read + CASE WHEN degree < $scan THEN degree ELSE $scan END,
      cut: s.cut OR degree > $scan}][0]
    END) AS s
  RETURN included + s.found[..room] AS nextIncluded, s.found[..room] AS nextFrontier, truncated OR s.cut OR size(s.found) > room AS nextTruncated, s.read AS nextRead
}
WITH nextIncluded AS included, nextFrontier AS frontier, nextTruncated AS truncated, nextRead AS read`;
}

/**
 * A whole neighbourhood in one statement: breadth first from $id for `depth` levels, at most
 * $limit nodes (the focus first, then level by level), `truncated` when a limit left reachable
 * nodes out, and for each node, in that order, what nodeFields gives. No row when $id does not
 * exist. Its work is bounded whatever the hubs: each level step reads at most $scan relationships
 * of a node and the walk at most about $budget + $scan in all; nodeFields reads at most $scan of
 * each of the (at most $limit) nodes.
 */
export function neighborhoodQuery(spec: TraversalSpec, depth: number): CypherQuery {
  const levels = Array.from({ length: boundedInt(depth, 1, MAX_DEPTH, 'depth') }, () => levelStep(spec)).join('');
  const text = `
MATCH (c:Entity {id: $id})
WITH [c] AS included, [c] AS frontier, false AS truncated, 0 AS read${levels}
UNWIND range(0, size(included) - 1) AS i
WITH included AS ns, truncated, i, included[i] AS n
${nodeColumns(spec, 'n', 'ns', 'n, ns, truncated, i')},
  truncated
ORDER BY i`;
  return { name: 'trace/neighborhood', text: text.trim() };
}
