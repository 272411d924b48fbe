/**
 * Policies: a government's plan, support measure, regulation or guideline (`항저우시가 AI 산업 3개년
 * 행동 계획 초안 공개`), or a company's usage restriction (`앤트로픽이 ... 클로드 사용을 제한`), with
 * its issuer, where it applies and what it affects.
 */
import type { FactDraft, Sentence } from './fact.types';
import { actorLink, actorsFor, confidenceOf, factDate, linksTo, trigger } from './helpers';

const GOVERNMENT_POLICY = /행동\s?계획|행동\s?방안|실행\s?방안|로드맵|지원\s?(?:조치|계획|정책|방안|책)|조치|정책|방안|규제|규정|조례|법안|지침|가이드라인|통합\s?(?:가속화\s?)?계획|발전\s?계획|계획\s?초안|계획/;
const RESTRICTION = /제한|금지|차단|중단/;
const ISSUED = /발표|공개|발행|시행|도입|제정|발의|초안|내놓|마련|공포|제한|금지|차단/;

function policyType(text: string): string {
  if (RESTRICTION.test(text)) return 'USAGE_RESTRICTION';
  if (/지원|보조금|육성|혁신\s?지원|인센티브/.test(text)) return 'SUPPORT_MEASURE';
  if (/규제|규정|조례|법안|법/.test(text)) return 'REGULATION';
  if (/지침|가이드/.test(text)) return 'GUIDELINE';
  if (/계획|방안|로드맵/.test(text)) return 'ACTION_PLAN';
  return 'OTHER';
}

export function policies(s: Sentence): FactDraft[] {
  if (!ISSUED.test(s.text)) return [];
  const gov = trigger(s, GOVERNMENT_POLICY);
  const issuers = gov ? actorsFor(s, gov.clause, ['GOVERNMENT', 'ORGANIZATION'], false) : [];
  // a company's rule over its own service: only a restriction it imposes
  const restriction = issuers.length ? undefined : trigger(s, RESTRICTION);
  const companies = restriction ? actorsFor(s, restriction.clause, ['COMPANY'], false) : [];
  const t = issuers.length ? gov! : restriction;
  const by = issuers.length ? issuers : companies.slice(0, 1);
  if (!t || !by.length) return [];
  // an investment plan is an investment, not a policy
  if (/투자\s?계획|CAPEX/i.test(t.clause.text) && !issuers.length) return [];
  const type = policyType(t.clause.text);
  const status = /초안|의견\s?수렴|征求意见/.test(s.text) ? 'DRAFT' : /시행|발효|적용|제한|금지/.test(t.clause.text) ? 'IN_FORCE' : 'ANNOUNCED';
  const props: FactDraft['props'] = { policyType: type, status, ...factDate(s, 'DONE', ['in']) };
  const used = [];
  const years = s.figures.find((f) => f.unit === 'YEARS');
  if (years) {
    props.periodYears = years.value;
    used.push(years);
  }
  const stake = s.figures.find((f) => f.unit === 'PERCENT' && /지분/.test(s.text.slice(Math.max(0, f.start - 12), f.end + 12)));
  if (stake) {
    props.ownershipThresholdPct = stake.value;
    used.push(stake);
  }
  const issuerIds = by.map((b) => b.id);
  const links = [...by.map((b) => actorLink(b, 'ISSUED')), ...linksTo(s, undefined, ['PLACE'], 'APPLIES_IN', issuerIds), ...linksTo(s, undefined, ['SECTOR', 'PRODUCT'], 'AFFECTS')];
  const label = { ACTION_PLAN: 'action plan', SUPPORT_MEASURE: 'support measure', USAGE_RESTRICTION: 'usage restriction', REGULATION: 'regulation', GUIDELINE: 'guideline', OTHER: 'policy' }[type]!;
  return [{ kind: 'POLICY', subtype: type, props, links, label, confidence: confidenceOf(by, 0.75), used, at: t.at }];
}
