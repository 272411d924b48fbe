import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/paths';
import { DEFAULT_SEED } from './generate';
import { loadRun, percentile, RunResult } from './lib/load-test';
import { ServerProcess, startServer } from './lib/processes';
import { javaVersion, machineDescription, renderSection, RunReport, ServerResult, WorkloadResult, writeResults } from './lib/report';
import { drawSamples } from './lib/samples';
import { openBenchDatabase } from './load';
import { document, Send, ServerName, Vars, WORKLOADS } from './workloads';

/**
 * `npm run bench -- --scale 10k [--seconds 8] [--rounds 2] [--warmup 2] [--jvm-warmup 15] [--connections 8] [--only a,b]`
 *
 * Starts the benchmark's Neo4j (loading the synthetic data on first use), our server, the anchor
 * (@neo4j/graphql 7) and the floor (hand-written Cypher), checks that each answers every workload,
 * loads them in turn with autocannon, and writes the table into bench/RESULTS.md.
 */
const HEADER = `# Benchmark: ours vs @neo4j/graphql 7 (anchor) vs hand-written Cypher (floor)

Produced by \`npm run bench -- --scale <10k|1m>\` (bench/run.ts); each scale's section below is
rewritten by its run, anything after the sections is kept. Method: the same Neo4j, the same data
(bench/generate.ts: deterministic, power-law hubs, Korean/English/Chinese names, loaded through the
import path) and the same sequence of questions for the three servers:

- **ours**: this service as \`npm start\` runs it (production mode), bench/servers/ours.ts, measured
  from its steady state on (after the start's one PAGERANK run, which then sleeps until a write);
- **anchor**: \`@neo4j/graphql\` 7 with equivalent type definitions (bench/anchor/typeDefs.graphql) on
  Apollo Server standalone, bench/servers/anchor.ts;
- **floor**: no GraphQL, one HTTP endpoint per workload running hand-written Cypher
  (bench/workloads/raw/*.cypher) through neo4j-driver, each as one auto-commit read, bench/servers/raw.ts.

GraphQL documents: bench/workloads/*.graphql (ours) and bench/workloads/anchor/*.graphql. "DB round
trips / req" counts Cypher statements sent per request (driver-level counter in each server).
The goal: at least 2× the anchor's throughput and a median latency within 1.3× the floor's.`;

