import type { EntityInput, ImportDocument, RelationshipInput } from '../../src/write/document/document.types';

/**
 * Generated import documents that overlap: every document repeats the same shared companies,
 * sector and edges between them (identical content), and adds entities and edges of its own.
 * Used to check that concurrent imports converge to exactly what sequential ones produce.
 */
export interface OverlapOptions {
  documents: number;
  shared: number;
  ownPerDocument: number;
  /** prefix of every generated id, so tests of different files never collide */
  tag: string;
}

const section = 'main';
const provenance = (sentence: string) => [{ section, sentence, basis: 'REPORTED' as const }];

function company(id: string, name: string, country: string): EntityInput {
  return {
    id,
    kind: 'COMPANY',
    name,
    names: [
      { lang: 'en', value: name },
      { lang: 'ko', value: `${name} 주식회사` },
    ],
    properties: { country },
    provenance: provenance(`${name} was mentioned.`),
  };
}

export function overlappingDocuments({ documents, shared, ownPerDocument, tag }: OverlapOptions): ImportDocument[] {
  const sector: EntityInput = {
    id: `sector:${tag}-ai`,
    kind: 'SECTOR',
    name: `${tag} AI`,
    names: [{ lang: 'en', value: `${tag} AI` }],
    provenance: provenance('The AI sector.'),
  };
  const sharedCompanies = Array.from({ length: shared }, (_, i) => company(`company:${tag}-shared-${i}`, `${tag} Shared ${i}`, 'CN'));
  const sharedEdges: RelationshipInput[] = sharedCompanies.flatMap((c, i): RelationshipInput[] => [
    { type: 'IN_SECTOR', from: c.id, to: sector.id },
    ...(i > 0 ? [{ type: 'SUBSIDIARY_OF' as const, from: c.id, to: sharedCompanies[0].id }] : []),
  ]);
  return Array.from({ length: documents }, (_, d) => {
    const own = Array.from({ length: ownPerDocument }, (_, i) => company(`company:${tag}-d${d}-own-${i}`, `${tag} Doc ${d} Own ${i}`, 'KR'));
    const ownEdges: RelationshipInput[] = own.flatMap((c, i): RelationshipInput[] => [
      { type: 'IN_SECTOR', from: c.id, to: sector.id },
      { type: 'SUBSIDIARY_OF', from: c.id, to: sharedCompanies[i % shared].id },
    ]);
    return {
      source: {
        id: `source:${tag}-issue-${d}`,
        name: `${tag} issue ${d}`,
        names: [{ lang: 'en', value: `${tag} issue ${d}` }],
        properties: { issued: '2025-09-08', lang: 'en', title: `${tag} issue ${d}`, sections: [{ id: section, title: 'Main' }] },
      },
      entities: [sector, ...sharedCompanies, ...own],
      relationships: [...sharedEdges, ...ownEdges],
    };
  });
}
