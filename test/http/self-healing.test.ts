import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/paths';
import { freePort } from '../../src/db/local-neo4j';
import { stateFile, type LocalNeo4jState } from '../../src/db/local-neo4j-state';
import { buildDist, distExists, isAlive, killService, ServiceProcess, startServiceProcess, waitForStatus } from '../support/process';

/**
 * The service process with its own local Neo4j, as `npm start` runs it:
 * - commands run beside it on the same data folder (import, backup) use its Neo4j instead of
 *   starting a second one on a locked store;
 * - when its JVM is killed (SIGKILL, as an OOM kill does), readiness turns 503, the service starts
 *   Neo4j again by itself and serves again, logging the outage once when it starts and once when
 *   it ends;
 * - when Neo4j cannot be started again, it gives up after NEO4J_RESTART_MAX failures and exits
 *   non-zero saying why.
 */
jest.setTimeout(420_000);

let dataDir: string;
let svc: ServiceProcess;
let port: number;

beforeAll(async () => {
  if (!distExists()) buildDist();
  dataDir = mkdtempSync(join(tmpdir(), 'kg-heal-'));
  port = await freePort();
  svc = startServiceProcess({ PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_RESTART_MAX: '2', NEO4J_RESTART_BACKOFF_MS: '500', NEO4J_START_TIMEOUT_MS: '300000', SEED_ON_EMPTY: 'false' });
  await svc.waitForLog((l) => l.msg === 'ready', 330_000);
});

afterAll(async () => {
  await killService(svc);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const state = (): LocalNeo4jState => JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as LocalNeo4jState;

/** A command as a person runs it beside the service: its own process, the same data folder. */
function command(script: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.NEO4J_URI;
  delete env.NODE_ENV;
  return spawnSync(process.execPath, [`dist/src/cli/${script}.js`, ...args], { cwd: projectRoot(), env, encoding: 'utf8', timeout: 120_000 });
}

async function entityName(id: string): Promise<unknown> {
  const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ entity(id: "${id}") { name } }` }) });
  return ((await res.json()) as { data?: { entity?: { name: string } | null } }).data?.entity?.name;
}

describe('commands beside a running service', () => {
  it('npm run import on the data folder of a running service imports through its Neo4j', async () => {
    const file = join(dataDir, 'beside.json');
    writeFileSync(
      file,
      JSON.stringify({
        source: { id: 'source:beside', name: 'Beside', names: [{ lang: 'en', value: 'Beside' }], properties: { issued: '2025-09-08', lang: 'en', title: 'Beside', sections: [{ id: 'main', title: 'Main' }] } },
        entities: [{ id: 'company:beside-co', kind: 'COMPANY', name: 'Beside Co', names: [{ lang: 'en', value: 'Beside Co' }], provenance: [{ section: 'main', sentence: 'Beside Co exists.', basis: 'REPORTED' }] }],
        relationships: [],
      }),
    );
    const res = command('import', [file]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/entities 2 created/);
    // the running service sees it at once: the same database
    expect(await entityName('company:beside-co')).toBe('Beside Co');
  });

  it('npm run backup beside the running service writes the whole graph', async () => {
    const file = join(dataDir, 'beside.jsonl');
    const res = command('backup', [file]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('"company:beside-co"');
  });
});

describe('a local Neo4j that heals itself', () => {
  it('after its JVM is killed, readiness is 503, Neo4j is started again and the service serves again', async () => {
    const before = state();
    expect(isAlive(before.neo4jPid)).toBe(true);
    const logsBefore = svc.logs.length;
    const killedAt = Date.now();
    process.kill(before.neo4jPid, 'SIGKILL');
    await waitForStatus(`${svc.url}/readyz`, 503, 10_000);
    // liveness stays 200: the process is fine and is repairing its database
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    // a cold JVM replaying its log takes long on a loaded machine (90 s seen at load 20 on 2 cores)
    await waitForStatus(`${svc.url}/readyz`, 200, 300_000).catch((err: Error) => {
      throw new Error(`${err.message}; the service logged: ${JSON.stringify(svc.logs.slice(logsBefore)).slice(0, 3000)}`);
    });
    const recoveryMs = Date.now() - killedAt;
    process.stdout.write(`recovery after SIGKILL of the JVM: ${recoveryMs} ms\n`);
    expect(await entityName('company:beside-co')).toBe('Beside Co');
    const after = state();
    expect(after.neo4jPid).not.toBe(before.neo4jPid);
    expect(after.uri).toBe(before.uri);
    // the outage is logged once when it starts and once when it ends, not once per health check
    const outage = svc.logs.slice(logsBefore);
    expect(outage.filter((l) => l.msg === 'database is unavailable')).toHaveLength(1);
    expect(outage.filter((l) => l.msg === 'database is back')).toHaveLength(1);
    expect(outage.filter((l) => l.msg === 'the local Neo4j is running again')).toHaveLength(1);
    // not a line per health check (one a second over an outage of tens of seconds): the two outage
    // lines, plus the driver's report of each pooled connection the dying JVM reset (at the kill, once)
    const complaints = outage.filter((l) => Number(l.level) >= 40 && l.msg !== 'slow query');
    expect(complaints.filter((l) => !('neo4j' in l)).map((l) => l.msg).sort()).toEqual(['database is unavailable', 'the local Neo4j exited; restarting it']);
    expect(complaints.filter((l) => 'neo4j' in l).length).toBeLessThanOrEqual(5);
  });

  it('gives up after NEO4J_RESTART_MAX failed restarts and exits non-zero saying why', async () => {
    // the JVM dies and every restart fails: its Bolt port is taken by someone else now
    const { neo4jPid, uri } = state();
    const boltPort = Number(new URL(uri.replace('bolt:', 'http:')).port);
    const { createServer } = await import('node:net');
    const squatter = createServer();
    process.kill(neo4jPid, 'SIGKILL');
    // the port is free once the dead JVM is gone, long before a new JVM gets as far as binding it
    for (let bound = false; !bound; ) {
      bound = await new Promise<boolean>((resolve) => {
        squatter.once('error', () => resolve(false)).listen(boltPort, '127.0.0.1', () => resolve(true));
      });
      if (!bound) await new Promise((r) => setTimeout(r, 20));
    }
    try {
      const { code } = await svc.exited;
      expect(code).not.toBe(0);
      expect(svc.stderr()).toMatch(/restarts in a row failed/);
      // the JVM had just been restarted (a death within 60 s counts as a failed start): one more failed start ends it
      expect(svc.logs.filter((l) => l.msg === 'restarting the local Neo4j failed').length).toBeGreaterThanOrEqual(1);
      expect(svc.logs.filter((l) => l.msg === 'restarting the local Neo4j failed').length).toBeLessThanOrEqual(2);
      expect(existsSync(stateFile(dataDir))).toBe(false);
    } finally {
      squatter.close();
    }
  });
});
