import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import pino from 'pino';
import { loadCypher } from '../src/db/cypher-registry';
import { Database } from '../src/db/database';
import { LocalNeo4j, startLocalNeo4j } from '../src/db/local-neo4j';
import { migrate } from '../src/db/migrations';
import { Importer } from '../src/write/importer';
import { projectRoot } from '../src/common/paths';
import { companiesForScale, DEFAULT_SEED, generateDocuments } from './generate';
import { ENTITIES_PER_COMPANY } from './lib/company-graph';

/**
 * The benchmark's own Neo4j (bench/.data/<scale>, with APOC for @neo4j/graphql) and the synthetic
 * data, loaded through the same Importer as real documents. A finished load leaves loaded.json
 * beside the store; the next run reuses the data instead of importing again.
 */
export interface LoadInfo {
  scale: string;
  seed: string;
  companies: number;
  entities: number;
  relationships: number;
  documents: number;
  importSeconds: number;
  entitiesPerSecond: number;
  rowsPerSecond: number;
  batchSize: number;
  heap: string;
  pageCacheMb: number;
  loadedAt: string;
}

export interface BenchDatabase {
  neo4j: LocalNeo4j;
  db: Database;
  info: LoadInfo;
  home: string;
  heap: string;
  pageCacheMb: number;
  stop(): Promise<void>;
}

/** Memory for the scale: small runs stay small; a million nodes get room for the import batches. */
export function memoryFor(companies: number): { heap: string; pageCacheMb: number } {
  if (companies > 50_000) return { heap: '3g', pageCacheMb: 3072 };
  return { heap: '1g', pageCacheMb: 512 };
}

export const quietLogger = pino({ level: 'warn' });

export async function openBenchDatabase(scale: string, opts: { seed?: string; batchSize?: number; log?: (l: string) => void } = {}): Promise<BenchDatabase> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const seed = opts.seed ?? DEFAULT_SEED;
  const companies = companiesForScale(scale);
  const home = join(projectRoot(), 'bench', '.data', scale);
  const marker = join(home, 'loaded.json');
  let info: LoadInfo | undefined = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as LoadInfo) : undefined;
  if (info && (info.seed !== seed || info.companies !== companies)) info = undefined;
  if (!info && existsSync(home)) {
    log(`bench data in ${home} is incomplete or from other settings: starting over`);
    rmSync(home, { recursive: true, force: true });
  }
  const { heap, pageCacheMb } = memoryFor(companies);
  const neo4j = await startLocalNeo4j({
    home,
    heap,
    pageCacheMb,
    pluginsDir: join(projectRoot(), 'neo4j-launcher', 'target', 'apoc'),
    log: (l) => (/WARN|ERROR/.test(l) ? log(l) : undefined),
  });
  loadCypher();
  const db = new Database({
    uri: neo4j.uri, username: 'neo4j', password: '', database: 'neo4j',
    txTimeoutMs: 600_000, connectionTimeoutMs: 5_000, acquisitionTimeoutMs: 60_000, logger: quietLogger,
  });
  const stop = async () => {
    await db.close();
    await neo4j.stop();
  };
  try {
    await migrate(db, quietLogger);
    if (!info) {
      info = await importAll(db, { scale, seed, companies, batchSize: opts.batchSize ?? 10_000, heap, pageCacheMb });
      writeFileSync(marker, JSON.stringify(info, null, 2));
      log(`imported ${info.entities} entities and ${info.relationships} relationships in ${info.importSeconds.toFixed(1)} s: ${Math.round(info.entitiesPerSecond)} entities/s`);
    } else {
      log(`reusing the ${info.entities} entities loaded in ${home} (${info.loadedAt})`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { neo4j, db, info, home, heap, pageCacheMb, stop };
}

async function importAll(db: Database, o: { scale: string; seed: string; companies: number; batchSize: number; heap: string; pageCacheMb: number }): Promise<LoadInfo> {
  const importer = new Importer(db);
  const estimate = Math.round(o.companies * ENTITIES_PER_COMPANY) + 500;
  const bar = new SingleBar(
    { format: 'importing [{bar}] {percentage}% | {value}/{total} entities | {rate}/s | ETA {eta_formatted}', etaBuffer: 20, hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 },
    Presets.shades_classic,
  );
  bar.start(estimate, 0, { rate: 0 });
  const started = performance.now();
  let entities = 0;
  let relationships = 0;
  let rows = 0;
  let documents = 0;
  const docs = generateDocuments({ companies: o.companies, seed: o.seed, perDocument: 1000 });
  let next = docs.next();
  while (!next.done) {
    const doc = next.value;
    const n = doc.entities.length + 1;
    const pending = importer.importDocument(doc, `synthetic-${documents}`, { actor: 'bench', resolveByName: false, batchSize: o.batchSize });
    // generate the next document while Neo4j writes this one (the two use different cores)
    next = docs.next();
    const summary = await pending;
    entities += n;
    relationships += doc.relationships.length;
    rows += n + doc.relationships.length + summary.provenance;
    documents++;
    const seconds = (performance.now() - started) / 1000;
    bar.update(Math.min(entities, estimate), { rate: Math.round(entities / seconds) });
  }
  bar.update(estimate);
  bar.stop();
  const importSeconds = (performance.now() - started) / 1000;
  return {
    scale: o.scale, seed: o.seed, companies: o.companies, entities, relationships, documents, importSeconds,
    entitiesPerSecond: entities / importSeconds, rowsPerSecond: rows / importSeconds, batchSize: o.batchSize,
    heap: o.heap, pageCacheMb: o.pageCacheMb, loadedAt: new Date().toISOString(),
  };
}

if (require.main === module) {
  const i = process.argv.indexOf('--scale');
  const scale = i >= 0 ? process.argv[i + 1] : '10k';
  openBenchDatabase(scale)
    .then((b) => b.stop())
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
