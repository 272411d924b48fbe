import 'reflect-metadata';
import cluster from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService } from '../../src/http/service';
import { freePort } from '../../src/db/local-neo4j';
import { announce, argValue, counters, countQuery } from './common';

/**
 * Our service as `npm start` runs it with WEB_CONCURRENCY=N (--workers, default the number of
 * cores): N API processes behind node:cluster, sharing the benchmark's Neo4j. The stats port sums
 * the workers' CPU, memory and statements (asked over the cluster's IPC channel).
 */
type Stats = { rss: number; heapUsed: number; cpuMs: number; queries: number; byName: Record<string, { n: number; ms: number }> };

function ownStats(): Stats {
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000, queries: counters.queries, byName: counters.byName };
}

async function worker() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production', NEO4J_URI: process.env.BENCH_NEO4J, PORT: process.env.BENCH_PORT, HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', WEB_CONCURRENCY: '1',
  });
  const service = await startService(config, createLogger(config.LOG_LEVEL));
  service.db.onQuery(({ name, ms }) => countQuery(name, ms));
  process.on('message', (m) => {
    if (m === 'stats') process.send?.({ stats: ownStats() });
  });
  process.on('SIGTERM', () => void service.stop().finally(() => process.exit(0)));
}

async function primary() {
  const workers = Number(argValue('workers', String(availableParallelism())));
  const port = await freePort();
  const env = { BENCH_NEO4J: argValue('neo4j'), BENCH_PORT: String(port) };
  const started = Array.from({ length: workers }, () => cluster.fork(env));
  await Promise.all(started.map((w) => new Promise((r) => w.once('listening', r))));
  const ask = (w: (typeof started)[number]) =>
    new Promise<Stats>((resolve) => {
      const on = (m: { stats?: Stats }) => {
        if (!m.stats) return;
        w.off('message', on);
        resolve(m.stats);
      };
      w.on('message', on);
      w.send('stats');
    });
  const stats = http.createServer((_req, res) => {
    void Promise.all(started.map(ask)).then((all) => {
      const sum: Stats = { rss: process.memoryUsage().rss, heapUsed: 0, cpuMs: 0, queries: 0, byName: {} };
      for (const s of all) {
        sum.rss += s.rss;
        sum.heapUsed += s.heapUsed;
        sum.cpuMs += s.cpuMs;
        sum.queries += s.queries;
        for (const [name, v] of Object.entries(s.byName)) {
          const e = (sum.byName[name] ??= { n: 0, ms: 0 });
          e.n += v.n;
          e.ms += v.ms;
        }
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(sum));
    });
  });
  await new Promise<void>((r) => stats.listen(0, '127.0.0.1', r));
  stats.unref();
  const stop = () => {
    let left = started.length;
    for (const w of started) {
      w.once('exit', () => --left || process.exit(0));
      w.process.kill('SIGTERM');
    }
  };
  process.stdin.resume();
  process.stdin.on('end', stop);
  process.on('SIGTERM', stop);
  announce(`http://127.0.0.1:${port}/graphql`, (stats.address() as AddressInfo).port);
}

(cluster.isPrimary ? primary() : worker()).catch((err) => {
  console.error(err);
  process.exit(1);
});
