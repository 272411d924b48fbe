import type { EntityInput, ImportDocument } from '../../src/write/document/document.types';

/**
 * A hub-heavy import document, the shape of the reported runaway path search: two sectors, each
 * reported in one source by thousands of sentences (one REPORTED_IN edge each, so thousands of
 * parallel relationships between each sector and the source), and a few companies in each sector.
 */
export function hubDocument(tag: string, itemsA: number, itemsB: number): ImportDocument {
  const section = 'main';
  const items = (n: number, name: string) =>
    Array.from({ length: n }, (_, i) => ({ section, sentence: `${name} is mentioned in sentence ${i}.`, basis: 'REPORTED' as const }));
  const sector = (id: string, name: string, n: number): EntityInput => ({ id, kind: 'SECTOR', name, names: [{ lang: 'en', value: name }], provenance: items(n, name) });
  const company = (i: number): EntityInput => ({
    id: `company:${tag}-c${i}`,
    kind: 'COMPANY',
    name: `${tag} Company ${i}`,
    names: [{ lang: 'en', value: `${tag} Company ${i}` }],
    provenance: items(1, `${tag} Company ${i}`),
  });
  const companies = Array.from({ length: 6 }, (_, i) => company(i));
  return {
    source: {
      id: `source:${tag}`,
      name: `${tag} issue`,
      names: [{ lang: 'en', value: `${tag} issue` }],
      properties: { issued: '2025-09-08', lang: 'en', title: `${tag} issue`, sections: [{ id: section, title: 'Main' }] },
    },
    entities: [sector(`sector:${tag}-a`, `${tag} Sector A`, itemsA), sector(`sector:${tag}-b`, `${tag} Sector B`, itemsB), ...companies],
    relationships: companies.map((c, i) => ({ type: 'IN_SECTOR' as const, from: c.id, to: i % 2 ? `sector:${tag}-b` : `sector:${tag}-a` })),
  } as ImportDocument;
}
