import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftDocument } from '../../../src/ingest/draft';
import { MAX_TEXT_CHARS } from '../../../src/ingest/input-check';
import { gazetteerFromDocument } from '../../../src/ingest/gazetteer';
import { validateDocument } from '../../../src/write/document/document.validate';
import { BadUserInputError } from '../../../src/common/errors';
import type { ImportDocument } from '../../../src/write/document/document.types';
import { findSeedsDir } from '../../../src/cli/ingest-eval';
import { evaluate, gazetteers } from '../../../src/ingest/eval/evaluate';
import { pct } from '../../../src/ingest/eval/score';
import { GAZETTEER } from './fixtures';

const ISSUE = `# 텐센트, AI 에이전트 사업 확대

**텐센트의 주요 활동:** 신규 추론 모델 Hunyuan-T2 공개, 화웨이와 클라우드 파트너십 체결, ZeroAI의 시리즈 B 투자 유치 등.

- **Hunyuan-T2:** 텐센트가 추론 모델 Hunyuan-T2를 공개. 수학 능력 15.2% 개선.
- **화웨이 파트너십:** 텐센트가 화웨이와 파트너십을 맺고 내년부터 AI 클라우드 공동 서비스 출시 예정.
- **ZeroAI 투자 유치:** ZeroAI가 2.5억 달러 규모의 시리즈 B 투자 유치.
- **광둥성 지원 정책:** 광둥성이 휴머노이드 산업 지원 조치 발표.
`;

describe('draftDocument', () => {
  const result = draftDocument({ text: ISSUE, issued: '2025-03-12' }, GAZETTEER);
  const doc = result.document;

  it('drafts a valid import document whose known entities are only referenced', () => {
    const v = validateDocument(doc, 'draft');
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(doc.external).toEqual(expect.arrayContaining(['company:tencent', 'company:huawei', 'sector:ai-cloud']));
    expect(doc.entities.map((e) => e.id)).not.toContain('company:tencent');
  });

  it('proposes the names it does not know, as written, with a kind and a slug id', () => {
    const byName = Object.fromEntries(doc.entities.map((e) => [e.name, e]));
    expect(byName.ZeroAI).toMatchObject({ id: 'company:zeroai', kind: 'COMPANY', names: [{ lang: 'ko', value: 'ZeroAI' }, { lang: 'en', value: 'ZeroAI' }] });
    expect(byName['Hunyuan-T2']).toMatchObject({ kind: 'PRODUCT', properties: { productType: 'REASONING_MODEL' } });
    expect(byName['광둥성']).toMatchObject({ kind: 'GOVERNMENT', properties: { level: 'PROVINCIAL' } });
  });

  it('cites every item with a verbatim sentence, basis EXTRACTED and a confidence, in a section of the source', () => {
    const sections = new Set(doc.source.properties.sections.map((s) => s.id));
    const all = [...doc.entities.flatMap((e) => e.provenance ?? []), ...doc.relationships.map((r) => r.provenance!)];
    expect(all.length).toBeGreaterThan(10);
    for (const p of all) {
      expect(ISSUE).toContain(p.sentence);
      expect(p.basis).toBe('EXTRACTED');
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(sections.has(p.section)).toBe(true);
    }
  });

  it('merges the summary phrase and the bullet sentence of one fact, and marks the hedged launch planned', () => {
    const partnerships = doc.entities.filter((e) => e.kind === 'PARTNERSHIP');
    expect(partnerships).toHaveLength(1);
    expect(partnerships[0].provenance!.map((p) => p.sentence)).toEqual(['텐센트가 화웨이와 파트너십을 맺고 내년부터 AI 클라우드 공동 서비스 출시 예정.', '화웨이와 클라우드 파트너십 체결']);
    expect(partnerships[0].properties).toMatchObject({ status: 'SIGNED' });
    const planned = doc.entities.find((e) => e.properties?.eventType === 'LAUNCH' && e.properties?.status === 'PLANNED');
    expect(planned?.properties).toMatchObject({ date: '2026-01-01', datePrecision: 'YEAR' });
    expect(planned?.provenance?.[0].note).toMatch(/planned/);
  });

  it('is deterministic', () => {
    expect(draftDocument({ text: ISSUE, issued: '2025-03-12' }, GAZETTEER)).toEqual(result);
  });

  it('lists what it could not resolve', () => {
    const r = draftDocument({ text: '# 뉴스\n\n- **소식:** Gatekeeper 역할 수행.\n', issued: '2025-03-12' }, GAZETTEER);
    expect(r.unresolved).toEqual([expect.objectContaining({ text: 'Gatekeeper', sentence: 'Gatekeeper 역할 수행.' })]);
  });
});

