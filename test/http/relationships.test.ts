import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

const svc = useSeededServer();

type Named = { id: string; name: string };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('typed relationship fields, both directions', () => {
  it('Company: partnerships with its role, partners, products, parent, subsidiaries, headquarters, sectors, metrics, events', async () => {
    const res = await gql<{ alibaba: Record<string, unknown>; taobao: { parent: Named } }>(
      svc.url,
      `{
        alibaba: entity(id: "company:alibaba") { ... on Company {
          partnerships { role partnership { id } }
          partners { id }
          products { id }
          subsidiaries { id }
          headquarters { id }
          sectors { id }
          metrics { id }
          investmentsMade { role investment { id amount currency } }
          events { role event { id } }
        } }
        taobao: entity(id: "company:taobao") { ... on Company { parent { id name } } }
      }`,
    );
    expect(res.body.errors).toBeUndefined();
    const a = res.body.data!.alibaba as {
      partnerships: { role: string; partnership: { id: string } }[];
      partners: Named[];
      products: Named[];
      subsidiaries: Named[];
      headquarters: Named;
      sectors: Named[];
      metrics: Named[];
      investmentsMade: { role: string; investment: { id: string; amount: number; currency: string } }[];
      events: { role: string; event: { id: string } }[];
    };
    expect(a.partnerships.map((p) => p.partnership.id)).toContain('partnership:apple-intelligence-china');
    expect(a.partnerships.every((p) => typeof p.role === 'string' && p.role.length > 0)).toBe(true);
    expect(ids(a.partners)).toEqual(expect.arrayContaining(['company:apple', 'company:baidu']));
    expect(ids(a.partners)).not.toContain('company:alibaba');
    expect(ids(a.products)).toEqual(expect.arrayContaining(['product:qwen3-max-preview', 'product:qwen']));
    expect(ids(a.subsidiaries)).toEqual(['company:taobao']);
    expect(a.headquarters.id).toBe('place:hangzhou');
    expect(a.metrics.map((m) => m.id)).toContain('metric:alibaba-china-ai-cloud-share-2025-h1');
    expect(a.investmentsMade).toEqual([{ role: 'SPENDER', investment: { id: 'investment:alibaba-ai-capex-3y', amount: 380000000000, currency: 'CNY' } }]);
    expect(a.events.map((e) => e.event.id)).toEqual(expect.arrayContaining(['event:alibaba-stock-move', 'event:qwen3-max-preview-launch']));
    expect(res.body.data!.taobao.parent).toEqual({ id: 'company:alibaba', name: 'Alibaba Group' });
  });

  it('Partnership: parties with roles, about, places, related facts — and the inverse from each party', async () => {
    const res = await gql<{ p: { parties: { role: string; entity: Named }[]; about: Named[]; places: Named[]; relatedFacts: Named[] } }>(
      svc.url,
      `{ p: entity(id: "partnership:apple-intelligence-china") { ... on Partnership {
          parties { role entity { id name } } about { id name } places { id name } relatedFacts { id name } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data!.p;
    expect(p.parties.map((x) => x.entity.id).sort()).toEqual(['company:alibaba', 'company:apple', 'company:baidu']);
    expect(p.parties.every((x) => x.role)).toBe(true);
    expect(ids(p.about)).toEqual(['product:alibaba-ai-output-filter', 'product:apple-intelligence']);
    expect(ids(p.places)).toEqual(['place:china']);
    expect(ids(p.relatedFacts)).toContain('event:apple-intelligence-china-relaunch');
    // the same edges read from the other side
    const inverse = await gql<{ e: { relatedFacts: Named[] }; prod: { partnerships: Named[] }; china: { partnerships: Named[] } }>(
      svc.url,
      `{ e: entity(id: "event:apple-intelligence-china-relaunch") { ... on Event { relatedFacts { id } } }
         prod: entity(id: "product:apple-intelligence") { ... on Product { partnerships { id } } }
         china: entity(id: "place:china") { ... on Place { partnerships { id } } } }`,
    );
    expect(ids(inverse.body.data!.e.relatedFacts)).toContain('partnership:apple-intelligence-china');
    expect(ids(inverse.body.data!.prod.partnerships)).toEqual(['partnership:apple-intelligence-china']);
    expect(ids(inverse.body.data!.china.partnerships)).toEqual(['partnership:apple-intelligence-china']);
  });

  it('Investment: investors with roles, investees, funds; and the inverse on the company and sector', async () => {
    const res = await gql<Record<string, Record<string, unknown>>>(
      svc.url,
      `{ capex: entity(id: "investment:alibaba-ai-capex-3y") { ... on Investment { investors { role entity { id } } funds { id } } }
         xsq: entity(id: "investment:x-square-robot-series-a-plus") { ... on Investment { investees { id } round amount currency } }
         company: entity(id: "company:x-square-robot") { ... on Company { investmentsReceived { id } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!;
    expect(d.capex.investors).toEqual([{ role: 'SPENDER', entity: { id: 'company:alibaba' } }]);
    expect((d.capex.funds as Named[]).length).toBeGreaterThan(0);
    const sector = (d.capex.funds as Named[])[0].id;
    expect(d.xsq).toMatchObject({ investees: [{ id: 'company:x-square-robot' }], round: 'Series A+', amount: 140000000, currency: 'USD' });
    expect(d.company.investmentsReceived).toEqual([{ id: 'investment:x-square-robot-series-a-plus' }]);
    const back = await gql<{ s: { investments: Named[] } }>(svc.url, `query($id: ID!) { s: entity(id: $id) { ... on Sector { investments { id } } } }`, { id: sector });
    expect(ids(back.body.data!.s.investments)).toContain('investment:alibaba-ai-capex-3y');
  });

  it('Policy: issuers, affects, appliesIn; Government: policiesIssued, governs; Place: policies, governments; Sector: policiesAffecting', async () => {
    const res = await gql<Record<string, Record<string, Named[]>>>(
      svc.url,
      `{ plan: entity(id: "policy:ndrc-nea-ai-energy-plan") { ... on Policy { issuers { id } affects { id } appliesIn { id } } }
         ndrc: entity(id: "government:ndrc") { ... on Government { policiesIssued { id } governs { id } } }
         hangzhou: entity(id: "government:hangzhou") { ... on Government { governs { id } policiesIssued { id } } }
         city: entity(id: "place:hangzhou") { ... on Place { policies { id } governments { id } headquartersOf { id } } }
         energy: entity(id: "sector:energy") { ... on Sector { policiesAffecting { id } } }
         claude: entity(id: "product:claude") { ... on Product { policiesAffecting { id } makers { id } } }
         anthropic: entity(id: "company:anthropic") { ... on Company { policiesIssued { id } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!;
    expect(ids(d.plan.issuers)).toEqual(['government:ndrc', 'government:nea']);
    expect(ids(d.plan.affects)).toContain('sector:energy');
    expect(ids(d.ndrc.policiesIssued)).toEqual(['policy:ndrc-nea-ai-energy-plan']);
    expect(ids(d.hangzhou.governs)).toEqual(['place:hangzhou']);
    expect(ids(d.hangzhou.policiesIssued)).toEqual(['policy:hangzhou-ai-industry-action-plan']);
    expect(ids(d.city.policies)).toContain('policy:hangzhou-ai-industry-action-plan');
    expect(ids(d.city.governments)).toEqual(['government:hangzhou']);
    expect(ids(d.city.headquartersOf)).toContain('company:alibaba');
    expect(ids(d.energy.policiesAffecting)).toEqual(['policy:ndrc-nea-ai-energy-plan']);
    expect(ids(d.claude.policiesAffecting)).toEqual(['policy:anthropic-claude-ownership-restriction']);
    expect(ids(d.claude.makers)).toEqual(['company:anthropic']);
    expect(ids(d.anthropic.policiesIssued)).toEqual(['policy:anthropic-claude-ownership-restriction']);
  });

  it('Event: participants with roles, places (and Place: events, parent, children)', async () => {
    const res = await gql<Record<string, Record<string, unknown>>>(
      svc.url,
      `{ e: entity(id: "event:weride-guangzhou-driverless-operation") { ... on Event { participants { role entity { id } } places { id } } }
         d: entity(id: "place:huangpu-district-guangzhou") { ... on Place { events { id } parent { id } } }
         g: entity(id: "place:guangzhou") { ... on Place { children { id } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!;
    expect((d.e.participants as { role: string; entity: Named }[]).map((p) => p.entity.id)).toEqual(['company:weride']);
    expect(ids(d.e.places as Named[])).toContain('place:huangpu-district-guangzhou');
    expect(ids(d.d.events as Named[])).toContain('event:weride-guangzhou-driverless-operation');
    expect(d.d.parent).toEqual({ id: 'place:guangzhou' });
    expect(ids(d.g.children as Named[])).toContain('place:huangpu-district-guangzhou');
  });

  it('Metric: subjects, reportedBy, market, region; Organization: metricsReported; Sector: metrics', async () => {
    const res = await gql<Record<string, Record<string, unknown>>>(
      svc.url,
      `{ m: entity(id: "metric:alibaba-china-ai-cloud-share-2025-h1") { ... on Metric { subjects { id } reportedBy { id } market { id } region { id } value unit } }
         omdia: entity(id: "organization:omdia") { ... on Organization { metricsReported { id } } }
         cloud: entity(id: "sector:ai-cloud") { ... on Sector { metrics { id } entities { id } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!;
    expect(d.m).toEqual({ subjects: [{ id: 'company:alibaba' }], reportedBy: [{ id: 'organization:omdia' }], market: { id: 'sector:ai-cloud' }, region: { id: 'place:china' }, value: 35.8, unit: 'PERCENT' });
    expect(ids(d.omdia.metricsReported as Named[])).toContain('metric:alibaba-china-ai-cloud-share-2025-h1');
    expect(ids(d.cloud.metrics as Named[])).toEqual(expect.arrayContaining(['metric:alibaba-china-ai-cloud-share-2025-h1', 'metric:china-ai-cloud-market-size-2025-h1']));
  });

  it('Product: makers, events about it, metrics, sectors', async () => {
    const res = await gql<{ q: { makers: Named[]; events: Named[]; metrics: Named[] } }>(
      svc.url,
      `{ q: entity(id: "product:qwen3-max-preview") { ... on Product { makers { id } events { id } metrics { id } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const q = res.body.data!.q;
    expect(ids(q.makers)).toEqual(['company:alibaba']);
    expect(ids(q.events)).toContain('event:qwen3-max-preview-launch');
    expect(ids(q.metrics)).toEqual(['metric:qwen3-max-preview-parameter-count']);
  });

  it('limits list fields with `first` and rejects a negative first, naming it', async () => {
    const ok = await gql<{ e: { products: Named[] } }>(svc.url, `{ e: entity(id: "company:alibaba") { ... on Company { products(first: 2) { id } } } }`);
    expect(ok.body.data!.e.products).toHaveLength(2);
    const bad = await gql(svc.url, `{ e: entity(id: "company:alibaba") { ... on Company { products(first: -1) { id } } } }`);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('Entity.related', () => {
  it('lists neighbours over the named types in the given direction, with role and edge properties', async () => {
    const res = await gql<{ e: { related: { type: string; direction: string; role: string | null; entity: Named; properties: Record<string, unknown> }[] } }>(
      svc.url,
      `{ e: entity(id: "company:baidu") { related(types: ["PARTY_TO", "INVOLVED_IN"], direction: OUT) { type direction role entity { id } properties } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const rel = res.body.data!.e.related;
    expect(rel.length).toBeGreaterThan(0);
    expect(rel.every((r) => r.direction === 'OUT' && ['PARTY_TO', 'INVOLVED_IN'].includes(r.type) && r.role)).toBe(true);
    const party = rel.find((r) => r.type === 'PARTY_TO')!;
    expect(party.entity.id).toBe('partnership:apple-intelligence-china');
    expect(party.properties).toMatchObject({ role: party.role, sentence: expect.stringContaining('바이두') });
  });

  it('follows both directions by default and leaves provenance out unless named', async () => {
    const res = await gql<{ e: { related: { type: string; direction: string; entity: Named }[] } }>(
      svc.url,
      `{ e: entity(id: "company:alibaba") { related(first: 200) { type direction entity { id } } } }`,
    );
    const rel = res.body.data!.e.related;
    expect(new Set(rel.map((r) => r.direction))).toEqual(new Set(['OUT', 'IN']));
    expect(rel.some((r) => r.type === 'REPORTED_IN')).toBe(false);
    expect(rel).toContainEqual({ type: 'SUBSIDIARY_OF', direction: 'IN', entity: { id: 'company:taobao' } });
  });

  it('rejects an unknown relationship type with BAD_USER_INPUT naming `types`', async () => {
    const res = await gql(svc.url, `{ e: entity(id: "company:alibaba") { related(types: ["PARTY_TO", "KNOWS"]) { type } } }`);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
    expect(res.body.errors![0].message).toContain('KNOWS');
  });
});

describe('Source.entities', () => {
  const seed = JSON.parse(readFileSync(join(__dirname, '../../data/seed/000_b2d2384472f2fb10.json'), 'utf8')) as { source: { id: string }; entities: { id: string; kind: string }[] };
  type SourcePage = { s: { entities: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
  const query = `query($id: ID!, $after: String, $kinds: [EntityKind!]) { s: entity(id: $id) { ... on Source {
      entities(first: 25, after: $after, kinds: $kinds) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }`;

  it('pages through every entity the newsletter reported, by id, with a total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const res: { body: { data?: SourcePage } } = await gql<SourcePage>(svc.url, query, { id: seed.source.id, after });
      const page = res.body.data!.s.entities;
      expect(page.totalCount).toBe(seed.entities.length);
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(seed.entities.map((e) => e.id).sort());
  });

  it('narrows to kinds and rejects a malformed cursor naming `after`', async () => {
    const res = await gql<SourcePage>(svc.url, query, { id: seed.source.id, kinds: ['POLICY'] });
    const expected = seed.entities.filter((e) => e.kind === 'POLICY').map((e) => e.id).sort();
    expect(res.body.data!.s.entities.nodes.map((n) => n.id)).toEqual(expected);
    expect(res.body.data!.s.entities.totalCount).toBe(expected.length);
    const bad = await gql(svc.url, query, { id: seed.source.id, after: 'nope' });
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
