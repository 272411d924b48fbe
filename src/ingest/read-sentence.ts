/**
 * One unit of the issue (sentence, phrase or title) read for the fact patterns: its known-entity
 * mentions, the new names it introduces, its figures, dates and clauses.
 */
import type { TextUnit } from './text/structure';
import type { Linker } from './link/linker';
import { EntityRegistry, langOf } from './link/registry';
import { findUnknownNames, guessKoreanActor, guessKoreanPlace } from './link/new-entities';
import { readFigures } from './text/numbers';
import { readDates } from './text/dates';
import { modalityOf, splitClauses } from './text/hedges';
import { stripParticle } from './text/particles';
import type { EntityMention, Sentence } from './facts/fact.types';
import type { UnresolvedMention } from './draft.model';
import type { EntityKind } from '../model/kinds';
import type { PropertyValue } from '../write/document/document.types';

/** Words that make a sentence about business actors: only then is a Korean subject proposed as a new actor. */
const BUSINESS = /파트너십|협력|제휴|계약|투자|유치|인수|상장|IPO|출시|공개|발표|운행|주행|개발|공급|제한|계획|지원|점유율|주가|상승|하락/;
/** Nouns that head a phrase about an actor without being part of its name: `알리바바 주가는`. */
const HEAD_NOUN = /^(?:주가|점유율|시장|규모|매출|수|주식|실적|지분|본사)$/;
const GENERIC_WORD = /^(?:관심|증가로|상승|하락|인기|영향)$/;
const PLACE_SLOT = /(?:운행|주행|운영|출시|진출|설립|개최|시작|테스트|시범|상장)/;

export interface ReadContext {
  linker: Linker;
  registry: EntityRegistry;
  sectionIds: string[];
  issued?: string;
  unresolved: UnresolvedMention[];
  mentionsLog: { id: string; text: string; sentence: string; section: string; known: boolean }[];
}

export function readSentence(unit: TextUnit, ctx: ReadContext, cite: boolean): Sentence {
  const s = unit.text;
  const sectionId = ctx.sectionIds[unit.section];
  const linked = ctx.linker.find(s);
  const mentions: EntityMention[] = linked.map((m) => {
    const [best, ...rest] = m.candidates;
    const drafted = ctx.registry.byId(best.id);
    if (drafted && cite) ctx.registry.cite(drafted, { section: sectionId, sentence: s, basis: 'EXTRACTED', confidence: 0.5, note: `new ${best.kind.toLowerCase()}: ${drafted.why}` });
    return { id: best.id, kind: best.kind, text: m.text, start: m.start, end: m.end, particle: m.particle, known: !drafted, alternatives: rest.map((r) => ({ id: r.id, kind: r.kind })), label: best.name };
  });
  const addNew = (text: string, start: number, end: number, particle: string, kind: EntityKind, props: Record<string, PropertyValue>, why: string, confidence: number): void => {
    if (mentions.some((m) => start < m.end && end > m.start)) return;
    const e = ctx.registry.newEntity(kind, text, langOf(text), props, why);
    if (cite) ctx.registry.cite(e, { section: sectionId, sentence: s, basis: 'EXTRACTED', confidence, note: `new ${kind.toLowerCase()}: ${why}` });
    mentions.push({ id: e.input.id, kind, text, start, end, particle, known: false, alternatives: [], label: text });
  };
  const { guesses, unresolved } = findUnknownNames(s, mentions);
  for (const g of guesses) addNew(g.text, g.start, g.end, g.particle, g.kind, g.props, g.why, g.confidence);
  if (cite) for (const u of unresolved) ctx.unresolved.push({ text: u, sentence: s, section: sectionId, reason: 'a Latin-script term that is neither a known entity nor clearly a name' });
  if ((unit.role === 'sentence' || unit.role === 'phrase') && BUSINESS.test(s)) koreanSlots(s, mentions, addNew);
  mentions.sort((a, b) => a.start - b.start);
  if (cite) {
    for (const m of mentions) {
      ctx.mentionsLog.push({ id: m.id, text: m.text, sentence: s, section: sectionId, known: m.known });
      // an ambiguous name is listed under each of its meanings (the city and its government)
      for (const a of m.alternatives) ctx.mentionsLog.push({ id: a.id, text: m.text, sentence: s, section: sectionId, known: !ctx.registry.byId(a.id) });
    }
    for (const m of linked) for (const n of ctx.linker.nested(s, m)) for (const c of n.candidates) ctx.mentionsLog.push({ id: c.id, text: n.text, sentence: s, section: sectionId, known: !ctx.registry.byId(c.id) });
  }
  const clauses = splitClauses(s).map((c) => ({ text: c.text, start: c.start, end: c.start + c.text.length, modality: modalityOf(c.text) }));
  return {
    text: s,
    sectionId,
    title: unit.title,
    role: unit.role,
    mentions,
    figures: readFigures(s),
    dates: readDates(s, ctx.issued),
    clauses,
    titleActors: [],
    sectionActors: [],
    ...(ctx.issued ? { issued: ctx.issued } : {}),
  };
}

