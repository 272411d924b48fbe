import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/paths';

/**
 * The real service as a separate process (`npm start` or `node dist/src/main.js`), for what only a
 * process shows: signals, exit codes, its JVM, startup logs. Everything listens on 127.0.0.1.
 */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** pino's JSON lines from stdout, parsed */
  logs: Record<string, unknown>[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(pred: (line: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>>;
}

/** `npm run build` once per test file (what `npm start` runs first), so dist/ matches src/. */
export function buildDist(): void {
  const res = spawnSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot(), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`npm run build failed:\n${res.stdout}\n${res.stderr}`);
}

/** The environment of a service process: ours without the test Neo4j's URI unless given. */
function serviceEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', NEO4J_HEAP: '512m' };
  // as a person runs it: jest's NODE_ENV=test and the shared test server's URI do not leak in
  delete base.NEO4J_URI;
  delete base.NODE_ENV;
  // a busy machine (shared CI, several test runs) makes first-query planning slow: seeding must not time out
  base.NEO4J_TX_TIMEOUT_MS = '60000';
  // one API process (the default is one per core): test/http/cluster.test.ts covers several
  base.WEB_CONCURRENCY = '1';
  return { ...base, ...env };
}

export function startServiceProcess(env: Record<string, string>, how: 'npm' | 'node' = 'node'): ServiceProcess {
  const [cmd, args] = how === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, ['dist/src/main.js']];
  // its own process group, so a test can signal it like a terminal's Ctrl-C does (the whole group)
  const child = spawn(cmd, args, { cwd: projectRoot(), env: serviceEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logs: Record<string, unknown>[] = [];
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (buf: Buffer) => {
    const lines = (partial + buf.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        continue;
      }
      logs.push(line);
      for (const w of [...waiters]) if (w.pred(line)) w.resolve(line);
    }
  });
  child.stderr?.on('data', (buf: Buffer) => (stderr += buf.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    url: `http://127.0.0.1:${env.PORT}`,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(pred, timeoutMs) {
      const seen = logs.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; stderr: ${stderr.slice(-500)}`)), timeoutMs);
        const waiter = {
          pred,
          resolve: (l: Record<string, unknown>) => {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(waiter), 1);
            resolve(l);
          },
        };
        waiters.push(waiter);
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`the service exited before the expected log line; stderr: ${stderr.slice(-1000)}`));
        });
      });
    },
  };
}

/**
 * Ends a service process a test started, and everything it started (npm, node, cluster workers,
 * the JVM share its process group), with SIGKILL, and waits for it. Killing only `child` (npm, or
 * a cluster's primary) after a failed test left the rest running, holding the child's stdout
 * pipe, and with it jest, open after the last result.
 */
export async function killService(p: ServiceProcess | undefined): Promise<void> {
  if (!p?.child.pid) return;
  try {
    process.kill(-p.child.pid, 'SIGKILL');
  } catch {
    // the whole group has exited already
  }
  await p.exited;
}

/** Polls a URL until it answers `status`; returns the milliseconds it took. */
export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === status) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie has exited
  } catch {
    return false;
  }
}

/** Direct children of a process that run java (read from /proc). */
export function javaChildren(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
      if (m && m[1] === 'java' && Number(m[2]) === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Resident memory of a process in MiB. */
export function residentMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

export function distExists(): boolean {
  return existsSync(join(projectRoot(), 'dist', 'src', 'main.js'));
}