describe('a restated fact', () => {
  it('cites the new sentence on the existing fact instead of drafting another', () => {
    const first = draftDocument({ text: ISSUE, issued: '2025-03-12' }, GAZETTEER).document;
    const known = gazetteerFromDocument({ ...first, entities: [...first.entities, ...GAZETTEER.entities.map((e) => ({ ...e, properties: {}, provenance: [] }))] } as ImportDocument);
    const later = '# 다음 주 뉴스\n\n- **ZeroAI:** ZeroAI가 2.5억 달러 규모의 시리즈 B 투자 유치를 마무리.\n';
    const r = draftDocument({ text: later, issued: '2025-03-19' }, known);
    const funding = first.entities.find((e) => e.kind === 'INVESTMENT')!;
    expect(r.restated).toEqual([{ id: funding.id, sentence: 'ZeroAI가 2.5억 달러 규모의 시리즈 B 투자 유치를 마무리.', section: 'section-1' }]);
    expect(r.document.entities.filter((e) => e.kind === 'INVESTMENT').map((e) => e.id)).toEqual([funding.id]);
    expect(r.document.relationships.filter((x) => x.to === funding.id)).toEqual([]);
  });

  it('is a new fact when a figure differs', () => {
    const first = draftDocument({ text: ISSUE, issued: '2025-03-12' }, GAZETTEER).document;
    const known = gazetteerFromDocument({ ...first, entities: [...first.entities, ...GAZETTEER.entities.map((e) => ({ ...e, properties: {}, provenance: [] }))] } as ImportDocument);
    const r = draftDocument({ text: '# 뉴스\n\n- **ZeroAI:** ZeroAI가 4억 달러 규모의 시리즈 B 투자 유치.\n', issued: '2025-06-02' }, known);
    expect(r.restated).toEqual([]);
  });
});

describe('bad input', () => {
  const draft = (text: string) => draftDocument({ text, issued: '2025-03-12' }, GAZETTEER);

  it('returns an empty draft with the reason for text it cannot read', () => {
    expect(draft('   \n ').reason).toBe('the text is empty');
    expect(draft('<html><body><p>텐센트가 모델 공개</p></body></html>').reason).toMatch(/HTML/);
    expect(draft('Tencent released a new reasoning model this week. Huawei signed a cloud deal.').reason).toMatch(/Korean/);
    expect(draft('ㅋㅋㅋ 가나다라 마바사 아자차카').reason).toMatch(/nothing recognisable/);
    for (const t of ['', '<div>x</div>', 'hello']) {
      const r = draft(t);
      expect(r.document.entities).toEqual([]);
      expect(r.document.relationships).toEqual([]);
    }
  });

  it('refuses text over the limit and a malformed issue date with BAD_USER_INPUT', () => {
    expect(() => draft('가'.repeat(MAX_TEXT_CHARS + 1))).toThrow(BadUserInputError);
    expect(() => draftDocument({ text: ISSUE, issued: '12/03/2025' }, GAZETTEER)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'issued' }) }));
  });

  it('drafts a long text (ten issues in one) without failing', () => {
    const big = ISSUE.repeat(10);
    const r = draft(big);
    expect(validateDocument(r.document, 'big').ok).toBe(true);
  });
});

describe('the seed issue', () => {
  const curated = JSON.parse(readFileSync(join(__dirname, '../../../data/seed/000_b2d2384472f2fb10.json'), 'utf8')) as ImportDocument;
  const text = readFileSync(join(findSeedsDir()!, '000_b2d2384472f2fb10.txt'), 'utf8');

  it('drafts a valid document with every gazetteer of the evaluation', () => {
    for (const { name, gazetteer } of gazetteers(curated)) {
      const v = validateDocument(draftDocument({ text, issued: '2025-09-08' }, gazetteer).document, name);
      expect(v.ok ? [] : v.errors).toEqual([]);
    }
  });

  it('meets the evaluation targets with the seed entities known', () => {
    const [linking] = evaluate(text, curated);
    expect({ mentions: pct(linking.score.mentions) >= 95, figures: pct(linking.score.figures) >= 90, facts: pct(linking.score.facts) >= 75 }).toEqual({ mentions: true, figures: true, facts: true });
    expect([linking.score.unstatedFigures, linking.score.notVerbatim]).toEqual([0, 0]);
  });
});
