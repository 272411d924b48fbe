/**
 * Share-price moves: `바이두 주가 상승 (+16.1%)`, `알리바바 주가는 +1.9% 상승`, `호라이즌 로보틱스(+9.8%)`.
 * Each company gets its own STOCK_MOVE event with its signed change; a phrase that gives no figure
 * (`바이두의 ... 발표로 주가 상승`) is kept only if it meets the same move with its figure elsewhere.
 */
import type { FactDraft, Sentence } from './fact.types';
import { ACTOR_KINDS, asKind, mentionsOf, type EntityMention } from './fact.types';
import { factDate, linksTo } from './helpers';
import { signedValue, type Figure } from '../text/numbers';

const MOVE = /주가|주식|상승|하락|급등|급락/;

export function stockMoves(s: Sentence): FactDraft[] {
  if (!MOVE.test(s.text)) return [];
  const companies = mentionsOf(s, ['COMPANY']);
  const percents = s.figures.filter((f) => f.unit === 'PERCENT');
  const taken = new Set<Figure>();
  const sectors = linksTo(s, undefined, ['SECTOR'], 'ABOUT');
  const move = (a: EntityMention, f: Figure | undefined): FactDraft => {
    const props: FactDraft['props'] = { eventType: 'STOCK_MOVE', status: 'COMPLETED', ...factDate(s, 'DONE', ['in']) };
    if (f) {
      const falls = f.sign === undefined && /^\s?\)?\s?(?:하락|급락|떨어)/.test(s.text.slice(f.end));
      props.changePct = falls ? -f.value : signedValue(f);
    }
    return {
      kind: 'EVENT', subtype: 'STOCK_MOVE', props,
      links: [{ type: 'INVOLVED_IN', id: asKind(a, ACTOR_KINDS).id, direction: 'in', role: 'SUBJECT' }, ...(f ? sectors : [])],
      label: 'stock move', confidence: f ? 0.85 : 0.5, used: f ? [f] : [], at: f?.start ?? a.start, ...(f ? {} : { incomplete: true }),
    };
  };
  const out: FactDraft[] = [];
  for (const a of companies) {
    // its figure: in brackets right after the name, or after `주가` in the same stretch (no comma between)
    const f = percents.find((p) => {
      if (taken.has(p) || p.start < a.end) return false;
      const between = s.text.slice(a.end, p.start);
      return /^\s?\(\s?$/.test(between) || (/주가/.test(between) && !/,/.test(between) && between.length < 20);
    });
    if (!f) continue;
    taken.add(f);
    out.push(move(a, f));
  }
  if (!out.length && /주가\s?(?:는|가)?\s?(?:상승|하락|급등|급락)/.test(s.text)) {
    const subject = companies.find((c) => ['의', '이', '가', '은', '는'].includes(c.particle)) ?? companies[0];
    if (subject) out.push(move(subject, undefined));
  }
  return out;
}
