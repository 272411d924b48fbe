import { companiesForScale, generateDocuments } from '../../bench/generate';
import { Rng } from '../../bench/lib/random';
import { validateDocument } from '../../src/write/document/document.validate';
import type { ImportDocument } from '../../src/write/document/document.types';

const docs = (companies: number, perDocument = 400, seed?: string): ImportDocument[] => [...generateDocuments({ companies, perDocument, seed })];

describe('benchmark data generator', () => {
  const generated = docs(1200);

  it('writes documents that pass the import validation, external ids included', () => {
    const defined = new Set<string>();
    generated.forEach((doc, i) => {
      const result = validateDocument(doc, `synthetic-${i}`);
      if (!result.ok) throw new Error(result.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('\n'));
      // a document may only refer to what an earlier document defined
      for (const id of result.externalIds) expect(defined.has(id)).toBe(true);
      for (const e of doc.entities) defined.add(e.id);
      defined.add(doc.source.id);
    });
  });

  it('is deterministic and independent of how companies are split into documents', () => {
    const ids = (ds: ImportDocument[]) => ds.flatMap((d) => d.entities.map((e) => e.id)).sort();
    const rels = (ds: ImportDocument[]) => ds.flatMap((d) => d.relationships.map((r) => `${r.from}|${r.type}|${r.to}|${r.properties?.role ?? ''}`)).sort();
    const other = docs(1200, 250);
    expect(ids(other)).toEqual(ids(generated));
    expect(rels(other)).toEqual(rels(generated));
    expect(ids(docs(1200, 400, 'another-seed'))).not.toEqual(ids(generated));
  });

  it('has realistic proportions of kinds per company', () => {
    const kinds = new Map<string, number>();
    for (const d of generated) for (const e of d.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    const per = (k: string) => (kinds.get(k) ?? 0) / 1200;
    expect(kinds.get('COMPANY')).toBe(1200);
    expect(per('PRODUCT')).toBeGreaterThan(1.3);
    expect(per('PRODUCT')).toBeLessThan(1.7);
    expect(per('PARTNERSHIP')).toBeGreaterThan(0.4);
    expect(per('PARTNERSHIP')).toBeLessThan(0.6);
    expect(per('INVESTMENT')).toBeGreaterThan(0.2);
    expect(per('INVESTMENT')).toBeLessThan(0.4);
    expect(per('EVENT')).toBeGreaterThan(0.85);
    expect(per('EVENT')).toBeLessThan(1.15);
    expect(per('METRIC')).toBe(1);
    expect(kinds.get('POLICY')).toBeGreaterThan(0);
  });

  it('gives a few companies many partnerships (power-law degrees) and most only one or two', () => {
    const degree = new Map<string, number>();
    for (const d of generated) for (const r of d.relationships) if (r.type === 'PARTY_TO') degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(sorted[0]).toBeGreaterThan(10 * median);
    expect(median).toBeLessThanOrEqual(2);
  });

  it('names every entity in English, Korean and Chinese', () => {
    const company = generated[1].entities.find((e) => e.kind === 'COMPANY')!;
    expect(company.names.map((n) => n.lang)).toEqual(['en', 'ko', 'zh']);
    expect(company.names[1].value).toMatch(/[\uac00-\ud7a3]/);
    expect(company.names[2].value).toMatch(/[\u4e00-\u9fff]/);
    expect(company.name).toBe(company.names[0].value);
  });

  it('maps a scale to about that many entities', () => {
    const companies = companiesForScale('10k');
    const total = docs(companies, 1000).reduce((n, d) => n + d.entities.length + 1, 0);
    expect(total).toBeGreaterThan(9_000);
    expect(total).toBeLessThan(11_000);
    expect(companiesForScale('1m')).toBeCloseTo(companiesForScale('10k') * 100, -2);
    expect(() => companiesForScale('lots')).toThrow(/--scale/);
  });
});

describe('seeded random numbers', () => {
  it('repeat for a seed and skew towards low indices with zipf', () => {
    const a = new Rng('s');
    const b = new Rng('s');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    const r = new Rng('z');
    const counts = new Array(1000).fill(0);
    for (let i = 0; i < 100_000; i++) counts[r.zipf(1000)]++;
    expect(counts[0]).toBeGreaterThan(counts[500] * 20);
    expect(counts.every((c, i) => i === 0 || c <= counts[0])).toBe(true);
  });
});
