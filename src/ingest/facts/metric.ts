/**
 * Metric observations: market share (`점유율은 35.8%`), market size (`시장 규모는 223억 위안`), growth
 * rate (`연평균 26.8% 성장 전망`), counts (`기업 수는 ... 1,400여개에서 5,000개로`), parameter counts
 * (`1조 개의 파라미터`) and changes of a measure (`인용 정확도 34.8% 개선`, `개입 20% 감소`), with the
 * firm that reported them (`Omdia 보고서에 따르면`), the market and the region.
 */
import type { Figure } from '../text/numbers';
import { readLookback } from '../text/dates';
import { ACTOR_KINDS, asKind, mentionsOf, type FactDraft, type FactLink, type Sentence } from './fact.types';
import { actorLink, actorsFor, clauseAt, linksTo } from './helpers';

const REPORTER = /(\S+?)\s?(?:보고서|리포트|조사|자료|통계)?(?:에\s?따르면|에\s?의하면|발표에\s?따르면)/;

function reporter(s: Sentence): FactLink[] {
  const m = REPORTER.exec(s.text);
  if (!m) return [];
  const who = mentionsOf(s, ['ORGANIZATION', 'COMPANY', 'GOVERNMENT', 'PERSON']).find((x) => x.start >= m.index && x.end <= m.index + m[0].length);
  return who ? [{ type: 'REPORTED_BY', id: asKind(who, ACTOR_KINDS).id, direction: 'out' }] : [];
}

function periodProps(s: Sentence): FactDraft['props'] {
  // (typed as props: a period's fields or none)
  const p = s.dates.find((d) => d.period);
  return p ? { period: p.period!, periodStart: p.periodStart!, periodEnd: p.periodEnd!, datePrecision: p.precision } : {};
}

function observation(s: Sentence, at: number): string {
  const c = clauseAt(s, at);
  if (/테스트\s?결과|시범|실험/.test(s.text.slice(0, at))) return 'TEST_RESULT';
  return c.modality === 'EXPECTED' || c.modality === 'PLANNED' ? 'FORECAST' : 'ACTUAL';
}

const CHANGE_KIND = (measure: string): string => (/전환율|전환/.test(measure) ? 'CONVERSION_CHANGE' : /개입|인력|직원|인건비/.test(measure) ? 'HUMAN_INTERVENTION_CHANGE' : 'PERFORMANCE_CHANGE');

