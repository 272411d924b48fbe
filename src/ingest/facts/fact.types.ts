/**
 * What a fact pattern sees (one sentence or phrase, read) and what it proposes (fact drafts). The
 * patterns are pure functions of a `Sentence`; src/ingest/draft.ts turns their proposals into
 * import-document entities and relationships.
 */
import type { EntityKind } from '../../model/kinds';
import type { PropertyValue } from '../../write/document/document.types';
import type { Figure } from '../text/numbers';
import type { DateRead } from '../text/dates';
import type { Modality } from '../text/hedges';

/** An entity mentioned in the sentence, known to the graph or proposed as new. */
export interface EntityMention {
  id: string;
  kind: EntityKind;
  /** as written */
  text: string;
  start: number;
  end: number;
  particle: string;
  known: boolean;
  /** other kinds the same name may mean (a city and its government) */
  alternatives: { id: string; kind: EntityKind }[];
  /** English display name when known (for fact names) */
  label: string;
}

export interface Clause {
  text: string;
  start: number;
  end: number;
  modality: Modality;
}

export interface Sentence {
  text: string;
  sectionId: string;
  /** the bold title the sentence sits under ('' when none) */
  title: string;
  role: 'phrase' | 'sentence' | 'heading' | 'lead-title' | 'bullet-title';
  mentions: EntityMention[];
  figures: Figure[];
  dates: DateRead[];
  clauses: Clause[];
  /** actors named in the bullet title and the section heading: who a sentence without its own subject is about */
  titleActors: EntityMention[];
  sectionActors: EntityMention[];
  issued?: string;
}

export type LinkDirection = 'in' | 'out';

/** One edge of a proposed fact: participant → fact (`in`) or fact → thing (`out`). */
export interface FactLink {
  type: string;
  id: string;
  direction: LinkDirection;
  role?: string;
  /** inferred from context (the section's subject), not the sentence itself */
  inferred?: string;
}

export interface FactDraft {
  kind: EntityKind;
  subtype: string;
  props: Record<string, PropertyValue>;
  links: FactLink[];
  /** English words for the fact's name and id: `stock move`, `funding round` */
  label: string;
  /** 0..1 */
  confidence: number;
  /** figures of the sentence the fact took (so another pattern does not take them again) */
  used: Figure[];
  /** merge key parts beyond kind/subtype/parties (a metric's value) */
  key?: string;
  /** a stock move without its change: kept only if it merges with one that has it */
  incomplete?: boolean;
  /** where in the sentence the fact was found (its trigger word or figure) */
  at?: number;
}

export const ACTOR_KINDS: readonly EntityKind[] = ['COMPANY', 'GOVERNMENT', 'ORGANIZATION', 'PERSON'];

export const mentionsOf = (s: Sentence, kinds: readonly EntityKind[], within?: { start: number; end: number }): EntityMention[] =>
  s.mentions.filter((m) => (kinds.includes(m.kind) || m.alternatives.some((a) => kinds.includes(a.kind))) && (!within || (m.start >= within.start && m.end <= within.end)));

/** The mention as the kind asked for (its alternative of that kind when the name is ambiguous). */
export function asKind(m: EntityMention, kinds: readonly EntityKind[]): { id: string; kind: EntityKind } {
  if (kinds.includes(m.kind)) return { id: m.id, kind: m.kind };
  return m.alternatives.find((a) => kinds.includes(a.kind)) ?? { id: m.id, kind: m.kind };
}

export const SUBJECT_PARTICLES = ['이', '가', '은', '는', '에서는', '도'];
export const PARTNER_PARTICLES = ['와', '과', '와의', '과의', '와는', '과는', '랑'];
