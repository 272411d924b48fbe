import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/db/local-neo4j';
import { buildDist, distExists, isAlive, javaChildren, killService, residentMiB, ServiceProcess, startServiceProcess, waitForStatus } from '../support/process';

/**
 * The service as people and process managers run it: `npm start` on an empty data folder, a
 * second start on the same folder, SIGINT/SIGTERM (with requests in flight), an external Neo4j,
 * and bad configuration. Each start is a real process with its own ports and data folder.
 */
jest.setTimeout(180_000);

let dataDir: string;
const started: ServiceProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kg-process-'));
  // the first test runs `npm start`, which builds dist/ anew; the later ones reuse that build
  if (!distExists()) buildDist();
});

afterAll(async () => {
  await Promise.all(started.map(killService));
  rmSync(dataDir, { recursive: true, force: true });
});

async function launch(env: Record<string, string>, how: 'npm' | 'node' = 'node'): Promise<ServiceProcess> {
  const p = startServiceProcess(env, how);
  started.push(p);
  return p;
}

async function typename(url: string): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  return { status: res.status, body: await res.json() };
}

/**
 * Starts a POST whose body arrives in two parts. It asks `Expect: 100-continue`, so `received`
 * settles when the server has parsed the request and answered "100 Continue": from then on the
 * request is in the server's hands, whatever the machine's load; its body ends with `finish()`.
 */
function slowRequest(url: string, query: string) {
  const body = JSON.stringify({ query });
  const { hostname, port } = new URL(url);
  let finish: () => void = () => undefined;
  let received: () => void = () => undefined;
  const receivedP = new Promise<void>((r) => (received = r));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' };
    const req = request({ hostname, port, path: '/graphql', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.on('continue', () => {
      req.write(body.slice(0, 10));
      received();
    });
    finish = () => req.end(body.slice(10));
  });
  return { response, received: receivedP, finish: () => finish() };
}

const figures: Record<string, number> = {};

describe('the service as a process', () => {
  it('npm start on an empty data folder: own Neo4j, migrations, seed, ready within 90 s; Ctrl-C leaves no java', async () => {
    const port = await freePort();
    const t0 = Date.now();
    const svc = await launch({ PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(await freePort()) }, 'npm');
    figures.npmStartToReadyMs = await waitForStatus(`${svc.url}/readyz`, 200, 90_000);
    figures.launcherToNeo4jReadyMs = Number((await svc.waitForLog((l) => l.msg === 'local Neo4j is ready', 1000)).ms);
    const jvm = Number((await svc.waitForLog((l) => l.msg === 'local Neo4j is ready', 1000)).pid);
    figures.jvmResidentMiB = residentMiB(jvm);
    expect(await typename(svc.url)).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    expect(svc.logs.find((l) => l.msg === 'migrations applied')?.applied).toBeGreaterThan(0);
    expect(svc.logs.some((l) => l.msg === 'seed data loaded')).toBe(true);

    // Ctrl-C in a terminal signals the whole foreground group: npm and the service
    process.kill(-svc.child.pid!, 'SIGINT');
    expect(await svc.exited).toEqual({ code: 0, signal: null });
    figures.totalFirstRunMs = Date.now() - t0;
    expect(isAlive(jvm)).toBe(false);
  });

  it('a second start on the same data reuses it; SIGTERM during load: in-flight requests complete, new ones are refused, exit 0, no java', async () => {
    const port = await freePort();
    const svc = await launch({ PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(await freePort()) });
    figures.secondStartToReadyMs = await waitForStatus(`${svc.url}/readyz`, 200, 90_000);
    expect(svc.logs.find((l) => l.msg === 'no migrations to apply')).toMatchObject({ applied: 0 });
    expect(svc.logs.some((l) => l.msg === 'migration applied')).toBe(false);
    expect(svc.logs.some((l) => l.msg === 'graph has data: not seeding')).toBe(true);
    const [jvm] = javaChildren(svc.child.pid!);
    expect(jvm).toBeDefined();

    // requests the server has received before the signal, still sending their bodies (a request
    // that had not reached the server yet may be refused or reset: that race is not asserted)
    const query = '{ entity(id: "company:alibaba") { id name } }';
    const alibaba = { data: { entity: { id: 'company:alibaba', name: 'Alibaba Group' } } };
    const slow = Array.from({ length: 8 }, () => slowRequest(svc.url, query));
    await Promise.all(slow.map((s) => s.received));
    svc.child.kill('SIGTERM');
    await svc.waitForLog((l) => l.msg === 'shutting down', 5000);

    // a new request after the signal is refused: no connection, or 503 while the listener closes
    const late = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    // every request received before the signal is answered in full
    for (const s of slow) s.finish();
    for (const inFlight of await Promise.all(slow.map((s) => s.response))) {
      expect(inFlight.status).toBe(200);
      expect(JSON.parse(inFlight.body)).toEqual(alibaba);
    }
    expect(await svc.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(jvm)).toBe(false);
  });

  it.each([
    ['bolt', process.env.NEO4J_URI],
    ['neo4j', process.env.NEO4J_URI?.replace(/^bolt:/, 'neo4j:')],
  ])('NEO4J_URI=%s://… uses that server and starts no Neo4j of its own', async (_scheme, uri) => {
    const port = await freePort();
    const svc = await launch({ PORT: String(port), NEO4J_URI: uri!, SEED_ON_EMPTY: 'false', NEO4J_DATA_DIR: join(dataDir, 'unused') });
    await waitForStatus(`${svc.url}/readyz`, 200, 30_000);
    expect(javaChildren(svc.child.pid!)).toEqual([]);
    expect(svc.logs.some((l) => l.msg === 'NEO4J_URI is not set: starting the local Neo4j')).toBe(false);
    expect(await typename(svc.url)).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    svc.child.kill('SIGTERM');
    expect(await svc.exited).toEqual({ code: 0, signal: null });
  });

  it.each([
    [{ NEO4J_URI: 'foo' }, 'NEO4J_URI'],
    [{ NEO4J_URI: 'http://127.0.0.1:7474' }, 'NEO4J_URI'],
    [{ PORT: 'abc' }, 'PORT'],
  ])('bad configuration %j stops at once with a message naming %s', async (env, variable) => {
    const t0 = Date.now();
    const svc = await launch({ NEO4J_DATA_DIR: join(dataDir, 'unused'), PORT: '0', ...env });
    const { code } = await svc.exited;
    expect(code).not.toBe(0);
    expect(svc.stderr()).toContain(variable);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(javaChildren(svc.child.pid!)).toEqual([]);
  });

  afterAll(() => console.info(JSON.stringify(figures)));
});
