/**
 * Hub-heavy path searches (issue 16, item 1): the bench graph of a scale (bench/generate.ts,
 * loaded through the import path), plus two sectors reported in one source by 2,500 and 5,000
 * sentences (parallel REPORTED_IN relationships, written with one UNWIND each: the importer's
 * provenance path is what the other half of issue 16 speeds up). Then the searches that hubs make
 * hardest, through the real TraceService: the reported one, and every pair of the graph's five
 * highest-degree entities at maxHops 6 with every kind allowed. Prints each search's time and
 * outcome, and the worst.
 *
 *   npm run build && node dist/bench/hub-paths.js --scale 10k [--budget 50000]
 *   (with NEO4J_URI set, on that Neo4j instead of the bench's own)
 */
import 'reflect-metadata';
import { DEFAULT_SEARCH_BOUNDS } from '../src/trace/bounded-search';
import { TraceRepository } from '../src/trace/trace.repository';
import { TraceService, type PathsArgs } from '../src/trace/trace.service';
import { ENTITY_KINDS } from '../src/model/kinds';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/paths';
import { loadCypher } from '../src/db/cypher-registry';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { Importer } from '../src/write/importer';
import { openBenchDatabase, quietLogger } from './load';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/**
 * A Neo4j that already runs (NEO4J_URI): the bench documents bench/generate.ts wrote to
 * bench/.data/docs are imported into it, unless its graph already holds them.
 */
async function useRunning(uri: string): Promise<{ db: Database; stop(): Promise<void> }> {
  loadCypher();
  const db = new Database({ uri, username: 'neo4j', password: '', database: 'neo4j', txTimeoutMs: 600_000, connectionTimeoutMs: 5_000, acquisitionTimeoutMs: 60_000, logger: quietLogger });
  await migrate(db, quietLogger);
  const dir = join(projectRoot(), 'bench', '.data', 'docs');
  const [loaded] = await db.read({ name: 'bench/loaded', text: "MATCH (s:Source) WHERE s.id STARTS WITH 'source:synthetic-' RETURN count(s) AS n" });
  if (Number(loaded.get('n')) === 0) {
    const importer = new Importer(db);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      await importer.importDocument(JSON.parse(readFileSync(join(dir, f), 'utf8')), f, { actor: 'bench', batchSize: 10_000, resolveByName: false });
    }
  }
  return { db, stop: () => db.close() };
}

async function main(): Promise<void> {
  const scale = arg('scale', '10k');
  const budget = Number(arg('budget', String(DEFAULT_SEARCH_BOUNDS.expansionBudget)));
  const bench = process.env.NEO4J_URI ? await useRunning(process.env.NEO4J_URI) : await openBenchDatabase(scale);
  const { db } = bench;
  try {
    const [source] = await db.read({ name: 'bench/any-source', text: 'MATCH (s:Source) RETURN s.id AS id ORDER BY s.id LIMIT 1' });
    const sourceId = source.get('id') as string;
    for (const [id, n] of [
      ['sector:hub-bench-a', 2500],
      ['sector:hub-bench-b', 5000],
    ] as const) {
      await db.writeTx((tx) =>
        tx.run(
          {
            name: 'bench/hub',
            text: `MERGE (h:Entity:Sector {id: $id}) ON CREATE SET h.kind = 'SECTOR', h.name = $id
                   WITH h MATCH (s:Source {id: $source})
                   WHERE NOT EXISTS { (h)-[:REPORTED_IN]->(s) }
                   UNWIND range(1, $n) AS i
                   CREATE (h)-[:REPORTED_IN {section: 'main', sentence: $id + ' sentence ' + i, basis: 'REPORTED'}]->(s)`,
          },
          { id, source: sourceId, n },
        ),
      );
    }
    const hubs = (
      await db.read({ name: 'bench/top-degree', text: 'MATCH (n:Entity) WHERE NOT n:Source RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 5' })
    ).map((r) => r.get('id') as string);

    const service = new TraceService(new TraceRepository(db), { ...DEFAULT_SEARCH_BOUNDS, expansionBudget: budget });
    const searches: PathsArgs[] = [
      { from: 'sector:hub-bench-a', to: 'sector:hub-bench-b', maxHops: 6, first: 20, via: ['SOURCE', 'SECTOR', 'PLACE', 'METRIC'] },
      ...hubs.flatMap((a, i) => hubs.slice(i + 1).map((b) => ({ from: a, to: b, maxHops: 6, first: 20, via: [...ENTITY_KINDS] }))),
      ...hubs.slice(1).map((b) => ({ from: hubs[0], to: b, maxHops: 6, first: 20 })),
    ];
    const results: { search: string; ms: number; outcome: string }[] = [];
    for (const s of searches) {
      const started = performance.now();
      const outcome = await service.paths(s).then(
        (paths) => `${paths.length} paths (lengths ${[...new Set(paths.map((p) => p.length))].join(', ')})`,
        (err: Error & { extensions?: { code?: string } }) => err.extensions?.code ?? err.message,
      );
      const ms = performance.now() - started;
      const search = `${s.from} → ${s.to}, maxHops ${s.maxHops}, via ${s.via ? (s.via.length === ENTITY_KINDS.length ? 'every kind' : s.via.join('/')) : 'default'}`;
      results.push({ search, ms, outcome });
      console.log(`${ms.toFixed(0).padStart(6)} ms  ${outcome.padEnd(34)}  ${search}`);
    }
    const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`\nscale ${scale}, budget ${budget} relationships: ${results.length} searches, worst ${worst.ms.toFixed(0)} ms (${worst.outcome}: ${worst.search})`);
  } finally {
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
