import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import { hashApiKey } from '../src/auth/api-keys';
import { loadConfig } from '../src/config';
import { startLocalNeo4j } from '../src/db/local-neo4j';
import { startService, type RunningService } from '../src/http/service';
import { Importer } from '../src/write/importer';

/**
 * The live graph's benchmark (not a test): commit-to-delivery latency through one replica and
 * across two (p50/p99), the memory of 1,000 concurrent subscribers, and import throughput with and
 * without the change log. `npm run bench:live [-- --rows 10000 --writes 100]`; uses NEO4J_URI if
 * set, else starts a local Neo4j in a temporary folder. Replicas run in this process (each its own
 * driver, tail and WebSocket server), so memory figures include the 1,000 clients too.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 10_000);
const WRITES = arg('writes', 100);
const SUBSCRIBERS = arg('subscribers', 1000);
const logger = pino({ level: 'silent' });
const KEY = 'bench-editor-key-0001';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;

async function replica(uri: string, seed: boolean): Promise<RunningService> {
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, PORT: '0', SEED_ON_EMPTY: String(seed), API_KEYS: `bench:editor:${hashApiKey(KEY)}`, LIVE_MAX_CONNECTIONS: '10000' });
  return startService(config, logger);
}

function subscribe(url: string, ids: string[], onEvent: (id: string) => void) {
  const client = createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  client.subscribe<{ graphChanged: { entityId: string } }>(
    { query: 'subscription($ids: [ID!]) { graphChanged(ids: $ids) { entityId position } }', variables: { ids } },
    { next: (r) => r.data && onEvent(r.data.graphChanged.entityId), error: () => undefined, complete: () => undefined },
  );
  return client;
}

async function upsert(url: string, id: string, description: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({
      query: 'mutation($input: EntityInput!) { upsertEntity(input: $input) { changed } }',
      variables: {
        input: {
          id,
          kind: 'COMPANY',
          name: id,
          names: [{ lang: 'en', value: id }],
          description,
          // the seed's first issue (the bench's first replica loads the seed into an empty database)
          provenance: [{ source: 'source:china-ai-weekly-b2d2384472f2fb10', section: 'weekly-main-news', sentence: '바이두의 애플과의 파트너십 발표로 주가 상승', basis: 'REPORTED' }],
        },
      },
    }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** Commit (the mutation's answer) to delivery (the event at a subscriber of `subscriberUrl`). */
async function latency(writeUrl: string, subscriberUrl: string, tag: string): Promise<{ p50: number; p99: number }> {
  const id = `company:bench-live-${tag}`;
  const arrived = new Map<number, (t: number) => void>();
  let seen = 0;
  const client = subscribe(subscriberUrl, [id], () => arrived.get(++seen)?.(performance.now()));
  await new Promise((r) => setTimeout(r, 500));
  await upsert(writeUrl, id, 'warm-up');
  await new Promise((r) => setTimeout(r, 1000));
  seen = 1;
  const samples: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const delivered = new Promise<number>((resolve) => arrived.set(i + 2, resolve));
    await upsert(writeUrl, id, `write ${i}`);
    const committed = performance.now();
    samples.push((await delivered) - committed);
  }
  await client.dispose();
  return { p50: Math.round(pct(samples, 50)), p99: Math.round(pct(samples, 99)) };
}

async function subscriberMemory(url: string): Promise<{ rssMiB: number; heapMiB: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  const clients = [];
  for (let i = 0; i < SUBSCRIBERS; i++) clients.push(subscribe(url, [`company:bench-mem-${i}`], () => undefined));
  await new Promise((r) => setTimeout(r, 5000));
  global.gc?.();
  const after = process.memoryUsage();
  await Promise.all(clients.map((c) => c.dispose()));
  return { rssMiB: mib(after.rss - before.rss), heapMiB: mib(after.heapUsed - before.heapUsed) };
}

async function importRate(svc: RunningService, changeLog: boolean, tag: string): Promise<number> {
  const doc = {
    source: { id: `source:bench-${tag}`, name: tag, names: [{ lang: 'en', value: tag }], properties: { issued: '2025-01-01', lang: 'en', title: tag, sections: [{ id: 'news', title: 'News' }] } },
    entities: Array.from({ length: ROWS }, (_, i) => ({
      id: `company:bench-${tag}-${i}`,
      kind: 'COMPANY',
      name: `Bench ${tag} ${i}`,
      names: [{ lang: 'en', value: `Bench ${tag} ${i}` }],
      provenance: [{ section: 'news', sentence: `Bench ${tag} ${i} was mentioned.`, basis: 'REPORTED' }],
    })),
    relationships: [],
  };
  const started = performance.now();
  await new Importer(svc.db).importDocument(doc, tag, { actor: 'bench', resolveByName: false, changeLog });
  return Math.round(ROWS / ((performance.now() - started) / 1000));
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? (await startLocalNeo4j({ home: mkdtempSync(join(tmpdir(), 'kg-bench-live-')), heap: '1g', pageCacheMb: 256 })).uri;
  const a = await replica(uri, true);
  const b = await replica(uri, false);
  try {
    const one = await latency(a.url, a.url, 'one');
    const two = await latency(a.url, b.url, 'two');
    const memory = await subscriberMemory(b.url);
    const run = `${Date.now()}`;
    const without = await importRate(a, false, `off-${run}`);
    const withLog = await importRate(a, true, `on-${run}`);
    console.log(
      JSON.stringify(
        {
          writes: WRITES,
          latencyMs: { oneReplica: one, twoReplicas: two },
          subscribers: SUBSCRIBERS,
          memoryOfSubscribers: memory,
          importRowsPerSecond: { rows: ROWS, withoutChangeLog: without, withChangeLog: withLog },
        },
        null,
        2,
      ),
    );
  } finally {
    await b.stop();
    await a.stop();
  }
  process.exit(0);
}

void main();
