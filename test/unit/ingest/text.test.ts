import { readFigures, signedValue } from '../../../src/ingest/text/numbers';
import { readDates, mondayOf } from '../../../src/ingest/text/dates';
import { modalityOf, splitClauses } from '../../../src/ingest/text/hedges';
import { readStructure, splitPhrases, splitSentences } from '../../../src/ingest/text/structure';
import { PARTICLES, particleAfter, stripParticle } from '../../../src/ingest/text/particles';

const figure = (s: string) => readFigures(s).map((f) => ({ text: f.text, value: signedValue(f), unit: f.unit, currency: f.currency, qualifier: f.qualifier }));

describe('the Korean number reader', () => {
  it('reads 억, 조 and 만 with currencies', () => {
    expect(figure('텐센트가 2,000억 위안을 투자')).toEqual([{ text: '2,000억 위안', value: 200_000_000_000, unit: 'CURRENCY', currency: 'CNY', qualifier: 'EXACT' }]);
    expect(figure('2.5억 달러 규모의 시리즈 B')[0]).toMatchObject({ value: 250_000_000, currency: 'USD' });
    expect(figure('매출 1조 2,000억 원 기록')[0]).toMatchObject({ text: '1조 2,000억 원', value: 1_200_000_000_000, currency: 'KRW' });
    expect(figure('3만 명이 사용')[0]).toMatchObject({ value: 30_000, unit: 'COUNT' });
  });

  it('reads percentages with their sign from + and − or from the verb after them', () => {
    expect(figure('샤오펑(+7.4%)')[0]).toMatchObject({ value: 7.4, unit: 'PERCENT' });
    expect(figure('주가는 -3.2% 하락')[0]).toMatchObject({ value: -3.2 });
    expect(figure('오류율 12% 감소')[0]).toMatchObject({ value: -12 });
    expect(figure('정확도 8.5% 개선')[0]).toMatchObject({ value: 8.5 });
    expect(figure('점유율 2%p 상승')[0]).toMatchObject({ unit: 'PERCENTAGE_POINT', value: 2 });
  });

  it('reads units, parameters, multiples, periods and qualifiers', () => {
    expect(figure('휴머노이드 500대 공급')[0]).toMatchObject({ value: 500, unit: 'UNITS' });
    expect(figure('6,000억 개의 파라미터')[0]).toMatchObject({ value: 600_000_000_000, unit: 'PARAMETERS' });
    expect(figure('2배 증가')[0]).toMatchObject({ value: 2, unit: 'MULTIPLE' });
    expect(figure('향후 5년간')[0]).toMatchObject({ value: 5, unit: 'YEARS' });
    expect(figure('2,300여개 기업')[0]).toMatchObject({ value: 2300, qualifier: 'APPROXIMATE' });
    expect(figure('1만 개 이상')[0]).toMatchObject({ value: 10_000, qualifier: 'AT_LEAST' });
    expect(figure('30%를 초과하는 지분')[0]).toMatchObject({ value: 30, qualifier: 'MORE_THAN' });
  });

  it('leaves names, versions and years alone', () => {
    expect(figure('Hunyuan-T2 공개, GLM-4.5와 Qwen3 비교')).toEqual([]);
    expect(figure('‘豆包1.6’ 출시')).toEqual([]);
    expect(figure('2026년 상반기 24년부터')).toEqual([]);
  });
});

describe('dates', () => {
  it('places years, year ends, halves and ranges relative to the issue', () => {
    const d = (s: string) => readDates(s, '2025-03-10').map(({ role, date, precision, period }) => ({ role, date, precision, ...(period ? { period } : {}) }));
    expect(d('27년부터 운행')).toEqual([{ role: 'from', date: '2027-01-01', precision: 'YEAR' }]);
    expect(d('연말까지 출시')).toEqual([{ role: 'by', date: '2025-12-31', precision: 'YEAR' }]);
    expect(d('내년부터')).toEqual([{ role: 'from', date: '2026-01-01', precision: 'YEAR' }]);
    expect(d('24년 하반기 매출')).toEqual([{ role: 'in', date: '2024-07-01', precision: 'MONTH', period: '2024-H2' }]);
    expect(d('24년부터 28년까지 연평균')).toEqual([{ role: 'in', date: '2024-01-01', precision: 'YEAR', period: '2024-2028' }]);
    expect(readDates('연말까지', undefined)).toEqual([]);
  });

  it('finds the Monday of an issue week', () => {
    expect(mondayOf('2025-09-11')).toBe('2025-09-08');
    expect(mondayOf('2025-09-08')).toBe('2025-09-08');
  });
});

