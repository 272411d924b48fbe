import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { projectRoot } from '../common/paths';

/**
 * Runs Neo4j Community embedded (neo4j-launcher/, a Maven project) as a child JVM with Bolt on
 * 127.0.0.1. The JVM exits when our stdin pipe closes, so even a crashed Node process never leaves
 * it holding the store lock.
 */
export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** Bolt port (kept when the JVM is started again after a crash, so the driver's URI stays valid) */
  port: number;
  home: string;
  /** settles when the JVM exits, for whatever reason (stop(), a crash, an OOM kill) */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  home: string;
  port?: number;
  heap?: string;
  pageCacheMb?: number;
  /** folder of extra procedure jars (APOC for the benchmark) */
  pluginsDir?: string;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

const launcherDir = () => join(projectRoot(), 'neo4j-launcher');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((e) => newestMtime(join(path, e))));
}

/** Builds the launcher with Maven when its classpath file is missing or older than its sources. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}, profiles: string[] = []): void {
  const dir = launcherDir();
  const classpath = join(dir, 'target', 'classpath.txt');
  const fresh =
    existsSync(classpath) &&
    statSync(classpath).mtimeMs >= Math.max(newestMtime(join(dir, 'pom.xml')), newestMtime(join(dir, 'src'))) &&
    profiles.every((p) => existsSync(join(dir, 'target', p)));
  if (fresh) return;
  log('building the Neo4j launcher with Maven (first run downloads Neo4j from Maven Central)...');
  const args = ['-B', '-q', '-DskipTests', ...(profiles.length ? [`-P${profiles.join(',')}`] : []), 'package'];
  const res = spawnSync('mvn', args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.error) throw new Error(`Could not run Maven (mvn): ${res.error.message}. Install Maven and JDK 17+, or set NEO4J_URI.`);
  if (res.status !== 0) throw new Error(`Building neo4j-launcher failed (mvn exit ${res.status})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The JVM flags Neo4j's own server passes; without the opens some features break silently. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
];

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  ensureLauncherBuilt(log, opts.pluginsDir ? ['apoc'] : []);
  const dir = launcherDir();
  const home = resolve(projectRoot(), opts.home);
  mkdirSync(home, { recursive: true });
  const port = opts.port || (await freePort());
  const heap = opts.heap ?? '768m';
  const classpath = [join(dir, 'target', 'classes'), readFileSync(join(dir, 'target', 'classpath.txt'), 'utf8').trim()];
  if (opts.pluginsDir) classpath.push(join(opts.pluginsDir, '*'));
  const args = [
    ...JVM_FLAGS,
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-cp',
    classpath.join(':'),
    'dev.kg.launcher.Launcher',
    '--port',
    String(port),
    '--home',
    home,
    '--pagecache-mb',
    String(opts.pageCacheMb ?? 128),
    ...(opts.pluginsDir ? ['--plugins', opts.pluginsDir] : []),
  ];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const uri = await waitForReady(child, opts.readyTimeoutMs ?? 120_000, log, home);
  return { uri, pid: child.pid ?? -1, port, home, exited, stop: () => stopChild(child) };
}

function waitForReady(child: ChildProcess, timeoutMs: number, log: (l: string) => void, home: string): Promise<string> {
  return new Promise((resolveUri, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${timeoutMs} ms; see ${home}/logs/debug.log`));
    }, timeoutMs);
    const onData = (buf: Buffer) => {
      output += buf.toString();
      const m = /NEO4J_READY (bolt:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolveUri(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => {
      output += b.toString();
      for (const line of b.toString().split('\n')) if (line.trim()) log(`neo4j: ${line}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited with code ${code} before it was ready:\n${output.slice(-2000)}\nSee ${home}/logs/debug.log`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`Could not start java: ${err.message}. Install JDK 17+, or set NEO4J_URI.`));
    });
  });
}

/** SIGTERM runs Neo4j's clean shutdown; after 30 s we stop waiting and kill it. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
    child.stdin?.end();
  });
}
