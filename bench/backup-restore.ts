import 'reflect-metadata';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { runBackup } from '../src/cli/backup';
import { runRestore } from '../src/cli/restore';
import { countEntities } from '../src/backup/restore';
import { loadCypher } from '../src/db/cypher-registry';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { Importer } from '../src/write/importer';
import { companiesForScale, generateDocuments } from './generate';

/**
 * Backup and restore times at a scale: `NEO4J_URI=bolt://… node dist/bench/backup-restore.js 10k`.
 * Loads the synthetic graph (bench/generate) into the database at NEO4J_URI, which must be empty,
 * takes a backup with the command, empties the database, restores it with the command, and
 * prints the three times. It empties that database at the end: never point it at one you keep.
 */
async function main(scale: string): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('set NEO4J_URI to an empty, disposable database');
  loadCypher();
  const logger = pino({ level: 'silent' });
  const db = new Database({ uri, username: 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: 'neo4j', txTimeoutMs: 600_000, connectionTimeoutMs: 5000, acquisitionTimeoutMs: 60_000, logger });
  const wipe = async () => {
    const session = db.driver.session({ database: 'neo4j' });
    await session.run('MATCH (n:Entity) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    await session.close();
  };
  try {
    await migrate(db, logger);
    if ((await countEntities(db)) > 0) throw new Error('the database at NEO4J_URI is not empty');
    let t = Date.now();
    const importer = new Importer(db);
    let n = 0;
    for (const doc of generateDocuments({ companies: companiesForScale(scale), seed: 'backup-bench' })) await importer.importDocument(doc, `synthetic-${n++}`, { actor: 'bench', resolveByName: false });
    console.log(`loaded ${await countEntities(db)} entities in ${Date.now() - t} ms`);
    const dir = mkdtempSync(join(tmpdir(), 'kg-backup-bench-'));
    const file = join(dir, 'graph.jsonl.gz');
    const io = { stdout: process.stdout, stderr: process.stderr, env: { ...process.env, LOG_LEVEL: 'silent' } };
    t = Date.now();
    if ((await runBackup([file], io)) !== 0) throw new Error('backup failed');
    console.log(`backup: ${Date.now() - t} ms, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
    await wipe();
    t = Date.now();
    if ((await runRestore([file], io)) !== 0) throw new Error('restore failed');
    console.log(`restore: ${Date.now() - t} ms`);
    await wipe();
    rmSync(dir, { recursive: true, force: true });
  } finally {
    await db.close();
  }
}

main(process.argv[2] ?? '10k').catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