describe('hedges', () => {
  it('reads the modality from the clause-final predicate', () => {
    expect(modalityOf('내년부터 공동 서비스 출시 예정.')).toBe('PLANNED');
    expect(modalityOf('엔진을 공급할 것으로 예상')).toBe('EXPECTED');
    expect(modalityOf('시장 확대 전망')).toBe('EXPECTED');
    expect(modalityOf('신규 모델 출시 준비.')).toBe('PLANNED');
    expect(modalityOf('수익성 확보 전략으로 해석됨.')).toBe('EXPECTED');
    expect(modalityOf('투자 계획 발표')).toBe('DONE');
    expect(modalityOf('상장이 마무리 단계.')).toBe('ONGOING');
  });

  it('splits clauses at commas, 및 and connective verbs, not inside nouns ending in 고', () => {
    expect(splitClauses('A가 B와 파트너십을 맺고 내년 출시 예정').map((c) => c.text)).toEqual(['A가 B와 파트너십을 맺고', '내년 출시 예정']);
    expect(splitClauses('AI 기반 광고 산업 지원').length).toBe(1);
  });
});

describe('particles', () => {
  it('strips the longest particle that leaves a stem', () => {
    expect(stripParticle('텐센트는')).toEqual({ stem: '텐센트', particle: '는' });
    expect(stripParticle('두바이에서')).toEqual({ stem: '두바이', particle: '에서' });
    expect(stripParticle('화웨이와의')).toEqual({ stem: '화웨이', particle: '와의' });
    expect(stripParticle('샤오미')).toEqual({ stem: '샤오미', particle: '' });
    expect(PARTICLES.indexOf('에서')).toBeLessThan(PARTICLES.indexOf('에'));
  });

  it('tells a name followed by a particle from a longer word', () => {
    expect(particleAfter('애플과 협력', 2)).toBe('과');
    expect(particleAfter('애플리케이션', 2)).toBeUndefined();
    expect(particleAfter('애플/구글', 2)).toBe('');
    expect(particleAfter('Tencent의', 7)).toBe('의');
    expect(particleAfter('Tencents', 7)).toBeUndefined();
  });
});

describe('structure', () => {
  it('reads sections, lead lines, bullets, sentences and summary phrases verbatim', () => {
    const text = '# 첫 섹션\n\n**주요 뉴스:** A사 모델 공개, B사 투자 유치, C시 정책 발표 등.\n\n- **A사 모델:** A사가 모델을 공개. 성능 3.5% 개선.\n';
    const s = readStructure(text);
    expect(s.sections).toEqual([{ id: 'section-1', title: '첫 섹션' }]);
    expect(s.units.map((u) => [u.role, u.text])).toEqual([
      ['heading', '첫 섹션'],
      ['lead-title', '주요 뉴스'],
      ['phrase', 'A사 모델 공개'],
      ['phrase', 'B사 투자 유치'],
      ['phrase', 'C시 정책 발표'],
      ['bullet-title', 'A사 모델'],
      ['sentence', 'A사가 모델을 공개.'],
      ['sentence', '성능 3.5% 개선.'],
    ]);
    for (const u of s.units) expect(text).toContain(u.text);
  });

  it('does not split decimals or bracketed commas', () => {
    expect(splitSentences('성능 9.6% 개선. Wenxin X1.1 공개.')).toEqual(['성능 9.6% 개선.', 'Wenxin X1.1 공개.']);
    expect(splitPhrases('A(+1.2%, 상승), B 공개, C 발표 등.')).toEqual(['A(+1.2%, 상승)', 'B 공개', 'C 발표']);
  });
});
