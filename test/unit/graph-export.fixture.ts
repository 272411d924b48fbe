/**
 * A realistic subgraph for the export tests: Korean/Chinese names, a name full of XML/HTML
 * specials, properties named `parent` and `type`, list/nested/null values, a multi-line string,
 * a >32-bit integer, and two parallel edges of different types between the same pair. Nodes and
 * edges are deliberately not in id order.
 */
import { edgeId, type GraphEdgeData, type SubgraphData } from '../../src/graph/subgraph';

export const SPECIAL_NAME = `AT&T <Labs> "Robo" 'Taxi' & Co.`;
export const KOREAN_LABEL = '바이두-우버 로보택시 제휴';
export const CHINESE_LABEL = '上海市人民政府';

export const fixture: SubgraphData = {
  truncated: true,
  nodes: [
    {
      id: 'company:alibaba',
      kind: 'COMPANY',
      label: '阿里巴巴 Alibaba',
      hiddenNeighbors: 3,
      properties: {
        id: 'company:alibaba',
        kind: 'COMPANY',
        name: 'Alibaba',
        names: ['Alibaba', '阿里巴巴', '알리바바'],
        nameLangs: ['en', 'zh', 'ko'],
        country: 'CN',
        ticker: 'BABA',
        parent: 'company:alibaba-group',
        createdAt: '2025-09-12T08:30:00.000Z',
      },
    },
    {
      id: 'partnership:baidu-uber',
      kind: 'PARTNERSHIP',
      label: KOREAN_LABEL,
      hiddenNeighbors: 0,
      properties: { partnershipType: 'TECHNOLOGY', status: 'ANNOUNCED', startDate: '2025-07-15' },
    },
    {
      id: 'company:baidu',
      kind: 'COMPANY',
      label: '百度 Baidu',
      hiddenNeighbors: 0,
      properties: {
        name: 'Baidu',
        type: 'listed',
        website: null,
        description: '검색 엔진 회사\n자율주행 Apollo Go 운영',
      },
    },
    {
      id: 'company:att-labs',
      kind: 'COMPANY',
      label: SPECIAL_NAME,
      hiddenNeighbors: 1,
      properties: { name: SPECIAL_NAME, 'note & <remark>': 'x < y && z > "w"' },
    },
    {
      id: 'product:qwen3-max',
      kind: 'PRODUCT',
      label: '通义千问 Qwen3-Max',
      hiddenNeighbors: 0,
      properties: { productType: 'LLM', releaseDate: '2025-09-05', closedSource: true, parameterCount: 1_000_000_000_000 },
    },
    {
      id: 'investment:alibaba-ai-capex',
      kind: 'INVESTMENT',
      label: '알리바바 AI 인프라 3,800억 위안 투자',
      hiddenNeighbors: 0,
      properties: {
        investmentType: 'CAPEX_PLAN',
        amount: 380_000_000_000,
        currency: 'CNY',
        periodYears: 3,
        breakdown: { cloud: 0.6, chips: [0.3, 0.1] },
      },
    },
    {
      id: 'government:shanghai',
      kind: 'GOVERNMENT',
      label: CHINESE_LABEL,
      hiddenNeighbors: 0,
      properties: { level: 'MUNICIPAL', country: 'CN' },
    },
    { id: 'place:shanghai', kind: 'PLACE', label: '上海', hiddenNeighbors: 12, properties: { placeType: 'CITY', countryCode: 'CN' } },
    {
      id: 'metric:alibaba-market-cap-2025-09',
      kind: 'METRIC',
      label: '알리바바 시가총액',
      hiddenNeighbors: 0,
      properties: { metricKind: 'MARKET_CAP', value: 3.21, unit: 'USD_TRILLION', period: null, changePct: -2.5 },
    },
    { id: 'sector:llm', kind: 'SECTOR', label: '대형언어모델 (LLM)', hiddenNeighbors: 40, properties: {} },
    {
      id: 'policy:ai-plus',
      kind: 'POLICY',
      label: '"人工智能+"行动 의견',
      hiddenNeighbors: 0,
      properties: { policyType: 'ACTION_PLAN', status: 'IN_FORCE', date: '2025-08-26' },
    },
  ],
  edges: [
    e('company:alibaba', 'RAISED', 'investment:alibaba-ai-capex'),
    e('company:alibaba', 'INVESTOR_IN', 'investment:alibaba-ai-capex', { role: 'SPENDER' }),
    e('company:alibaba', 'MAKES', 'product:qwen3-max'),
    e('company:baidu', 'PARTY_TO', 'partnership:baidu-uber', { role: 'TECH_PROVIDER' }),
    e('company:att-labs', 'PARTY_TO', 'partnership:baidu-uber', { role: 'OPERATOR & "platform"' }),
    e('investment:alibaba-ai-capex', 'FUNDS', 'sector:llm'),
    e('government:shanghai', 'GOVERNS', 'place:shanghai'),
    e('government:shanghai', 'ISSUED', 'policy:ai-plus'),
    e('policy:ai-plus', 'AFFECTS', 'sector:llm'),
    e('policy:ai-plus', 'APPLIES_IN', 'place:shanghai'),
    e('company:alibaba', 'SUBJECT_OF', 'metric:alibaba-market-cap-2025-09'),
    e('product:qwen3-max', 'IN_SECTOR', 'sector:llm', {
      type: 'primary',
      sourceId: 'source:newsletter-2025-09-12',
      section: 'AI',
      sentence: '알리바바는 9월 5일 Qwen3-Max를 공개했다.',
      basis: 'REPORTED',
    }),
    {
      id: 'derived:company:baidu|PARTNERS_WITH|company:att-labs',
      type: 'PARTNERS_WITH',
      source: 'company:baidu',
      target: 'company:att-labs',
      properties: { viaEventIds: ['partnership:baidu-uber'], count: 1 },
    },
  ],
};

function e(source: string, type: string, target: string, properties: GraphEdgeData['properties'] = {}): GraphEdgeData {
  return { id: edgeId(source, type, target), type, source, target, properties };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const nodeIds = fixture.nodes.map((n) => n.id).sort(byCodeUnit);
export const edgeIds = fixture.edges.map((x) => x.id).sort(byCodeUnit);
