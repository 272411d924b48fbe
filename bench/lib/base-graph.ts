import type { EntityInput, RelationshipInput } from '../../src/write/document/document.types';
import { placeName, slug, TriName } from './names';
import { Rng } from './random';

/**
 * The small shared part of the synthetic graph, written once in the first document: countries,
 * cities, sectors, governments and organizations (research firms, exchanges, investors). Company
 * documents refer to these by id.
 */

/** Countries with their weight among companies (the newsletter is about China, Korea and the US). */
export const COUNTRIES: readonly { code: string; name: TriName; weight: number }[] = [
  { code: 'CN', name: { en: 'China', ko: '중국', zh: '中国' }, weight: 45 },
  { code: 'KR', name: { en: 'South Korea', ko: '한국', zh: '韩国' }, weight: 20 },
  { code: 'US', name: { en: 'United States', ko: '미국', zh: '美国' }, weight: 20 },
  { code: 'JP', name: { en: 'Japan', ko: '일본', zh: '日本' }, weight: 5 },
  { code: 'TW', name: { en: 'Taiwan', ko: '대만', zh: '台湾' }, weight: 3 },
  { code: 'DE', name: { en: 'Germany', ko: '독일', zh: '德国' }, weight: 2 },
  { code: 'GB', name: { en: 'United Kingdom', ko: '영국', zh: '英国' }, weight: 2 },
  { code: 'SG', name: { en: 'Singapore', ko: '싱가포르', zh: '新加坡' }, weight: 1 },
  { code: 'FR', name: { en: 'France', ko: '프랑스', zh: '法国' }, weight: 1 },
  { code: 'IN', name: { en: 'India', ko: '인도', zh: '印度' }, weight: 1 },
];

export const SECTORS: readonly TriName[] = [
  { en: 'AI cloud', ko: 'AI 클라우드', zh: '人工智能云' },
  { en: 'AI chips', ko: 'AI 반도체', zh: '人工智能芯片' },
  { en: 'Large language models', ko: '대규모 언어 모델', zh: '大语言模型' },
  { en: 'AI agents', ko: 'AI 에이전트', zh: '智能体' },
  { en: 'Humanoid robots', ko: '휴머노이드 로봇', zh: '人形机器人' },
  { en: 'Industrial robots', ko: '산업용 로봇', zh: '工业机器人' },
  { en: 'Autonomous driving', ko: '자율주행', zh: '自动驾驶' },
  { en: 'Robotaxi', ko: '로보택시', zh: '无人驾驶出租车' },
  { en: 'LiDAR', ko: '라이다', zh: '激光雷达' },
  { en: 'Electric vehicles', ko: '전기차', zh: '电动汽车' },
  { en: 'E-commerce', ko: '전자상거래', zh: '电子商务' },
  { en: 'Fintech', ko: '핀테크', zh: '金融科技' },
  { en: 'Healthcare AI', ko: '헬스케어 AI', zh: '医疗人工智能' },
  { en: 'Smart manufacturing', ko: '스마트 제조', zh: '智能制造' },
  { en: 'Computer vision', ko: '컴퓨터 비전', zh: '计算机视觉' },
  { en: 'Speech recognition', ko: '음성 인식', zh: '语音识别' },
  { en: 'Data centers', ko: '데이터센터', zh: '数据中心' },
  { en: 'Energy', ko: '에너지', zh: '能源' },
  { en: 'Advertising', ko: '광고', zh: '广告' },
  { en: 'Education technology', ko: '에듀테크', zh: '教育科技' },
  { en: 'Gaming', ko: '게임', zh: '游戏' },
  { en: 'Drones', ko: '드론', zh: '无人机' },
  { en: 'Semiconductor equipment', ko: '반도체 장비', zh: '半导体设备' },
  { en: 'AI infrastructure', ko: 'AI 인프라', zh: '人工智能基础设施' },
];

export const CITIES_PER_COUNTRY = 12;
export const ORGANIZATIONS = 300;
export const SECTION = 'news';

export interface BaseIds {
  countries: string[];
  /** cities by country code */
  cities: Map<string, string[]>;
  allCities: string[];
  sectors: string[];
  governments: string[];
  organizations: string[];
}

