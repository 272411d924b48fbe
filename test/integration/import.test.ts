import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDocuments } from '../../bench/generate';
import { runImport } from '../../src/cli/import';
import { cypher } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import { toPlain } from '../../src/db/values';
import { Importer, ImportValidationError } from '../../src/write/importer';
import { importSeed, seedFiles } from '../../src/write/seed';
import { freshGraph, testDatabase } from '../support/graph';
import { edgeProps, graphState, nodeProps } from '../support/graph-state';

/**
 * Issue 3's "done when" for the importer: re-importing changes nothing, a malformed document
 * writes nothing and says where it is wrong (file and JSON path), and an entity arriving under a
 * new id with a name the graph knows merges into the existing one.
 */
let db: Database;
let dir: string;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  dir = mkdtempSync(join(tmpdir(), 'kg-import-test-'));
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function counts(name: string): Promise<Record<string, number>> {
  const records = await db.read(cypher(name));
  return Object.fromEntries(records.map((r) => [r.get('key') as string, Number(toPlain(r.get('count')))]));
}

/** Entities by kind, relationships by type, and the graph's size and last write times. */
async function snapshot() {
  return { kinds: await counts('test/counts-by-kind'), types: await counts('test/counts-by-type'), state: await graphState(db) };
}

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: { ...process.env, LOG_LEVEL: 'error' } },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

