/**
 * Events: launches (`바이두가 ... Wenxin X1.1 공개`), trials and commercial operation (`포니 AI가
 * 카타르에서 로보택시 테스트 주행 시작`, `24시간 완전 자율주행 상용 운행`), IPOs (`홍콩 증시 상장이
 * 마무리 단계`) and developments (`자체 칩 개발 소식`). Hedged ones (예정, 준비, 목표) are PLANNED.
 */
import type { Modality } from '../text/hedges';
import type { FactDraft, Sentence } from './fact.types';
import { actorLink, actorsFor, confidenceOf, factDate, isFuture, linksTo, trigger } from './helpers';

const LAUNCH = /공개|출시|선보|론칭|런칭|발표|내놓|업데이트|오픈소스화/;
const TRIAL = /테스트\s?주행|시범\s?(?:운행|운영|서비스)|시험\s?운행|테스트|시범|실증|파일럿/;
const OPERATION = /상용\s?(?:운행|운영|서비스|화)|상업\s?(?:운행|운영)|정식\s?운행/;
const IPO = /IPO|상장/;
const DEVELOPMENT = /개발\s?(?:중|소식|착수|계획|에\s?착수)|자체\s?개발/;

const statusOf = (m: Modality, started: boolean): string => (m === 'PLANNED' || m === 'EXPECTED' ? 'PLANNED' : m === 'ONGOING' || started ? 'IN_PROGRESS' : 'COMPLETED');

function operations(s: Sentence): FactDraft[] {
  const op = trigger(s, OPERATION);
  const t = op ?? trigger(s, TRIAL);
  if (!t || !/시작|개시|착수|돌입|진행|운행|주행|운영/.test(s.text.slice(t.at))) return [];
  const actors = actorsFor(s, t.clause);
  if (!actors.length) return [];
  const props: FactDraft['props'] = { eventType: op ? 'COMMERCIAL_OPERATION' : 'TRIAL', ...factDate(s, t.clause.modality, ['from', 'in', 'by']) };
  props.status = isFuture(s, props) ? 'PLANNED' : statusOf(t.clause.modality, true);
  if (props.status === 'PLANNED' && props.date && s.dates.some((d) => d.role === 'from')) props.startDate = props.date;
  const used = [];
  const hours = s.figures.find((f) => f.unit === 'HOURS');
  if (hours && op) {
    props.hoursPerDay = hours.value;
    used.push(hours);
  }
  if (/완전\s?자율주행|무인|운전자\s?없/.test(s.text)) props.driverless = true;
  const links = [
    ...actors.map((a, i) => actorLink(a, 'INVOLVED_IN', i === 0 ? 'OPERATOR' : 'PARTNER')),
    ...linksTo(s, undefined, ['PLACE'], 'OCCURRED_IN', actors.map((a) => a.id)),
    ...linksTo(s, t.clause, ['SECTOR'], 'ABOUT'),
  ];
  return [{ kind: 'EVENT', subtype: props.eventType as string, props, links, label: op ? 'commercial operation' : 'trial', confidence: confidenceOf(actors), used, at: t.at }];
}

function ipos(s: Sentence): FactDraft[] {
  const t = trigger(s, IPO);
  if (!t) return [];
  const issuers = actorsFor(s, t.clause, ['COMPANY']).filter((a) => a.kind === 'COMPANY');
  if (!issuers.length) return [];
  const exchange = actorsFor(s, t.clause, ['ORGANIZATION'], false).filter((a) => a.kind === 'ORGANIZATION');
  const m = t.clause.modality;
  const status = /마무리|진행|추진\s?중|신청|심사|청약/.test(s.text) ? 'IN_PROGRESS' : /완료|성공|마쳤|데뷔/.test(s.text) ? 'COMPLETED' : statusOf(m, false);
  const props: FactDraft['props'] = { eventType: 'IPO', status, ...factDate(s, status === 'PLANNED' ? 'PLANNED' : 'DONE') };
  const links = [actorLink(issuers[0], 'INVOLVED_IN', 'ISSUER'), ...exchange.map((e) => actorLink(e, 'INVOLVED_IN', 'EXCHANGE')), ...linksTo(s, undefined, ['PLACE'], 'OCCURRED_IN', issuers.map((a) => a.id))];
  return [{ kind: 'EVENT', subtype: 'IPO', props, links, label: 'IPO', confidence: confidenceOf(issuers), used: [], at: t.at }];
}

function launches(s: Sentence): FactDraft[] {
  const t = trigger(s, LAUNCH);
  if (!t || /계획\s?발표|조치\s?발표|정책|투자/.test(t.clause.text)) return [];
  const products = linksTo(s, t.clause, ['PRODUCT'], 'ABOUT');
  const sectors = linksTo(s, t.clause, ['SECTOR'], 'ABOUT');
  // a launch of something the sentence names: a product, or at least its field (`AI 에이전트 출시`)
  if (!products.length && !sectors.length) return [];
  const found = actorsFor(s, t.clause, ['COMPANY', 'ORGANIZATION', 'GOVERNMENT']);
  const productNames = s.mentions.filter((m) => products.some((p) => p.id === m.id)).map((m) => m.text);
  const owner = found.find((a) => productNames.some((n) => n !== a.mention.text && n.startsWith(a.mention.text)));
  const actors = owner ? [owner, ...found.filter((a) => a !== owner)] : found;
  if (!actors.length) return [];
  const props: FactDraft['props'] = { eventType: 'LAUNCH', ...factDate(s, t.clause.modality, ['by', 'in', 'from']) };
  props.status = isFuture(s, props) ? 'PLANNED' : statusOf(t.clause.modality, false);
  const links = [...actors.slice(0, 1).map((a) => actorLink(a, 'INVOLVED_IN', 'LAUNCHER')), ...products, ...sectors, ...linksTo(s, t.clause, ['PLACE'], 'OCCURRED_IN', actors.map((a) => a.id))];
  return [{ kind: 'EVENT', subtype: 'LAUNCH', props, links, label: 'launch', confidence: confidenceOf(actors, products.length ? 0.8 : 0.6), used: [], at: t.at }];
}

function developments(s: Sentence): FactDraft[] {
  const t = trigger(s, DEVELOPMENT);
  if (!t) return [];
  const actors = actorsFor(s, t.clause);
  if (!actors.length) return [];
  const props: FactDraft['props'] = { eventType: 'DEVELOPMENT', status: t.clause.modality === 'PLANNED' ? 'PLANNED' : 'IN_PROGRESS' };
  const links = [actorLink(actors[0], 'INVOLVED_IN', 'DEVELOPER'), ...linksTo(s, t.clause, ['PRODUCT', 'SECTOR'], 'ABOUT')];
  return [{ kind: 'EVENT', subtype: 'DEVELOPMENT', props, links, label: 'development', confidence: confidenceOf(actors, 0.6), used: [], at: t.at }];
}

export function events(s: Sentence, others: readonly FactDraft[] = []): FactDraft[] {
  const ipo = ipos(s);
  if (ipo.length) return ipo;
  const ops = operations(s);
  if (ops.length) return ops;
  // `계획 초안 발표`, `투자 계획 발표`: the announcement is the policy or investment, not a launch
  const announced = others.some((f) => f.kind === 'POLICY' || f.kind === 'INVESTMENT');
  return [...(announced ? [] : launches(s)), ...developments(s)];
}
