import { draftDocument } from '../../../src/ingest/draft';
import type { EntityInput, ImportDocument } from '../../../src/write/document/document.types';
import { FACT_KINDS } from '../../../src/model/kinds';
import { GAZETTEER } from './fixtures';

/** Drafts one bullet in newsletter style and returns its fact nodes with their participants. */
function facts(sentence: string, title = '소식', issued = '2025-03-10') {
  const { document } = draftDocument({ text: `# 주간 뉴스\n\n- **${title}:** ${sentence}\n`, issued }, GAZETTEER);
  return document.entities.filter((e) => FACT_KINDS.includes(e.kind)).map((e) => ({
    kind: e.kind,
    props: e.properties,
    links: linksOf(document, e),
  }));
}

function linksOf(doc: ImportDocument, e: EntityInput): string[] {
  return doc.relationships
    .filter((r) => r.from === e.id || r.to === e.id)
    .map((r) => (r.to === e.id ? `${r.from} -${r.type}${r.properties?.role ? `:${r.properties.role}` : ''}->` : `-${r.type}-> ${r.to}`))
    .sort();
}

describe('fact patterns (each family, on sentences written for the test)', () => {
  it('partnership: both parties, signed', () => {
    const [p] = facts('텐센트가 화웨이와 AI 클라우드 파트너십을 체결.');
    expect(p).toMatchObject({ kind: 'PARTNERSHIP', props: { partnershipType: 'TECHNOLOGY', status: 'SIGNED', date: '2025-03-10', datePrecision: 'WEEK' } });
    expect(p.links).toEqual(['-ABOUT-> sector:ai-cloud', 'company:huawei -PARTY_TO:PARTNER->', 'company:tencent -PARTY_TO:PARTNER->']);
  });

  it('supply contract: the subject supplies, the partner buys, with the quantity', () => {
    const [p] = facts('유비테크가 BYD와 휴머노이드 500대 공급 계약 체결.');
    expect(p.props).toMatchObject({ partnershipType: 'SUPPLY', quantity: 500, quantityUnit: 'UNITS', status: 'SIGNED' });
    expect(p.links).toContain('company:ubtech -PARTY_TO:SUPPLIER->');
    expect(p.links).toContain('company:byd -PARTY_TO:CUSTOMER->');
  });

  it('funding round: who raised how much in which round', () => {
    const [f] = facts('즈푸 AI가 2.5억 달러 규모의 시리즈 B 투자 유치.');
    expect(f).toMatchObject({ kind: 'INVESTMENT', props: { investmentType: 'FUNDING_ROUND', round: 'Series B', amount: 250_000_000, currency: 'USD', status: 'COMPLETED' } });
    expect(f.links).toEqual(['company:zhipu -RAISED->']);
  });

  it('capex plan: the spender, the amount and the period', () => {
    const [f] = facts('텐센트가 향후 5년간 2,000억 위안 규모의 AI 인프라 투자 계획 발표.');
    expect(f).toMatchObject({ kind: 'INVESTMENT', props: { investmentType: 'CAPEX_PLAN', amount: 200_000_000_000, currency: 'CNY', periodYears: 5, status: 'ANNOUNCED' } });
    expect(f.links).toEqual(['company:tencent -INVESTOR_IN:SPENDER->']);
  });

  it('policy: a government issuer, its type, draft status and period', () => {
    const [p] = facts('공업정보화부가 휴머노이드 산업 5개년 행동 계획 초안 공개.');
    expect(p).toMatchObject({ kind: 'POLICY', props: { policyType: 'ACTION_PLAN', status: 'DRAFT', periodYears: 5 } });
    expect(p.links).toEqual(['-AFFECTS-> sector:humanoid-robots', 'government:miit -ISSUED->']);
  });

  it('policy: a support measure of a city government', () => {
    const [p] = facts('베이징시가 AI 산업 혁신 지원 조치 발표.');
    expect(p.props).toMatchObject({ policyType: 'SUPPORT_MEASURE', status: 'ANNOUNCED' });
    expect(p.links).toContain('government:beijing -ISSUED->');
  });

  it('stock moves: one event per company with its signed change', () => {
    const moves = facts('샤오펑 주가는 -3.2% 하락. 유비테크(+5.5%), BYD(+1.1%) 상승.');
    expect(moves.map((m) => [m.links.find((l) => l.includes('SUBJECT')), m.props?.changePct])).toEqual([
      ['company:xpeng -INVOLVED_IN:SUBJECT->', -3.2],
      ['company:ubtech -INVOLVED_IN:SUBJECT->', 5.5],
      ['company:byd -INVOLVED_IN:SUBJECT->', 1.1],
    ]);
  });

  it('launch: the launcher, the product and a new product made by it', () => {
    const [l, ...rest] = facts('텐센트가 신규 추론 모델 Hunyuan-T2를 공개.');
    expect(rest).toEqual([]);
    expect(l).toMatchObject({ kind: 'EVENT', props: { eventType: 'LAUNCH', status: 'COMPLETED' } });
    expect(l.links).toEqual(['-ABOUT-> product:hunyuan-t2', 'company:tencent -INVOLVED_IN:LAUNCHER->']);
  });

  it('a hedged launch is planned, dated by its deadline', () => {
    const [l] = facts('화웨이가 연말까지 새로운 AI 클라우드 서비스 출시 준비.');
    expect(l.props).toMatchObject({ eventType: 'LAUNCH', status: 'PLANNED', date: '2025-12-31', datePrecision: 'YEAR' });
  });

  it('trial and commercial operation: operator, place, start', () => {
    const [t] = facts('바이두가 27년부터 두바이에서 로보택시 시범 운행 시작.');
    expect(t.props).toMatchObject({ eventType: 'TRIAL', status: 'PLANNED', startDate: '2027-01-01', datePrecision: 'YEAR' });
    expect(t.links).toEqual(['-ABOUT-> sector:robotaxi', '-OCCURRED_IN-> place:dubai', 'company:baidu -INVOLVED_IN:OPERATOR->']);
    const [o] = facts('바이두가 두바이에서 24시간 완전 자율주행 상용 운행 시작.');
    expect(o.props).toMatchObject({ eventType: 'COMMERCIAL_OPERATION', status: 'IN_PROGRESS', hoursPerDay: 24, driverless: true });
  });

  it('IPO: issuer, status in progress', () => {
    const [i] = facts('유비테크의 홍콩 증시 상장 신청이 진행 중.');
    expect(i.props).toMatchObject({ eventType: 'IPO', status: 'IN_PROGRESS' });
    expect(i.links).toContain('company:ubtech -INVOLVED_IN:ISSUER->');
  });

  it('metrics: market size with its reporter and region, growth forecast, share with rank', () => {
    const ms = facts('IDC 보고서에 따르면, 24년 중국 AI 서버 시장 규모는 560억 달러. 텐센트가 18.5% 점유율로 2위. 28년까지 연평균 21.4% 성장 전망.');
    const byKind = Object.fromEntries(ms.map((m) => [m.props?.metricKind, m]));
    expect(byKind.MARKET_SIZE.props).toMatchObject({ value: 56_000_000_000, unit: 'CURRENCY', currency: 'USD', observationType: 'ACTUAL' });
    expect(byKind.MARKET_SIZE.links).toEqual(['-IN_MARKET-> sector:ai-servers', '-IN_REGION-> place:china', '-REPORTED_BY-> organization:idc']);
    expect(byKind.MARKET_SHARE.props).toMatchObject({ value: 18.5, rank: 2 });
    expect(byKind.MARKET_SHARE.links).toContain('company:tencent -SUBJECT_OF->');
    expect(byKind.GROWTH_RATE.props).toMatchObject({ value: 21.4, observationType: 'FORECAST' });
  });

  it('metrics: a measure change takes the direction of the list end, on the product of the title', () => {
    const ms = facts('수학 능력 15.2%, 코딩 능력 8.1% 개선. 오류율 12% 감소.', '훈위안 성능');
    expect(ms.map((m) => [m.props?.measure, m.props?.value])).toEqual([['수학 능력', 15.2], ['코딩 능력', 8.1], ['오류율', -12]]);
    for (const m of ms) expect(m.links).toEqual(['product:hunyuan -SUBJECT_OF->']);
  });

  it('metrics: a count then and now, with the multiple', () => {
    const ms = facts('중국 휴머노이드 기업 수는 지난 3년 동안 200여개에서 600개로 3배 급증.');
    expect(ms.map((m) => [m.props?.value, m.props?.period, m.props?.valueQualifier ?? 'EXACT', m.props?.changeMultiple ?? null])).toEqual([
      [200, '2022', 'APPROXIMATE', null],
      [600, '2025', 'EXACT', 3],
    ]);
  });
});
