/**
 * Exports as their consumers get them: each `Subgraph.export` format fetched over GraphQL and
 * loaded into its real library (Cytoscape headless, graphology, vis-data; NVL checked against its
 * own types, since it needs WebGL), GET /export files parsed as XML and by graphology's GraphML and
 * GEXF readers, and the CORS allow-list on /graphql and /export.
 */
import type { Node as NvlNode, Relationship as NvlRelationship } from '@neo4j-nvl/base';
import cytoscape from 'cytoscape';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Database } from '../../src/db/database';
import type { CytoscapeExport, GraphologyExport, JgfExport, NvlExport, VisNetworkExport } from '../../src/graph/export';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { gql, startTestServer } from '../support/server';

const ALLOWED = 'http://127.0.0.1:5173';
const FOREIGN = 'http://127.0.0.1:6666';

let db: Database;
let svc: RunningService;
let corsSvc: RunningService;
let lockedSvc: RunningService;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer();
  corsSvc = await startTestServer({ CORS_ORIGINS: `${ALLOWED}, http://127.0.0.1:5174` });
  lockedSvc = await startTestServer({ API_KEYS: TEST_API_KEYS, REQUIRE_AUTH_FOR_READS: 'true' });
});
afterAll(async () => {
  await svc?.stop();
  await corsSvc?.stop();
  await lockedSvc?.stop();
  await db?.close();
});

interface Exported {
  truncated: boolean;
  nodes: { id: string }[];
  edges: { id: string; source: string; target: string; type: string }[];
  cy: CytoscapeExport;
  gr: GraphologyExport;
  vis: VisNetworkExport;
  nvl: NvlExport;
  jgf: JgfExport;
}

const EXPORTS = `query($id: ID!, $depth: Int, $derived: Boolean) {
  neighborhood(id: $id, depth: $depth, includeDerived: $derived) {
    truncated nodes { id } edges { id source target type }
    cy: export(format: CYTOSCAPE) gr: export(format: GRAPHOLOGY) vis: export(format: VIS_NETWORK)
    nvl: export(format: NVL) jgf: export(format: JGF) } }`;

const sorted = (xs: string[]) => [...xs].sort();

/**
 * The response parsed by this test's own JSON, as a consumer's page would: jest runs tests in a
 * separate realm, and objects built by Node's fetch fail `constructor === Object` checks there
 * (Cytoscape then sees no elements).
 */
async function query<T>(q: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables }) });
  return JSON.parse(await res.text()) as { data?: T; errors?: unknown[] };
}

describe.each([
  ['Alibaba, depth 2', { id: 'company:alibaba', depth: 2, derived: false }],
  ['Apple, derived view', { id: 'company:apple', depth: 1, derived: true }],
])('Subgraph.export of %s', (_name, vars) => {
  let sub: Exported;
  let nodeIds: string[];
  let edgeIds: string[];

  beforeAll(async () => {
    const res = await query<{ neighborhood: Exported }>(EXPORTS, vars);
    expect(res.errors).toBeUndefined();
    sub = res.data!.neighborhood;
    nodeIds = sorted(sub.nodes.map((n) => n.id));
    edgeIds = sorted(sub.edges.map((e) => e.id));
    expect(nodeIds.length).toBeGreaterThan(3);
    expect(edgeIds.length).toBeGreaterThan(2);
    if (vars.derived) expect(edgeIds.some((id) => id.startsWith('derived:'))).toBe(true);
  });

  it('loads into Cytoscape.js with every node and edge id', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false, elements: sub.cy.elements });
    expect(sorted(cy.nodes().map((n) => n.id()))).toEqual(nodeIds);
    expect(sorted(cy.edges().map((e) => e.id()))).toEqual(edgeIds);
    for (const e of sub.edges) expect([cy.$id(e.id).source().id(), cy.$id(e.id).target().id()]).toEqual([e.source, e.target]);
    expect(cy.nodes().filter((n) => n.isParent() || n.isChild())).toHaveLength(0);
  });

  it('loads into graphology (Graph.from) with positions sigma.js can draw', () => {
    const graph = Graph.from(sub.gr);
    expect(sorted(graph.nodes())).toEqual(nodeIds);
    expect(sorted(graph.edges())).toEqual(edgeIds);
    graph.forEachNode((_id, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a).not.toHaveProperty('type');
    });
    graph.forEachEdge((_id, a) => expect(a).not.toHaveProperty('type'));
  });

  it('loads into vis-data DataSets for vis-network', async () => {
    const { DataSet } = await import('vis-data');
    const nodes = new DataSet(sub.vis.nodes);
    const edges = new DataSet(sub.vis.edges);
    expect(sorted([...nodes.getIds()] as string[])).toEqual(nodeIds);
    expect(sorted([...edges.getIds()] as string[])).toEqual(edgeIds);
    for (const e of edges.get()) expect(nodes.get(e.from) && nodes.get(e.to)).toBeTruthy();
    for (const n of nodes.get()) expect(n.title).not.toMatch(/<[a-z]+[\s>]/i);
  });

  it("matches NVL's node and relationship types", () => {
    const nvlNodes: NvlNode[] = sub.nvl.nodes;
    const nvlRels: NvlRelationship[] = sub.nvl.relationships;
    expect(sorted(nvlNodes.map((n) => n.id))).toEqual(nodeIds);
    expect(sorted(nvlRels.map((r) => r.id))).toEqual(edgeIds);
    const present = new Set(nodeIds);
    for (const r of nvlRels) expect(present.has(r.from) && present.has(r.to)).toBe(true);
  });

  it('is JSON Graph Format keyed by node id', () => {
    expect(sorted(Object.keys(sub.jgf.graph.nodes))).toEqual(nodeIds);
    expect(sorted(sub.jgf.graph.edges.map((e) => e.id!))).toEqual(edgeIds);
  });
});

