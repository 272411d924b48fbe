import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/paths';
import { DEFAULT_SEED } from './generate';
import { loadRun } from './lib/load-test';
import { drawSamples } from './lib/samples';
import { openBenchDatabase } from './load';
import { document, ServerName, WORKLOADS } from './workloads';

/**
 * `npm run bench:profile -- --scale 10k --workload search [--server ours|anchor|raw] [--seconds 10]`
 *
 * Runs our server under the V8 CPU profiler while autocannon sends one workload, then prints the
 * functions with the most self time and the share of time per package, so that optimisation is led
 * by where the time goes. The .cpuprofile is kept in bench/.data/profiles (open it in Chrome's
 * DevTools or speedscope).
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(profile: CpuProfile): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/dist/src/') ? 'ours (dist/src)' : url ? 'node internals' : n.callFrame.functionName || '(native)');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${pct(t)}  ${k}`);
  return ['self time by package:', ...top(byPkg, 15), '', 'self time by function:', ...top(byFn, 30)].join('\n');
}

async function main() {
  const scale = arg('scale', '10k');
  const workload = WORKLOADS.find((w) => w.name === arg('workload', 'search'));
  if (!workload) throw new Error(`--workload must be one of ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const bench = await openBenchDatabase(scale);
  const dir = join(projectRoot(), 'bench', '.data', 'profiles');
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const server = arg('server', 'ours') as ServerName;
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(projectRoot(), 'dist', 'bench', 'servers', `${server}.js`), '--neo4j', bench.neo4j.uri, '--port', '0'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const [url, statsPort] = await new Promise<[string, string]>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /BENCH_SERVER_READY (\S+) (\d+)/.exec(out);
        if (m) resolve([m[1], m[2]]);
      });
      child.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
    });
    const samples = await drawSamples(bench.db, DEFAULT_SEED, bench.info.companies);
    const doc = server === 'raw' ? undefined : document(workload.name, server);
    const target = server === 'raw' ? `${url}/${workload.name}` : url;
    const body = (variables: Record<string, unknown>) => JSON.stringify(server === 'raw' ? { variables } : { query: doc, variables });
    const send = async (variables: Record<string, unknown>) => {
      const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(variables) });
      return ((await res.json()) as { data: Record<string, unknown> }).data;
    };
    const vars = await workload.variables(samples, server, send);
    const bodies = vars.map(body);
    await loadRun({ url: target, bodies, connections: 8, seconds: 3 });
    // the server's own CPU over the measured run (under the profiler, so higher than in bench:run)
    const cpuMs = async () => ((await (await fetch(`http://127.0.0.1:${statsPort}/`)).json()) as { cpuMs: number }).cpuMs;
    const cpuBefore = await cpuMs();
    const run = await loadRun({ url: target, bodies, connections: 8, seconds: Number(arg('seconds', '10')) });
    const perRequest = (await cpuMs()) - cpuBefore;
    console.log(
      `${workload.name}: ${(run.requests / run.seconds).toFixed(1)} req/s, ${run.errors} errors, ${(perRequest / run.requests).toFixed(3)} server CPU ms/req (profiled)`,
    );
  } finally {
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.stdin?.end();
    });
    await bench.stop();
  }
  const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile was written');
  console.log(`profile: ${join(dir, file)}\n`);
  console.log(summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
