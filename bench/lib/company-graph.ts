import type { EntityInput, PropertyValue, RelationshipInput } from '../../src/write/document/document.types';
import { BaseIds, COUNTRIES, names, provenance } from './base-graph';
import { companyName, CompanyName, personName, slug } from './names';
import { Rng } from './random';

/**
 * One company and the facts it brings, derived only from (seed, index): the graph does not depend
 * on how companies are split into documents. Partners, investors and parents are earlier companies
 * picked with a power law, so the first few hundred companies become the hubs ("supernodes") that
 * real news graphs have (the Alibabas and Baidus), while most companies have one or two links.
 *
 * Per company, on average: 1.5 products, 0.5 partnerships (2.2 parties), 0.3 investments,
 * 1 event, 1 metric, 0.1 people, 0.02 policies: about 5.4 entities and 11 relationships
 * (plus one provenance edge per entity).
 */
export const ENTITIES_PER_COMPANY = 1 + 1.5 + 0.5 + 0.3 + 1.0 + 1 + 0.1 + 0.02;

const PRODUCT_TYPES = ['LLM', 'REASONING_MODEL', 'MULTIMODAL_MODEL', 'AI_AGENT', 'AI_FEATURE', 'AI_CHIP', 'ROBOT', 'HUMANOID_ROBOT',
  'LIDAR', 'VEHICLE', 'PLATFORM', 'APP', 'CLOUD_SERVICE', 'SOFTWARE'] as const;
const PRODUCT_WORDS = [
  { en: 'Brain', ko: '브레인', zh: '大脑' },
  { en: 'Pilot', ko: '파일럿', zh: '领航' },
  { en: 'Vision', ko: '비전', zh: '视界' },
  { en: 'Agent', ko: '에이전트', zh: '智能体' },
  { en: 'Chip', ko: '칩', zh: '芯片' },
  { en: 'Cloud', ko: '클라우드', zh: '云' },
  { en: 'Bot', ko: '봇', zh: '机器人' },
];
const PARTNERSHIP_TYPES = ['TECHNOLOGY', 'SUPPLY', 'COMMERCIAL', 'STRATEGIC', 'JOINT_VENTURE', 'DISTRIBUTION'] as const;
const PARTNER_ROLES = ['PARTNER', 'SUPPLIER', 'CUSTOMER', 'TECHNOLOGY_PROVIDER', 'DISTRIBUTOR'] as const;
const EVENT_TYPES = [['LAUNCH', 4], ['STOCK_MOVE', 3], ['ANNOUNCEMENT', 3], ['TRIAL', 1], ['CONFERENCE', 1], ['FUNDING', 1]] as const;
const METRIC_KINDS = [['REVENUE', 3], ['MARKET_CAP', 2], ['MARKET_SHARE', 2], ['NET_INCOME', 1], ['PER', 1], ['GROWTH_RATE', 1]] as const;
const CURRENCY: Record<string, string> = { CN: 'CNY', KR: 'KRW', US: 'USD', JP: 'JPY', TW: 'TWD', DE: 'EUR', GB: 'GBP', SG: 'SGD', FR: 'EUR', IN: 'INR' };

/** The id and names of company `index`, without generating the rest of its graph. */
export function companyIdentity(seed: string, index: number): { id: string; name: CompanyName; country: string } {
  const rng = new Rng(`${seed}/company/${index}`);
  const name = companyName(rng);
  const country = rng.weighted(COUNTRIES.map((c) => [c.code, c.weight] as const));
  return { id: `company:${slug(name.en)}-${index.toString(36)}`, name, country };
}

