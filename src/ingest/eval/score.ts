/**
 * Scores a draft against the curated document of the same issue (issue #12, item 3). Pure: the
 * curated document, the draft, the draft's mention log and the text in; counts out.
 *
 * - mentions: every (entity, sentence) pair where the curated document cites a non-fact entity as
 *   REPORTED in a sentence that writes one of its names; linked when the draft mentions the same
 *   entity (same id, or a drafted entity sharing one of its names) in that sentence;
 * - figures: every amount, value, change, quantity, period and threshold of a curated fact; found
 *   when a draft fact of the same kind citing one of its sentences has the same value and unit;
 * - facts: every curated fact; found when a draft fact of the same kind cites one of its sentences
 *   and joins exactly the same participants (PARTY_TO, INVESTOR_IN, RAISED, ISSUED, INVOLVED_IN,
 *   SUBJECT_OF, REPORTED_BY; REPORTED edges only), one draft fact per curated fact;
 * - unstated figures: draft figures whose sentences do not write that number (must be 0);
 * - not verbatim: draft provenance sentences that are not a slice of the text (must be 0).
 */
import { FACT_KINDS } from '../../model/kinds';
import type { EntityInput, ImportDocument } from '../../write/document/document.types';

export interface DraftMentionRef {
  id: string;
  sentence: string;
}

export interface Ratio {
  found: number;
  total: number;
}

export interface Score {
  mentions: Ratio;
  figures: Ratio;
  facts: Ratio;
  unstatedFigures: number;
  notVerbatim: number;
  draftFacts: number;
  /** curated items the draft missed, for the report */
  missed: { facts: string[]; figures: string[]; mentions: string[] };
}

const FACTS = new Set<string>(FACT_KINDS);
const PARTICIPATION = new Set(['PARTY_TO', 'INVESTOR_IN', 'RAISED', 'ISSUED', 'INVOLVED_IN', 'SUBJECT_OF', 'REPORTED_BY']);

/** A fact's figures as (unit, value): amounts carry their currency. */
export function figuresOf(e: EntityInput): { key: string; unit: string; value: number }[] {
  const p = e.properties ?? {};
  const out: { key: string; unit: string; value: number }[] = [];
  const num = (k: string): number | undefined => (typeof p[k] === 'number' ? (p[k] as number) : undefined);
  const add = (key: string, unit: string): void => {
    const v = num(key);
    if (v !== undefined) out.push({ key, unit, value: v });
  };
  add('amount', `CURRENCY:${p.currency}`);
  add('value', p.unit === 'CURRENCY' ? `CURRENCY:${p.currency}` : String(p.unit));
  add('changePct', 'PERCENT');
  add('quantity', String(p.quantityUnit));
  add('ownershipThresholdPct', 'PERCENT');
  add('periodYears', 'YEARS');
  add('hoursPerDay', 'HOURS');
  add('changeMultiple', 'MULTIPLE');
  return out;
}

