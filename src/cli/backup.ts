import 'reflect-metadata';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { BackupBusyError, writeBackup } from '../backup/backup';
import { CliError, openCliDatabase } from './database';
import { type CommandIo, processIo, runMain } from './io';

/**
 * `npm run backup -- FILE`: the whole graph (every entity, relationship and property, provenance
 * included) as a backup file (JSON Lines; gzip when FILE ends in .gz), read in one transaction and
 * streamed. Written to FILE.partial and renamed when complete, so FILE is always a whole backup.
 * Works beside a running `npm start` (it uses that service's Neo4j) and without one.
 */
export async function runBackup(args: string[], io: CommandIo = processIo()): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) {
    io.stderr.write('usage: npm run backup -- <file.jsonl[.gz]>\n');
    return 2;
  }
  const started = Date.now();
  let opened;
  try {
    opened = await openCliDatabase(loadConfig(io.env), { txTimeoutMs: 3_600_000 });
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`${err.message}\nNo backup was written.\n`);
      return 1;
    }
    throw err;
  }
  const partial = `${file}.partial`;
  const open = (): Writable => {
    const out = createWriteStream(partial);
    if (!file.endsWith('.gz')) return out;
    const gzip = createGzip();
    gzip.pipe(out);
    return gzip;
  };
  try {
    const summary = await writeBackup(opened.db, open);
    renameSync(partial, file);
    io.stdout.write(`${file}: ${summary.nodes} entities, ${summary.relationships} relationships in ${((Date.now() - started) / 1000).toFixed(1)} s (via ${opened.via})\n`);
    return 0;
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof BackupBusyError) {
      io.stderr.write(`${err.message}\nNo backup was written.\n`);
      return 1;
    }
    throw err;
  } finally {
    await opened.close();
  }
}

if (require.main === module) runMain('Backup', (args) => runBackup(args));
