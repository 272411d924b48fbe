/**
 * Figures in Korean newsletter notation: `3,800억 위안` = 380000000000 CNY, `1.4억 달러`,
 * `1조 개 파라미터`, `+16.1%`, `1,000대`, `1,400여개`, `5,000개 이상`, `3년간`, `3.5배`, `24시간`.
 * Every figure keeps the verbatim slice it was read from.
 */

export type FigureUnit = 'PERCENT' | 'PERCENTAGE_POINT' | 'CURRENCY' | 'COUNT' | 'PARAMETERS' | 'UNITS' | 'MULTIPLE' | 'YEARS' | 'HOURS' | 'NUMBER';
export type Qualifier = 'EXACT' | 'APPROXIMATE' | 'AT_LEAST' | 'MORE_THAN' | 'AT_MOST' | 'LESS_THAN';

export interface Figure {
  /** the verbatim slice: `3,800억 위안`, `+16.1%` */
  text: string;
  start: number;
  end: number;
  value: number;
  unit: FigureUnit;
  currency?: string;
  /** +1 when written with `+` or followed by a rise word, -1 with `-` or a fall word */
  sign?: 1 | -1;
  qualifier: Qualifier;
}

const MULTIPLIERS: Record<string, number> = { 조: 1e12, 억: 1e8, 천만: 1e7, 백만: 1e6, 십만: 1e5, 만: 1e4, 천: 1e3 };
/** Longest names first: `홍콩달러` before `달러`. */
const CURRENCIES: [string, string][] = [
  ['홍콩달러', 'HKD'], ['홍콩 달러', 'HKD'], ['위안화', 'CNY'], ['위안', 'CNY'], ['元', 'CNY'], ['달러', 'USD'], ['USD', 'USD'], ['RMB', 'CNY'], ['CNY', 'CNY'],
  ['유로', 'EUR'], ['엔화', 'JPY'], ['엔', 'JPY'], ['원', 'KRW'], ['$', 'USD'], ['¥', 'CNY'],
];

// sign, digits with thousands separators, decimals, an optional multiplier chain (`1조 2,000억`)
const NUMBER = /([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(조|억|천만|백만|십만|만|천))?(?:\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(억|만|천))?/g;
const RISE = /^\s*(?:증가|상승|성장|개선|급증|확대|늘|올|향상|높)/;
const FALL = /^\s*(?:감소|하락|축소|줄|떨어|급락|낮|하향)/;

function toNumber(digits: string, decimals: string | undefined): number {
  return Number(digits.replace(/,/g, '') + (decimals ?? ''));
}

/** Every figure in `s`, left to right. Years (`2025년`, `26년부터`) are dates, not figures: see dates.ts. */
export function readFigures(s: string): Figure[] {
  const out: Figure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) {
    const start = m.index;
    // a number glued to a Latin word is a name or a version (Qwen3, X1.1, 5.0 in ‘店小蜜5.0’)
    if (/[A-Za-z\u4e00-\u9fff.]/.test(s[start - 1] ?? '') || /^[A-Za-z]/.test(s.slice(start + m[0].length))) continue;
    let value = toNumber(m[2], m[3]) * (m[4] ? MULTIPLIERS[m[4]] : 1);
    if (m[5]) value += toNumber(m[5], m[6]) * MULTIPLIERS[m[7]];
    let end = start + m[0].length;
    const rest = s.slice(end);
    let unit: FigureUnit = 'NUMBER';
    let currency: string | undefined;
    let qualifier: Qualifier = /(?:약|대략|근|약\s)\s*$/.test(s.slice(Math.max(0, start - 3), start)) ? 'APPROXIMATE' : 'EXACT';
    let tail = rest;
    const approx = /^\s?여/.exec(tail);
    if (approx) {
      qualifier = 'APPROXIMATE';
      end += approx[0].length;
      tail = s.slice(end);
    }
    const unitMatch = /^(%p|%포인트|%|퍼센트|배|대|개년|년간|년 간|년 동안|시간|개사|곳|명|건|종|개)/.exec(tail.replace(/^\s/, ''));
    const cur = CURRENCIES.find(([w]) => tail.replace(/^\s/, '').startsWith(w));
    const space = tail.startsWith(' ') ? 1 : 0;
    if (unitMatch) {
      const u = unitMatch[1];
      unit = u === '%p' || u === '%포인트' ? 'PERCENTAGE_POINT' : u === '%' || u === '퍼센트' ? 'PERCENT' : u === '배' ? 'MULTIPLE' : u === '대' ? 'UNITS'
        : u === '개년' || u.startsWith('년') ? 'YEARS' : u === '시간' ? 'HOURS' : 'COUNT';
      end += space + u.length;
      if (unit === 'COUNT' && /^(?:의)?\s?(?:파라미터|매개변수|parameters?)/i.test(s.slice(end))) unit = 'PARAMETERS';
    } else if (cur) {
      unit = 'CURRENCY';
      currency = cur[1];
      end += space + cur[0].length;
    } else if (/^\s?년/.test(tail) || /^\s?(?:월|일|분기|반기|Q)/.test(tail)) {
      continue; // a date or a period, read by dates.ts
    }
    if (m[1] === '$') unit = 'CURRENCY';
    const after = s.slice(end);
    const more = /^(?:\s?[을를])?\s?(이상|초과|이하|미만|넘게|넘는|남짓)/.exec(after);
    if (more) {
      qualifier = more[1] === '이상' ? 'AT_LEAST' : more[1] === '초과' || more[1].startsWith('넘') ? 'MORE_THAN' : more[1] === '이하' ? 'AT_MOST' : more[1] === '미만' ? 'LESS_THAN' : 'APPROXIMATE';
      end += more[0].length;
    }
    let sign: 1 | -1 | undefined = m[1] === '+' ? 1 : m[1] === '-' || m[1] === '−' ? -1 : undefined;
    if (sign === undefined && (unit === 'PERCENT' || unit === 'PERCENTAGE_POINT')) {
      const following = s.slice(end).replace(/^[)\]]/, '');
      if (RISE.test(following)) sign = 1;
      else if (FALL.test(following)) sign = -1;
    }
    out.push({ text: s.slice(start, end), start, end, value, unit, ...(currency ? { currency } : {}), ...(sign ? { sign } : {}), qualifier });
    NUMBER.lastIndex = end;
  }
  return out;
}

/** The figure's value with its sign applied (a fall of 20% is -20). */
export const signedValue = (f: Figure): number => (f.sign === -1 ? -Math.abs(f.value) : f.value);
