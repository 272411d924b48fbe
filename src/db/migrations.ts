import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { projectRoot } from '../common/paths';
import { cypher } from './cypher-registry';
import type { Database } from './database';
import { toPlain } from './values';

/**
 * Versioned schema migrations: `cypher/migrations/NNN_name.cypher`, statements separated by `;`.
 * Each applied version is recorded as a (:Migration) node, so a second start applies nothing.
 * Schema statements run one per transaction (Neo4j does not mix schema and data writes). A backfill
 * over every entity (`CALL {} IN TRANSACTIONS`) runs as an auto-commit statement that commits its
 * own batches, with room for a million entities; it may be run again after an interruption.
 */
export interface Migration {
  version: number;
  name: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(dir = join(projectRoot(), 'cypher', 'migrations')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const statements = text
        .split(/;\s*$/m)
        .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
        .filter(Boolean);
      return {
        version: Number(file.split('_')[0]),
        name: file.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
        statements,
      };
    });
}

/** A statement that commits in batches of its own, which only an auto-commit transaction may run. */
const BATCHED = /\bIN\s+TRANSACTIONS\b/i;
/** How long one backfill may take: its batches commit as it goes, so this bounds only the whole. */
const BACKFILL_TIMEOUT_MS = 3_600_000;

/** Applies the migrations not yet recorded; returns the names applied. */
export async function migrate(db: Database, logger: Logger): Promise<string[]> {
  const applied = new Set(
    (await db.read(cypher('system/applied-migrations'))).map((r) => Number(toPlain(r.get('version')))),
  );
  const done: string[] = [];
  for (const m of readMigrations()) {
    if (applied.has(m.version)) continue;
    for (const [i, statement] of m.statements.entries()) {
      const query = { name: `migration/${m.name}#${i}`, text: statement };
      if (BATCHED.test(statement)) await db.writeAutoCommit(query, {}, { timeoutMs: BACKFILL_TIMEOUT_MS });
      else await db.write(query);
    }
    await db.write(cypher('system/record-migration'), { version: m.version, name: m.name, checksum: m.checksum });
    logger.info({ migration: m.name }, 'migration applied');
    done.push(m.name);
  }
  await db.read(cypher('system/await-indexes'));
  return done;
}
