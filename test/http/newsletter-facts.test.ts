import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

/**
 * Issue 3's "done when": every fact of the seed newsletter can be asked for through the typed API
 * together with the Korean sentence it came from. One row per fact: the entity holding it, the
 * typed fields to ask for, what they must say, and a piece of the newsletter's sentence.
 */
const svc = useSeededServer();

const party = (id: string, role?: string) => ({ entity: { id }, ...(role ? { role } : {}) });
const ids = (...xs: string[]) => xs.map((id) => ({ id }));

interface Fact {
  fact: string;
  id: string;
  kind: string;
  select: string;
  expected: Record<string, unknown>;
  sentence: string;
}

const FACTS: Fact[] = [
  {
    fact: 'Apple partners with Alibaba and Baidu to relaunch Apple Intelligence in China; Alibaba provides the output filter',
    id: 'partnership:apple-intelligence-china',
    kind: 'Partnership',
    select: 'status parties { role entity { id } } about { id } places { id }',
    expected: {
      status: 'ANNOUNCED',
      parties: [party('company:alibaba', 'OUTPUT_FILTER_PROVIDER'), party('company:apple', 'PRODUCT_OWNER'), party('company:baidu', 'LOCAL_AI_PARTNER')],
      about: expect.arrayContaining(ids('product:alibaba-ai-output-filter', 'product:apple-intelligence')),
      places: ids('place:china'),
    },
    sentence: '애플과 알리바바/바이두가 파트너십을 맺고',
  },
  {
    fact: 'Alibaba is expected to provide an engine that filters AI output for Chinese regulation',
    id: 'product:alibaba-ai-output-filter',
    kind: 'Product',
    select: 'partnerships { id }',
    expected: { partnerships: ids('partnership:apple-intelligence-china') },
    sentence: 'AI 출력을 필터링하는 엔진',
  },
  {
    fact: 'Apple Intelligence to relaunch in China this year',
    id: 'event:apple-intelligence-china-relaunch',
    kind: 'Event',
    select: 'status date datePrecision participants { role entity { id } } relatedFacts { id }',
    expected: { status: 'PLANNED', date: '2025-12-31', datePrecision: 'YEAR', participants: [party('company:apple', 'LAUNCHER')], relatedFacts: ids('partnership:apple-intelligence-china') },
    sentence: '중국 내 애플 인텔리전스 기능 출시 재개',
  },
  {
    fact: 'X Square Robot raised a US$140M Series A+',
    id: 'investment:x-square-robot-series-a-plus',
    kind: 'Investment',
    select: 'investmentType round amount currency investees { id }',
    expected: { investmentType: 'FUNDING_ROUND', round: 'Series A+', amount: 140000000, currency: 'USD', investees: ids('company:x-square-robot') },
    sentence: '1.4억 달러 규모의 시리즈 A+ 투자 유치',
  },
  {
    fact: 'Alibaba plans RMB 380bn of AI CAPEX over three years',
    id: 'investment:alibaba-ai-capex-3y',
    kind: 'Investment',
    select: 'investmentType amount currency periodYears investors { role entity { id } }',
    expected: { investmentType: 'CAPEX_PLAN', amount: 380000000000, currency: 'CNY', periodYears: 3, investors: [party('company:alibaba', 'SPENDER')] },
    sentence: '향후 3년간 3,800억 위안 규모의 CAPEX 투자 계획',
  },
  {
    fact: 'Alibaba develops its own AI chips',
    id: 'event:alibaba-ai-chip-development',
    kind: 'Event',
    select: 'eventType participants { role entity { id } } about { id }',
    expected: { eventType: 'DEVELOPMENT', participants: [party('company:alibaba', 'DEVELOPER')], about: ids('sector:ai-chips') },
    sentence: '자체 칩 개발 소식',
  },
  {
    fact: 'Hangzhou published a draft three-year AI industry action plan',
    id: 'policy:hangzhou-ai-industry-action-plan',
    kind: 'Policy',
    select: 'status policyType periodYears issuers { id } appliesIn { id }',
    expected: { status: 'DRAFT', policyType: 'ACTION_PLAN', periodYears: 3, issuers: ids('government:hangzhou'), appliesIn: ids('place:hangzhou') },
    sentence: 'AI 산업 3개년 행동 계획 초안',
  },
  {
    fact: 'NDRC and NEA announced a plan to accelerate AI integration in the energy sector',
    id: 'policy:ndrc-nea-ai-energy-plan',
    kind: 'Policy',
    select: 'status issuers { id } affects { id }',
    expected: { status: 'ANNOUNCED', issuers: ids('government:ndrc', 'government:nea'), affects: expect.arrayContaining(ids('sector:energy')) },
    sentence: '국가발전개혁위원회와 국가에너지국이 에너지 부문 AI 통합 가속화 계획 발표',
  },
  {
    fact: 'Shanghai announced support for innovation in AI-based advertising',
    id: 'policy:shanghai-ai-advertising-support',
    kind: 'Policy',
    select: 'policyType issuers { id } affects { id } appliesIn { id }',
    expected: { policyType: 'SUPPORT_MEASURE', issuers: ids('government:shanghai'), affects: ids('sector:ai-advertising'), appliesIn: ids('place:shanghai') },
    sentence: 'AI 기반 광고 산업 혁신 지원',
  },
  {
    fact: 'Anthropic restricts Claude for companies more than 50% owned from China and other unsupported countries',
    id: 'policy:anthropic-claude-ownership-restriction',
    kind: 'Policy',
    select: 'policyType status ownershipThresholdPct issuers { id } affects { id } appliesIn { id }',
    expected: {
      policyType: 'USAGE_RESTRICTION',
      status: 'IN_FORCE',
      ownershipThresholdPct: 50,
      issuers: ids('company:anthropic'),
      affects: ids('product:claude'),
      appliesIn: ids('place:china'),
    },
    sentence: '50%를 초과하는 지분을 소유한 기업에 대해 클로드 사용을 제한',
  },
  {
    fact: "Hesai Technology's Hong Kong IPO is nearing completion",
    id: 'event:hesai-hong-kong-ipo',
    kind: 'Event',
    select: 'eventType participants { role entity { id } } places { id }',
    expected: { eventType: 'IPO', participants: [party('company:hesai', 'ISSUER'), party('organization:hkex', 'EXCHANGE')], places: ids('place:hong-kong') },
    sentence: 'Hesai Technology의 홍콩 증시 상장이 마무리 단계',
  },
  {
    fact: 'Baidu shares +16.1% on the Apple partnership',
    id: 'event:baidu-stock-move',
    kind: 'Event',
    select: 'eventType changePct participants { entity { id } } relatedFacts { id }',
    expected: { eventType: 'STOCK_MOVE', changePct: 16.1, participants: [party('company:baidu')], relatedFacts: ids('partnership:apple-intelligence-china') },
    sentence: '바이두 주가 상승 (+16.1%)',
  },
  {
    fact: 'Alibaba shares +1.9%',
    id: 'event:alibaba-stock-move',
    kind: 'Event',
    select: 'eventType changePct participants { entity { id } }',
    expected: { eventType: 'STOCK_MOVE', changePct: 1.9, participants: [party('company:alibaba')] },
    sentence: '알리바바 주가는 +1.9% 상승',
  },
  {
    fact: 'Horizon Robotics shares +9.8% on interest in humanoids',
    id: 'event:horizon-robotics-stock-move',
    kind: 'Event',
    select: 'changePct participants { entity { id } } about { id }',
    expected: { changePct: 9.8, participants: [party('company:horizon-robotics')], about: ids('sector:humanoid-robots') },
    sentence: '호라이즌 로보틱스(+9.8%)',
  },
  {
    fact: 'RoboSense shares +9.2% on interest in humanoids',
    id: 'event:robosense-stock-move',
    kind: 'Event',
    select: 'changePct participants { entity { id } } about { id }',
    expected: { changePct: 9.2, participants: [party('company:robosense')], about: ids('sector:humanoid-robots') },
    sentence: '로보센스(+9.2%)',
  },
  {
    fact: 'WeRide runs 24-hour fully driverless commercial operation in Huangpu, Guangzhou',
    id: 'event:weride-guangzhou-driverless-operation',
    kind: 'Event',
    select: 'eventType driverless hoursPerDay participants { entity { id } } places { id parent { id } }',
    expected: {
      eventType: 'COMMERCIAL_OPERATION',
      driverless: true,
      hoursPerDay: 24,
      participants: [party('company:weride')],
      places: [{ id: 'place:huangpu-district-guangzhou', parent: { id: 'place:guangzhou' } }],
    },
    sentence: '광저우 황푸구에서 24시간 완전 자율주행 상용 운행',
  },
  {
    fact: 'Pony AI started robotaxi test drives in Qatar',
    id: 'event:pony-ai-qatar-robotaxi-test',
    kind: 'Event',
    select: 'eventType participants { entity { id } } places { id }',
    expected: { eventType: 'TRIAL', participants: [party('company:pony-ai')], places: ids('place:qatar') },
    sentence: '카타르에서 로보택시 테스트 주행',
  },
  {
    fact: 'Momenta and Uber signed a robotaxi partnership',
    id: 'partnership:momenta-uber',
    kind: 'Partnership',
    select: 'status parties { entity { id } } about { id }',
    expected: { status: 'SIGNED', parties: [party('company:momenta'), party('company:uber')], about: ids('sector:robotaxi') },
    sentence: '모멘타가 우버와 파트너십을 맺고',
  },
  {
    fact: 'Momenta and Uber start robotaxi tests in Munich from 2026',
    id: 'event:momenta-uber-munich-robotaxi-test',
    kind: 'Event',
    select: 'eventType startDate datePrecision places { id parent { id } } relatedFacts { id }',
    expected: {
      eventType: 'TRIAL',
      startDate: '2026-01-01',
      datePrecision: 'YEAR',
      places: [{ id: 'place:munich', parent: { id: 'place:germany' } }],
      relatedFacts: ids('partnership:momenta-uber'),
    },
    sentence: '26년부터 독일 뮌헨에서 로보택시 테스트 주행 시작',
  },
  {
    fact: 'Astribot signed a contract to supply 1,000 humanoid robots to SEER',
    id: 'partnership:astribot-seer-humanoid-supply',
    kind: 'Partnership',
    select: 'partnershipType quantity quantityUnit parties { role entity { id } }',
    expected: { partnershipType: 'SUPPLY', quantity: 1000, quantityUnit: 'UNITS', parties: [party('company:astribot', 'SUPPLIER'), party('company:seer', 'CUSTOMER')] },
    sentence: '휴머노이드 1,000대 공급 계약 체결',
  },
  {
    fact: 'DeepSeek aims to release an AI agent model by year end',
    id: 'event:deepseek-ai-agent-model-plan',
    kind: 'Event',
    select: 'status date datePrecision participants { entity { id } } about { id }',
    expected: {
      status: 'PLANNED',
      date: '2025-12-31',
      datePrecision: 'YEAR',
      participants: [party('company:deepseek')],
      about: expect.arrayContaining(ids('product:deepseek-ai-agent-model')),
    },
    sentence: '딥시크가 연말까지 고도화된 AI 에이전트 기능을 탑재한 새로운 AI 모델 출시 준비',
  },
  {
    fact: 'Baidu released the reasoning model Wenxin X1.1 at WAVE SUMMIT 2025',
    id: 'event:wenxin-x1-1-launch',
    kind: 'Event',
    select: 'eventType date participants { entity { id } } about { id } relatedFacts { id }',
    expected: { eventType: 'LAUNCH', date: '2025-09-09', participants: [party('company:baidu')], about: ids('product:wenxin-x1-1'), relatedFacts: ids('event:wave-summit-2025') },
    sentence: '바이두가 WAVE SUMMIT 2025에서 신규 추론 모델 Wenxin X1.1 공개',
  },
  {
    fact: 'WAVE SUMMIT 2025, organized by Baidu',
    id: 'event:wave-summit-2025',
    kind: 'Event',
    select: 'eventType participants { role entity { id } }',
    expected: { eventType: 'CONFERENCE', participants: [party('company:baidu', 'ORGANIZER')] },
    sentence: 'WAVE SUMMIT 2025',
  },
  ...(
    [
      ['wenxin-x1-1-agent-performance', 9.6, 'agent performance', '에이전트 성능 9.6%'],
      ['wenxin-x1-1-instruction-following', 12.5, 'instruction following', '지시 이행 능력 12.5%'],
      ['wenxin-x1-1-citation-accuracy', 34.8, 'citation accuracy', '인용 정확도 34.8%'],
    ] as const
  ).map(([slug, value, measure, sentence]) => ({
    fact: `Wenxin X1.1 improves ${measure} by ${value}%`,
    id: `metric:${slug}`,
    kind: 'Metric',
    select: 'metricKind value unit measure subjects { id }',
    expected: { metricKind: 'PERFORMANCE_CHANGE', value, unit: 'PERCENT', measure, subjects: ids('product:wenxin-x1-1') },
    sentence,
  })),
  {
    fact: 'Taobao launched the customer-service agent 店小蜜5.0',
    id: 'event:dianxiaomi-5-launch',
    kind: 'Event',
    select: 'eventType participants { entity { id } } about { id names { value } }',
    expected: {
      eventType: 'LAUNCH',
      participants: expect.arrayContaining([party('company:taobao')]),
      about: [{ id: 'product:dianxiaomi-5', names: expect.arrayContaining([{ value: '店小蜜5.0' }]) }],
    },
    sentence: '店小蜜5.0',
  },
  {
    fact: '店小蜜5.0 cut human staff intervention by 20% in tests',
    id: 'metric:dianxiaomi-5-human-intervention',
    kind: 'Metric',
    select: 'metricKind value unit observationType subjects { id }',
    expected: { metricKind: 'HUMAN_INTERVENTION_CHANGE', value: -20, unit: 'PERCENT', observationType: 'TEST_RESULT', subjects: ids('product:dianxiaomi-5') },
    sentence: '인간 직원 개입 20% 감소',
  },
  {
    fact: '店小蜜5.0 raised purchase conversion by 35% in tests',
    id: 'metric:dianxiaomi-5-purchase-conversion',
    kind: 'Metric',
    select: 'metricKind value unit observationType subjects { id }',
    expected: { metricKind: 'CONVERSION_CHANGE', value: 35, unit: 'PERCENT', observationType: 'TEST_RESULT', subjects: ids('product:dianxiaomi-5') },
    sentence: '고객 구매 전환율 35% 증가',
  },
  {
    fact: 'Alibaba keeps launching AI agents on Amap and Fliggy',
    id: 'event:alibaba-amap-fliggy-ai-agents',
    kind: 'Event',
    select: 'participants { entity { id } } about { id }',
    expected: { participants: [party('company:alibaba')], about: expect.arrayContaining(ids('product:amap', 'product:fliggy')) },
    sentence: 'Amap, Figgy 등 자사 플랫폼에 AI 에이전트 출시',
  },
  {
    fact: "Alibaba holds 35.8% of China's AI cloud market (first), per Omdia",
    id: 'metric:alibaba-china-ai-cloud-share-2025-h1',
    kind: 'Metric',
    select: 'metricKind value unit rank period subjects { id } reportedBy { id } market { id } region { id }',
    expected: {
      metricKind: 'MARKET_SHARE',
      value: 35.8,
      unit: 'PERCENT',
      rank: 1,
      period: '2025-H1',
      subjects: ids('company:alibaba'),
      reportedBy: ids('organization:omdia'),
      market: { id: 'sector:ai-cloud' },
      region: { id: 'place:china' },
    },
    sentence: '알리바바의 중국 AI 클라우드 시장 점유율은 35.8%',
  },
  {
    fact: "China's AI cloud market was RMB 22.3bn in H1 2025",
    id: 'metric:china-ai-cloud-market-size-2025-h1',
    kind: 'Metric',
    select: 'metricKind value unit currency period periodStart periodEnd market { id } reportedBy { id }',
    expected: {
      metricKind: 'MARKET_SIZE',
      value: 22300000000,
      unit: 'CURRENCY',
      currency: 'CNY',
      period: '2025-H1',
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      market: { id: 'sector:ai-cloud' },
      reportedBy: ids('organization:omdia'),
    },
    sentence: '25년 상반기 중국 AI 클라우드 시장 규모는 223억 위안',
  },
  {
    fact: "China's AI cloud market to grow 26.8% a year to 2030",
    id: 'metric:china-ai-cloud-market-cagr-2025-2030',
    kind: 'Metric',
    select: 'metricKind value unit observationType period market { id }',
    expected: { metricKind: 'GROWTH_RATE', value: 26.8, unit: 'PERCENT', observationType: 'FORECAST', period: '2025-2030', market: { id: 'sector:ai-cloud' } },
    sentence: '연평균 26.8% 성장 전망',
  },
  {
    fact: 'China had about 1,400 AI companies five years earlier',
    id: 'metric:china-ai-company-count-2020',
    kind: 'Metric',
    select: 'metricKind value unit valueQualifier region { id }',
    expected: { metricKind: 'COMPANY_COUNT', value: 1400, unit: 'COUNT', valueQualifier: 'APPROXIMATE', region: { id: 'place:china' } },
    sentence: '1,400여개에서 5,000개로',
  },
  {
    fact: 'China has 5,000+ AI companies, 3.5 times as many',
    id: 'metric:china-ai-company-count-2025',
    kind: 'Metric',
    select: 'metricKind value valueQualifier changeMultiple relatedFacts { id }',
    expected: { metricKind: 'COMPANY_COUNT', value: 5000, valueQualifier: 'AT_LEAST', changeMultiple: 3.5, relatedFacts: ids('metric:china-ai-company-count-2020') },
    sentence: '3.5배 급증',
  },
  {
    fact: 'Qwen3-Max Preview has one trillion parameters',
    id: 'metric:qwen3-max-preview-parameter-count',
    kind: 'Metric',
    select: 'metricKind value unit subjects { id }',
    expected: { metricKind: 'PARAMETER_COUNT', value: 1000000000000, unit: 'PARAMETERS', subjects: ids('product:qwen3-max-preview') },
    sentence: '1조 개의 파라미터',
  },
  {
    fact: 'Alibaba released Qwen3-Max Preview as a closed model',
    id: 'product:qwen3-max-preview',
    kind: 'Product',
    select: 'productType releaseDate closedSource makers { id } events { id }',
    expected: { productType: 'LLM', releaseDate: '2025-09-05', closedSource: true, makers: ids('company:alibaba'), events: ids('event:qwen3-max-preview-launch') },
    sentence: '폐쇄형 모델로 출시',
  },
  {
    fact: "Alibaba's full-stack strategy and gatekeeper role for foreign companies entering China",
    id: 'company:alibaba',
    kind: 'Company',
    select: 'ticker subsidiaries { id } products { id } headquarters { id }',
    expected: { ticker: ['BABA', '9988.HK'], subsidiaries: ids('company:taobao'), products: expect.arrayContaining(ids('product:qwen')), headquarters: { id: 'place:hangzhou' } },
    sentence: 'Gatekeeper 역할 수행',
  },
];

