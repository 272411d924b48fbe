import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseUnavailableError } from '../../src/common/errors';
import { freePort, LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j';
import { toPlain } from '../../src/db/values';
import { Importer } from '../../src/write/importer';
import type { RunningService } from '../../src/http/service';
import { freshGraph } from '../support/graph';
import { gql, startTestServer } from '../support/server';

/**
 * A database outage under load, on loopback. This file runs its own Neo4j (the shared test server
 * must survive), kills it with SIGKILL in the middle of a bounded load run of reads over HTTP and
 * acknowledged writes through the service's database chokepoint, then starts it again on the same
 * port and data folder. The service must stay up, turn unready within 5 s, fail requests fast
 * with DATABASE_UNAVAILABLE, recover by itself, and keep every write it acknowledged.
 */
jest.setTimeout(120_000);

let home: string;
let port: number;
let neo4j: LocalNeo4j;
let current: RunningService | undefined;
let seeded = false;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'kg-outage-'));
  port = await freePort();
  neo4j = await startLocalNeo4j({ home, port, heap: '512m', pageCacheMb: 64 });
});

/** The service on our Neo4j through a direct (bolt://) or a routing (neo4j://) driver. */
async function startService(scheme: 'bolt' | 'neo4j'): Promise<RunningService> {
  current = await startTestServer({ NEO4J_URI: neo4j.uri.replace(/^bolt:/, `${scheme}:`), NEO4J_TX_TIMEOUT_MS: '60000' });
  if (!seeded) await freshGraph(current.db);
  seeded = true;
  return current;
}

afterEach(async () => {
  await current?.stop();
  current = undefined;
});