/** Whether `sentence` writes the number `value` (in any Korean unit: 만, 억, 조; commas ignored). */
export function states(sentence: string, value: number): boolean {
  const numbers = [...sentence.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
  const v = Math.abs(value);
  return numbers.some((n) => [1, 1e3, 1e4, 1e6, 1e7, 1e8, 1e12].some((k) => Math.abs(n * k - v) <= 1e-9 * Math.max(1, v)));
}

const sameSentence = (a: string, b: string): boolean => a === b || (a.length > 8 && b.includes(a)) || (b.length > 8 && a.includes(b));
const sentencesOf = (e: EntityInput, basis?: string): string[] => (e.provenance ?? []).filter((p) => !basis || p.basis === basis).map((p) => p.sentence);

/** Draft id → curated id: the same id, or an entity of the same kind sharing a name. */
export function alignIds(curated: ImportDocument, draft: ImportDocument): Map<string, string> {
  const out = new Map<string, string>();
  const curatedIds = new Set(curated.entities.map((e) => e.id));
  const byName = new Map<string, string>();
  for (const e of curated.entities) if (!FACTS.has(e.kind)) for (const n of e.names) byName.set(`${e.kind}|${n.value.toLowerCase()}`, e.id);
  for (const id of draft.external ?? []) if (curatedIds.has(id)) out.set(id, id);
  for (const e of draft.entities) {
    if (curatedIds.has(e.id)) out.set(e.id, e.id);
    else if (!FACTS.has(e.kind)) {
      const hit = e.names.map((n) => byName.get(`${e.kind}|${n.value.toLowerCase()}`)).find((x) => x !== undefined);
      if (hit) out.set(e.id, hit);
    }
  }
  return out;
}

function partiesOf(doc: ImportDocument, factId: string, reportedOnly: boolean, map: (id: string) => string): string {
  const facts = new Set(doc.entities.filter((e) => FACTS.has(e.kind)).map((e) => e.id));
  return [
    ...new Set(
      doc.relationships
        .filter((r) => PARTICIPATION.has(r.type) && (r.to === factId || r.from === factId) && (!reportedOnly || r.provenance?.basis !== 'COMMON_KNOWLEDGE'))
        .map((r) => (r.to === factId ? r.from : r.to))
        .filter((id) => !facts.has(id))
        .map(map),
    ),
  ]
    .sort()
    .join(',');
}

export function scoreDraft(curated: ImportDocument, draft: ImportDocument, mentions: DraftMentionRef[], text: string): Score {
  const align = alignIds(curated, draft);
  const mapped = (id: string): string => align.get(id) ?? id;
  const missed: Score['missed'] = { facts: [], figures: [], mentions: [] };

  // mentions
  const mentionTotal: [string, string][] = [];
  for (const e of curated.entities) {
    if (FACTS.has(e.kind)) continue;
    for (const sentence of new Set(sentencesOf(e, 'REPORTED'))) {
      if (e.names.some((n) => n.value.length >= 2 && sentence.toLowerCase().includes(n.value.toLowerCase()))) mentionTotal.push([e.id, sentence]);
    }
  }
  let linked = 0;
  for (const [id, sentence] of mentionTotal) {
    if (mentions.some((m) => mapped(m.id) === id && sameSentence(m.sentence, sentence))) linked++;
    else missed.mentions.push(`${id} in "${sentence.slice(0, 40)}…"`);
  }

  // facts and figures
  const draftFacts = draft.entities.filter((e) => FACTS.has(e.kind));
  const curatedFacts = curated.entities.filter((e) => FACTS.has(e.kind));
  const used = new Set<string>();
  let factsFound = 0;
  let figureTotal = 0;
  let figuresFound = 0;
  for (const c of curatedFacts) {
    const cs = sentencesOf(c, 'REPORTED');
    const candidates = draftFacts.filter((d) => d.kind === c.kind && sentencesOf(d).some((s) => cs.some((x) => sameSentence(s, x))));
    const want = partiesOf(curated, c.id, true, (x) => x);
    // a fact recognised as restated carries the existing id itself
    const match = candidates.find((d) => !used.has(d.id) && (d.id === c.id || partiesOf(draft, d.id, false, mapped) === want));
    if (match) {
      used.add(match.id);
      factsFound++;
    } else missed.facts.push(`${c.id} (parties ${want || 'none'})`);
    for (const f of figuresOf(c)) {
      figureTotal++;
      if (candidates.some((d) => d.id === c.id) || candidates.some((d) => figuresOf(d).some((g) => g.unit === f.unit && Math.abs(g.value - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value))))) figuresFound++;
      else missed.figures.push(`${c.id}.${f.key} = ${f.value} ${f.unit}`);
    }
  }

  // honesty checks on the draft alone
  let unstated = 0;
  for (const d of draftFacts) for (const f of figuresOf(d)) if (!sentencesOf(d).some((s) => states(s, f.value))) unstated++;
  const allProvenance = [...draft.entities.flatMap((e) => e.provenance ?? []), ...draft.relationships.flatMap((r) => (r.provenance ? [r.provenance] : []))];
  const notVerbatim = allProvenance.filter((p) => !text.includes(p.sentence)).length;

  return {
    mentions: { found: linked, total: mentionTotal.length },
    figures: { found: figuresFound, total: figureTotal },
    facts: { found: factsFound, total: curatedFacts.length },
    unstatedFigures: unstated,
    notVerbatim,
    draftFacts: draftFacts.length,
    missed,
  };
}

export const pct = (r: Ratio): number => (r.total ? (100 * r.found) / r.total : 100);

/** The evaluation's targets (issue #12, item 3). */
export const TARGETS = { mentions: 95, figures: 90, facts: 75, unstatedFigures: 0, notVerbatim: 0 } as const;

export function meetsTargets(s: Score): boolean {
  return pct(s.mentions) >= TARGETS.mentions && pct(s.figures) >= TARGETS.figures && pct(s.facts) >= TARGETS.facts && s.unstatedFigures === 0 && s.notVerbatim === 0;
}
