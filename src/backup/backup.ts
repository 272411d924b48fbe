import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { cypher } from '../db/cypher-registry';
import type { Database, StreamTx } from '../db/database';
import { toPlain } from '../db/values';
import { ORDER_KEYS } from '../model/kinds';
import { encodeProps, type EncodedProps, type Typed } from './typed-values';

/**
 * A backup file: JSON Lines. A header line, one line per entity (labels and every property), one
 * line per relationship between entities (type, the ids of its ends, every property), and an end
 * line with the counts, so a cut-off file is refused on restore instead of half restored.
 */
export const BACKUP_FORMAT = 'kg-graphql-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
}
export interface NodeLine extends EncodedProps {
  l: string[];
}
export interface RelationshipLine extends EncodedProps {
  r: string;
  a: string;
  b: string;
}
export interface EndLine {
  end: true;
  nodes: number;
  relationships: number;
}

export interface BackupSummary {
  nodes: number;
  relationships: number;
  /** read passes: more than one when writes committed while a pass read */
  attempts: number;
}

/** Thrown when every attempt saw writes commit while it read. */
export class BackupBusyError extends Error {}

/**
 * Writes the whole graph to `open()`'s stream. Everything is read in one read transaction,
 * streamed. Neo4j Community reads committed data, not a snapshot, so the graph's fingerprint
 * (counts, latest write times) is compared before and after the reads: when a write committed in
 * between, the pass is thrown away and taken again (up to `attempts` times).
 */
export async function writeBackup(db: Database, open: () => Writable, opts: { attempts?: number; timeoutMs?: number } = {}): Promise<BackupSummary> {
  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const out = open();
    const result = await db.streamRead(
      async (tx) => {
        const before = await fingerprint(tx);
        const counts = await streamGraph(tx, out);
        return { counts, same: before === (await fingerprint(tx)) };
      },
      'backup',
      { timeoutMs: opts.timeoutMs ?? 3_600_000 },
    );
    out.end();
    await once(out, 'finish');
    if (result.same) return { ...result.counts, attempts: attempt };
  }
  throw new BackupBusyError(`writes kept committing while the backup read the graph (${attempts} attempts); take it at a quieter moment`);
}

async function fingerprint(tx: StreamTx): Promise<string> {
  for await (const r of tx.stream(cypher('backup/fingerprint'))) return JSON.stringify(r.keys.map((k) => toPlain(r.get(k))));
  return '';
}

async function streamGraph(tx: StreamTx, out: Writable): Promise<{ nodes: number; relationships: number }> {
  const write = async (line: unknown) => {
    // respect backpressure: a million lines never pile up in memory
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  };
  await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString() } satisfies BackupHeader);
  let nodes = 0;
  for await (const r of tx.stream(cypher('backup/entities'), { orderKeys: Object.values(ORDER_KEYS) })) {
    await write({ l: r.get('labels') as string[], ...encodeProps(r.get('props') as Typed[]) } satisfies NodeLine);
    nodes++;
  }
  let relationships = 0;
  for await (const r of tx.stream(cypher('backup/relationships'))) {
    await write({ r: r.get('type') as string, a: r.get('from') as string, b: r.get('to') as string, ...encodeProps(r.get('props') as Typed[]) } satisfies RelationshipLine);
    relationships++;
  }
  await write({ end: true, nodes, relationships } satisfies EndLine);
  return { nodes, relationships };
}
