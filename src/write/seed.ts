import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { projectRoot } from '../common/paths';
import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { toPlain } from '../db/values';
import { Importer, ImportSummary } from './importer';

export function seedFiles(): string[] {
  const dir = join(projectRoot(), 'data', 'seed');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Imports every seed document (data/seed/*.json) through the same importer as the CLI. */
export async function importSeed(db: Database, actor = 'seed', txTimeoutMs?: number): Promise<ImportSummary[]> {
  const importer = new Importer(db, txTimeoutMs);
  const out: ImportSummary[] = [];
  for (const file of seedFiles()) {
    out.push(await importer.importDocument(JSON.parse(readFileSync(file, 'utf8')), file, { actor }));
  }
  return out;
}

/** First start: loads the seed when the graph holds no entity yet. */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<void> {
  const [rec] = await db.read(cypher('system/entity-count'));
  const count = Number(toPlain(rec.get('count')));
  if (count > 0) {
    logger.info({ entities: count }, 'graph has data: not seeding');
    return;
  }
  const summaries = await importSeed(db);
  logger.info({ documents: summaries.length, entities: summaries.reduce((n, s) => n + s.entities.created, 0) }, 'seed data loaded');
}
