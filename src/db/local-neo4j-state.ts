import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../common/paths';

/**
 * `npm start` records the local Neo4j it runs in a small file in the data folder, so commands run
 * beside it (import, backup, restore, ingest) connect to that Neo4j instead of starting a second
 * one on the same store (which Neo4j refuses: the store is locked). Removed when the service stops;
 * a file left by a killed service names a process that is gone, and is ignored.
 */
export interface LocalNeo4jState {
  /** the service process that owns the Neo4j */
  pid: number;
  neo4jPid: number;
  uri: string;
  startedAt: string;
}

const FILE = 'kg-service.json';

export const stateFile = (dataDir: string): string => join(resolve(projectRoot(), dataDir), FILE);

export function writeLocalNeo4jState(dataDir: string, state: LocalNeo4jState): void {
  const file = stateFile(dataDir);
  // written whole, then renamed: a reader never sees half a file
  writeFileSync(`${file}.tmp`, JSON.stringify(state) + '\n');
  renameSync(`${file}.tmp`, file);
}

export function removeLocalNeo4jState(dataDir: string, pid = process.pid): void {
  const state = readLocalNeo4jState(dataDir);
  if (state && state.pid === pid) rmSync(stateFile(dataDir), { force: true });
}

/** The state of a service that is still running, or undefined (no file, unreadable, or its process is gone). */
export function readLocalNeo4jState(dataDir: string): LocalNeo4jState | undefined {
  let state: LocalNeo4jState;
  try {
    state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as LocalNeo4jState;
  } catch {
    return undefined;
  }
  if (typeof state.pid !== 'number' || typeof state.uri !== 'string' || !isAlive(state.pid)) return undefined;
  return state;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
