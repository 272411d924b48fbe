import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityInput, ImportDocument, RelationshipInput } from '../src/write/document/document.types';
import { baseGraph, SECTION } from './lib/base-graph';
import { companyGraph, ENTITIES_PER_COMPANY } from './lib/company-graph';

/**
 * Deterministic synthetic data at any scale, as import documents (schema/document.schema.json),
 * so it goes through the same validation and import path as real newsletter issues.
 *
 *   npm run bench:generate -- --companies 2000 [--seed bench] [--per-document 1000] [--out bench/.data/docs]
 *
 * The first document holds the shared places, sectors, governments and organizations; each
 * following document one newsletter-like "issue" with `perDocument` companies and their facts.
 */
export interface GenerateOptions {
  companies: number;
  seed?: string;
  /** companies per document (each document is one import transaction group and one Source) */
  perDocument?: number;
}

export const DEFAULT_SEED = 'kg-bench-1';

/** `10k`, `1m`, `250000` → the number of companies that gives about that many entities. */
export function companiesForScale(scale: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(scale.trim());
  if (!m) throw new Error(`--scale must look like 10k, 1m or 50000, got "${scale}"`);
  const nodes = Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1_000_000 : m[2].toLowerCase() === 'k' ? 1_000 : 1);
  return Math.max(10, Math.round(nodes / ENTITIES_PER_COMPANY));
}

function source(seed: string, n: number): ImportDocument['source'] {
  const day = new Date(Date.UTC(2024, 0, 1) + n * 7 * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `source:synthetic-${n}`,
    name: `Synthetic AI weekly #${n}`,
    names: [
      { lang: 'en', value: `Synthetic AI weekly #${n}` },
      { lang: 'ko', value: `합성 AI 주간 ${n}호` },
    ],
    properties: { issued: day, datePrecision: 'WEEK', lang: 'ko', title: `Synthetic AI weekly #${n} (${seed})`, sections: [{ id: SECTION, title: '뉴스' }] },
  };
}

/** Ids that the document's relationships use but another document defines. */
function externals(entities: EntityInput[], relationships: RelationshipInput[]): string[] {
  const defined = new Set(entities.map((e) => e.id));
  const out = new Set<string>();
  for (const r of relationships) {
    if (!defined.has(r.from)) out.add(r.from);
    if (!defined.has(r.to)) out.add(r.to);
  }
  return [...out].sort();
}

export function documentCount(opts: GenerateOptions): number {
  return 1 + Math.ceil(opts.companies / (opts.perDocument ?? 1000));
}

export function* generateDocuments(opts: GenerateOptions): Generator<ImportDocument> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const per = opts.perDocument ?? 1000;
  const base = baseGraph(seed);
  yield { source: source(seed, 0), entities: base.entities, relationships: base.relationships };
  for (let start = 0, n = 1; start < opts.companies; start += per, n++) {
    const entities: EntityInput[] = [];
    const relationships: RelationshipInput[] = [];
    for (let i = start; i < Math.min(opts.companies, start + per); i++) {
      const g = companyGraph(seed, i, base.ids);
      for (const e of g.entities) entities.push(e);
      for (const r of g.relationships) relationships.push(r);
    }
    const external = externals(entities, relationships);
    yield { source: source(seed, n), ...(external.length ? { external } : {}), entities, relationships };
  }
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (require.main === module) {
  const scale = arg('scale');
  const companies = scale ? companiesForScale(scale) : Number(arg('companies', '1000'));
  if (!Number.isInteger(companies) || companies < 1) throw new Error('--companies must be a positive whole number');
  const out = arg('out', join('bench', '.data', 'docs'))!;
  mkdirSync(out, { recursive: true });
  let n = 0;
  let entities = 0;
  let relationships = 0;
  for (const doc of generateDocuments({ companies, seed: arg('seed'), perDocument: Number(arg('per-document', '1000')) })) {
    writeFileSync(join(out, `synthetic-${String(n).padStart(4, '0')}.json`), JSON.stringify(doc));
    entities += doc.entities.length + 1;
    relationships += doc.relationships.length;
    n++;
  }
  console.log(`wrote ${n} documents to ${out}: ${companies} companies, ${entities} entities, ${relationships} relationships`);
}
