import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { loadConfig } from '../config';
import { RestoreError, restoreBackup } from '../backup/restore';
import { CliError, openCliDatabase } from './database';
import { type CommandIo, processIo, runMain } from './io';

/**
 * `npm run restore -- FILE [--force]`: writes a backup file (npm run backup) into an empty
 * database. A non-empty one is refused with one line, unless --force: then the backup is merged
 * into it (entities matched by id, nothing duplicated).
 */
export async function runRestore(args: string[], io: CommandIo = processIo()): Promise<number> {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0].startsWith('--')) {
    io.stderr.write('usage: npm run restore -- <file.jsonl[.gz]> [--force]\n');
    return 2;
  }
  const [file] = files;
  if (!existsSync(file)) {
    io.stderr.write(`${file}: no such file\n`);
    return 1;
  }
  const started = Date.now();
  let opened;
  try {
    opened = await openCliDatabase(loadConfig(io.env), { txTimeoutMs: 300_000 });
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`${err.message}\nNothing was restored.\n`);
      return 1;
    }
    throw err;
  }
  try {
    const raw = createReadStream(file);
    const input: Readable = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const summary = await restoreBackup(opened.db, input, { force });
    io.stdout.write(`${file}: ${summary.nodes} entities, ${summary.relationships} relationships restored in ${((Date.now() - started) / 1000).toFixed(1)} s (via ${opened.via})\n`);
    return 0;
  } catch (err) {
    if (err instanceof RestoreError) {
      io.stderr.write(`${file}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await opened.close();
  }
}

if (require.main === module) runMain('Restore', (args) => runRestore(args));