/** CPU time (ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const log = (l: string) => console.log(`[bench] ${l}`);

async function main() {
  const started = Date.now();
  const scale = arg('scale', '10k');
  const settings = {
    connections: Number(arg('connections', '8')),
    seconds: Number(arg('seconds', '8')),
    rounds: Number(arg('rounds', '2')),
    warmup: Number(arg('warmup', '2')),
    jvmWarmup: Number(arg('jvm-warmup', '15')),
  };
  const only = arg('only', '').split(',').filter(Boolean);
  // ours first (its memory is reported); ours-cluster and ours-standard are variants measured beside it
  const serverNames = ['ours', ...arg('servers', 'ours-cluster,anchor,raw').split(',').filter((s) => s && s !== 'ours')] as ServerName[];
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const machine = machineDescription(javaVersion());

  log(`scale ${scale}: opening the benchmark database`);
  const bench = await openBenchDatabase(scale, { log });
  const servers: ServerProcess[] = [];
  try {
    const [version] = (await bench.db.read({ name: 'bench/version', text: "CALL dbms.components() YIELD versions RETURN versions[0] AS v" })).map((r) => String(r.get('v')));
    const samples = await drawSamples(bench.db, DEFAULT_SEED, bench.info.companies);
    log(`samples: ${samples.companyIds.length} companies, ${samples.searchTerms.length} search terms, ${samples.pathPairs.length} path pairs`);

    log(`starting ${serverNames.join(', ')}`);
    servers.push(...(await Promise.all(serverNames.map((s) => startServer(s, bench.neo4j.uri, log)))));
    const ours = servers[0];
    const idleRss = (await ours.stats()).rss / 2 ** 20;
    let peakRss = idleRss;

    const workloads: WorkloadResult[] = [];
    for (const w of WORKLOADS.filter((x) => !only.length || only.includes(x.name))) {
      const result: WorkloadResult = { name: w.name, title: w.title, results: [], skipped: [] };
      const plans: { server: ServerProcess; url: string; bodies: string[] }[] = [];
      for (const server of servers) {
        if (server.name === 'anchor' && w.anchorUnsupported) {
          result.skipped.push({ server: 'anchor', reason: w.anchorUnsupported });
          continue;
        }
        const doc = server.name === 'raw' ? undefined : document(w.name, server.name);
        if (server.name !== 'raw' && !doc) {
          result.skipped.push({ server: server.name, reason: 'no GraphQL document for this server' });
          continue;
        }
        const send: Send = async (vars: Vars) => {
          const { url, body } = server.request(w.name, doc, vars);
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          const json = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
          if (!res.ok || json.errors?.length || !json.data) throw new Error(`${res.status} ${JSON.stringify(json.errors ?? json).slice(0, 400)}`);
          return json.data;
        };
        try {
          const vars = await w.variables(samples, server.name, send);
          // every question answers without errors, and most of them with something
          let nonEmpty = 0;
          for (const v of vars) if (w.nonEmpty(await send(v), server.name)) nonEmpty++;
          if (nonEmpty < vars.length / 2) throw new Error(`only ${nonEmpty} of ${vars.length} answers carry a result`);
          plans.push({ server, url: server.request(w.name, doc, {}).url, bodies: vars.map((v) => server.request(w.name, doc, v).body) });
        } catch (err) {
          log(`${w.name}: ${server.name} left out: ${(err as Error).message}`);
          result.skipped.push({ server: server.name, reason: `does not answer: ${(err as Error).message.slice(0, 200).replace(/\|/g, '/')}` });
        }
      }
      // Neo4j's JVM compiles its hot paths during the first seconds of load after a start (at 1M,
      // Neo4j's CPU per entity-nested request fell from 1.28 to 0.19 ms over the first 12 s):
      // the first workload's warm-up is long enough for that, so no server measures a cold JVM.
      const warmup = workloads.length === 0 ? Math.max(settings.warmup, settings.jvmWarmup) : settings.warmup;
      for (const p of plans) await loadRun({ url: p.url, bodies: p.bodies, connections: settings.connections, seconds: warmup });
      type Tally = { runs: RunResult[]; queries: number; cpuMs: number; dbCpuMs: number; byName: Map<string, { n: number; ms: number }> };
      const runs = new Map<ServerName, Tally>();
      for (let round = 0; round < settings.rounds; round++) {
        // every other round in reverse order (ours, anchor, floor, then floor, anchor, ours), so
        // that no server is always the one measured first or last within a workload
        for (const p of round % 2 ? [...plans].reverse() : plans) {
          const before = await p.server.stats();
          const dbBefore = processCpuMs(bench.neo4j.pid);
          const run = await loadRun({ url: p.url, bodies: p.bodies, connections: settings.connections, seconds: settings.seconds });
          const dbAfter = processCpuMs(bench.neo4j.pid);
          const after = await p.server.stats();
          if (p.server === ours) peakRss = Math.max(peakRss, after.rss / 2 ** 20);
          const entry: Tally = runs.get(p.server.name) ?? { runs: [], queries: 0, cpuMs: 0, dbCpuMs: 0, byName: new Map() };
          entry.runs.push(run);
          entry.queries += after.queries - before.queries;
          entry.cpuMs += after.cpuMs - before.cpuMs;
          entry.dbCpuMs += dbAfter - dbBefore;
          for (const [name, v] of Object.entries(after.byName)) {
            const b = before.byName[name] ?? { n: 0, ms: 0 };
            const t = entry.byName.get(name) ?? { n: 0, ms: 0 };
            entry.byName.set(name, { n: t.n + v.n - b.n, ms: t.ms + v.ms - b.ms });
          }
          runs.set(p.server.name, entry);
        }
      }
      for (const [server, { runs: rs, queries, cpuMs, dbCpuMs, byName }] of runs) {
        const latencies = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
        const requests = rs.reduce((n, r) => n + r.requests, 0);
        const seconds = rs.reduce((n, r) => n + r.seconds, 0);
        const row: ServerResult = {
          server, requests, seconds, rps: requests / seconds,
          p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
          errors: rs.reduce((n, r) => n + r.errors, 0), firstError: rs.find((r) => r.firstError)?.firstError,
          roundTrips: requests ? queries / requests : NaN,
          kbPerResponse: requests ? rs.reduce((n, r) => n + r.bytes, 0) / requests / 1024 : NaN,
          cpuMsPerRequest: requests ? cpuMs / requests : NaN,
          dbCpuMsPerRequest: requests ? dbCpuMs / requests : NaN,
          statements: [...byName].filter(([, v]) => v.n > 0).sort((a, b) => b[1].ms - a[1].ms)
            .map(([name, v]) => ({ name, perRequest: v.n / requests, avgMs: v.ms / v.n })),
        };
        result.results.push(row);
        log(`${w.name} ${server}: ${row.rps.toFixed(1)} req/s, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, ${row.roundTrips.toFixed(2)} round trips, ${row.cpuMsPerRequest.toFixed(2)} server CPU ms/req, ${row.dbCpuMsPerRequest.toFixed(2)} Neo4j CPU ms/req, ${row.errors} errors`);
      }
      workloads.push(result);
    }

    const report: RunReport = {
      scale, command, machine, workloads, settings,
      startedAt: new Date(started).toISOString(),
      minutes: (Date.now() - started) / 60_000,
      load: bench.info,
      oursRssMb: { idle: idleRss, peak: peakRss },
      neo4j: { heap: bench.heap, pageCacheMb: bench.pageCacheMb, version },
    };
    writeFileSync(join(projectRoot(), 'bench', '.data', `results-${scale}.json`), JSON.stringify(report, null, 2));
    writeResults(join(projectRoot(), 'bench', 'RESULTS.md'), HEADER, scale, renderSection(report));
    log(`wrote bench/RESULTS.md (${report.minutes.toFixed(1)} min)`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