/** A date between 2020-01-01 and 2025-12-31, as YYYY-MM-DD. */
function date(rng: Rng): string {
  const d = new Date(Date.UTC(2020, 0, 1) + rng.int(2191) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export interface CompanyGraph {
  entities: EntityInput[];
  relationships: RelationshipInput[];
}

export function companyGraph(seed: string, index: number, base: BaseIds): CompanyGraph {
  const me = companyIdentity(seed, index);
  const rng = new Rng(`${seed}/company-facts/${index}`);
  const entities: EntityInput[] = [];
  const relationships: RelationshipInput[] = [];
  const tag = index.toString(36);
  const short = me.name.short;
  const entity = (id: string, kind: EntityInput['kind'], n: { en: string; ko: string; zh: string }, properties?: Record<string, PropertyValue>) => {
    entities.push({ id, kind, name: n.en, names: names(n), ...(properties ? { properties } : {}), provenance: provenance(n.ko) });
  };
  const rel = (type: RelationshipInput['type'], from: string, to: string, role?: string) => {
    relationships.push({ type, from, to, ...(role ? { properties: { role } } : {}) });
  };
  /** an earlier company, power-law: hubs are picked most */
  const earlier = () => companyIdentity(seed, rng.zipf(index)).id;
  const earlierIndex = () => rng.zipf(index);

  const cities = base.cities.get(me.country) ?? base.allCities;
  entity(me.id, 'COMPANY', me.name, {
    country: me.country,
    ...(rng.chance(0.2) ? { ticker: `${short.en.slice(0, 4).toUpperCase()}${tag.toUpperCase()}` } : {}),
    ...(rng.chance(0.5) ? { website: `https://${slug(short.en)}-${tag}.example.com` } : {}),
  });
  rel('HEADQUARTERED_IN', me.id, cities[rng.zipf(cities.length, 2)]);
  const sectors = new Set([base.sectors[rng.zipf(base.sectors.length, 3)]]);
  if (rng.chance(0.5)) sectors.add(base.sectors[rng.zipf(base.sectors.length, 3)]);
  for (const s of sectors) rel('IN_SECTOR', me.id, s);

  const products: string[] = [];
  const productCount = rng.chance(0.5) ? 2 : 1;
  for (let i = 0; i < productCount; i++) {
    const w = rng.pick(PRODUCT_WORDS);
    const v = rng.range(1, 9);
    const id = `product:${slug(short.en)}-${slug(w.en)}-${v}-${tag}${i}`;
    products.push(id);
    entity(id, 'PRODUCT', { en: `${short.en} ${w.en}-${v}`, ko: `${short.ko} ${w.ko}-${v}`, zh: `${short.zh}${w.zh}-${v}` }, {
      productType: rng.pick(PRODUCT_TYPES),
      releaseDate: date(rng),
      datePrecision: 'DAY',
      closedSource: rng.chance(0.6),
    });
    rel('MAKES', me.id, id);
  }

  if (index > 20 && rng.chance(0.05)) {
    const parent = earlier();
    if (parent !== me.id) rel('SUBSIDIARY_OF', me.id, parent);
  }

  let partnership: string | undefined;
  if (index > 0 && rng.chance(0.5)) {
    const partners = new Set<number>();
    const wanted = rng.chance(0.8) ? 1 : 2;
    for (let i = 0; i < wanted * 2 && partners.size < wanted; i++) partners.add(earlierIndex());
    if (partners.size) {
      const type = rng.pick(PARTNERSHIP_TYPES);
      partnership = `partnership:${slug(short.en)}-${type.toLowerCase().replace(/_/g, '-')}-${tag}`;
      const first = companyIdentity(seed, [...partners][0]).name.short;
      entity(partnership, 'PARTNERSHIP', {
        en: `${short.en}–${first.en} ${type.toLowerCase().replace(/_/g, ' ')} partnership`,
        ko: `${short.ko}-${first.ko} 파트너십`,
        zh: `${short.zh}与${first.zh}合作`,
      }, { partnershipType: type, status: rng.pick(['ANNOUNCED', 'SIGNED', 'ACTIVE'] as const), date: date(rng), datePrecision: 'DAY' });
      rel('PARTY_TO', me.id, partnership, 'PARTNER');
      for (const p of partners) rel('PARTY_TO', companyIdentity(seed, p).id, partnership, rng.pick(PARTNER_ROLES));
      if (rng.chance(0.5)) rel('ABOUT', partnership, rng.pick(products));
      if (rng.chance(0.2)) rel('OCCURRED_IN', partnership, rng.pick(cities));
    }
  }

  if (rng.chance(0.3)) {
    const id = `investment:${slug(short.en)}-round-${tag}`;
    const round = rng.pick(['Seed', 'Series A', 'Series B', 'Series C', 'Pre-IPO']);
    entity(id, 'INVESTMENT', { en: `${short.en} ${round}`, ko: `${short.ko} ${round} 투자`, zh: `${short.zh}${round}融资` }, {
      investmentType: 'FUNDING_ROUND', round, amount: rng.range(1, 500) * 1_000_000, currency: 'USD', status: 'COMPLETED', date: date(rng), datePrecision: 'MONTH',
    });
    rel('RAISED', me.id, id);
    const investors = new Set<string>([rng.chance(0.6) ? base.organizations[rng.zipf(base.organizations.length)] : earlier()]);
    if (rng.chance(0.5)) investors.add(base.organizations[rng.zipf(base.organizations.length)]);
    if (rng.chance(0.3)) investors.add(earlier());
    investors.delete(me.id);
    [...investors].forEach((inv, i) => rel('INVESTOR_IN', inv, id, i === 0 ? 'LEAD' : 'PARTICIPANT'));
    rel('FUNDS', id, [...sectors][0]);
  }

  const events: string[] = [];
  const eventCount = rng.chance(0.1) ? 0 : rng.chance(0.11) ? 2 : 1;
  for (let i = 0; i < eventCount; i++) {
    const eventType = rng.weighted(EVENT_TYPES);
    const id = `event:${slug(short.en)}-${eventType.toLowerCase().replace(/_/g, '-')}-${tag}${i}`;
    events.push(id);
    const stock = eventType === 'STOCK_MOVE';
    const change = (rng.range(-200, 200) / 10) || 0.5;
    entity(id, 'EVENT', {
      en: `${short.en} ${stock ? `shares ${change > 0 ? '+' : ''}${change}%` : eventType.toLowerCase()}`,
      ko: `${short.ko} ${stock ? `주가 ${change}%` : '발표'}`,
      zh: `${short.zh}${stock ? `股价${change}%` : '发布'}`,
    }, { eventType, status: 'COMPLETED', date: date(rng), datePrecision: 'DAY', ...(stock ? { changePct: change } : {}) });
    rel('INVOLVED_IN', me.id, id, 'SUBJECT');
    if (rng.chance(0.3)) rel('OCCURRED_IN', id, rng.pick(cities));
    if (partnership && rng.chance(0.2)) rel('RELATED_TO', id, partnership);
  }

  const metricKind = rng.weighted(METRIC_KINDS);
  const metric = `metric:${slug(short.en)}-${metricKind.toLowerCase().replace(/_/g, '-')}-${tag}`;
  const year = 2020 + rng.int(6);
  const percent = metricKind === 'MARKET_SHARE' || metricKind === 'GROWTH_RATE';
  entity(metric, 'METRIC', { en: `${short.en} ${metricKind.toLowerCase().replace(/_/g, ' ')} ${year}`, ko: `${short.ko} ${year}년 지표`, zh: `${short.zh}${year}年指标` }, {
    metricKind,
    value: percent ? rng.range(1, 600) / 10 : metricKind === 'PER' ? rng.range(5, 80) : rng.range(1, 100_000) * 1_000_000,
    unit: percent ? 'PERCENT' : metricKind === 'PER' ? 'MULTIPLE' : 'CURRENCY',
    ...(percent || metricKind === 'PER' ? {} : { currency: CURRENCY[me.country] ?? 'USD' }),
    period: String(year), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, datePrecision: 'YEAR', observationType: 'ACTUAL',
  });
  rel('SUBJECT_OF', me.id, metric);
  rel('REPORTED_BY', metric, base.organizations[rng.zipf(base.organizations.length)]);
  rel('IN_MARKET', metric, [...sectors][0]);

  if (rng.chance(0.1)) {
    const n = personName(rng);
    const id = `person:${slug(n.en)}-${tag}`;
    entity(id, 'PERSON', n, { title: rng.pick(['CEO', 'CTO', 'Founder', 'Chief Scientist']), country: me.country });
    if (events.length) rel('INVOLVED_IN', id, events[0], 'SPEAKER');
  }

  if (index % 50 === 25) {
    const id = `policy:${slug(short.en)}-support-${tag}`;
    const gov = base.governments[rng.zipf(base.governments.length, 2)];
    entity(id, 'POLICY', { en: `AI support measure ${tag}`, ko: `AI 지원 정책 ${tag}`, zh: `人工智能扶持政策${tag}` }, {
      policyType: rng.pick(['ACTION_PLAN', 'SUPPORT_MEASURE', 'REGULATION', 'GUIDELINE'] as const), status: 'ANNOUNCED', date: date(rng), datePrecision: 'DAY',
    });
    rel('ISSUED', gov, id);
    rel('AFFECTS', id, [...sectors][0]);
    rel('AFFECTS', id, me.id);
    rel('APPLIES_IN', id, base.countries[COUNTRIES.findIndex((c) => c.code === me.country)]);
  }
  return { entities, relationships };
}
