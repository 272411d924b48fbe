import { alignIds, figuresOf, meetsTargets, scoreDraft, states } from '../../../src/ingest/eval/score';
import type { ImportDocument } from '../../../src/write/document/document.types';

const TEXT = '# 뉴스\n\n- **투자:** 텐센트가 2,000억 위안 투자 계획 발표. 화웨이가 ZeroAI와 파트너십 체결.\n';
const S1 = '텐센트가 2,000억 위안 투자 계획 발표.';
const S2 = '화웨이가 ZeroAI와 파트너십 체결.';
const cite = (sentence: string, basis: 'REPORTED' | 'EXTRACTED' | 'COMMON_KNOWLEDGE' = 'REPORTED') => ({ section: 'news', sentence, basis });
const source = { id: 'source:x', name: 'x', names: [{ lang: 'ko', value: 'x' }], properties: { issued: '2025-03-10', lang: 'ko', title: 'x', sections: [{ id: 'news', title: '뉴스' }] } };

const curated: ImportDocument = {
  source,
  entities: [
    { id: 'company:tencent', kind: 'COMPANY', name: 'Tencent', names: [{ lang: 'ko', value: '텐센트' }], provenance: [cite(S1)] },
    { id: 'company:huawei', kind: 'COMPANY', name: 'Huawei', names: [{ lang: 'ko', value: '화웨이' }], provenance: [cite(S2)] },
    { id: 'company:zero-ai', kind: 'COMPANY', name: 'ZeroAI', names: [{ lang: 'ko', value: 'ZeroAI' }], provenance: [cite(S2)] },
    { id: 'investment:tencent-capex', kind: 'INVESTMENT', name: 'capex', names: [{ lang: 'en', value: 'capex' }], properties: { investmentType: 'CAPEX_PLAN', amount: 200_000_000_000, currency: 'CNY' }, provenance: [cite(S1)] },
    { id: 'partnership:huawei-zero', kind: 'PARTNERSHIP', name: 'p', names: [{ lang: 'en', value: 'p' }], properties: { partnershipType: 'TECHNOLOGY' }, provenance: [cite(S2)] },
  ],
  relationships: [
    { type: 'INVESTOR_IN', from: 'company:tencent', to: 'investment:tencent-capex', properties: { role: 'SPENDER' }, provenance: cite(S1) },
    { type: 'PARTY_TO', from: 'company:huawei', to: 'partnership:huawei-zero', properties: { role: 'PARTNER' }, provenance: cite(S2) },
    { type: 'PARTY_TO', from: 'company:zero-ai', to: 'partnership:huawei-zero', properties: { role: 'PARTNER' }, provenance: cite(S2) },
    { type: 'SUBSIDIARY_OF', from: 'company:zero-ai', to: 'company:huawei', provenance: cite(S2, 'COMMON_KNOWLEDGE') },
  ],
};

/** A draft that finds the capex right, names ZeroAI under another id and misses one partnership party. */
const draft: ImportDocument = {
  source,
  external: ['company:tencent', 'company:huawei'],
  entities: [
    { id: 'company:zeroai', kind: 'COMPANY', name: 'ZeroAI', names: [{ lang: 'ko', value: 'ZeroAI' }], provenance: [cite(S2, 'EXTRACTED')] },
    { id: 'investment:a', kind: 'INVESTMENT', name: 'a', names: [{ lang: 'en', value: 'a' }], properties: { investmentType: 'CAPEX_PLAN', amount: 200_000_000_000, currency: 'CNY' }, provenance: [cite(S1, 'EXTRACTED')] },
    { id: 'partnership:b', kind: 'PARTNERSHIP', name: 'b', names: [{ lang: 'en', value: 'b' }], properties: { partnershipType: 'TECHNOLOGY', quantity: 7, quantityUnit: 'UNITS' }, provenance: [cite(S2, 'EXTRACTED'), cite('화웨이가 파트너십', 'EXTRACTED')] },
  ],
  relationships: [
    { type: 'INVESTOR_IN', from: 'company:tencent', to: 'investment:a', properties: { role: 'SPENDER' }, provenance: cite(S1, 'EXTRACTED') },
    { type: 'PARTY_TO', from: 'company:huawei', to: 'partnership:b', properties: { role: 'PARTNER' }, provenance: cite(S2, 'EXTRACTED') },
  ],
};

describe('scoring a draft against the curated document', () => {
  const mentions = [{ id: 'company:tencent', sentence: S1 }, { id: 'company:zeroai', sentence: S2 }];
  const score = scoreDraft(curated, draft, mentions, TEXT);

  it('aligns drafted entities to curated ones by id or by a shared name', () => {
    expect(alignIds(curated, draft).get('company:zeroai')).toBe('company:zero-ai');
  });

  it('counts mentions linked in their sentence', () => {
    expect(score.mentions).toEqual({ found: 2, total: 3 });
    expect(score.missed.mentions).toEqual(['company:huawei in "화웨이가 ZeroAI와 파트너십 체결.…"']);
  });

  it('counts a fact only with the same kind, a shared sentence and exactly its parties', () => {
    expect(score.facts).toEqual({ found: 1, total: 2 });
    expect(score.missed.facts).toEqual(['partnership:huawei-zero (parties company:huawei,company:zero-ai)']);
  });

  it('counts figures by value and unit, and flags figures and sentences the text does not hold', () => {
    expect(score.figures).toEqual({ found: 1, total: 1 });
    expect(score.unstatedFigures).toBe(1); // quantity 7 appears in no sentence of the partnership
    expect(score.notVerbatim).toBe(1); // '화웨이가 파트너십' is not in the text
    expect(meetsTargets(score)).toBe(false);
  });

  it('reads numbers in Korean units when checking a figure is stated', () => {
    expect(states('3,800억 위안 규모', 380_000_000_000)).toBe(true);
    expect(states('인간 직원 개입 20% 감소', -20)).toBe(true);
    expect(states('1.4억 달러', 140_000_000)).toBe(true);
    expect(states('1.4억 달러', 150_000_000)).toBe(false);
    expect(figuresOf(curated.entities[3])).toEqual([{ key: 'amount', unit: 'CURRENCY:CNY', value: 200_000_000_000 }]);
  });
});
