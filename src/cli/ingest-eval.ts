import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { projectRoot } from '../common/paths';
import type { ImportDocument } from '../write/document/document.types';
import { evaluate } from '../ingest/eval/evaluate';
import { meetsTargets, pct, TARGETS, type Ratio } from '../ingest/eval/score';

/**
 * `npm run ingest:eval`: drafts every seed newsletter that has a curated document in data/seed/
 * and prints how the draft scores against it (src/ingest/eval/). The newsletters are in the shared
 * folder beside the checkout (`../shared/seeds`, found by walking up from the project root, or
 * INGEST_SEEDS_DIR); a checkout without it uses the seed issue's text kept in data/seed/. Exits 1
 * when the linking run misses a target.
 */
export function findSeedsDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.INGEST_SEEDS_DIR) return env.INGEST_SEEDS_DIR;
  for (let dir = projectRoot(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'seeds');
    if (existsSync(candidate) && dir !== projectRoot()) return candidate;
    const sibling = join(dir, '..', 'shared', 'seeds');
    if (existsSync(sibling)) return sibling;
    // a checkout with no ../shared beside it: the seed issue's own text, kept with its curated document
    if (dirname(dir) === dir) return join(projectRoot(), 'data', 'seed');
  }
}

const cell = (r: Ratio): string => `${r.found}/${r.total} (${pct(r).toFixed(1)}%)`;

export function runEval(stdout: { write(s: string): unknown } = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  const seeds = findSeedsDir(env);
  if (!seeds) {
    stdout.write('No seed newsletters found: expected ../shared/seeds beside the checkout, or set INGEST_SEEDS_DIR.\n');
    return 2;
  }
  let ok = true;
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const curatedPath = join(projectRoot(), 'data', 'seed', `${basename(file, '.txt')}.json`);
    if (!existsSync(curatedPath)) continue;
    const text = readFileSync(join(seeds, file), 'utf8');
    const curated = JSON.parse(readFileSync(curatedPath, 'utf8')) as ImportDocument;
    const runs = evaluate(text, curated);
    stdout.write(`\n${file} (${Buffer.byteLength(text)} bytes, issued ${curated.source.properties.issued})\n`);
    const rows = [
      ['run', 'mentions linked', 'figures right', 'facts right', 'unstated figures', 'not verbatim', 'draft facts', 'new entities', 'restated', 'ms'],
      [`target`, `≥ ${TARGETS.mentions}%`, `≥ ${TARGETS.figures}%`, `≥ ${TARGETS.facts}%`, '0', '0', '', '', '', '< 2000'],
      ...runs.map((r) => [r.name, cell(r.score.mentions), cell(r.score.figures), cell(r.score.facts), String(r.score.unstatedFigures), String(r.score.notVerbatim), String(r.score.draftFacts), String(r.newEntities), String(r.restated), String(r.ms)]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows) stdout.write('| ' + row.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |\n');
    const linking = runs[0];
    const meets = meetsTargets(linking.score);
    ok &&= meets;
    stdout.write(`linking run ${meets ? 'meets' : 'MISSES'} the targets\n`);
    if (env.INGEST_EVAL_VERBOSE) {
      for (const r of runs) {
        stdout.write(`\nmissed in "${r.name}":\n`);
        for (const [k, list] of Object.entries(r.score.missed)) for (const m of list) stdout.write(`  ${k}: ${m}\n`);
      }
    }
  }
  return ok ? 0 : 1;
}

if (require.main === module) process.exit(runEval());
