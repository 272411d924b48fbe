import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/**
 * What every benchmark server process shares: a counter of database round trips, a stats
 * listener (its own port, so it can never collide with a server's routes) and the READY line the
 * harness waits for.
 */
export const counters = { queries: 0, byName: {} as Record<string, { n: number; ms: number }> };

/** Adds one statement's time to its name's total (ours reports names through its observer). */
export function countQuery(name: string, ms: number): void {
  counters.queries++;
  const entry = (counters.byName[name] ??= { n: 0, ms: 0 });
  entry.n++;
  entry.ms += ms;
}

export function argValue(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

/** GET / on the stats port: {rss, heapUsed, cpuMs, queries, byName}. */
export async function startStats(): Promise<number> {
  const server = http.createServer((_req, res) => {
    const m = process.memoryUsage();
    const cpu = process.cpuUsage();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000, queries: counters.queries, byName: counters.byName }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  return (server.address() as AddressInfo).port;
}

export function announce(url: string, statsPort: number): void {
  console.log(`BENCH_SERVER_READY ${url} ${statsPort}`);
}

/** Exits when the harness closes our stdin, so a crashed harness leaves no server behind. */
export function exitWithParent(stop: () => Promise<void>): void {
  process.stdin.resume();
  process.stdin.on('end', () => void stop().finally(() => process.exit(0)));
  process.on('SIGTERM', () => void stop().finally(() => process.exit(0)));
}

/**
 * A driver whose transactions count every statement they run: wraps session() so that
 * executeRead/executeWrite hand the work a counting transaction. Used by the anchor and the raw
 * server; ours counts through its own Database observer.
 */
export function countingDriver(driver: Driver): Driver {
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (...args: Parameters<ManagedTransaction['run']>) => {
            counters.queries++;
            return target.run(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          const fn = target[prop].bind(target) as Session['executeRead'];
          return (work: (tx: ManagedTransaction) => unknown, config?: Parameters<Session['executeRead']>[1]) => fn((tx) => work(wrapTx(tx)), config);
        }
        if (prop === 'run') {
          return (...args: Parameters<Session['run']>) => {
            counters.queries++;
            return target.run(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') return (...args: Parameters<Driver['session']>) => wrapSession(target.session(...args));
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
