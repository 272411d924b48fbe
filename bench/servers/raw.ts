import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { projectRoot } from '../../src/common/paths';
import { luceneTerms } from '../../src/read/entity/entity.model';
import { toPlain, toPlainObject } from '../../src/db/values';
import { exportSubgraph } from '../../src/graph/export';
import { withMetrics } from '../../src/graph/metrics';
import type { GraphEdgeData, GraphNodeData, JsonValue } from '../../src/graph/subgraph';
import { announce, argValue, countingDriver, exitWithParent, startStats } from './common';
import { BOOKKEEPING_KEYS, type EntityKind } from '../../src/model/kinds';

/**
 * The floor: no GraphQL at all. One HTTP endpoint per workload (POST /<workload> with
 * {"variables": {...}}) runs the workload's hand-written Cypher (bench/workloads/raw/*.cypher)
 * through neo4j-driver as one auto-commit read and writes the JSON a client needs.
 */
const cypherText = (name: string) => readFileSync(join(projectRoot(), 'bench', 'workloads', 'raw', `${name}.cypher`), 'utf8');
type Vars = Record<string, unknown>;
type Handler = (driver: Driver, v: Vars) => Promise<unknown>;

/** One auto-commit read (RUN + PULL): the cheapest way to ask Neo4j one question. */
async function read(driver: Driver, text: string, params: Vars) {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.run(text, params)).records;
  } finally {
    await session.close();
  }
}

/** Bookkeeping the API never shows (the same fields our GraphNode hides). */
const HIDDEN = new Set<string>(['id', 'kind', 'name', 'nameLangs', ...BOOKKEEPING_KEYS]);
function visible(props: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(props)) if (!HIDDEN.has(k) && v !== null) out[k] = v;
  return out;
}

const cursor = (name: string, id: string) => Buffer.from(JSON.stringify([name, id])).toString('base64url');

