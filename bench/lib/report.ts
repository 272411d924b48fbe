import { availableParallelism } from 'node:os';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { LoadInfo } from '../load';
import type { ServerName } from '../workloads';

/** Everything one benchmark run measured, as written to bench/RESULTS.md and results-<scale>.json. */
export interface ServerResult {
  server: ServerName;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  firstError?: string;
  /** database statements per request */
  roundTrips: number;
  kbPerResponse: number;
  /** CPU time of the server process per request (robust to a shared machine, unlike wall time) */
  cpuMsPerRequest: number;
  /** CPU time of the Neo4j JVM per request while this server was loaded */
  dbCpuMsPerRequest: number;
  /** ours: each statement, how many per request, and its mean wall time */
  statements: { name: string; perRequest: number; avgMs: number }[];
}

export interface WorkloadResult {
  name: string;
  title: string;
  results: ServerResult[];
  /** servers left out, with the reason */
  skipped: { server: ServerName; reason: string }[];
}

export interface RunReport {
  scale: string;
  command: string;
  startedAt: string;
  minutes: number;
  machine: string;
  load: LoadInfo;
  settings: { connections: number; seconds: number; rounds: number; warmup: number; jvmWarmup: number };
  workloads: WorkloadResult[];
  oursRssMb: { idle: number; peak: number };
  neo4j: { heap: string; pageCacheMb: number; version: string };
}

export function machineDescription(javaVersion: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = ` (load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}: the machine is shared)`;
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}; ${javaVersion}${load}`;
}

export function javaVersion(): string {
  try {
    return execSync('java -version 2>&1', { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return 'java (version unknown)';
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : '–');

const LABEL: Record<ServerName, string> = {
  ours: 'ours',
  'ours-cluster': `ours, WEB_CONCURRENCY=${availableParallelism()} processes`,
  'ours-standard': 'ours, graphql-js execute',
  anchor: 'anchor (@neo4j/graphql 7)',
  raw: 'floor (Cypher + driver)',
};

/** ours ÷ other: throughput above 1 and latency below 1 mean we are better. */
function ratios(ours: ServerResult | undefined, other: ServerResult | undefined): string[] {
  if (!ours || !other) return ['n/a', 'n/a', 'n/a', 'n/a'];
  return [`${f2(ours.rps / other.rps)}×`, `${f2(ours.p50 / other.p50)}×`, `${f2(ours.p95 / other.p95)}×`, `${f2(ours.p99 / other.p99)}×`];
}

export function renderSection(r: RunReport): string {
  const lines: string[] = [];
  const L = (s = '') => lines.push(s);
  L(`## Scale ${r.scale}: ${r.load.entities.toLocaleString('en')} entities, ${r.load.relationships.toLocaleString('en')} relationships`);
  L();
  L(`- command: \`${r.command}\` (${r.startedAt}, ${r.minutes.toFixed(1)} min end to end)`);
  L(`- machine: ${r.machine}`);
  L(`- Neo4j ${r.neo4j.version} Community embedded (heap ${r.neo4j.heap}, page cache ${r.neo4j.pageCacheMb} MiB, APOC Core for the anchor); all servers on 127.0.0.1, each in its own Node process`);
  L(`- load: autocannon, ${r.settings.connections} connections, ${r.settings.warmup} s warm-up per server (${r.settings.jvmWarmup} s before the first workload, while Neo4j's JVM compiles its hot paths), then ${r.settings.rounds} rounds × ${r.settings.seconds} s per server, interleaved (each server in turn, every other round in reverse order: ${r.workloads[0]?.results.map((x) => LABEL[x.server]).join(', ') ?? ''}, then back); percentiles over every response of all rounds`);
  L(`- data: ${r.load.companies.toLocaleString('en')} companies in ${r.load.documents} import documents (seed \`${r.load.seed}\`); import ${r.load.importSeconds.toFixed(0)} s = **${Math.round(r.load.entitiesPerSecond).toLocaleString('en')} entities/s** (${Math.round(r.load.rowsPerSecond).toLocaleString('en')} rows/s counting relationships and provenance; batch ${r.load.batchSize})`);
  L(`- our server's resident memory: ${r.oursRssMb.idle.toFixed(0)} MB after start, ${r.oursRssMb.peak.toFixed(0)} MB peak during the runs`);
  L();
  L('### Ratios (ours ÷ other; throughput > 1× and latency < 1× favour us)');
  L();
  L('| workload | thr. vs anchor | p50 vs anchor | p95 vs anchor | p99 vs anchor | thr. vs floor | p50 vs floor | p95 vs floor | p99 vs floor |');
  L('|---|---|---|---|---|---|---|---|---|');
  for (const w of r.workloads) {
    const get = (s: ServerName) => w.results.find((x) => x.server === s);
    L(`| ${w.name} | ${ratios(get('ours'), get('anchor')).join(' | ')} | ${ratios(get('ours'), get('raw')).join(' | ')} |`);
  }
  for (const variant of ['ours-cluster', 'ours-standard'] as const) {
    for (const w of r.workloads) {
      const get = (s: ServerName) => w.results.find((x) => x.server === s);
      if (get(variant)) L(`| ${w.name} (${LABEL[variant]}) | ${ratios(get(variant), get('anchor')).join(' | ')} | ${ratios(get(variant), get('raw')).join(' | ')} |`);
    }
  }
  L();
  L('### Measurements');
  L();
  L('| workload | server | req/s | p50 ms | p95 ms | p99 ms | errors | DB round trips / req | server CPU ms / req | Neo4j CPU ms / req | KB / response |');
  L('|---|---|---|---|---|---|---|---|---|---|---|');
  const label = LABEL;
  for (const w of r.workloads) {
    for (const s of w.results) {
      L(`| ${w.name} | ${label[s.server]} | ${f1(s.rps)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors} | ${f2(s.roundTrips)} | ${f2(s.cpuMsPerRequest)} | ${f2(s.dbCpuMsPerRequest)} | ${f1(s.kbPerResponse)} |`);
    }
    for (const k of w.skipped) L(`| ${w.name} | ${label[k.server]} | n/a | | | | | | | | ${k.reason} |`);
  }
  L();
  L("Our statements per request (name: count per request × mean wall time under load):");
  L();
  for (const w of r.workloads) {
    const o = w.results.find((x) => x.server === 'ours');
    if (o?.statements.length) L(`- ${w.name}: ${o.statements.map((st) => `\`${st.name}\` ${f2(st.perRequest)} × ${ms(st.avgMs)} ms`).join(', ')}`);
  }
  L();
  const errs = r.workloads.flatMap((w) => w.results.filter((s) => s.firstError).map((s) => `- ${w.name} / ${s.server}: ${s.firstError}`));
  if (errs.length) {
    L('First error per server (if any):');
    L();
    lines.push(...errs);
    L();
  }
  L('Workloads: ' + r.workloads.map((w) => `**${w.name}**: ${w.title}`).join('; ') + '.');
  return lines.join('\n');
}

/** Replaces (or appends) this scale's section of bench/RESULTS.md, keeping the others. */
export function writeResults(file: string, header: string, scale: string, section: string): void {
  const start = `<!-- scale:${scale} -->`;
  const end = `<!-- /scale:${scale} -->`;
  const block = `${start}\n${section}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const headEnd = '<!-- /header -->';
  const body = text.includes(headEnd) ? text.slice(text.indexOf(headEnd) + headEnd.length) : '';
  text = `${header.trim()}\n${headEnd}${body}`;
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
