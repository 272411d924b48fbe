import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectRoot } from '../common/paths';

/**
 * A Cypher statement our code runs. Either loaded from a named file under `cypher/`, or produced
 * by a builder in `src/` that assembles fixed fragments (labels and relationship types from our
 * own allow-lists). Values are always parameters, never part of `text`.
 */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

const queries = new Map<string, CypherQuery>();
let loaded = false;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : entry.endsWith('.cypher') ? [full] : [];
  });
}

/** Loads every `cypher/**\/*.cypher` once; names are paths without extension (`entity/by-id`). */
export function loadCypher(dir = join(projectRoot(), 'cypher')): void {
  for (const file of walk(dir)) {
    if (file.includes(`${sep}migrations${sep}`)) continue;
    const name = relative(dir, file).split(sep).join('/').replace(/\.cypher$/, '');
    queries.set(name, { name, text: readFileSync(file, 'utf8').trim() });
  }
  loaded = true;
}

/** The named query; throws at the call site's first use if the file is missing (a bug, not input). */
export function cypher(name: string): CypherQuery {
  if (!loaded) loadCypher();
  const q = queries.get(name);
  if (!q) throw new Error(`No Cypher file cypher/${name}.cypher`);
  return q;
}

export function allCypher(): CypherQuery[] {
  if (!loaded) loadCypher();
  return [...queries.values()];
}
