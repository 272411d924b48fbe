import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { CliError, openCliDatabase } from './database';
import { AppError } from '../common/errors';
import { draftDocument, type DraftResultWithMentions } from '../ingest/draft';
import { loadGazetteer } from '../ingest/gazetteer.repository';
import { FACT_KINDS } from '../model/kinds';

export interface IngestIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

export interface IngestArgs {
  file: string;
  issued?: string;
  title?: string;
  out?: string;
}

const USAGE = 'usage: npm run ingest -- FILE [--issued YYYY-MM-DD] [--title TITLE] [--out draft.json]\n';

export function parseIngestArgs(argv: string[]): IngestArgs | string {
  const args: Partial<IngestArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => argv[++i];
    if (a === '--issued') args.issued = value();
    else if (a === '--title') args.title = value();
    else if (a === '--out') args.out = value();
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (args.file) return `one file at a time (got ${args.file} and ${a})`;
    else args.file = a;
  }
  if (!args.file) return 'no file given';
  for (const k of ['issued', 'title', 'out'] as const) if (k in args && !args[k]) return `--${k} needs a value`;
  return args as IngestArgs;
}

/** What a reviewer wants to know at a glance. */
export function summarize(r: DraftResultWithMentions): string {
  const facts = new Set<string>(FACT_KINDS);
  const linked = new Set(r.mentions.filter((m) => m.known).map((m) => m.id));
  const created = r.document.entities.filter((e) => !facts.has(e.kind));
  const drafted = r.document.entities.filter((e) => facts.has(e.kind));
  const figures = drafted.reduce((n, e) => n + Object.keys(e.properties ?? {}).filter((k) => ['amount', 'value', 'changePct', 'quantity', 'periodYears', 'hoursPerDay', 'ownershipThresholdPct', 'changeMultiple'].includes(k)).length, 0);
  const lines = [
    `entities linked: ${linked.size} known (${r.mentions.filter((m) => m.known).length} mentions), ${created.length} new`,
    `facts: ${drafted.length} (${r.restated.length ? `${new Set(r.restated.map((x) => x.id)).size} restating existing facts` : 'none restating existing facts'}), figures: ${figures}, relationships: ${r.document.relationships.length}`,
    `unresolved: ${r.unresolved.length}`,
    ...r.unresolved.slice(0, 20).map((u) => `  - ${u.text || '(issue)'}: ${u.reason}`),
  ];
  if (r.reason) lines.unshift(`empty draft: ${r.reason}`);
  return lines.join('\n') + '\n';
}

/**
 * `npm run ingest -- FILE`: drafts an import document from a newsletter issue's text, with the
 * database's entities and facts as the gazetteer. Writes nothing to the graph: the draft goes to
 * stdout, or to --out with a summary on stdout. Import it after review with `npm run import`.
 */
export async function runIngest(argv: string[], io: IngestIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const args = parseIngestArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    io.stderr.write(`${args.file}: cannot read: ${(err as Error).message}\n`);
    return 1;
  }
  const config = loadConfig(io.env);
  // the same database every command uses: NEO4J_URI, a running `npm start`'s Neo4j, or its own
  let opened;
  try {
    opened = await openCliDatabase(config);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
  const { db } = opened;
  try {
    const gazetteer = await loadGazetteer(db);
    const started = process.hrtime.bigint();
    const result = draftDocument({ text, ...(args.issued ? { issued: args.issued } : {}), ...(args.title ? { title: args.title } : {}) }, gazetteer);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const json = JSON.stringify({ $schema: '../../schema/document.schema.json', ...result.document }, null, 2) + '\n';
    if (args.out) writeFileSync(args.out, json);
    else io.stdout.write(json);
    (args.out ? io.stdout : io.stderr).write(`${args.file}: drafted in ${ms.toFixed(0)} ms against ${gazetteer.entities.length} known entities and ${gazetteer.facts.length} facts\n` + summarize(result));
    return result.reason ? 1 : 0;
  } catch (err) {
    if (err instanceof AppError) {
      io.stderr.write(`${args.file}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await opened.close();
  }
}

if (require.main === module) {
  runIngest(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`Ingest failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
