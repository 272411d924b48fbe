/** Small readings the fact patterns share: who the actor is, the status a hedge gives, dates. */
import type { EntityKind } from '../../model/kinds';
import type { DatePrecision, PropertyValue } from '../../write/document/document.types';
import { mondayOf, type DateRead } from '../text/dates';
import type { Modality } from '../text/hedges';
import { ACTOR_KINDS, SUBJECT_PARTICLES, asKind, mentionsOf, type Clause, type EntityMention, type FactLink, type Sentence } from './fact.types';

/** The clause holding position `at` (the trigger word). */
export function clauseAt(s: Sentence, at: number): Clause {
  return s.clauses.find((c) => at >= c.start && at <= c.end) ?? s.clauses[s.clauses.length - 1];
}

/** The first match of `re` in the sentence with its clause, or undefined. */
export function trigger(s: Sentence, re: RegExp): { word: string; at: number; clause: Clause } | undefined {
  const m = re.exec(s.text);
  return m ? { word: m[0], at: m.index, clause: clauseAt(s, m.index) } : undefined;
}

export interface Actor {
  mention: EntityMention;
  id: string;
  kind: EntityKind;
  /** set when the actor was not named in the sentence itself */
  inferred?: string;
}

const actor = (m: EntityMention, kinds: readonly EntityKind[], inferred?: string): Actor => ({ mention: m, ...asKind(m, kinds), ...(inferred ? { inferred } : {}) });

/**
 * The actors a fact's clause names, subject first; a sentence without one is about the actor of
 * its bullet title, then of its section heading (marked as inferred).
 */
export function actorsFor(s: Sentence, clause: Clause, kinds: readonly EntityKind[] = ACTOR_KINDS, fallback = true): Actor[] {
  const inClause = mentionsOf(s, kinds, clause);
  const pool = inClause.length ? inClause : mentionsOf(s, kinds);
  if (pool.length) {
    const subjectFirst = [...pool].sort((a, b) => score(b) - score(a) || a.start - b.start);
    return subjectFirst.map((m) => actor(m, kinds));
  }
  if (!fallback) return [];
  const title = s.titleActors.filter((m) => kinds.includes(m.kind));
  if (title.length) return [actor(title[0], kinds, 'the actor named in the bullet title')];
  const section = s.sectionActors.filter((m) => kinds.includes(m.kind));
  if (section.length) return [actor(section[0], kinds, "the section's subject, named in its heading")];
  return [];
}

const score = (m: EntityMention): number => (SUBJECT_PARTICLES.includes(m.particle) ? 2 : m.particle === '의' ? 1 : 0);

/** The link of an actor to a fact, carrying the inference note when there is one. */
export function actorLink(a: Actor, type: string, role?: string): FactLink {
  return { type, id: a.id, direction: 'in', ...(role ? { role } : {}), ...(a.inferred ? { inferred: a.inferred } : {}) };
}

/** `out` links from the fact to every mention of `kinds` in the clause (or sentence). */
export function linksTo(s: Sentence, clause: Clause | undefined, kinds: readonly EntityKind[], type: string, exclude: string[] = []): FactLink[] {
  const ms = mentionsOf(s, kinds, clause);
  const ids = [...new Set(ms.map((m) => asKind(m, kinds).id))].filter((id) => !exclude.includes(id));
  return ids.map((id) => ({ type, id, direction: 'out' as const }));
}

/** The date a fact gets: an explicit date of the sentence, else the week for things done. */
export function factDate(s: Sentence, modality: Modality, roles: DateRead['role'][] = ['from', 'by', 'in']): Record<string, PropertyValue> {
  const d = s.dates.find((x) => roles.includes(x.role) && !x.period);
  if (d) return { date: d.date, datePrecision: d.precision };
  if (s.issued && (modality === 'DONE' || modality === 'ONGOING')) return { date: mondayOf(s.issued), datePrecision: 'WEEK' satisfies DatePrecision };
  return {};
}

/** Whether the fact's date lies after the issue: a start announced for later is planned. */
export function isFuture(s: Sentence, props: Record<string, PropertyValue>): boolean {
  return !!s.issued && typeof props.date === 'string' && props.date > s.issued && props.datePrecision !== 'WEEK';
}

/** Confidence: high when the sentence names the actor, lower when it was inferred or guessed. */
export function confidenceOf(actors: Actor[], base = 0.8): number {
  const inferred = actors.some((a) => a.inferred);
  const guessed = actors.some((a) => !a.mention.known);
  return Math.round((base - (inferred ? 0.2 : 0) - (guessed ? 0.15 : 0)) * 100) / 100;
}