describe('every fact of the newsletter, through the typed API, with its source sentence', () => {
  it.each(FACTS.map((f) => [f.fact, f] as const))('%s', async (_fact, f) => {
    const res = await gql<{ e: Record<string, unknown> & { __typename: string; sources: { sentence: string; sourceId: string }[] } }>(
      svc.url,
      `query($id: ID!) { e: entity(id: $id) { __typename id sources { sourceId sentence } ... on ${f.kind} { ${f.select} } } }`,
      { id: f.id },
    );
    expect(res.body.errors).toBeUndefined();
    const e = res.body.data!.e;
    expect(e.__typename).toBe(f.kind);
    expect(e).toMatchObject(f.expected);
    expect(e.sources.some((s) => s.sourceId === 'source:china-ai-weekly-b2d2384472f2fb10' && s.sentence.includes(f.sentence))).toBe(true);
  });

  it('the valuation section and the metric kinds it tracks (market cap, revenue, ..., share price return) exist', async () => {
    const res = await gql<{ sources: { nodes: { sectionTitles: string[]; trackedMetricKinds: string[] }[] }; t: { enumValues: { name: string }[] } }>(
      svc.url,
      `{ sources { nodes { ... on Source { sectionTitles trackedMetricKinds } } }
         t: __type(name: "MetricKind") { enumValues { name } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const [source] = res.body.data!.sources.nodes;
    const valuation = ['MARKET_CAP', 'REVENUE', 'OPERATING_INCOME', 'NET_INCOME', 'EPS', 'PER', 'PBR', 'PSR', 'SHARE_PRICE_RETURN'];
    expect(source.sectionTitles).toContain('중국 AI 관련 기업 밸류에이션');
    expect(source.trackedMetricKinds).toEqual(expect.arrayContaining(valuation));
    expect(res.body.data!.t.enumValues.map((v) => v.name)).toEqual(expect.arrayContaining(valuation));
  });
});
