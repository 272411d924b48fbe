/**
 * `npm run bench:ranking -- --scale 10k`: the whole-graph ranking's time and memory on the
 * benchmark's data (not a test). Runs RankingService.refresh() (the PAGERANK job) a few times
 * against the scale's Neo4j and reports wall time, the process's peak RSS over its RSS before the
 * run (the worker thread's graph and PageRank included: a thread shares the process), the main
 * thread's peak heap over its heap before the run, the share of the run the main thread was busy
 * (event-loop utilization), and the longest event-loop stall while it ran (what a read arriving
 * meanwhile would wait at most) beside the longest one over as long a time with nothing running
 * (the machine's own noise). Then times `ranking(kind, by: DEGREE)`, read
 * from the stored degrees, for a few kinds, and the first page of companies ordered by DEGREE
 * against the NAME order (both index order).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { RankingService } from '../src/analytics/ranking.service';
import { ConnectionRepository } from '../src/read/connection/connection.repository';
import { normalizeFilter } from '../src/read/connection/connection.service';
import type { PrefetchPlan } from '../src/read/planner/prefetch.plan';
import { openBenchDatabase, quietLogger } from './load';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
/** the page's rows with no nested lists, reading only id, kind and name */
const EMPTY_PLAN: PrefetchPlan = { branches: [], fields: [], signature: 'bench-empty' };
const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * The longest event-loop stall over `ms` with nothing running: what the loaded machine alone
 * causes (descheduling, timers' resolution), to read a run's stall against.
 */
async function idleStall(ms: number): Promise<number> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  loop.disable();
  return loop.max;
}

async function main() {
  const scale = arg('scale', '10k');
  const runs = Number(arg('runs', '3'));
  const bench = await openBenchDatabase(scale);
  try {
    const ranking = new RankingService(bench.db, quietLogger, { pageRank: true, refreshMs: 1e9, maxAgeMs: 1e9, batchSize: Number(arg('batch', '5000')) });
    for (let i = 0; i < runs; i++) {
      global.gc?.();
      const before = process.memoryUsage();
      let peak = before.rss;
      let peakHeap = before.heapUsed;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }, 20);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const busy = performance.eventLoopUtilization();
      const started = performance.now();
      await ranking.refresh();
      const ms = performance.now() - started;
      const utilization = performance.eventLoopUtilization(busy).utilization;
      loop.disable();
      clearInterval(sampler);
      const control = await idleStall(Math.min(ms, 10_000));
      const top = (await ranking.ranking('COMPANY', 'PAGERANK', 3)).entries.map((e) => e.id);
      console.log(
        `ranking run ${i + 1}: ${(ms / 1000).toFixed(2)} s, peak RSS +${mb(peak - before.rss)} MB (${mb(peak)} MB), ` +
          `main-thread heap +${mb(peakHeap - before.heapUsed)} MB, main thread busy ${(utilization * 100).toFixed(0)}% of the run, ` +
          `longest event-loop stall ${(loop.max / 1e6).toFixed(0)} ms (idle control: ${(control / 1e6).toFixed(0)} ms); ` +
          `top companies by PageRank: ${top.join(', ')}`,
      );
    }
    for (const kind of ['COMPANY', 'PERSON', 'METRIC'] as const) {
      const times: number[] = [];
      let top: string[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        top = (await ranking.ranking(kind, 'DEGREE', 20)).entries.map((e) => `${e.id} (${e.score})`);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`ranking(${kind}, DEGREE, first: 20): median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)}); top 3: ${top.slice(0, 3).join(', ')}`);
    }
    const repo = new ConnectionRepository(bench.db);
    const filter = normalizeFilter('COMPANY', {});
    for (const field of ['NAME', 'DEGREE'] as const) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await repo.page('COMPANY', filter, { field, direction: field === 'NAME' ? 'ASC' : 'DESC' }, undefined, 21, EMPTY_PLAN);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`companies first page by ${field}: median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)})`);
    }
  } finally {
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