function handlers(): Record<string, Handler> {
  const q = {
    entity: cypherText('entity-nested'),
    list: cypherText('companies-list'),
    search: cypherText('search'),
    paths: cypherText('paths'),
    neighborhood: cypherText('neighborhood'),
    node: cypherText('node-fragments'),
    multi: cypherText('multi-root'),
    timeline: cypherText('timeline'),
    productsByDate: cypherText('products-by-date'),
    metricStats: cypherText('metric-stats'),
  };
  /** A keyset page: one more row than asked tells whether there is a next page. */
  const keysetPage = async (d: Driver, text: string, after: unknown, key: (row: Record<string, unknown>) => [unknown, string]) => {
    const [afterDate, afterId] = after ? (JSON.parse(Buffer.from(String(after), 'base64url').toString()) as [string | null, string]) : [null, null];
    const rows = await read(d, text, { afterDate, afterId, limit: neo4j.int(21) });
    const page = rows.slice(0, 20).map((r) => toPlainObject(r.toObject()));
    const edges = page.map((node) => ({ cursor: Buffer.from(JSON.stringify(key(node))).toString('base64url'), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > 20, endCursor: edges.at(-1)?.cursor ?? null } };
  };
  return {
    'entity-nested': async (d, v) => {
      const [r] = await read(d, q.entity, { id: v.id });
      return { entity: r ? toPlain(r.get('entity')) : null };
    },
    'companies-list': async (d, v) => {
      const [afterName, afterId] = v.after ? (JSON.parse(Buffer.from(String(v.after), 'base64url').toString()) as [string, string]) : [null, null];
      const rows = await read(d, q.list, { country: v.country, afterName, afterId, limit: neo4j.int(21) });
      const page = rows.slice(0, 20).map((r) => toPlainObject(r.toObject()));
      const edges = page.map((node) => ({ cursor: cursor(String(node.name), String(node.id)), node }));
      return { companies: { edges, pageInfo: { hasNextPage: rows.length > 20, endCursor: edges.at(-1)?.cursor ?? null } } };
    },
    search: async (d, v) => {
      const text = String(v.text);
      // the same Lucene query our search builds, so both ask the index the same question
      const query = luceneTerms(text);
      const rows = await read(d, q.search, { query, exact: text.trim().toLowerCase(), candidates: neo4j.int(50), first: neo4j.int(10) });
      return { search: rows.map((r) => ({ score: toPlain(r.get('score')), entity: { id: r.get('id'), name: r.get('name'), kind: r.get('kind') } })) };
    },
    paths: async (d, v) => {
      const rows = await read(d, q.paths, { from: v.from, to: v.to });
      return {
        paths: rows.map((r) => {
          const edges = (toPlain(r.get('edges')) as { type: string; source: string; target: string }[]).map((e) => ({ id: `${e.source}|${e.type}|${e.target}`, ...e }));
          return { length: toPlain(r.get('length')), nodes: toPlain(r.get('nodes')), edges };
        }),
      };
    },
    'node-fragments': async (d, v) => {
      const [r] = await read(d, q.node, { id: v.id });
      return { node: r ? toPlain(r.get('node')) : null };
    },
    'multi-root': async (d, v) => {
      const aliases = ['a', 'b', 'c'] as const;
      const rows = await read(d, q.multi, { ids: aliases.map((a) => v[a]) });
      const byId = new Map(rows.map((r) => [String(r.get('id')), toPlain(r.get('entity'))]));
      return Object.fromEntries(aliases.map((a) => [a, byId.get(String(v[a])) ?? null]));
    },
    timeline: async (d, v) => ({ timeline: await keysetPage(d, q.timeline, v.after, (n) => [n.date, String(n.id)]) }),
    'products-by-date': async (d, v) => ({ products: await keysetPage(d, q.productsByDate, v.after, (n) => [n.releaseDate, String(n.id)]) }),
    'metric-stats': async (d, v) => {
      const rows = await read(d, q.metricStats, { metricKind: v.metricKind });
      return { stats: rows.map((r) => toPlainObject(r.toObject())) };
    },
    neighborhood: async (d, v) => {
      const rows = await read(d, q.neighborhood, { id: v.id, limit: neo4j.int(300), scan: neo4j.int(2000), budget: neo4j.int(50000) });
      const edges: GraphEdgeData[] = [];
      const shown = new Map<string, number>();
      for (const r of rows) {
        const source = String(r.get('node').id);
        for (const o of toPlain(r.get('out')) as { type: string; target: string; properties: Record<string, JsonValue> }[]) {
          edges.push({ id: `${source}|${o.type}|${o.target}`, type: o.type, source, target: o.target, properties: visible(o.properties) });
          shown.set(source, (shown.get(source) ?? 0) + 1);
          shown.set(o.target, (shown.get(o.target) ?? 0) + 1);
        }
      }
      const nodes: GraphNodeData[] = rows.map((r) => {
        const p = toPlainObject(r.get('node'));
        const id = String(p.id);
        return { id, kind: p.kind as EntityKind, label: String(p.name ?? id), properties: visible(p), hiddenNeighbors: Math.max(0, Number(toPlain(r.get('degree'))) - (shown.get(id) ?? 0)) };
      });
      const truncated = rows.length ? Boolean(rows[0].get('truncated')) : false;
      // ours carries each node's degree, PageRank, betweenness and community in the export: the
      // floor computes the same figures with the same function, so both answer the same question
      return { neighborhood: { truncated, export: exportSubgraph(withMetrics({ nodes, edges, truncated }), 'CYTOSCAPE') } };
    },
  };
}

async function main() {
  const driver = neo4j.driver(argValue('neo4j'), neo4j.auth.basic('neo4j', ''), { maxConnectionPoolSize: 50, telemetryDisabled: true });
  const counted = countingDriver(driver);
  const routes = handlers();
  const server = http.createServer((req, res) => {
    const handler = routes[(req.url ?? '').replace(/^\//, '')];
    if (req.method !== 'POST' || !handler) {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const vars = (JSON.parse(body || '{}') as { variables?: Vars }).variables ?? {};
      handler(counted, vars).then(
        (data) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data })),
        (err: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: err.message }] })),
      );
    });
  });
  await new Promise<void>((r) => server.listen(Number(argValue('port', '0')), '127.0.0.1', r));
  exitWithParent(async () => {
    server.close();
    await driver.close();
  });
  announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, await startStats());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
