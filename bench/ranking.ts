/**
 * `npm run bench:ranking -- --scale 10k`: the whole-graph ranking job's time and memory on the
 * benchmark's data (not a test). Runs RankingService.refresh() a few times against the scale's
 * Neo4j and reports wall time, the process's peak RSS over its RSS before the run (the worker
 * thread's PageRank included), and the longest event-loop stall while it ran (what a read
 * arriving meanwhile would wait at most). Also times the first page of companies ordered by DEGREE
 * (a computed COUNT over the label) against the NAME order (index order), the cost of orderings
 * by graph figures.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
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

async function main() {
  const scale = arg('scale', '10k');
  const runs = Number(arg('runs', '3'));
  const bench = await openBenchDatabase(scale);
  try {
    const ranking = new RankingService(bench.db, quietLogger, { refreshMs: 1e9, maxAgeMs: 1e9, batchSize: Number(arg('batch', '5000')) });
    for (let i = 0; i < runs; i++) {
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const started = performance.now();
      await ranking.refresh();
      const ms = performance.now() - started;
      loop.disable();
      clearInterval(sampler);
      const top = ranking.ranking('COMPANY', 'PAGERANK', 3).entries.map((e) => e.id);
      console.log(
        `ranking run ${i + 1}: ${(ms / 1000).toFixed(2)} s, peak RSS +${mb(peak - before)} MB (${mb(peak)} MB), ` +
          `longest event-loop stall ${(loop.max / 1e6).toFixed(0)} ms; top companies by PageRank: ${top.join(', ')}`,
      );
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
