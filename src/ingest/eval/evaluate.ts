/**
 * The evaluation runs of `npm run ingest:eval`: the seed newsletter drafted with three gazetteers,
 * scored against its curated document.
 *
 * - `linking`: the gazetteer holds the curated document's entities but none of its facts. Every
 *   name is known, so this measures linking, figures and fact patterns, not the drafting of new
 *   entities. The targets apply to this run.
 * - `new entities`: the gazetteer keeps only the entities the curated document adds as common
 *   knowledge (no sentence of the issue states them); every entity the newsletter names must be
 *   drafted as new and is matched to the curated one by its name.
 * - `restated`: the gazetteer holds the whole curated graph, facts included, as if the issue were
 *   imported already; counts the draft facts recognised as existing facts instead of duplicated.
 */
import type { ImportDocument } from '../../write/document/document.types';
import { FACT_KINDS } from '../../model/kinds';
import { draftDocument } from '../draft';
import { gazetteerFromDocument } from '../gazetteer';
import type { Gazetteer } from '../draft.model';
import { scoreDraft, type Score } from './score';

export interface EvalRun {
  name: string;
  score: Score;
  ms: number;
  newEntities: number;
  restated: number;
  unresolved: number;
}

const FACTS = new Set<string>(FACT_KINDS);

export function gazetteers(curated: ImportDocument): { name: string; gazetteer: Gazetteer }[] {
  const factIds = new Set(curated.entities.filter((e) => FACTS.has(e.kind)).map((e) => e.id));
  const onlyCommon = new Set(curated.entities.filter((e) => (e.provenance ?? []).every((p) => p.basis === 'COMMON_KNOWLEDGE')).map((e) => e.id));
  return [
    { name: 'linking (seed entities known)', gazetteer: gazetteerFromDocument(curated, (id) => !factIds.has(id)) },
    { name: 'new entities (newsletter names unknown)', gazetteer: gazetteerFromDocument(curated, (id) => onlyCommon.has(id) && !factIds.has(id)) },
    { name: 'restated (whole seed graph known)', gazetteer: gazetteerFromDocument(curated) },
  ];
}

export function evaluate(text: string, curated: ImportDocument, now: () => number = Date.now): EvalRun[] {
  const issued = curated.source.properties.issued;
  return gazetteers(curated).map(({ name, gazetteer }) => {
    const t0 = now();
    const draft = draftDocument({ text, issued }, gazetteer);
    const ms = now() - t0;
    return {
      name,
      score: scoreDraft(curated, draft.document, draft.mentions, text),
      ms,
      newEntities: draft.document.entities.filter((e) => !FACTS.has(e.kind)).length,
      restated: new Set(draft.restated.map((r) => r.id)).size,
      unresolved: draft.unresolved.length,
    };
  });
}
