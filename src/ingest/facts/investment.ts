/**
 * Money put in: funding rounds (`1.4억 달러 규모의 시리즈 A+ 투자 유치`), capex plans (`3년간 3,800억
 * 위안 규모의 CAPEX 투자 계획 발표`), government funds (`펀드 조성`) and acquisitions (`인수`).
 */
import type { FactDraft, Sentence } from './fact.types';
import { actorLink, actorsFor, confidenceOf, factDate, linksTo, trigger } from './helpers';

const FUNDING = /투자\s?유치|투자를\s?유치|자금\s?조달|펀딩|시리즈\s?[A-Z]|프리\s?[A-Z]\s?라운드|엔젤\s?투자|시드\s?투자/;
const CAPEX = /CAPEX|capex|설비\s?투자|자본\s?지출|인프라\s?투자|투자\s?계획|투자할\s?계획|투자를\s?단행/;
const FUND = /펀드|기금|基金/;
const ACQUISITION = /인수(?!\s?합병\s?심사)|M&A/;

function round(s: string): string | undefined {
  const m = /(?:시리즈|Series)\s?([A-Z]\d?\+?)|(프리|Pre-?)\s?([A-Z]\+?)|(엔젤|시드|Seed|Angel)/i.exec(s);
  if (!m) return undefined;
  if (m[1]) return `Series ${m[1].toUpperCase()}`;
  if (m[3]) return `Pre-${m[3].toUpperCase()}`;
  return /엔젤|angel/i.test(m[4]) ? 'Angel' : 'Seed';
}

export function investments(s: Sentence): FactDraft[] {
  const out: FactDraft[] = [];
  const money = s.figures.find((f) => f.unit === 'CURRENCY');
  const funding = trigger(s, FUNDING);
  const capex = funding ? undefined : trigger(s, CAPEX);
  const fund = funding || capex ? undefined : trigger(s, FUND);
  const acquisition = funding || capex || fund ? undefined : trigger(s, ACQUISITION);
  const t = funding ?? capex ?? fund ?? acquisition;
  if (!t) return out;
  const type = funding ? 'FUNDING_ROUND' : capex ? 'CAPEX_PLAN' : fund ? 'GOVERNMENT_FUND' : 'ACQUISITION';
  if (type === 'CAPEX_PLAN' && !money) return out;
  const actors = actorsFor(s, t.clause, type === 'GOVERNMENT_FUND' ? ['GOVERNMENT', 'ORGANIZATION', 'COMPANY'] : undefined);
  if (!actors.length) return out;
  const planned = t.clause.modality === 'PLANNED' || t.clause.modality === 'EXPECTED';
  const status = type === 'CAPEX_PLAN' ? 'ANNOUNCED' : planned ? 'PLANNED' : type === 'GOVERNMENT_FUND' ? 'ANNOUNCED' : 'COMPLETED';
  const props: FactDraft['props'] = { investmentType: type, status, ...factDate(s, planned ? 'PLANNED' : 'DONE', ['in']) };
  const used = [];
  if (money) {
    Object.assign(props, { amount: money.value, currency: money.currency! });
    used.push(money);
  }
  const years = s.figures.find((f) => f.unit === 'YEARS');
  if (years && type !== 'FUNDING_ROUND') {
    props.periodYears = years.value;
    used.push(years);
  }
  const r = type === 'FUNDING_ROUND' ? round(s.text) : undefined;
  if (r) props.round = r;
  const [main, ...others] = actors;
  const links = type === 'FUNDING_ROUND'
    ? [actorLink(main, 'RAISED'), ...others.map((o) => actorLink(o, 'INVESTOR_IN', /주도|리드/.test(s.text.slice(o.mention.end, o.mention.end + 8)) ? 'LEAD' : 'PARTICIPANT'))]
    : [actorLink(main, 'INVESTOR_IN', type === 'CAPEX_PLAN' ? 'SPENDER' : 'LEAD')];
  links.push(...linksTo(s, undefined, ['SECTOR'], 'FUNDS'));
  const label = { FUNDING_ROUND: `${r ?? 'funding'} round`, CAPEX_PLAN: 'capex plan', GOVERNMENT_FUND: 'fund', ACQUISITION: 'acquisition' }[type];
  out.push({ kind: 'INVESTMENT', subtype: type, props, links, label, confidence: confidenceOf(actors), used, at: t.at });
  return out;
}