type XmlEl = Record<string, unknown>;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (_n, _p, _l, isAttribute) => !isAttribute });
const first = (el: XmlEl, name: string): XmlEl => (el[name] as XmlEl[])[0];
const all = (el: XmlEl, name: string): XmlEl[] => (el[name] as XmlEl[] | undefined) ?? [];

describe('GET /export', () => {
  let expected: { nodes: string[]; edges: string[] };

  beforeAll(async () => {
    const res = await gql<{ neighborhood: { nodes: { id: string }[]; edges: { id: string }[] } }>(
      svc.url,
      `{ neighborhood(id: "company:alibaba", depth: 2) { nodes { id } edges { id } } }`,
    );
    const n = res.body.data!.neighborhood;
    expected = { nodes: sorted(n.nodes.map((x) => x.id)), edges: sorted(n.edges.map((x) => x.id)) };
  });

  it('downloads GraphML that parses as XML and in graphology-graphml, with the same nodes and edges', async () => {
    const res = await fetch(`${svc.url}/export?format=graphml&focus=company:alibaba&depth=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="company_alibaba-depth2.graphml"');
    const body = await res.text();
    const g = first(first(xml.parse(body) as XmlEl, 'graphml'), 'graph');
    expect(sorted(all(g, 'node').map((n) => n.id as string))).toEqual(expected.nodes);
    expect(sorted(all(g, 'edge').map((e) => e.id as string))).toEqual(expected.edges);
    const graph = parseGraphml(Graph, body);
    expect(graph.order).toBe(expected.nodes.length);
    expect(graph.size).toBe(expected.edges.length);
  });

  it('downloads GEXF that parses as XML and in graphology-gexf, with the same nodes and edges', async () => {
    const res = await fetch(`${svc.url}/export?format=gexf&focus=company:alibaba&depth=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="company_alibaba-depth2\.gexf"$/);
    const body = await res.text();
    const g = first(first(xml.parse(body) as XmlEl, 'gexf'), 'graph');
    expect(sorted(all(first(g, 'nodes'), 'node').map((n) => n.id as string))).toEqual(expected.nodes);
    expect(sorted(all(first(g, 'edges'), 'edge').map((e) => e.id as string))).toEqual(expected.edges);
    const graph = parseGexf(Graph, body);
    expect(sorted(graph.nodes())).toEqual(expected.nodes);
  });

  it.each([
    ['format=csv&focus=company:alibaba', 400, 'BAD_USER_INPUT', 'format'],
    ['focus=company:alibaba', 400, 'BAD_USER_INPUT', 'format'],
    ['format=gexf', 400, 'BAD_USER_INPUT', 'focus'],
    ['format=gexf&focus=company:alibaba&depth=9', 400, 'BAD_USER_INPUT', 'depth'],
    ['format=gexf&focus=company:alibaba&depth=two', 400, 'BAD_USER_INPUT', 'depth'],
    ['format=gexf&focus=company:alibaba&limit=5000', 400, 'BAD_USER_INPUT', 'limit'],
    ['format=graphml&focus=company:nope', 404, 'NOT_FOUND', 'focus'],
  ])('answers ?%s with %d %s naming %s', async (query, status, code, field) => {
    const res = await fetch(`${svc.url}/export?${query}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code, field });
  });
});

describe('GET /export and authentication', () => {
  const url = () => `${lockedSvc.url}/export?format=graphml&focus=company:apple`;

  it('needs a reader when REQUIRE_AUTH_FOR_READS is set, as /graphql does', async () => {
    const anonymous = await fetch(url());
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await fetch(url(), { headers: asRole('reader') });
    expect(reader.status).toBe(200);
    expect(await reader.text()).toContain('<graphml');
  });

  it('refuses a bad bearer token even when reads are open', async () => {
    const res = await fetch(`${svc.url}/export?format=graphml&focus=company:apple`, { headers: { authorization: 'Bearer not-a-key' } });
    expect(res.status).toBe(401);
  });
});

describe('CORS', () => {
  const preflight = (url: string, path: string, origin: string, method: string) =>
    fetch(`${url}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
    });
  const post = (url: string, origin: string) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('sends no CORS headers by default', async () => {
    const res = await post(svc.url, ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(svc.url, '/graphql', ALLOWED, 'POST');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const file = await fetch(`${svc.url}/export?format=gexf&focus=company:apple`, { headers: { origin: ALLOWED } });
    expect(file.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a listed origin on /graphql, preflight included', async () => {
    const pre = await preflight(corsSvc.url, '/graphql', ALLOWED, 'POST');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const res = await post(corsSvc.url, ALLOWED);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(((await res.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
  });

  it('allows a listed origin on /export and lets it read the file name', async () => {
    const res = await fetch(`${corsSvc.url}/export?format=graphml&focus=company:apple`, { headers: { origin: ALLOWED } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Content-Disposition/i);
    const pre = await preflight(corsSvc.url, '/export', ALLOWED, 'GET');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('gives a foreign origin no CORS headers', async () => {
    const res = await post(corsSvc.url, FOREIGN);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(corsSvc.url, '/graphql', FOREIGN, 'POST');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const file = await fetch(`${corsSvc.url}/export?format=gexf&focus=company:apple`, { headers: { origin: FOREIGN } });
    expect(file.headers.get('access-control-allow-origin')).toBeNull();
  });
});
