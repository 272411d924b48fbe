import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/paths';
import type { ServerName, Vars } from '../workloads';

export interface ServerStats {
  rss: number;
  heapUsed: number;
  /** user + system CPU time of the server process so far */
  cpuMs: number;
  queries: number;
  /** ours only: statements and their total time by query name */
  byName: Record<string, { n: number; ms: number }>;
}

/** A benchmark server running in its own Node process (so its memory and CPU are its own). */
export interface ServerProcess {
  name: ServerName;
  url: string;
  statsUrl: string;
  pid: number;
  /** the URL and body of one request for a workload */
  request(workload: string, document: string | undefined, vars: Vars): { url: string; body: string };
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

export async function startServer(name: ServerName, neo4jUri: string, log: (l: string) => void): Promise<ServerProcess> {
  const script = join(projectRoot(), 'dist', 'bench', 'servers', `${name === 'ours-standard' ? 'ours' : name}.js`);
  const env = { ...process.env, NODE_ENV: 'production', ...(name === 'ours-standard' ? { GRAPHQL_EXECUTION: 'standard' } : {}) };
  const child = spawn(process.execPath, [script, '--neo4j', neo4jUri, '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const [url, statsPort] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} server did not start within 360 s:\n${out.slice(-2000)}`)), 360_000);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /BENCH_SERVER_READY (\S+) (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve([m[1], m[2]]);
      }
    });
    child.stderr?.on('data', (b: Buffer) => {
      out += b.toString();
      for (const line of b.toString().split('\n')) if (line.trim()) log(`${name}: ${line}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited with ${code} before it was ready:\n${out.slice(-2000)}`));
    });
  });
  const statsUrl = `http://127.0.0.1:${statsPort}/`;
  return {
    name,
    url,
    statsUrl,
    pid: child.pid ?? -1,
    request: (workload, document, vars) =>
      name === 'raw'
        ? { url: `${url}/${workload}`, body: JSON.stringify({ variables: vars }) }
        : { url, body: JSON.stringify({ query: document, variables: vars }) },
    stats: async () => (await (await fetch(statsUrl)).json()) as ServerStats,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}