function writeDoc(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** A small valid document with its own source, adding one product of its own. */
function smallDocument(tag: string, entities: Record<string, unknown>[] = [], relationships: Record<string, unknown>[] = []) {
  const provenance = [{ section: 'main', sentence: `${tag}: a sentence.`, basis: 'REPORTED' }];
  return {
    source: {
      id: `source:${tag}`,
      name: `${tag} issue`,
      names: [{ lang: 'en', value: `${tag} issue` }],
      properties: { issued: '2025-09-15', lang: 'en', title: `${tag} issue`, sections: [{ id: 'main', title: 'Main' }] },
    },
    entities: [{ id: `product:${tag}-app`, kind: 'PRODUCT', name: `${tag} app`, names: [{ lang: 'en', value: `${tag} app` }], properties: { productType: 'APP' }, provenance }, ...entities],
    relationships,
  };
}

describe('re-importing', () => {
  it('the seed a second time changes no count and writes nothing', async () => {
    const before = await snapshot();
    expect(before.kinds.COMPANY).toBeGreaterThan(0);
    const [summary] = await importSeed(db);
    expect(summary.entities).toMatchObject({ created: 0, updated: 0 });
    expect(summary.relationships).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('the seed again through the CLI changes nothing either', async () => {
    const before = await snapshot();
    const cap = captureIo();
    expect(await runImport(seedFiles(), cap.io)).toBe(0);
    expect(cap.stdout()).toMatch(/entities 0 created, 0 updated, \d+ unchanged; relationships 0 created, 0 updated/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a malformed document', () => {
  it('is refused by the Importer as a whole, naming the file and JSON path, and writes nothing', async () => {
    const before = await snapshot();
    const doc = smallDocument('malformed-a', [
      { id: 'company:malformed-a', kind: 'COMPANY', name: 'Malformed A', names: [{ lang: 'en', value: 'Malformed A' }], properties: { country: 'Korea' }, provenance: [{ section: 'main', sentence: 'x', basis: 'REPORTED' }] },
    ]);
    const err = await new Importer(db).importDocument(doc, 'malformed-a.json', { actor: 'test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportValidationError);
    const errors = (err as ImportValidationError).errors;
    expect(errors).toContainEqual(expect.objectContaining({ file: 'malformed-a.json', path: '/entities/1/properties/country' }));
    expect((err as ImportValidationError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document.entities.1.properties.country' });
    expect(await snapshot()).toEqual(before);
    expect(await nodeProps(db, 'product:malformed-a-app')).toBeUndefined();
  });

  it('stops the CLI before any file is written: exit 1, file and path on stderr, no change', async () => {
    const before = await snapshot();
    const good = writeDoc('good.json', smallDocument('cli-good'));
    const badRef = writeDoc('bad-ref.json', smallDocument('cli-bad', [], [{ type: 'MAKES', from: 'company:nowhere', to: 'product:cli-bad-app' }]));
    const notJson = writeDoc('not-json.json', '{ "source": ');
    const cap = captureIo();
    expect(await runImport([good, badRef, notJson], cap.io)).toBe(1);
    expect(cap.stderr()).toContain(`${badRef}#/relationships/0/from`);
    expect(cap.stderr()).toContain(`${notJson}: cannot read JSON`);
    expect(cap.stderr()).toContain('Nothing was imported.');
    expect(await snapshot()).toEqual(before);
    expect(await nodeProps(db, 'product:cli-good-app')).toBeUndefined();
  });
});

describe('alias merge', () => {
  it('an entity under a new id whose name the graph knows merges into the existing one, gaining the new alias', async () => {
    const before = await snapshot();
    const alibabaBefore = await nodeProps(db, 'company:alibaba');
    const provenance = [{ section: 'main', sentence: '阿里巴巴 launched a new app.', basis: 'REPORTED' }];
    const doc = smallDocument(
      'alias-merge',
      [
        {
          id: 'company:alibaba-group-holding',
          kind: 'COMPANY',
          name: 'Alibaba Group Holding Limited',
          names: [
            { lang: 'zh', value: '阿里巴巴' },
            { lang: 'en', value: 'Alibaba Group Holding Limited' },
          ],
          properties: { country: 'CN' },
          provenance,
        },
      ],
      [{ type: 'MAKES', from: 'company:alibaba-group-holding', to: 'product:alias-merge-app', provenance: provenance[0] }],
    );
    const summary = await new Importer(db).importDocument(doc, 'alias-merge.json', { actor: 'test' });
    expect(summary.merged).toEqual({ 'company:alibaba-group-holding': 'company:alibaba' });

    expect(await nodeProps(db, 'company:alibaba-group-holding')).toBeUndefined();
    const after = await snapshot();
    // the new source and product only: no new company
    expect(after.kinds).toEqual({ ...before.kinds, SOURCE: before.kinds.SOURCE + 1, PRODUCT: before.kinds.PRODUCT + 1 });
    expect(after.types.MAKES).toBe(before.types.MAKES + 1);

    const alibaba = (await nodeProps(db, 'company:alibaba'))!.props as { names: string[]; nameLangs: string[]; name: string; description: string };
    expect(alibaba.names).toEqual([...(alibabaBefore!.props.names as string[]), 'Alibaba Group Holding Limited']);
    expect(alibaba.nameLangs.at(-1)).toBe('en');
    // an alias does not rename the entity or drop what it knew
    expect(alibaba.name).toBe(alibabaBefore!.props.name);
    expect(alibaba.description).toBe(alibabaBefore!.props.description);
    // the document's edges follow the merge
    expect(await edgeProps(db, 'company:alibaba', 'MAKES', 'product:alias-merge-app')).toMatchObject({ sentence: '阿里巴巴 launched a new app.' });
  });
});

describe('a document larger than the batch size', () => {
  it('is written in transactions of at most that many rows, statements sharing one while they fit; again, it changes nothing', async () => {
    const [base, doc] = [...generateDocuments({ companies: 30, perDocument: 30, seed: 'batches' })];
    await new Importer(db).importDocument(base, 'batches-base.json', { actor: 'test', resolveByName: false });
    let statements = 0;
    db.onQuery((q) => void (q.name.startsWith('write/upsert-') || q.name === 'write/provenance-create' ? statements++ : undefined));
    const steps: number[] = [];
    const opts = { actor: 'test', resolveByName: false, batchSize: 40, onProgress: (done: number, total: number) => steps.push(done, total) };
    const summary = await new Importer(db).importDocument(doc, 'batches.json', opts);
    const provenance = doc.entities.reduce((n, e) => n + (e.provenance?.length ?? 0), 0);
    const rows = 1 + doc.entities.length + doc.relationships.length + provenance;
    const done = steps.filter((_, i) => i % 2 === 0);
    expect(steps.filter((_, i) => i % 2 === 1).every((t) => t === rows)).toBe(true);
    expect(done.at(-1)).toBe(rows);
    expect(done.map((d, i) => d - (done[i - 1] ?? 0)).every((n) => n > 0 && n <= 40)).toBe(true);
    // fewer transactions than statements: one per kind and type would be a commit each
    expect(done.length).toBeLessThan(statements);
    expect(summary.entities).toEqual({ created: 1 + doc.entities.length, updated: 0, unchanged: 0 });
    expect(summary.relationships).toEqual({ created: doc.relationships.length, updated: 0, unchanged: 0 });

    const before = await snapshot();
    const again = await new Importer(db).importDocument(doc, 'batches.json', { ...opts, onProgress: undefined });
    expect(again.entities).toMatchObject({ created: 0, updated: 0 });
    expect(again.relationships).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