afterAll(async () => {
  await neo4j?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

type Outcome = { kind: 'read' | 'write'; ok: boolean; code?: string; status?: number; ms: number; at: number };

const READ = '{ entity(id: "company:alibaba") { id name } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A one-entity import document: the write is acknowledged when importDocument resolves. */
function writeDoc(tag: string, n: number) {
  return {
    source: {
      id: `source:outage-${tag}-${n}`,
      name: `Outage test ${tag} ${n}`,
      names: [{ lang: 'en', value: `Outage test ${tag} ${n}` }],
      properties: { issued: '2025-09-08', lang: 'en', title: 'Outage test', sections: [{ id: 'main', title: 'Main' }] },
    },
    entities: [
      {
        id: `company:outage-${tag}-write-${n}`,
        kind: 'COMPANY',
        name: `Outage Write ${n}`,
        names: [{ lang: 'en', value: `Outage Write ${n}` }],
        provenance: [{ section: 'main', sentence: `Write ${n}.`, basis: 'REPORTED' }],
      },
    ],
    relationships: [],
  };
}

/** Bounded load: `workers` loops alternating reads and writes, a short pause between requests. */
function startLoad(svc: RunningService, tag: string, workers: number, maxRequests: number) {
  const outcomes: Outcome[] = [];
  const acknowledged: string[] = [];
  const importer = new Importer(svc.db);
  let stopped = false;
  let issued = 0;
  const worker = async () => {
    while (!stopped && issued < maxRequests) {
      const n = issued++;
      const started = performance.now();
      // by the global request number, so reads and writes alternate however the workers interleave
      if (n % 2 === 0) {
        const res = await gql(svc.url, READ).catch(() => undefined);
        const code = res?.body.errors?.[0]?.extensions?.code as string | undefined;
        const ok = res?.status === 200 && !res.body.errors && (res.body.data as { entity?: { id: string } })?.entity?.id === 'company:alibaba';
        outcomes.push({ kind: 'read', ok, code: ok ? undefined : (code ?? 'NO_RESPONSE'), status: res?.status, ms: performance.now() - started, at: Date.now() });
      } else {
        try {
          await importer.importDocument(writeDoc(tag, n), `write-${n}`, { actor: 'outage-test', resolveByName: false });
          acknowledged.push(`company:outage-${tag}-write-${n}`);
          outcomes.push({ kind: 'write', ok: true, ms: performance.now() - started, at: Date.now() });
        } catch (err) {
          const code = err instanceof DatabaseUnavailableError ? 'DATABASE_UNAVAILABLE' : String((err as Error).message);
          outcomes.push({ kind: 'write', ok: false, code, ms: performance.now() - started, at: Date.now() });
        }
      }
      await sleep(25);
    }
  };
  const done = Promise.all(Array.from({ length: workers }, () => worker()));
  return {
    outcomes,
    acknowledged,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** Waits (bounded) until `done()` holds; the load's pace depends on how busy the machine is. */
async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function waitForStatus(svc: RunningService, path: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(`${svc.url}${path}`).catch(() => undefined);
    if (res?.status === status) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`${path} did not answer ${status} within ${timeoutMs} ms`);
}

describe('Neo4j killed during load', () => {
  it.each(['bolt', 'neo4j'] as const)('%s:// — stays up, turns unready, fails fast, recovers without restart and keeps acknowledged writes', async (scheme) => {
    const svc = await startService(scheme);
    const load = startLoad(svc, scheme, 4, 1200);
    await until(() => load.acknowledged.length >= 20 && load.outcomes.length >= 60, 30_000, 'the load to warm up');
    const beforeKill = load.outcomes.length;
    expect(load.outcomes.every((o) => o.ok)).toBe(true);

    const killedAt = Date.now();
    process.kill(neo4j.pid, 'SIGKILL');
    const unreadyMs = await waitForStatus(svc, '/readyz', 503, 5000);

    // the outage, still under load: every request ends at once with the contract's code
    const outage = () => load.outcomes.filter((o) => o.at > killedAt + unreadyMs + 200);
    await until(() => outage().length >= 40, 20_000, 'requests during the outage');
    const duringOutage = outage();
    expect(new Set(duringOutage.map((o) => o.code))).toEqual(new Set(['DATABASE_UNAVAILABLE']));
    // over HTTP the error also sets the status, so proxies and clients can retry without parsing
    expect(new Set(duringOutage.filter((o) => o.kind === 'read').map((o) => o.status))).toEqual(new Set([503]));
    // requests caught by the kill itself also end fast and with the same code
    const afterKill = load.outcomes.slice(beforeKill).filter((o) => !o.ok);
    expect(afterKill.every((o) => o.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    // in flight at the kill, a request ends when the monitor flips: at most its 1 s interval plus the
    // ping's 3 s deadline (a ping sent while the dying JVM still holds its sockets waits for it), the
    // same 5 s bound as readiness's above; never the driver's retry time or the acquisition timeout
    const slowest = Math.max(...afterKill.map((o) => o.ms));
    const slow = afterKill.filter((o) => o.ms >= 5000).map((o) => ({ kind: o.kind, ms: Math.round(o.ms), endedAfterKillMs: o.at - killedAt }));
    expect(slow).toEqual([]);
    // liveness does not depend on the database: the process is alive and serving
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    await load.stop();

    // Neo4j back on the same port and data folder: the service reconnects by itself
    const restartedAt = Date.now();
    neo4j = await startLocalNeo4j({ home, port, heap: '512m', pageCacheMb: 64 });
    const neo4jStartMs = Date.now() - restartedAt;
    const readyAgainMs = await waitForStatus(svc, '/readyz', 200, 30_000);
    const after = await gql(svc.url, READ);
    expect(after.body.errors).toBeUndefined();
    expect((after.body.data as { entity: { id: string } }).entity.id).toBe('company:alibaba');

    // every write acknowledged before (or during) the outage is there
    const ids = load.acknowledged;
    const found = await svc.db.read({ name: 'test/existing', text: 'MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS c' }, { ids });
    expect(Number(toPlain(found[0].get('c')))).toBe(ids.length);

    const failures = load.outcomes.filter((o) => !o.ok).map((o) => o.ms).sort((a, b) => a - b);
    console.info(
      JSON.stringify({
        scheme,
        requests: load.outcomes.length,
        acknowledgedWrites: ids.length,
        unreadyAfterKillMs: unreadyMs,
        failedRequests: failures.length,
        failureLatencyMs: { p50: Math.round(failures[Math.floor(failures.length / 2)]), max: Math.round(slowest) },
        neo4jRestartMs: neo4jStartMs,
        readyAfterNeo4jRestartMs: readyAgainMs,
      }),
    );
  });
});
