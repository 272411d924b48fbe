/**
 * Import throughput at a scale (issue 15 item 4, issue 13): the same synthetic documents
 * (bench/generate.ts) loaded three ways, each into a fresh, empty Neo4j with the service's
 * migrations applied (so the constraints and the full-text name index are maintained by all three):
 *
 * - `ours`: the service's Importer (validation, name resolution off, provenance, change log), the
 *   path of `npm run import`;
 * - `ours-no-log`: the same without the change log (GraphWriter's benchmark switch);
 * - `floor`: hand-written UNWIND/MERGE statements (bench/import-floor.ts), one transaction per
 *   document, no validation, no hashes, no change log, and none of the order keys;
 * - `floor-keys`: the same, also writing the order keys our reads need (sort dates, createdAt and
 *   the relationship counts, all indexed by migration 015): the same graph as ours, by hand.
 *
 * Rows count every entity, relationship and provenance item. Runs one after another (never side
 * by side), deleting each database afterwards.
 *
 *   npm run bench:import -- --scale 10k [--variants floor,ours,ours-no-log]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCypher } from '../src/db/cypher-registry';
import { Database } from '../src/db/database';
import { startLocalNeo4j } from '../src/db/local-neo4j';
import { migrate } from '../src/db/migrations';
import { Importer } from '../src/write/importer';
import { companiesForScale, DEFAULT_SEED, generateDocuments } from './generate';
import { FloorImporter } from './import-floor';
import { memoryFor, quietLogger } from './load';

type Variant = 'floor' | 'floor-keys' | 'ours' | 'ours-no-log';
const VARIANTS: readonly Variant[] = ['floor', 'floor-keys', 'ours', 'ours-no-log'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

interface Outcome {
  variant: Variant;
  documents: number;
  entities: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  entitiesPerSecond: number;
}

async function run(variant: Variant, companies: number): Promise<Outcome> {
  const home = mkdtempSync(join(tmpdir(), `kg-bench-import-${variant}-`));
  const { heap, pageCacheMb } = memoryFor(companies);
  const neo4j = await startLocalNeo4j({ home, heap, pageCacheMb });
  const db = new Database({
    uri: neo4j.uri, username: 'neo4j', password: '', database: 'neo4j',
    txTimeoutMs: 600_000, connectionTimeoutMs: 5_000, acquisitionTimeoutMs: 60_000, logger: quietLogger,
  });
  try {
    await migrate(db, quietLogger);
    const importer = new Importer(db);
    const floor = new FloorImporter(db, variant === 'floor-keys');
    let documents = 0;
    let entities = 0;
    let rows = 0;
    const started = performance.now();
    const docs = generateDocuments({ companies, seed: DEFAULT_SEED, perDocument: 1000 });
    let next = docs.next();
    while (!next.done) {
      const doc = next.value;
      const pending =
        variant === 'floor' || variant === 'floor-keys'
          ? floor.importDocument(doc)
          : importer.importDocument(doc, `synthetic-${documents}`, { actor: 'bench', resolveByName: false, batchSize: 10_000, changeLog: variant === 'ours' }).then((s) => s.provenance);
      next = docs.next(); // generate the next document while Neo4j writes this one
      const provenance = await pending;
      entities += doc.entities.length + 1;
      rows += doc.entities.length + 1 + doc.relationships.length + provenance;
      documents++;
    }
    const seconds = (performance.now() - started) / 1000;
    return { variant, documents, entities, rows, seconds, rowsPerSecond: rows / seconds, entitiesPerSecond: entities / seconds };
  } finally {
    await db.close();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const scale = arg('scale', '10k');
  const variants = arg('variants', VARIANTS.join(',')).split(',') as Variant[];
  for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`--variants: unknown "${v}" (known: ${VARIANTS.join(', ')})`);
  loadCypher();
  const companies = companiesForScale(scale);
  const outcomes: Outcome[] = [];
  for (const v of variants) {
    const o = await run(v, companies);
    console.log(`${v}: ${o.rows} rows (${o.entities} entities) in ${o.seconds.toFixed(1)} s = ${Math.round(o.rowsPerSecond)} rows/s, ${Math.round(o.entitiesPerSecond)} entities/s`);
    outcomes.push(o);
  }
  const floor = outcomes.find((o) => o.variant === 'floor');
  const floorKeys = outcomes.find((o) => o.variant === 'floor-keys');
  for (const o of outcomes) if (floor && o !== floor) console.log(`${o.variant} ÷ floor: ${(o.rowsPerSecond / floor.rowsPerSecond).toFixed(2)}×`);
  for (const o of outcomes) if (floorKeys && o.variant.startsWith('ours')) console.log(`${o.variant} ÷ floor-keys: ${(o.rowsPerSecond / floorKeys.rowsPerSecond).toFixed(2)}×`);
  console.log(JSON.stringify({ scale, companies, outcomes }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
