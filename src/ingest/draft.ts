/**
 * The extractor: a newsletter issue's text in, a draft import document out (schema/SEED.md).
 * Pipeline: input check → structure (sections, lead lines, bullets, sentences, phrases) → per
 * sentence: known-entity linking, new names, figures, dates, clauses → fact patterns, one per
 * family → merge of restatements within the issue → recognition of facts the graph already has →
 * entities, relationships and provenance. Pure, synchronous and deterministic: the gazetteer is
 * everything it knows about the graph.
 */
import type { EntityInput, ImportDocument } from '../write/document/document.types';
import type { DraftRequest, DraftResult, Gazetteer, UnresolvedMention } from './draft.model';
import { readStructure } from './text/structure';
import { Linker } from './link/linker';
import { EntityRegistry } from './link/registry';
import { hashTag } from './link/romanize';
import { readSentence, type ReadContext } from './read-sentence';
import { ACTOR_KINDS, type EntityMention, type FactDraft, type Sentence } from './facts/fact.types';
import { partnerships } from './facts/partnership';
import { investments } from './facts/investment';
import { policies } from './facts/policy';
import { events } from './facts/event';
import { stockMoves } from './facts/stock';
import { metrics } from './facts/metric';
import { mergeFacts, type Cited } from './facts/merge';
import { emitFacts, kindLookup } from './emit';
import { refusal } from './input-check';
import type { Figure } from './text/numbers';
import { clauseAt } from './facts/helpers';

export interface DraftMention {
  id: string;
  text: string;
  sentence: string;
  section: string;
  known: boolean;
}

export type DraftResultWithMentions = DraftResult & { mentions: DraftMention[] };

/** Every fact the patterns find in one sentence; figures one pattern takes are not taken again. */
export function factsOf(s: Sentence): FactDraft[] {
  const first = [...stockMoves(s), ...investments(s), ...partnerships(s), ...policies(s)];
  const found = [...first, ...events(s, first)];
  const used = new Set<Figure>(found.flatMap((f) => f.used));
  return [...found, ...metrics(s, used)];
}

export function draftDocument(req: DraftRequest, gazetteer: Gazetteer): DraftResultWithMentions {
  const why = refusal(req.text, req.issued);
  const structure = why ? undefined : readStructure(req.text);
  const title = (req.title ?? structure?.title ?? '').trim() || firstLine(req.text) || 'Untitled issue';
  const issued = req.issued ?? dateIn(req.text ?? '');
  const sections = structure?.sections.length ? structure.sections.map((s) => ({ id: s.id, title: s.title || title })) : [{ id: 'section-1', title }];
  const sourceId = `source:draft-${hashTag(req.text ?? '')}`;
  const document: ImportDocument = {
    source: {
      id: sourceId,
      kind: 'SOURCE',
      name: title,
      names: [{ lang: 'ko', value: title }],
      properties: { issued: issued ?? '1970-01-01', ...(req.issued ? { datePrecision: 'DAY' as const } : {}), lang: 'ko', title, sections },
    },
    external: [],
    entities: [],
    relationships: [],
  };
  const unresolved: UnresolvedMention[] = [];
  const empty = (reason: string): DraftResultWithMentions => ({ document, unresolved, restated: [], mentions: [], reason });
  if (why || !structure) return empty(why ?? 'the text is empty');
  if (!issued) unresolved.push({ text: '', sentence: title, reason: 'no issue date given or printed: set source.properties.issued; relative dates (올해, 연말까지) were left out' });

  const registry = new EntityRegistry([...gazetteer.entities.map((e) => e.id), ...gazetteer.facts.map((f) => f.id)]);
  for (const e of gazetteer.entities) registry.known.set(e.id, e);
  // first reading: the names the graph does not know, wherever the issue names them in an actor's place
  const first: ReadContext = { linker: new Linker(gazetteer), registry, sectionIds: sections.map((s) => s.id), unresolved: [], mentionsLog: [] };
  for (const unit of structure.units) readSentence(unit, first, false);
  // second reading: those names are linked in every sentence, like the known ones
  const linker = new Linker({ entities: [...gazetteer.entities, ...registry.asGazetteer()], facts: [] });
  const ctx: ReadContext = { linker, registry, sectionIds: sections.map((s) => s.id), ...(issued ? { issued } : {}), unresolved, mentionsLog: [] };

  const found: { draft: FactDraft; cited: Cited; phrase: boolean }[] = [];
  let sectionActors: EntityMention[] = [];
  let titleActors: EntityMention[] = [];
  for (const unit of structure.units) {
    const s = readSentence(unit, ctx, true);
    if (unit.role === 'heading') {
      sectionActors = s.mentions.filter((m) => ACTOR_KINDS.includes(m.kind));
      titleActors = [];
      continue;
    }
    if (unit.role === 'bullet-title' || unit.role === 'lead-title') {
      titleActors = s.mentions;
      continue;
    }
    s.sectionActors = sectionActors;
    s.titleActors = titleActors;
    for (const draft of factsOf(s)) {
      const note = hedgeNote(draft);
      found.push({ draft, cited: { section: s.sectionId, sentence: s.text, koName: koNameOf(s, draft), confidence: draft.confidence, ...(note ? { note } : {}) }, phrase: unit.role === 'phrase' });
    }
  }
  // the bullet sentences first: they say more than the summary phrases, and the first statement's properties win
  const merged = mergeFacts([...found.filter((f) => !f.phrase), ...found.filter((f) => f.phrase)]);
  const emitted = emitFacts(merged, registry, gazetteer, kindLookup(registry), unresolved);
  const newEntities: EntityInput[] = registry.created.map((e) => e.input).filter((e) => (e.provenance ?? []).length > 0);
  document.entities = [...newEntities, ...emitted.entities];
  document.relationships = emitted.relationships;
  const defined = new Set(document.entities.map((e) => e.id));
  const referenced = new Set(document.relationships.flatMap((r) => [r.from, r.to]));
  document.external = [...referenced].filter((id) => !defined.has(id)).sort();
  const mentions = ctx.mentionsLog;
  const result: DraftResultWithMentions = { document, unresolved, restated: emitted.restated, mentions };
  if (!document.entities.length && !mentions.length) result.reason = 'nothing recognisable: no known entity, name or fact in the text';
  return result;
}

/** The fact's Korean name: its bullet's title when the title names a party, else the clause that states it. */
function koNameOf(s: Sentence, d: FactDraft): string {
  const parties = new Set(d.links.map((l) => l.id));
  if (s.role === 'sentence' && s.title && s.titleActors.some((m) => parties.has(m.id))) return s.title;
  const clause = d.at !== undefined ? clauseAt(s, d.at).text : s.text;
  return clause.trim().replace(/[.。]$/, '').trim() || s.text;
}

/** What a hedged statement's provenance says: drafted as planned or expected, not as done. */
function hedgeNote(d: FactDraft): string | undefined {
  if (d.props.observationType === 'FORECAST') return 'hedged: a forecast (전망/예상), not an observation';
  if (d.props.status === 'PLANNED') return 'hedged or future: planned, not done';
  return undefined;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.length > 0)?.slice(0, 200) ?? '';
}

/** An issue date printed in the text: `2025-09-08`, `2025.9.8`, `2025년 9월 8일`. */
function dateIn(text: string): string | undefined {
  const m = /(20\d{2})[-.년]\s?(\d{1,2})[-.월]\s?(\d{1,2})일?/.exec(text);
  if (!m) return undefined;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? undefined : d;
}
