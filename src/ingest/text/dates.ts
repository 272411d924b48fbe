/**
 * Dates and periods in newsletter Korean, placed relative to the issue date: `26년부터` (from 2026),
 * `30년까지` (by 2030), `연말까지` (by the end of the year), `올해`, `내년`, `25년 상반기`,
 * `25년부터 30년까지`, `9월`. A date is only as precise as the text: DAY, MONTH or YEAR.
 */
import type { DatePrecision } from '../../write/document/document.types';

export interface DateRead {
  text: string;
  /** `from` a start, `by` an end, `in` a point or a stretch */
  role: 'from' | 'by' | 'in';
  date: string;
  precision: DatePrecision;
  /** a stretch of time: `2025-H1`, `2025-2030` */
  period?: string;
  periodStart?: string;
  periodEnd?: string;
}

const year = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const HALVES: Record<string, [string, string, string]> = {
  상반기: ['H1', '01-01', '06-30'], 하반기: ['H2', '07-01', '12-31'],
  '1분기': ['Q1', '01-01', '03-31'], '2분기': ['Q2', '04-01', '06-30'], '3분기': ['Q3', '07-01', '09-30'], '4분기': ['Q4', '10-01', '12-31'],
};

export function readDates(s: string, issued?: string): DateRead[] {
  const out: DateRead[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  const add = (m: RegExpExecArray, d: Omit<DateRead, 'text'>): void => {
    if (!free(m.index, m.index + m[0].length)) return;
    taken.push([m.index, m.index + m[0].length]);
    out.push({ text: m[0], ...d });
  };
  const each = (re: RegExp, f: (m: RegExpExecArray) => void): void => {
    for (const m of s.matchAll(re)) f(m as RegExpExecArray);
  };
  const Y = '(?<![\\d.,])(\\d{4}|\\d{2})';
  each(new RegExp(`${Y}년\\s?부터\\s?${Y}년\\s?까지`, 'g'), (m) => {
    const a = year(m[1]);
    const b = year(m[2]);
    add(m, { role: 'in', date: `${a}-01-01`, precision: 'YEAR', period: `${a}-${b}`, periodStart: `${a}-01-01`, periodEnd: `${b}-12-31` });
  });
  each(new RegExp(`${Y}년\\s?(상반기|하반기|[1-4]분기)`, 'g'), (m) => {
    const y = year(m[1]);
    const [tag, from, to] = HALVES[m[2]];
    add(m, { role: 'in', date: `${y}-${from}`, precision: 'MONTH', period: `${y}-${tag}`, periodStart: `${y}-${from}`, periodEnd: `${y}-${to}` });
  });
  each(new RegExp(`${Y}년\\s?(\\d{1,2})월`, 'g'), (m) => {
    const y = year(m[1]);
    const mo = Number(m[2]);
    add(m, { role: /까지/.test(s.slice(m.index + m[0].length, m.index + m[0].length + 3)) ? 'by' : 'in', date: `${y}-${pad(mo)}-01`, precision: 'MONTH', periodStart: `${y}-${pad(mo)}-01`, periodEnd: `${y}-${pad(mo)}-${lastDay(y, mo)}` });
  });
  each(new RegExp(`${Y}년\\s?부터`, 'g'), (m) => add(m, { role: 'from', date: `${year(m[1])}-01-01`, precision: 'YEAR' }));
  each(new RegExp(`${Y}년\\s?까지`, 'g'), (m) => add(m, { role: 'by', date: `${year(m[1])}-12-31`, precision: 'YEAR' }));
  each(new RegExp(`(?<![\\d.,])(\\d{4})년(?!\\s?(?:간|동안|사이))`, 'g'), (m) => {
    const y = year(m[1]);
    add(m, { role: 'in', date: `${y}-01-01`, precision: 'YEAR', period: String(y), periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });
  });
  if (issued) {
    const iy = Number(issued.slice(0, 4));
    each(/(?:연말|올해\s?말|연내|年底)(?:까지)?/g, (m) => add(m, { role: 'by', date: `${iy}-12-31`, precision: 'YEAR' }));
    each(/내년\s?(?:부터|까지|중)?/g, (m) => add(m, { role: /까지/.test(m[0]) ? 'by' : 'from', date: /까지/.test(m[0]) ? `${iy + 1}-12-31` : `${iy + 1}-01-01`, precision: 'YEAR' }));
    each(/올해|금년/g, (m) => add(m, { role: 'by', date: `${iy}-12-31`, precision: 'YEAR' }));
    each(/(?<!\d)(\d{1,2})월\s?(?:(\d{1,2})일)?/g, (m) => {
      const mo = Number(m[1]);
      if (mo < 1 || mo > 12) return;
      const d = m[2] ? Number(m[2]) : undefined;
      add(m, { role: 'in', date: `${iy}-${pad(mo)}-${pad(d ?? 1)}`, precision: d ? 'DAY' : 'MONTH' });
    });
  }
  return out;
}

/** `지난 5년 동안`, `5년 사이`: a look-back of N years from the year. */
export function readLookback(s: string): number | undefined {
  const m = /(?:지난|최근)?\s?(\d{1,2})년\s?(?:동안|사이|간)/.exec(s);
  return m && /지난|최근|사이|동안/.test(m[0]) ? Number(m[1]) : undefined;
}

/** The Monday of the week containing `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}