type AddNew = (text: string, start: number, end: number, particle: string, kind: EntityKind, props: Record<string, PropertyValue>, why: string, confidence: number) => void;

/**
 * Korean names in actor slots: the subject at the start (`위라이드가`, `포니 AI가`, `모멘타의` in a
 * phrase), coordinated subjects (`A와 B가`), a partner (`우버와 파트너십`), a place (`카타르에서`).
 */
function koreanSlots(s: string, mentions: EntityMention[], addNew: AddNew): void {
  const covered = (a: number, b: number): boolean => mentions.some((m) => a < m.end && b > m.start);
  const propose = (name: string, start: number, particle: string, why?: string): void => {
    const end = start + name.length;
    if (name.length < 2 || s.slice(start, end) !== name || covered(start, end)) return;
    const guess = guessKoreanActor(name);
    if (guess) addNew(name, start, end, particle, guess.kind, guess.props, why ?? guess.why, 0.5);
  };
  // the subject group of each clause: up to 3 tokens from its start, ending in a subject, partner or
  // possessive particle; `A/B가` names two; a head noun (`주가`, `점유율`) is not part of the name
  for (const clause of splitClauses(s)) {
    const tokens = [...clause.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: clause.start + m.index! }));
    let group: { text: string; start: number }[] = [];
    for (let i = 0; i < Math.min(tokens.length, 6); i++) {
      const t = tokens[i];
      const { stem, particle } = stripParticle(t.text.replace(/[,.]$/, ''));
      const head = HEAD_NOUN.test(stem);
      if (!head) group.push({ text: stem, start: t.start });
      if (!particle && !head) {
        if (group.length >= 3) break;
        continue;
      }
      if ((head || ['이', '가', '은', '는', '의', '와', '과'].includes(particle)) && group.length && group.length <= 3) {
        const name = group.map((g) => g.text).join(' ');
        if (name.includes('/')) {
          let at = group[0].start;
          for (const part of name.split('/')) {
            propose(part, at, particle);
            at += part.length + 1;
          }
        } else propose(name, group[0].start, particle);
      }
      if (particle === '와' || particle === '과') {
        group = [];
        continue;
      }
      break;
    }
  }
  // a company in a list of share-price moves: `호라이즌 로보틱스(+9.8%)`
  for (const m of s.matchAll(/((?:[가-힣A-Za-z]+\s)?[가-힣A-Za-z]+)\(\s?[+\-−]\d/g)) {
    const name = m[1].replace(/^(?:및|와|과|등)\s/, '');
    const start = m.index! + m[0].indexOf(name);
    if (!GENERIC_WORD.test(name.split(' ')[0])) propose(name, start, '', 'a company in a list of share-price moves');
    else propose(name.split(' ').slice(1).join(' '), start + name.indexOf(' ') + 1, '', 'a company in a list of share-price moves');
  }
  // a partner: `우버와 파트너십`, `SEER와 ... 계약`
  for (const m of s.matchAll(/(\S+?)(와|과)(?:의)?\s(?=[^,]*(?:파트너십|협력|제휴|계약|협약|MOU))/g)) {
    const name = m[1];
    const start = m.index!;
    if (!covered(start, start + name.length)) {
      const guess = guessKoreanActor(name);
      if (guess) addNew(name, start, start + name.length, m[2], guess.kind, guess.props, 'named as a partner', 0.5);
    }
  }
  // a place: `카타르에서 로보택시 테스트 주행 시작`
  for (const m of s.matchAll(/(?<=^|\s)([가-힣]{2,8})에서\s/g)) {
    const start = m.index!;
    const name = m[1];
    if (covered(start, start + name.length) || !PLACE_SLOT.test(s.slice(start))) continue;
    if (/(?:시장|분야|부문|산업|보고서|결과|행사|대회|서밋|회의|벤치마크|측면)$/.test(name)) continue;
    addNew(name, start, start + name.length, '에서', 'PLACE', guessKoreanPlace(name), 'where something takes place (에서)', 0.4);
  }
}
