import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/db/database';
import { loadGazetteer } from '../../src/ingest/gazetteer.repository';
import { draftDocument } from '../../src/ingest/draft';
import { runIngest } from '../../src/cli/ingest';
import { findSeedsDir } from '../../src/cli/ingest-eval';
import { cypher } from '../../src/db/cypher-registry';
import { freshGraph, testDatabase } from '../support/graph';

let db: Database;
const seedText = (): string => readFileSync(join(findSeedsDir()!, '000_b2d2384472f2fb10.txt'), 'utf8');

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
});
afterAll(() => db.close());

describe('the gazetteer read from the seed graph', () => {
  it('holds every entity with its names in every language, and the facts with their parties and figures', async () => {
    const g = await loadGazetteer(db);
    expect(g.entities.find((e) => e.id === 'company:alibaba')).toEqual({
      id: 'company:alibaba',
      kind: 'COMPANY',
      name: 'Alibaba Group',
      names: expect.arrayContaining([{ lang: 'ko', value: '알리바바' }, { lang: 'zh', value: '阿里巴巴' }, { lang: 'en', value: 'Alibaba' }]),
    });
    expect(g.entities.some((e) => e.kind === 'SOURCE' || e.kind === 'EVENT')).toBe(false);
    const capex = g.facts.find((f) => f.id === 'investment:alibaba-ai-capex-3y')!;
    expect(capex).toMatchObject({ kind: 'INVESTMENT', subtype: 'CAPEX_PLAN', figures: { amount: 380_000_000_000, currency: 'CNY', periodYears: 3 } });
    expect(capex.parties).toContainEqual({ id: 'company:alibaba', type: 'INVESTOR_IN', role: 'SPENDER' });
  });

  it('makes the seed issue, drafted again, restate the graph facts instead of duplicating them', async () => {
    const g = await loadGazetteer(db);
    const r = draftDocument({ text: seedText(), issued: '2025-09-08' }, g);
    const restated = new Set(r.restated.map((x) => x.id));
    for (const id of ['investment:alibaba-ai-capex-3y', 'partnership:momenta-uber', 'event:baidu-stock-move', 'policy:hangzhou-ai-industry-action-plan']) expect(restated.has(id)).toBe(true);
    expect(r.document.external).toContain('company:alibaba');
    expect(r.document.entities.map((e) => e.id)).not.toContain('company:alibaba');
  });
});

describe('npm run ingest', () => {
  it('writes the draft and a summary, and nothing to the graph', async () => {
    const before = (await db.read(cypher('test/count-graph'), { except: '' })).map((r) => r.toObject());
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    const file = join(dir, 'issue.txt');
    writeFileSync(file, seedText());
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: { ...process.env, LOG_LEVEL: 'error' } };
    expect(await runIngest([file, '--issued', '2025-09-08', '--out', join(dir, 'draft.json')], io)).toBe(0);
    const draft = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8'));
    expect(draft.source.properties.issued).toBe('2025-09-08');
    expect(out.join('')).toMatch(/entities linked: \d+ known .* new\nfacts: \d+/);
    expect((await db.read(cypher('test/count-graph'), { except: '' })).map((r) => r.toObject())).toEqual(before);
    expect(await runIngest([file, '--issued'], io)).toBe(2);
    expect(err.join('')).toMatch(/--issued needs a value/);
  });
});