export const names = (n: TriName) => [
  { lang: 'en', value: n.en },
  { lang: 'ko', value: n.ko },
  { lang: 'zh', value: n.zh },
];

export const provenance = (ko: string) => [{ section: SECTION, sentence: `${ko} 관련 보도.`, basis: 'REPORTED' as const }];

export function baseGraph(seed: string): { ids: BaseIds; entities: EntityInput[]; relationships: RelationshipInput[] } {
  const rng = new Rng(`${seed}/base`);
  const entities: EntityInput[] = [];
  const relationships: RelationshipInput[] = [];
  const ids: BaseIds = { countries: [], cities: new Map(), allCities: [], sectors: [], governments: [], organizations: [] };
  const add = (e: EntityInput) => entities.push(e);

  for (const c of COUNTRIES) {
    const id = `place:${slug(c.name.en)}`;
    ids.countries.push(id);
    add({ id, kind: 'PLACE', name: c.name.en, names: names(c.name), properties: { placeType: 'COUNTRY', countryCode: c.code }, provenance: provenance(c.name.ko) });
    const gov = `government:${slug(c.name.en)}-national`;
    ids.governments.push(gov);
    const govName = { en: `Government of ${c.name.en}`, ko: `${c.name.ko} 정부`, zh: `${c.name.zh}政府` };
    add({ id: gov, kind: 'GOVERNMENT', name: govName.en, names: names(govName), properties: { level: 'NATIONAL', country: c.code }, provenance: provenance(govName.ko) });
    relationships.push({ type: 'GOVERNS', from: gov, to: id });
    const cities: string[] = [];
    for (let i = 0; i < CITIES_PER_COUNTRY; i++) {
      const n = placeName(rng, { en: 'City', ko: '시', zh: '市' });
      const cityId = `place:${slug(n.en)}-${c.code.toLowerCase()}${i}`;
      cities.push(cityId);
      add({ id: cityId, kind: 'PLACE', name: n.en, names: names(n), properties: { placeType: 'CITY', countryCode: c.code }, provenance: provenance(n.ko) });
      relationships.push({ type: 'LOCATED_IN', from: cityId, to: id });
      if (i < 3) {
        const cityGov = `government:${slug(n.en)}-${c.code.toLowerCase()}${i}`;
        ids.governments.push(cityGov);
        const g = { en: `${n.en} Government`, ko: `${n.ko} 정부`, zh: `${n.zh}政府` };
        add({ id: cityGov, kind: 'GOVERNMENT', name: g.en, names: names(g), properties: { level: 'MUNICIPAL', country: c.code }, provenance: provenance(g.ko) });
        relationships.push({ type: 'GOVERNS', from: cityGov, to: cityId });
      }
    }
    ids.cities.set(c.code, cities);
    ids.allCities.push(...cities);
  }

  SECTORS.forEach((s) => {
    const id = `sector:${slug(s.en)}`;
    ids.sectors.push(id);
    add({ id, kind: 'SECTOR', name: s.en, names: names(s), provenance: provenance(s.ko) });
  });

  const orgTypes = ['RESEARCH_FIRM', 'EXCHANGE', 'INDUSTRY_ASSOCIATION', 'MEDIA', 'ACADEMIC', 'OTHER'] as const;
  for (let i = 0; i < ORGANIZATIONS; i++) {
    const orgType = orgTypes[i % orgTypes.length];
    const country = rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
    const suffix = { en: orgType === 'RESEARCH_FIRM' ? 'Research' : orgType === 'OTHER' ? 'Capital' : 'Institute', ko: orgType === 'OTHER' ? '캐피탈' : '연구소', zh: orgType === 'OTHER' ? '资本' : '研究院' };
    const n = placeName(rng, suffix);
    const id = `organization:${slug(n.en)}-${i}`;
    ids.organizations.push(id);
    add({ id, kind: 'ORGANIZATION', name: n.en, names: names(n), properties: { orgType, country: country.code }, provenance: provenance(n.ko) });
    relationships.push({ type: 'HEADQUARTERED_IN', from: id, to: rng.pick(ids.cities.get(country.code) ?? ids.allCities) });
  }
  return { ids, entities, relationships };
}
