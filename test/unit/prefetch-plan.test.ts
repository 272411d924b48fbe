import 'reflect-metadata';
import { FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, parse } from 'graphql';
import { MAX_PREFETCH_BRANCHES, mergePlans, planSelection, PrefetchPlan } from '../../src/read/planner/prefetch.plan';
import { branchCount, planShape } from '../../src/read/planner/prefetch.shape';
import { withPrefetch } from '../../src/read/planner/prefetch.cypher';
import { getSchema } from '../../src/api/schema';
import { timelineWithPrefetch } from '../../src/trace/timeline.cypher';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

/** The plan of the first root field of `doc`, whose type is `typeName`. */
function plan(doc: string, typeName: string, variableValues: Record<string, unknown> = {}): PrefetchPlan {
  const ast = parse(doc);
  const op = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root = op.selectionSet.selections[0];
  if (root.kind !== Kind.FIELD) throw new Error('root must be a field');
  return planSelection({ schema, fragments, variableValues }, [root], typeName);
}

/** Branches as `TYPE>DIRECTION>KIND:limit`, children nested. */
function shape(p: PrefetchPlan): unknown {
  return p.branches.map((b) => {
    const key = `${b.branch.type}>${b.branch.direction}>${b.branch.kind ?? ''}:${b.branch.limit}`;
    return b.child.branches.length ? { [key]: shape(b.child) } : key;
  });
}

const countBranches = branchCount;

describe('prefetch plan: the relationship keys a selection will load', () => {
  it('two nested levels through role wrappers, with the properties each level reads', () => {
    const p = plan(
      `query($id: ID!) { entity(id: $id) { id name kind ... on Company { country partnerships(first: 10) { role partnership { id name partnershipType date parties(first: 4) { role entity { id name kind } } } } } } }`,
      'Entity',
    );
    expect(shape(p)).toEqual([{ 'PARTY_TO>OUT>PARTNERSHIP:10': ['PARTY_TO>IN>:4'] }]);
    expect(p.fields).toEqual(['country']);
    expect(p.branches[0].child.fields).toEqual(['date', 'partnershipType']);
    expect(p.branches[0].edge).toBe('ROLE');
  });

  it('a connection: the nodes under edges and nodes share one plan', () => {
    const p = plan(`{ companies(first: 20) { edges { cursor node { id website products(first: 5) { id productType } } } nodes { country } pageInfo { hasNextPage } } }`, 'CompanyConnection');
    expect(shape(p)).toEqual(['MAKES>OUT>:5']);
    expect(p.fields).toEqual(['country', 'website']);
    expect(p.branches[0].child.fields).toEqual(['productType']);
  });

  it('follows fragments, variables, defaults and @skip/@include', () => {
    const doc = `query($n: Int, $s: Boolean!) { entity(id: "x") { ...F } } fragment F on Company { products(first: $n) { id } sectors @skip(if: $s) { id } headquarters @include(if: $s) { id } subsidiaries { id } }`;
    expect(shape(plan(doc, 'Entity', { n: 3, s: false }))).toEqual(['IN_SECTOR>OUT>:10', 'MAKES>OUT>:3', 'SUBSIDIARY_OF>IN>:10']);
    expect(shape(plan(doc, 'Entity', { s: true }))).toEqual(['HEADQUARTERED_IN>OUT>:1', 'MAKES>OUT>:10', 'SUBSIDIARY_OF>IN>:10']);
  });

  it('multi-hop fields read every intermediate at the maximum, BOTH means two keys, generic related reads edge properties', () => {
    const p = plan(`{ entity(id: "x") { ... on Company { partners(first: 3) { id } } related(types: ["MAKES"]) { entity { id } properties } } }`, 'Entity');
    expect(shape(p)).toEqual(['MAKES>IN>:20', 'MAKES>OUT>:20', { 'PARTY_TO>OUT>PARTNERSHIP:500': ['PARTY_TO>IN>:500'] }]);
    expect(p.branches.filter((b) => b.branch.type === 'MAKES').every((b) => b.edge === 'ALL')).toBe(true);
  });

  it('leaves out what the resolvers will refuse: unknown relationship types, out-of-range first', () => {
    expect(plan(`{ entity(id: "x") { related(types: ["KNOWS"]) { type } ... on Company { products(first: 501) { id } } } }`, 'Entity').branches).toEqual([]);
  });

  it('`properties` reads every property, `names` both name lists', () => {
    const p = plan(`{ entity(id: "x") { names { value } ... on Company { products { properties } } } }`, 'Entity');
    expect(p.fields).toEqual(['nameLangs', 'names']);
    expect(p.branches[0].child.fields).toBe('ALL');
  });

  it(`stops adding branches at ${MAX_PREFETCH_BRANCHES}: the loaders fetch the rest`, () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `p${i}: products(first: ${i + 1}) { id }`).join(' ');
    expect(countBranches(plan(`{ entity(id: "x") { ... on Company { ${aliases} } } }`, 'Entity'))).toBe(MAX_PREFETCH_BRANCHES);
  });

  it('equal selections give one statement text; values are parameters', () => {
    const a = plan(`{ entity(id: "a") { ... on Company { products(first: 5) { id } } } }`, 'Entity');
    const b = plan(`{ e: entity(id: "b") { ... on Company { products(first: 5) { id } } } }`, 'Entity');
    expect(a.signature).toBe(b.signature);
    const c = withPrefetch({ name: 'test/base', text: 'MATCH (n0:Company) RETURN n0' }, a);
    expect(c.query.name).toBe('test/base');
    expect(c.query.text).toBe(
      [
        'CALL () {',
        'MATCH (n0:Company) RETURN n0',
        '}',
        'CALL (n0) {',
        '  MATCH (n0)-[r0:MAKES]->(n1:Entity)',
        '  WITH r0, n1 ORDER BY n1.name, n1.id LIMIT $pf0',
        '  RETURN collect([[n1.id, n1.kind, n1.name], r0.role, []]) AS pf0',
        '}',
        'RETURN [n0.id, n0.kind, n0.name] AS n, [pf0] AS pf',
      ].join('\n'),
    );
    expect(c.query.text).not.toMatch(/LIMIT \d/);
    expect(c.params).toEqual({ pf0: expect.objectContaining({ low: 5 }) });
  });

  it('node(id:): every Node is an entity, planned like entity(id:)', () => {
    const sel = '{ id ... on Company { country products(first: 3) { id name } } }';
    const viaNode = plan(`{ node(id: "x") ${sel} }`, 'Node');
    expect(viaNode).toEqual(plan(`{ entity(id: "x") ${sel} }`, 'Entity'));
    expect(shape(viaNode)).toEqual(['MAKES>OUT>:3']);
  });
});

