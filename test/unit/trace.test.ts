/**
 * The pure parts of tracing: argument rules (caps, allow-lists, path rules), the Cypher
 * builder's guards, and the derived view's collapse of facts into direct edges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadUserInputError } from '../../src/common/errors';
import type { GraphNodeData, SubgraphData } from '../../src/graph/subgraph';
import { applyDerived, deriveEdges } from '../../src/trace/derived';
import { intArg } from '../../src/common/int-arg';
import { neighborhoodSpec, pathSpec, relTypesArg, TRACE_LIMITS, windowArg } from '../../src/trace/trace.args';
import { hiddenCounts, orderPaths } from '../../src/trace/path-order';
import { expandNearQuery, expandQuery, labelPredicate, needsNodePredicate, neighborhoodQuery, nodesQuery, relPattern } from '../../src/trace/trace.cypher';
import { toGraphEdge } from '../../src/trace/trace.model';
import type { NodeSet, Participation, RawPath } from '../../src/trace/trace.model';

const noWindow = { since: null, until: null };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof BadUserInputError) return err.extensions.field as string;
    throw err;
  }
  return undefined;
}

describe('trace arguments', () => {
  it('applies defaults and enforces the caps, naming the argument', () => {
    expect(intArg(null, TRACE_LIMITS.maxHops, 'maxHops')).toBe(4);
    expect(intArg(undefined, TRACE_LIMITS.nodeLimit, 'limit')).toBe(300);
    expect(intArg(6, TRACE_LIMITS.maxHops, 'maxHops')).toBe(6);
    expect(fieldOf(() => intArg(7, TRACE_LIMITS.maxHops, 'maxHops'))).toBe('maxHops');
    expect(fieldOf(() => intArg(0, TRACE_LIMITS.maxHops, 'maxHops'))).toBe('maxHops');
    expect(fieldOf(() => intArg(2001, TRACE_LIMITS.nodeLimit, 'limit'))).toBe('limit');
    expect(fieldOf(() => intArg(4, TRACE_LIMITS.depth, 'depth'))).toBe('depth');
    expect(intArg(2000, TRACE_LIMITS.nodeLimit, 'limit')).toBe(2000);
  });

  it('checks relationship types against the allow-list', () => {
    expect(relTypesArg(null)).toBeNull();
    expect(relTypesArg(['PARTY_TO', 'PARTY_TO', 'MAKES'])).toEqual(['PARTY_TO', 'MAKES']);
    expect(fieldOf(() => relTypesArg(['PARTY_TO', 'KNOWS']))).toBe('relationshipTypes');
    expect(fieldOf(() => relTypesArg(['party_to']))).toBe('relationshipTypes');
    expect(fieldOf(() => relTypesArg([]))).toBe('relationshipTypes');
  });

  it('refuses a window that ends before it starts', () => {
    expect(windowArg('2025-01-01', '2025-12-31')).toEqual({ since: '2025-01-01', until: '2025-12-31' });
    expect(fieldOf(() => windowArg('2025-12-31', '2025-01-01'))).toBe('until');
    expect(fieldOf(() => windowArg('2025-12-31', '2025-01-01', ['from', 'to']))).toBe('to');
  });

  it('crosses places, sectors, metrics and sources on paths only when via names them', () => {
    const plain = pathSpec(null, null, noWindow);
    expect(plain.kinds).not.toEqual(expect.arrayContaining(['PLACE']));
    for (const k of ['PLACE', 'SECTOR', 'METRIC', 'SOURCE']) expect(plain.kinds).not.toContain(k);
    expect(plain.relTypes).not.toContain('REPORTED_IN');
    expect(plain.windowed).toBe(false);
    const viaPlace = pathSpec(['PLACE'], null, { since: '2025-01-01', until: null });
    expect(viaPlace.kinds).toContain('PLACE');
    expect(viaPlace.relTypes).not.toContain('REPORTED_IN');
    expect(viaPlace.windowed).toBe(true);
    expect(pathSpec(['SOURCE'], null, noWindow).relTypes).toContain('REPORTED_IN');
    expect(fieldOf(() => pathSpec(null, ['REPORTED_IN'], noWindow))).toBe('relationshipTypes');
  });

  it('shows every kind but sources around an entity, and provenance when asked', () => {
    const plain = neighborhoodSpec(null, null, noWindow);
    expect(plain.kinds).toEqual(expect.arrayContaining(['PLACE', 'SECTOR', 'METRIC', 'COMPANY']));
    expect(plain.kinds).not.toContain('SOURCE');
    expect(plain.relTypes).not.toContain('REPORTED_IN');
    const withSources = neighborhoodSpec(['SOURCE'], null, noWindow);
    expect(withSources.kinds).toEqual(['SOURCE']);
    expect(withSources.relTypes).toContain('REPORTED_IN');
    expect(neighborhoodSpec(null, ['REPORTED_IN'], noWindow).kinds).toContain('SOURCE');
    expect(fieldOf(() => neighborhoodSpec([], null, noWindow))).toBe('kinds');
  });
});

describe('trace Cypher builder', () => {
  const spec = pathSpec(null, ['PARTY_TO', 'MAKES'], noWindow);

  it('puts only allow-listed types and labels into the text, and values in parameters', () => {
    expect(expandQuery(spec).text).toBe(
      [
        'UNWIND $frontier AS fid',
        'MATCH (f:Entity {id: fid})-[r:PARTY_TO|MAKES]-(m:Entity)',
        'WITH f, r, m LIMIT $limit',
        `WITH f.id AS from, m.id AS to, type(r) AS type, startNode(r) = f AS out, (${labelPredicate('m', spec.kinds)}) AS passable, count(*) AS relationships`,
        'RETURN from, to, type, out, passable, relationships',
      ].join('\n'),
    );
    expect(labelPredicate('y', ['COMPANY', 'EVENT'])).toBe('y:Company|Event');
    expect(expandQuery(pathSpec(null, null, { since: '2025-01-01', until: null })).text).toContain('date($since)');
  });

  it('reads ahead three levels around both ends in one statement, each node once and at most $scan + 1 of its relationships', () => {
    const kinds = labelPredicate('m', spec.kinds);
    const rels = (v: string) => `COLLECT { MATCH (${v})-[r:PARTY_TO|MAKES]-(m:Entity) WITH r, m LIMIT $scan + 1 RETURN {m: m, to: m.id, type: type(r), out: startNode(r) = ${v}, passable: (${kinds})} }`;
    expect(expandNearQuery(spec).text).toBe(
      [
        'UNWIND $ends AS eid',
        'MATCH (e:Entity {id: eid})',
        `WITH e, ${rels('e')} AS own`,
        'WITH e, own, CASE WHEN size(own) <= $scan THEN COLLECT { UNWIND own AS x WITH x WHERE x.passable RETURN DISTINCT x.m } ELSE [] END AS near',
        'WITH e, own, CASE WHEN size(near) <= $spread THEN near ELSE [] END AS near',
        `WITH e, own, near, [x IN near | {node: x, rels: ${rels('x')}}] AS second`,
        'WITH e, own, second, COLLECT {',
        '  UNWIND second AS s',
        '  WITH s WHERE size(s.rels) <= $scan',
        '  UNWIND s.rels AS x',
        '  WITH x WHERE x.passable AND x.m <> e AND NOT x.m IN near',
        '  RETURN DISTINCT x.m',
        '} AS far',
        `UNWIND [{node: e, rels: own}] + second + CASE WHEN size(far) <= $spread THEN [x IN far | {node: x, rels: ${rels('x')}}] ELSE [] END AS f`,
        'RETURN f.node.id AS id, CASE WHEN size(f.rels) <= $scan THEN [x IN f.rels | x {.to, .type, .out, .passable}] END AS rows',
      ].join('\n'),
    );
  });

  it('refuses anything outside the allow-lists and bounds (a bug, not input)', () => {
    expect(() => relPattern(['PARTY_TO', 'DROP' as never])).toThrow(/unknown relationship type/);
    expect(() => relPattern([])).toThrow();
    expect(() => labelPredicate('y', ['ROBOT' as never])).toThrow(/unknown kind/);
    expect(() => neighborhoodQuery(spec, 4)).toThrow(/depth/);
    expect(() => neighborhoodQuery(spec, 1.5)).toThrow(/depth/);
  });

  it('builds a neighbourhood as one statement: a level per depth, each node offering at most $limit before sorting', () => {
    const all = neighborhoodSpec(null, null, noWindow);
    const levels = (depth: number) => neighborhoodQuery(all, depth).text.split('CALL (included, frontier, truncated, read)').length - 1;
    expect([1, 2, 3].map(levels)).toEqual([1, 2, 3]);
    const text = neighborhoodQuery(all, 2).text;
    // a hub's relationships are read at most $scan, its neighbours cut at $limit as Neo4j finds them, and only those are sorted
    expect(text).toMatch(/-\(m:Entity\)\s+WITH m LIMIT \$scan\s+WITH m WHERE NOT m IN included AND /);
    expect(text).toMatch(/WITH DISTINCT m LIMIT \$limit\s+WITH m ORDER BY m\.id/);
    // the walk stops once it may have read $budget relationships, and says so
    expect(text).toContain('WHEN s.read >= $budget THEN {found: s.found, read: s.read, cut: true}');
    expect(text).toContain('truncated OR s.cut OR size(s.found) > room AS nextTruncated');
    expect(text).not.toMatch(/ORDER BY m\.id LIMIT/);
    expect(text).toContain('MATCH (c:Entity {id: $id})');
    expect(text).not.toMatch(/company:/);
    expect(neighborhoodQuery(neighborhoodSpec(null, null, { since: '2025-01-01', until: null }), 1).text).toContain('date($since)');
    expect(() => neighborhoodQuery(all, 0)).toThrow(/depth/);
    expect(() => neighborhoodQuery(all, 4)).toThrow(/depth/);
  });

  it("keeps the benchmark floor's neighbourhood Cypher the statement ours runs", () => {
    const floor = readFileSync(join(__dirname, '../../bench/workloads/raw/neighborhood.cypher'), 'utf8');
    const normal = (text: string) => text.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n').replace(/\s+/g, ' ').trim();
    expect(normal(floor)).toBe(normal(neighborhoodQuery(neighborhoodSpec(null, null, noWindow), 2).text));
  });

  it("counts degree from Neo4j's degree store unless a node predicate matters, and reads no more than $scan of a hub", () => {
    const all = neighborhoodSpec(null, null, noWindow);
    expect(needsNodePredicate(all)).toBe(false);
    expect(nodesQuery(all).text).toMatch(/WITH n, ns, COUNT \{ \(n\)-\[:[A-Z_|]+\]-\(\) \} AS typed\nRETURN n \{[^\n]*\} AS node,\n {2}typed AS degree,/);
    const companies = nodesQuery(neighborhoodSpec(['COMPANY'], ['PARTY_TO'], noWindow)).text;
    const edge = '{type: type(r), target: m.id, properties: r {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null}, counted: (m:Company)}';
    expect(companies).toBe(
      [
        'MATCH (n:Entity) WHERE n.id IN $ids',
        'WITH collect(n) AS ns',
        'UNWIND ns AS n',
        'WITH n, ns, COUNT { (n)-[:PARTY_TO]-() } AS typed',
        'RETURN n {.*, createdAt: null, updatedAt: null, createdBy: null, updatedBy: null, contentHash: null, _orderDate: null, _timelineDate: null, _degree: null, _partnerships: null, _investments: null, _events: null} AS node,',
        '  CASE WHEN typed <= $scan THEN COUNT { (n)-[:PARTY_TO]-(m) WHERE (m:Company) } ELSE typed END AS degree,',
        '  CASE WHEN typed <= $scan',
        `            THEN COLLECT { MATCH (n)-[r:PARTY_TO]->(m) WHERE m IN ns RETURN ${edge} }`,
        `            ELSE COLLECT { UNWIND ns AS m MATCH (n)-[r:PARTY_TO]->(m) RETURN ${edge} } END AS out`,
      ].join('\n'),
    );
    expect(needsNodePredicate(neighborhoodSpec(['COMPANY'], null, noWindow))).toBe(true);
    expect(needsNodePredicate(neighborhoodSpec(null, null, { since: '2025-01-01', until: null }))).toBe(true);
    expect(needsNodePredicate(pathSpec(null, null, noWindow))).toBe(true);
  });
});

describe('path order and selection', () => {
  const path = (...ids: string[]): RawPath => ({
    length: ids.length - 1,
    ids,
    edges: ids.slice(1).map((id, i) => toGraphEdge(ids[i], 'R', id, {})),
  });
  const parallel = (p: RawPath): RawPath => ({ ...p, edges: p.edges.map((e) => toGraphEdge(e.target, 'S', e.source, {})) });

  it('orders shortest first, then by node ids, one path per node sequence', () => {
    const a = path('x', 'b', 'y');
    const b = path('x', 'a', 'c', 'y');
    const c = path('x', 'a', 'y');
    const ordered = orderPaths([b, parallel(a), a, c]);
    expect(ordered.map((p) => p.ids.join(''))).toEqual(['xay', 'xby', 'xacy']);
    // of two parallel versions the one with the smaller edge ids wins, whatever the input order
    expect(ordered[1]).toEqual(orderPaths([a, parallel(a)])[0]);
    expect(orderPaths([parallel(a), a])[0]).toEqual(orderPaths([a, parallel(a)])[0]);
  });

  it('counts "+N more" as traversable relationships to nodes outside the result', () => {
    const e1 = toGraphEdge('a', 'R', 'b', {});
    const e2 = toGraphEdge('b', 'R', 'c', {});
    const e3 = toGraphEdge('a', 'R', 'c', {});
    const node = (id: string, degree: number) => [id, { node: { id, kind: 'COMPANY' as const, label: id, properties: {} }, degree }] as const;
    const set: NodeSet = { info: new Map([node('a', 5), node('b', 2), node('c', 3)]), edges: [e1, e2, e3], counted: new Set([e1.id, e2.id]) };
    expect(Object.fromEntries(hiddenCounts(set, new Set(['a', 'b', 'c'])))).toEqual({ a: 4, b: 0, c: 2 });
    expect(Object.fromEntries(hiddenCounts(set, new Set(['a', 'b'])))).toEqual({ a: 4, b: 1 });
  });
});

describe('derived view', () => {
  const node = (id: string, kind: GraphNodeData['kind']): GraphNodeData => ({ id, kind, label: id, properties: {}, hiddenNeighbors: 0 });
  const part = (factId: string, factKind: Participation['factKind'], type: string, entityId: string, entityKind: Participation['entityKind'] = 'COMPANY'): Participation => ({
    factId,
    factKind,
    type,
    entityId,
    entityKind,
    role: null,
  });
  const parts: Participation[] = [
    part('partnership:p', 'PARTNERSHIP', 'PARTY_TO', 'company:c'),
    part('partnership:p', 'PARTNERSHIP', 'PARTY_TO', 'company:a'),
    part('partnership:p', 'PARTNERSHIP', 'PARTY_TO', 'company:b'),
    part('partnership:q', 'PARTNERSHIP', 'PARTY_TO', 'company:a'),
    part('partnership:q', 'PARTNERSHIP', 'PARTY_TO', 'company:b'),
    part('investment:i', 'INVESTMENT', 'INVESTOR_IN', 'company:a'),
    part('investment:i', 'INVESTMENT', 'RAISED', 'company:d'),
    part('investment:capex', 'INVESTMENT', 'INVESTOR_IN', 'company:a'),
    part('investment:capex', 'INVESTMENT', 'FUNDS', 'sector:cloud', 'SECTOR'),
    part('policy:x', 'POLICY', 'ISSUED', 'government:g', 'GOVERNMENT'),
    part('policy:x', 'POLICY', 'AFFECTS', 'sector:cloud', 'SECTOR'),
    part('policy:lonely', 'POLICY', 'ISSUED', 'government:g', 'GOVERNMENT'),
  ];
  const all = new Set([...parts.map((p) => p.factId), ...parts.map((p) => p.entityId)]);

  it('turns co-parties into one PARTNERS_WITH edge per pair, listing every fact behind it', () => {
    const { edges } = deriveEdges(parts, all);
    const partners = edges.filter((e) => e.type === 'PARTNERS_WITH');
    expect(partners.map((e) => e.id)).toEqual([
      'derived:company:a|PARTNERS_WITH|company:b',
      'derived:company:a|PARTNERS_WITH|company:c',
      'derived:company:b|PARTNERS_WITH|company:c',
    ]);
    expect(partners[0].properties.viaFactIds).toEqual(['partnership:p', 'partnership:q']);
    expect(partners[1].properties.viaFactIds).toEqual(['partnership:p']);
  });

  it('points investors at investees (or at what a spending plan funds) and issuers at what a policy affects', () => {
    const { edges, collapsed } = deriveEdges(parts, all);
    expect(edges.filter((e) => e.type !== 'PARTNERS_WITH').map((e) => e.id)).toEqual([
      'derived:company:a|INVESTED_IN|company:d',
      'derived:company:a|INVESTED_IN|sector:cloud',
      'derived:government:g|ISSUED_POLICY|sector:cloud',
    ]);
    // a policy that affects nothing in view stays a node
    expect([...collapsed].sort()).toEqual(['investment:capex', 'investment:i', 'partnership:p', 'partnership:q', 'policy:x']);
  });

  it('uses only participants present in the view', () => {
    const { edges, collapsed } = deriveEdges(parts, new Set(['partnership:p', 'company:a', 'company:b']));
    expect(edges.map((e) => e.id)).toEqual(['derived:company:a|PARTNERS_WITH|company:b']);
    expect([...collapsed]).toEqual(['partnership:p']);
  });

  it('removes collapsed facts and their edges and keeps everything else', () => {
    const sub: SubgraphData = {
      truncated: true,
      nodes: [node('company:a', 'COMPANY'), node('company:b', 'COMPANY'), node('partnership:p', 'PARTNERSHIP'), node('event:e', 'EVENT')],
      edges: [
        { id: 'company:a|PARTY_TO|partnership:p', type: 'PARTY_TO', source: 'company:a', target: 'partnership:p', properties: {} },
        { id: 'company:b|PARTY_TO|partnership:p', type: 'PARTY_TO', source: 'company:b', target: 'partnership:p', properties: {} },
        { id: 'company:a|INVOLVED_IN|event:e', type: 'INVOLVED_IN', source: 'company:a', target: 'event:e', properties: {} },
      ],
    };
    const out = applyDerived(sub, deriveEdges(parts, new Set(sub.nodes.map((n) => n.id))));
    expect(out.nodes.map((n) => n.id)).toEqual(['company:a', 'company:b', 'event:e']);
    expect(out.edges.map((e) => e.id)).toEqual(['company:a|INVOLVED_IN|event:e', 'derived:company:a|PARTNERS_WITH|company:b']);
    expect(out.truncated).toBe(true);
  });
});
