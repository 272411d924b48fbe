import { runInScope } from '../../src/common/request-context';
import type { RunningService } from '../../src/http/service';
import type { Database } from '../../src/db/database';
import { freshGraph, testDatabase } from '../support/graph';
import { capturingLogger, gql, startTestServer } from '../support/server';

/**
 * What operators rely on: /metrics in Prometheus text format with per-operation counts and
 * latencies, Neo4j query durations and session use; one JSON log line per request carrying the
 * request id, which is also in the metadata of every transaction the request runs.
 */
let svc: RunningService;
let db: Database;
const { logger, lines } = capturingLogger();

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({}, logger);
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

async function scrape(): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${svc.url}/metrics`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one sample (name plus labels) in Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return 0;
}

const PROBE = 'query EntityProbe { entity(id: "company:alibaba") { id sources { sentence } } }';

describe('GET /metrics', () => {
  it('counts operations by name and outcome, with latency histograms', async () => {
    const before = (await scrape()).text;
    await gql(svc.url, PROBE);
    await gql(svc.url, PROBE);
    const bad = await gql(svc.url, 'query BadSearch { search(text: "  ") { score } }');
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const ok = { operation: 'EntityProbe', outcome: 'success' };
    expect(sample(after.text, 'graphql_requests_total', ok) - sample(before, 'graphql_requests_total', ok)).toBe(2);
    expect(sample(after.text, 'graphql_request_duration_seconds_count', ok) - sample(before, 'graphql_request_duration_seconds_count', ok)).toBe(2);
    expect(sample(after.text, 'graphql_request_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(sample(after.text, 'graphql_request_duration_seconds_count', ok));
    expect(sample(after.text, 'graphql_requests_total', { operation: 'BadSearch', outcome: 'BAD_USER_INPUT' })).toBe(1);
    const http = { method: 'POST', route: '/graphql', status: '200' };
    expect(sample(after.text, 'http_request_duration_seconds_count', http) - sample(before, 'http_request_duration_seconds_count', http)).toBe(3);
  });

  it('times Neo4j queries by name and access mode', async () => {
    const labels = { query: 'entity/by-ids', mode: 'READ', outcome: 'success' };
    const before = sample((await scrape()).text, 'neo4j_query_duration_seconds_count', labels);
    await gql(svc.url, PROBE);
    const after = (await scrape()).text;
    expect(sample(after, 'neo4j_query_duration_seconds_count', labels)).toBe(before + 1);
    expect(sample(after, 'neo4j_query_duration_seconds_sum', labels)).toBeGreaterThan(0);
    expect(sample(after, 'neo4j_query_duration_seconds_count', { query: 'entity/sources-by-ids', mode: 'READ' })).toBeGreaterThan(0);
  });

  it('shows database health, pool size and the sessions in use', async () => {
    const idle = (await scrape()).text;
    expect(sample(idle, 'neo4j_up')).toBe(1);
    expect(sample(idle, 'neo4j_pool_max_size')).toBe(50);
    expect(sample(idle, 'neo4j_sessions_in_use', { mode: 'READ' })).toBe(0);
    const busy = await svc.db.readTx(async () => (await scrape()).text);
    expect(sample(busy, 'neo4j_sessions_in_use', { mode: 'READ' })).toBe(1);
  });

  it('includes the default process metrics', async () => {
    const { text } = await scrape();
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('keeps operation-name labels bounded however many names clients send', async () => {
    for (let i = 0; i < 210; i++) await gql(svc.url, `query Op${i} { __typename }`);
    const names = new Set([...(await scrape()).text.matchAll(/^graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(200 + 2); // plus "anonymous" and "other"
    expect(names.has('other')).toBe(true);
  });
});

describe('request logs and transaction metadata', () => {
  it('logs one JSON line per operation with the request id, name, outcome, duration and database round trips', async () => {
    const res = await fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'obs-test-request-1' },
      body: JSON.stringify({ query: PROBE }),
    });
    expect(res.headers.get('x-request-id')).toBe('obs-test-request-1');
    await res.json();
    const line = lines.find((l) => l.msg === 'graphql request' && l.requestId === 'obs-test-request-1');
    expect(line).toMatchObject({ operation: 'EntityProbe', outcome: 'success', status: 200 });
    expect(line?.dbQueries).toBeGreaterThanOrEqual(2);
    expect(typeof line?.ms).toBe('number');
  });

  it('gives every request an id when the client sends none', async () => {
    const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PROBE }) });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await res.json();
    expect(lines.some((l) => l.msg === 'graphql request' && l.requestId === id)).toBe(true);
  });

  it('puts the request id into the metadata of the transactions the request runs', async () => {
    const [rec] = await runInScope({ requestId: 'obs-meta-1', operationName: 'MetaProbe', dbQueries: 0 }, () =>
      svc.db.read({ name: 'test/tx-metadata', text: 'CALL tx.getMetaData() YIELD metadata RETURN metadata' }),
    );
    expect(rec.get('metadata')).toMatchObject({ app: 'kg-graphql', requestId: 'obs-meta-1', operation: 'MetaProbe' });
  });
});