describe('timeline: a root of the planner like the connections', () => {
  // the page's own statement, as trace/timeline.cypher.ts builds it for each shape (tested in query-plans.test.ts)
  const PAGE_AFTER_CURSOR = [
    'MATCH (e:Event)',
    'WHERE e._timelineDate IS NOT NULL',
    '  AND e.id IS NOT NULL',
    "  AND e._timelineDate <= coalesce(date($afterDate), date('-999999999-01-01'))",
    "  AND CASE WHEN e._timelineDate = coalesce(date($afterDate), date('-999999999-01-01')) THEN e.id > $afterId ELSE true END",
    'WITH e, e._timelineDate AS d',
    'ORDER BY d DESC, e.id ASC',
    'LIMIT $limit',
    "RETURN e AS n0, d, CASE WHEN d > date('-999999999-01-01') THEN toString(d) END AS sortDate",
  ];

  it("the benchmark's page reads the four selected properties of each event, nothing more, in one statement", () => {
    const doc = readFileSync(join(__dirname, '../../bench/workloads/timeline.graphql'), 'utf8');
    const p = plan(doc, 'EventConnection', { after: null });
    expect(p.branches).toEqual([]);
    expect(p.fields).toEqual(['date', 'eventType']);
    const { query, params } = timelineWithPrefetch({ entity: false, from: false, to: false, cursor: true }, p);
    expect(query.name).toBe('trace/timeline-page:all:::after');
    expect(query.text).toBe(
      ['CALL () {', ...PAGE_AFTER_CURSOR, '}', 'RETURN [n0.id, n0.kind, n0.name, n0.date, n0.eventType] AS n, sortDate, [] AS pf', 'ORDER BY d DESC, n0.id ASC'].join('\n'),
    );
    expect(params).toEqual({});
  });

  it("the lists selected under the events come back in the page's statement", () => {
    const p = plan(`{ timeline(first: 5) { nodes { id participants(first: 3) { role entity { id } } } } }`, 'EventConnection');
    const { query, params } = timelineWithPrefetch({ entity: false, from: false, to: false, cursor: true }, p);
    expect(query.text).toBe(
      [
        'CALL () {',
        ...PAGE_AFTER_CURSOR,
        '}',
        'CALL (n0) {',
        '  MATCH (n0)<-[r0:INVOLVED_IN]-(n1:Entity)',
        '  WITH r0, n1 ORDER BY n1.name, n1.id LIMIT $pf0',
        '  RETURN collect([[n1.id, n1.kind, n1.name], r0.role, []]) AS pf0',
        '}',
        'RETURN [n0.id, n0.kind, n0.name] AS n, sortDate, [pf0] AS pf',
        'ORDER BY d DESC, n0.id ASC',
      ].join('\n'),
    );
    expect(params).toEqual({ pf0: expect.objectContaining({ low: 3 }) });
  });
});

