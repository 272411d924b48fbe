import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBackup } from '../../src/cli/backup';
import { runRestore } from '../../src/cli/restore';
import { cypher } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import { toPlain } from '../../src/db/values';
import { freshGraph, testDatabase, wipe } from '../support/graph';

/**
 * `npm run backup` then `npm run restore` into an empty database gives back every entity, every
 * relationship and every property (provenance included) with its value and its type; a non-empty
 * database is refused; --force merges without duplicating; a cut-off file is refused.
 */
let db: Database;
let dir: string;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  // values of every type a backup must keep apart: integer vs float, dates, datetimes, lists
  await db.write(
    { name: 'test/backup-typed', text: "MATCH (n:Entity {id: 'company:alibaba'}) SET n.testInt = 7, n.testFloat = 7.0, n.testInts = [1, 2], n.testDates = [date('2024-02-29')], n.testEmpty = [], n.testLocal = localdatetime('2025-01-02T03:04:05.123456789'), n.testZoned = datetime('2025-01-02T03:04:05+09:00[Asia/Seoul]')" },
  );
  dir = mkdtempSync(join(tmpdir(), 'kg-backup-'));
});
afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The whole graph as sorted lines: key, then each property as name, value and Cypher type. */
async function wholeGraph(): Promise<string[]> {
  const records = await db.read(cypher('test/whole-graph'));
  return records
    .map((r) => JSON.stringify([r.get('what'), r.get('key'), (r.get('props') as [string, unknown, string][]).map(([k, v, t]) => [k, String(toPlain(v)), t]).sort()]))
    .sort();
}

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env: { ...process.env, LOG_LEVEL: 'silent' } } };
}

describe('backup and restore', () => {
  it.each(['graph.jsonl', 'graph.jsonl.gz'])('a round trip through %s gives back every id, property and edge', async (name) => {
    const file = join(dir, name);
    const before = await wholeGraph();
    const backup = io();
    expect(await runBackup([file], backup.io)).toBe(0);
    expect(backup.out.stdout).toMatch(/entities, \d+ relationships/);

    await wipe(db);
    expect(await wholeGraph()).toEqual([]);
    const restore = io();
    expect(await runRestore([file], restore.io)).toBe(0);
    const after = await wholeGraph();
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);
    // provenance is part of it
    expect(after.some((l) => l.includes(' REPORTED_IN '))).toBe(true);
  });

  it('refuses a database that is not empty, in one line, and --force merges without duplicating', async () => {
    const file = join(dir, 'again.jsonl');
    expect(await runBackup([file], io().io)).toBe(0);
    const before = await wholeGraph();
    const refused = io();
    expect(await runRestore([file], refused.io)).toBe(1);
    expect(refused.out.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.out.stderr).toMatch(/already holds \d+ entities.*--force/);
    expect(await runRestore([file, '--force'], io().io)).toBe(0);
    expect(await wholeGraph()).toEqual(before);
  });

  it('refuses a file that was cut off, saying so', async () => {
    const file = join(dir, 'cut.jsonl');
    expect(await runBackup([file], io().io)).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(file, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');
    await wipe(db);
    const res = io();
    expect(await runRestore([file], res.io)).toBe(1);
    expect(res.out.stderr).toMatch(/cut off/);
  });
});
