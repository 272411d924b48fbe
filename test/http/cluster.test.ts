import { freePort } from '../../src/db/local-neo4j';
import { buildDist, isAlive, killService, type ServiceProcess, startServiceProcess, waitForStatus } from '../support/process';

/**
 * WEB_CONCURRENCY=2: a primary and two API worker processes sharing the test Neo4j. Both workers
 * answer GraphQL requests, and SIGTERM to the primary stops them all cleanly (exit 0).
 */
jest.setTimeout(180_000);

let svc: ServiceProcess | undefined;

beforeAll(() => buildDist());
afterAll(async () => {
  await killService(svc);
});

async function entityName(url: string, requestId: string): Promise<unknown> {
  // a new connection per request (no keep-alive), so the cluster can hand each to another worker
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close', 'x-request-id': requestId },
    body: JSON.stringify({ query: '{ entity(id: "company:alibaba") { name } }' }),
  });
  return { status: res.status, body: await res.json() };
}

test('two API workers answer, and SIGTERM stops both and the primary with exit 0', async () => {
  const port = await freePort();
  svc = startServiceProcess({ PORT: String(port), WEB_CONCURRENCY: '2', NEO4J_URI: process.env.NEO4J_URI!, SEED_ON_EMPTY: 'false' });
  await waitForStatus(`${svc.url}/readyz`, 200, 120_000);
  const ready = await svc.waitForLog((l) => l.msg === 'API workers ready', 120_000);
  const workers = ready.pids as number[];
  expect(workers).toHaveLength(2);

  const ids = Array.from({ length: 12 }, (_, i) => `cluster-test-${i}`);
  for (const id of ids) expect(await entityName(svc.url, id)).toEqual({ status: 200, body: { data: { entity: { name: 'Alibaba Group' } } } });
  const requestLines = await Promise.all(ids.map((id) => svc!.waitForLog((l) => l.msg === 'graphql request' && l.requestId === id, 10_000)));
  // each answer was logged by one of the two workers, and both workers answered some
  expect(new Set(requestLines.map((l) => l.pid))).toEqual(new Set(workers));

  svc.child.kill('SIGTERM');
  expect(await svc.exited).toEqual({ code: 0, signal: null });
  for (const pid of workers) expect(isAlive(pid)).toBe(false);
});

test('WEB_CONCURRENCY must be a whole number of processes', async () => {
  const bad = startServiceProcess({ PORT: String(await freePort()), WEB_CONCURRENCY: 'many' });
  expect(await bad.exited).toEqual({ code: 2, signal: null });
  expect(bad.stderr()).toContain('WEB_CONCURRENCY');
});
