import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config';
import { CliError, openCliDatabase } from './database';
import { type CommandIo, processIo, runMain } from './io';
import { Importer, ImportValidationError } from '../write/importer';
import { validateDocument, formatErrors } from '../write/document/document.validate';

/** Where the command writes, and the environment it reads its configuration from. */
export type ImportIo = CommandIo;

/**
 * `npm run import -- <files...>`: validates every file first (nothing is written if any is wrong),
 * then imports them in order, with a progress bar on large inputs, and prints what changed.
 * Returns the exit code; exported so tests run the command in-process against their database.
 */
export async function runImport(files: string[], io: ImportIo = processIo()): Promise<number> {
  const { stdout, stderr } = io;
  if (!files.length) {
    stderr.write('usage: npm run import -- <file.json> [more.json ...]\n');
    return 2;
  }
  const docs: { file: string; doc: unknown }[] = [];
  let invalid = false;
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      stderr.write(`${file}: cannot read JSON: ${(err as Error).message}\n`);
      invalid = true;
      continue;
    }
    const result = validateDocument(doc, file);
    if (!result.ok) {
      stderr.write(formatErrors(result.errors) + '\n');
      invalid = true;
    }
    docs.push({ file, doc });
  }
  if (invalid) {
    stderr.write('Nothing was imported.\n');
    return 1;
  }

  const config = loadConfig(io.env);
  let opened;
  try {
    opened = await openCliDatabase(config, { txTimeoutMs: config.IMPORT_TX_TIMEOUT_MS });
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    stderr.write(`${err.message}\nNothing was imported.\n`);
    return 1;
  }
  const { db } = opened;
  try {
    const importer = new Importer(db, config.IMPORT_TX_TIMEOUT_MS);
    for (const { file, doc } of docs) {
      const bar = new SingleBar({ format: `${basename(file)} [{bar}] {percentage}% | {value}/{total} rows`, hideCursor: true }, Presets.shades_classic);
      let started = false;
      const summary = await importer.importDocument(doc, file, {
        actor: `cli:${io.env.USER ?? 'unknown'}`,
        onProgress: (done, total) => {
          if (total < 10_000) return;
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      if (started) bar.stop();
      const e = summary.entities;
      const r = summary.relationships;
      stdout.write(
        `${file}: entities ${e.created} created, ${e.updated} updated, ${e.unchanged} unchanged; ` +
          `relationships ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged; ` +
          `${summary.provenance} provenance links` +
          (Object.keys(summary.merged).length ? `; merged by name: ${Object.entries(summary.merged).map(([a, b]) => `${a} → ${b}`).join(', ')}` : '') +
          '\n',
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof ImportValidationError) {
      stderr.write(formatErrors(err.errors) + '\nNothing was imported.\n');
      return 1;
    }
    throw err;
  } finally {
    await opened.close();
  }
}

if (require.main === module) runMain('Import', (args) => runImport(args));
