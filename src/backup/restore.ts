import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { toPlain } from '../db/values';
import { BACKUP_FORMAT, type BackupHeader, type EndLine, type NodeLine, type RelationshipLine } from './backup';
import { kindLabel, restoreNodes, restoreRelationships, type RestoreMode } from './restore.cypher';
import { decodeProps } from './typed-values';

export interface RestoreSummary {
  nodes: number;
  relationships: number;
}

/** A restore refused before it wrote anything, or a file that is not a whole backup. */
export class RestoreError extends Error {}

export async function countEntities(db: Database): Promise<number> {
  return Number(toPlain((await db.read(cypher('backup/count-entities')))[0].get('entities')));
}

/**
 * Reads a backup file (backup.ts) line by line and writes it in batches: every entity first, then
 * every relationship. Refuses a non-empty database unless `force` (then entities are matched by id
 * and nothing is duplicated). A file that is cut off (no end line, or counts that disagree) is
 * reported as an error after what it held was written.
 */
export async function restoreBackup(db: Database, input: Readable, opts: { force?: boolean; batchSize?: number; onProgress?: (done: number) => void } = {}): Promise<RestoreSummary> {
  const existing = await countEntities(db);
  if (existing > 0 && !opts.force) {
    throw new RestoreError(`The database already holds ${existing} entities; restore writes into an empty database. Empty it first, or pass --force to merge the backup into it (entities matched by id)`);
  }
  const mode: RestoreMode = existing > 0 ? 'merge' : 'create';
  const size = opts.batchSize ?? 5000;
  const nodes = new Map<string, Record<string, unknown>[]>();
  const rels = new Map<string, { a: string; b: string; p: Record<string, unknown> }[]>();
  const done = { nodes: 0, relationships: 0 };
  let pending = 0;
  let end: EndLine | undefined;
  let lineNo = 0;

  const flush = async () => {
    for (const [label, rows] of nodes) {
      if (rows.length) await db.writeTx((tx) => tx.run(restoreNodes(label, mode), { rows }), 'restore', { timeoutMs: 300_000 });
      done.nodes += rows.length;
    }
    nodes.clear();
    for (const [type, rows] of rels) {
      const [r] = await db.writeTx((tx) => tx.run(restoreRelationships(type, mode), { rows }), 'restore', { timeoutMs: 300_000 });
      const written = Number(toPlain(r.get('written')));
      if (written !== rows.length) throw new RestoreError(`${rows.length - written} ${type} relationships name entities the file does not hold`);
      done.relationships += rows.length;
    }
    rels.clear();
    pending = 0;
    opts.onProgress?.(done.nodes + done.relationships);
  };

  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const text of lines) {
    lineNo++;
    if (!text.trim()) continue;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new RestoreError(`line ${lineNo} is not JSON: the file is not a backup, or is damaged`);
    }
    if (lineNo === 1) {
      const header = line as unknown as BackupHeader;
      if (header.format !== BACKUP_FORMAT) throw new RestoreError(`the file is not a ${BACKUP_FORMAT} file (its first line has no "format": "${BACKUP_FORMAT}")`);
      continue;
    }
    try {
      if ('l' in line) {
        const n = line as unknown as NodeLine;
        const label = kindLabel(n.l);
        const group = nodes.get(label) ?? nodes.set(label, []).get(label)!;
        group.push(decodeProps(n));
      } else if ('r' in line) {
        // entities come first in the file: write any still batched before the relationships that need them
        if (nodes.size) await flush();
        const r = line as unknown as RelationshipLine;
        restoreRelationships(r.r, mode);
        const group = rels.get(r.r) ?? rels.set(r.r, []).get(r.r)!;
        group.push({ a: r.a, b: r.b, p: decodeProps(r) });
      } else if ('end' in line) {
        end = line as unknown as EndLine;
      } else throw new Error('neither an entity, a relationship nor the end');
    } catch (err) {
      if (err instanceof RestoreError) throw err;
      throw new RestoreError(`line ${lineNo}: ${(err as Error).message}`);
    }
    if (++pending >= size) await flush();
  }
  await flush();
  if (!end) throw new RestoreError(`the file ends without its end line: it was cut off (${done.nodes} entities and ${done.relationships} relationships were restored)`);
  if (end.nodes !== done.nodes || end.relationships !== done.relationships) {
    throw new RestoreError(`the file says ${end.nodes} entities and ${end.relationships} relationships but holds ${done.nodes} and ${done.relationships}`);
  }
  return done;
}
