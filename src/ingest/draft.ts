import type { DraftRequest, DraftResult, Gazetteer } from './draft.model';

/**
 * Drafts an import document from a newsletter issue's text. Pure, synchronous, deterministic: the
 * gazetteer is everything it knows about the graph.
 */
export function draftDocument(req: DraftRequest, gazetteer: Gazetteer): DraftResult {
  void gazetteer;
  return {
    document: { source: { id: 'source:draft', name: req.title ?? 'draft', names: [{ lang: 'ko', value: req.title ?? 'draft' }], properties: { issued: req.issued ?? '1970-01-01', lang: 'ko', title: req.title ?? 'draft', sections: [] } }, entities: [], relationships: [] },
    unresolved: [],
    restated: [],
    reason: 'the extractor is not written yet',
  };
}
