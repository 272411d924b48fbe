/**
 * Partnerships and supply contracts: `모멘타가 우버와 파트너십을 맺고`, `애스트리봇이 SEER와 휴머노이드
 * 1,000대 공급 계약 체결`. The subject supplies, the partner (와/과) buys; otherwise both are partners.
 */
import { PARTNER_PARTICLES, type FactDraft, type Sentence } from './fact.types';
import { actorLink, actorsFor, confidenceOf, factDate, linksTo, trigger } from './helpers';

const TRIGGER = /파트너십|업무\s?협약|협약|제휴|협력|MOU|합작|공급\s?계약|계약/;

export function partnerships(s: Sentence): FactDraft[] {
  const t = trigger(s, TRIGGER);
  if (!t) return [];
  const actors = actorsFor(s, t.clause, undefined, false);
  const all = actorsFor(s, { ...t.clause, start: 0, end: s.text.length }, undefined, false);
  const parties = (all.length >= 2 ? all : actors).filter((a, i, arr) => arr.findIndex((b) => b.id === a.id) === i);
  // a partnership needs two parties; a sentence that names one is about a partnership its title names
  if (parties.length < 2) {
    for (const m of s.titleActors) if (!parties.some((p) => p.id === m.id)) parties.push({ mention: m, id: m.id, kind: m.kind, inferred: 'named in the bullet title' });
  }
  if (parties.length < 2) return [];
  const supply = /공급/.test(t.word) || /공급/.test(t.clause.text);
  const type = supply ? 'SUPPLY' : /합작/.test(t.word) ? 'JOINT_VENTURE' : /전략/.test(t.clause.text) ? 'STRATEGIC' : /유통|판매/.test(t.clause.text) ? 'DISTRIBUTION' : 'TECHNOLOGY';
  const signed = /체결|맺|서명|합의|계약/.test(s.text.slice(t.at));
  const status = t.clause.modality === 'PLANNED' || t.clause.modality === 'EXPECTED' ? 'PLANNED' : signed ? 'SIGNED' : 'ANNOUNCED';
  const quantity = s.figures.find((f) => f.unit === 'UNITS' && f.start >= t.clause.start && f.end <= t.clause.end);
  const props: FactDraft['props'] = { partnershipType: type, status, ...factDate(s, t.clause.modality === 'PLANNED' ? 'PLANNED' : 'DONE', ['in']) };
  if (quantity) Object.assign(props, { quantity: quantity.value, quantityUnit: 'UNITS' });
  const links = parties.map((p) => {
    const role = supply ? (PARTNER_PARTICLES.includes(p.mention.particle) || p.mention.particle === '에' ? 'CUSTOMER' : 'SUPPLIER') : 'PARTNER';
    return actorLink(p, 'PARTY_TO', role);
  });
  links.push(...linksTo(s, t.clause, ['SECTOR', 'PRODUCT'], 'ABOUT'));
  return [{ kind: 'PARTNERSHIP', subtype: type, props, links, label: supply ? 'supply contract' : 'partnership', confidence: confidenceOf(parties), used: quantity ? [quantity] : [], at: t.at }];
}