export function metrics(s: Sentence, used: Set<Figure>): FactDraft[] {
  const out: FactDraft[] = [];
  const reportedBy = reporter(s);
  const context = [...linksTo(s, undefined, ['SECTOR'], 'IN_MARKET'), ...linksTo(s, undefined, ['PLACE'], 'IN_REGION')];
  const add = (f: Figure, metricKind: string, unit: string, extra: FactDraft['props'], subject: FactLink[], label: string, withContext = true): void => {
    used.add(f);
    const props: FactDraft['props'] = { metricKind, value: f.value, unit, ...extra };
    if (f.currency) props.currency = f.currency;
    if (f.qualifier !== 'EXACT') props.valueQualifier = f.qualifier;
    out.push({ kind: 'METRIC', subtype: metricKind, props, links: [...subject, ...reportedBy, ...(withContext ? context : [])], label, confidence: subject.some((l) => l.inferred) ? 0.6 : 0.75, used: [f], at: f.start, key: `${metricKind}|${f.value}|${unit}` });
  };
  const free = (f: Figure): boolean => !used.has(f);
  const subjectsBefore = (f: Figure, kinds = ACTOR_KINDS): FactLink[] => {
    const c = clauseAt(s, f.start);
    const a = actorsFor(s, { ...c, end: f.start }, kinds, false);
    return a.slice(0, 1).map((x) => actorLink(x, 'SUBJECT_OF'));
  };
  for (const f of s.figures.filter(free)) {
    const near = s.text.slice(Math.max(0, f.start - 20), f.end + 12);
    const before = s.text.slice(Math.max(0, f.start - 20), f.start);
    if (f.unit === 'PERCENT' && /점유율/.test(near)) {
      const rank = /^[^,.]{0,8}?(?<![~\-\d])(\d{1,2})위/.exec(s.text.slice(f.end, f.end + 14));
      add(f, 'MARKET_SHARE', 'PERCENT', { observationType: observation(s, f.start), ...periodProps(s), ...(rank ? { rank: Number(rank[1]) } : {}) }, subjectsBefore(f), 'market share');
    } else if (f.unit === 'CURRENCY' && /시장\s?규모/.test(before)) {
      add(f, 'MARKET_SIZE', 'CURRENCY', { observationType: observation(s, f.start), ...periodProps(s) }, [], 'market size');
    } else if (f.unit === 'CURRENCY' && /시가총액|시총/.test(before)) {
      add(f, 'MARKET_CAP', 'CURRENCY', { observationType: 'ACTUAL', ...periodProps(s) }, subjectsBefore(f), 'market cap');
    } else if (f.unit === 'CURRENCY' && /매출/.test(before)) {
      add(f, 'REVENUE', 'CURRENCY', { observationType: observation(s, f.start), ...periodProps(s) }, subjectsBefore(f), 'revenue');
    } else if (f.unit === 'CURRENCY' && /영업이익/.test(before)) {
      add(f, 'OPERATING_INCOME', 'CURRENCY', { observationType: observation(s, f.start), ...periodProps(s) }, subjectsBefore(f), 'operating income');
    } else if (f.unit === 'CURRENCY' && /순이익/.test(before)) {
      add(f, 'NET_INCOME', 'CURRENCY', { observationType: observation(s, f.start), ...periodProps(s) }, subjectsBefore(f), 'net income');
    } else if (f.unit === 'PERCENT' && /연평균|CAGR|성장률/.test(before + s.text.slice(f.end, f.end + 6)) && /성장|증가/.test(s.text.slice(f.start))) {
      add(f, 'GROWTH_RATE', 'PERCENT', { observationType: observation(s, f.start), ...periodProps(s) }, [], 'growth rate');
    } else if (f.unit === 'PARAMETERS') {
      const products = linksTo(s, undefined, ['PRODUCT'], 'SUBJECT_OF').map((l) => ({ ...l, direction: 'in' as const }));
      const title = s.titleActors.filter((m) => m.kind === 'PRODUCT').map((m) => ({ type: 'SUBJECT_OF', id: m.id, direction: 'in' as const, inferred: 'named in the bullet title' }));
      add(f, 'PARAMETER_COUNT', 'PARAMETERS', {}, products.length ? products : title, 'parameter count', false);
    } else if (f.unit === 'COUNT' && /기업|업체|회사|스타트업/.test(s.text.slice(0, f.start))) {
      const counts = s.figures.filter((g) => g.unit === 'COUNT' && free(g));
      const lookback = readLookback(s.text);
      const year = s.issued ? Number(s.issued.slice(0, 4)) : undefined;
      const multiple = s.figures.find((g) => g.unit === 'MULTIPLE');
      counts.forEach((g, i) => {
        const first = counts.length > 1 && i === 0;
        const y = year !== undefined ? (first && lookback ? year - lookback : year) : undefined;
        const period: FactDraft['props'] = y !== undefined ? { period: String(y), periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, datePrecision: 'YEAR' } : {};
        const extra: FactDraft['props'] = !first && multiple ? { changeMultiple: multiple.value } : {};
        add(g, 'COMPANY_COUNT', 'COUNT', { observationType: 'ACTUAL', ...period, ...extra }, [], 'company count');
      });
      if (multiple && counts.length > 1) used.add(multiple);
    } else if ((f.unit === 'PERCENT' || f.unit === 'PERCENTAGE_POINT') && !used.has(f)) {
      // a measure's change: `인용 정확도 34.8% 개선`, `개입 20% 감소`; the list's last word gives the direction
      const measure = /([가-힣A-Za-z/ ]{2,20}?)\s?$/.exec(s.text.slice(Math.max(0, f.start - 20), f.start).split(/[,:(]/).pop() ?? '')?.[1]?.trim();
      const tail = s.text.slice(f.end);
      const dir = /(증가|상승|개선|향상|늘|높|감소|하락|축소|줄|낮)/.exec(tail.split(/[.。](?:\s|$)/)[0]);
      if (!measure || !dir || /주가|지분|점유율/.test(measure)) continue;
      const falls = /감소|하락|축소|줄|낮/.test(dir[1]);
      const value = falls ? -Math.abs(f.value) : Math.abs(f.value);
      const subject = linksTo(s, undefined, ['PRODUCT'], 'SUBJECT_OF').map((l) => ({ ...l, direction: 'in' as const }));
      const title = s.titleActors.filter((m) => m.kind === 'PRODUCT').map((m) => ({ type: 'SUBJECT_OF', id: m.id, direction: 'in' as const, inferred: 'named in the bullet title' }));
      const kind = CHANGE_KIND(measure);
      add({ ...f, value }, kind, f.unit, { measure, ...(observation(s, f.start) === 'TEST_RESULT' ? { observationType: 'TEST_RESULT' } : {}) }, subject.length ? subject : title, `${measure} change`, false);
      used.add(f);
    }
  }
  return out;
}