describe('mergePlans: one statement for several selections', () => {
  it('reads the union of the branches and properties, at every level; the order of the plans does not matter', () => {
    const a = plan(`{ entity(id: "a") { ... on Company { country partnerships(first: 2) { partnership { date } } } } }`, 'Entity');
    const b = plan(`{ entity(id: "b") { ... on Company { website products { id } partnerships(first: 2) { partnership { name parties { entity { id } } } } } } }`, 'Entity');
    const merged = mergePlans([a, b])!;
    expect(shape(merged)).toEqual(['MAKES>OUT>:10', { 'PARTY_TO>OUT>PARTNERSHIP:2': ['PARTY_TO>IN>:10'] }]);
    expect(merged.fields).toEqual(['country', 'website']);
    expect(merged.branches[1].child.fields).toEqual(['date']);
    expect(mergePlans([b, a])).toEqual(merged);
    expect(mergePlans([a])).toEqual(a);
  });

  it(`is null when together the plans need more than ${MAX_PREFETCH_BRANCHES} branches`, () => {
    const aliases = (from: number) => Array.from({ length: 30 }, (_, i) => `p${i}: products(first: ${from + i}) { id }`).join(' ');
    const a = plan(`{ entity(id: "x") { ... on Company { ${aliases(1)} } } }`, 'Entity');
    const b = plan(`{ entity(id: "x") { ... on Company { ${aliases(31)} } } }`, 'Entity');
    expect(mergePlans([a, b])).toBeNull();
    expect(mergePlans([a, a])).toEqual(a);
  });
});

describe('Source.entities: a page planned with its source', () => {
  const doc = (args: string, total = 'totalCount') =>
    `{ sources(first: 2) { nodes { id entities(${args}) { ${total} edges { cursor node { id ... on Company { products(first: 2) { id } } } } } } } }`;

  it('the page as the resolver reads it (rows, cursor, kinds, total), and the lists under its entities', () => {
    const p = plan(doc('first: 3, kinds: [COMPANY]'), 'SourceConnection');
    expect(p.branches).toEqual([]);
    expect(p.pages).toHaveLength(1);
    expect(p.pages![0].page).toEqual({ rows: 4, after: null, kinds: ['COMPANY'], withTotal: true });
    expect(shape(p.pages![0].child)).toEqual(['MAKES>OUT>:2']);
    expect(branchCount(p)).toBe(3);
    expect(plan(doc('first: 3', ''), 'SourceConnection').pages![0].page.withTotal).toBe(false);
    // a bad argument is left to the resolver
    expect(plan(doc('first: -1'), 'SourceConnection').pages).toBeUndefined();
  });

  it('one statement text for every page of one shape: the cursor, kinds and size are parameters', () => {
    const a = plan(doc('first: 3, kinds: [COMPANY]'), 'SourceConnection');
    const b = plan(doc('first: 5, after: "WyJJRCIsInNvdXJjZTp4Il0"'), 'SourceConnection');
    expect(a.signature).not.toBe(b.signature);
    expect(planShape(a)).toBe(planShape(b));
    const c = withPrefetch({ name: 'test/base', text: 'MATCH (n0:Source) RETURN n0' }, a);
    expect(c.query.text).toBe(
      [
        'CALL () {',
        'MATCH (n0:Source) RETURN n0',
        '}',
        'CALL (n0) {',
        '  MATCH (n1:Entity)-[:REPORTED_IN]->(n0)',
        '  WHERE ($pf0a IS NULL OR n1.id > $pf0a) AND (size($pf0k) = 0 OR n1.kind IN $pf0k)',
        '  WITH DISTINCT n1 ORDER BY n1.id LIMIT $pf0n',
        '  CALL (n1) {',
        '    MATCH (n1)-[r1:MAKES]->(n2:Entity)',
        '    WITH r1, n2 ORDER BY n2.name, n2.id LIMIT $pf1',
        '    RETURN collect([[n2.id, n2.kind, n2.name], r1.role, []]) AS pf1',
        '  }',
        '  RETURN collect([[n1.id, n1.kind, n1.name], [pf1]]) AS pf0',
        '}',
        'CALL (n0) {',
        '  MATCH (n1:Entity)-[:REPORTED_IN]->(n0) WHERE (size($pf0k) = 0 OR n1.kind IN $pf0k)',
        '  RETURN count(DISTINCT n1) AS pf0t',
        '}',
        'RETURN [n0.id, n0.kind, n0.name] AS n, [[pf0, pf0t]] AS pf',
      ].join('\n'),
    );
    expect(c.params).toEqual({ pf0a: null, pf0k: ['COMPANY'], pf0n: expect.objectContaining({ low: 4 }), pf1: expect.objectContaining({ low: 2 }) });
  });
});

