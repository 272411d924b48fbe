import { FACT_KINDS, SOURCE_KIND } from '../model/kinds';
import type { ImportDocument } from '../write/document/document.types';
import type { Gazetteer, GazetteerFact } from './draft.model';

const SUBTYPE_KEYS = ['partnershipType', 'investmentType', 'policyType', 'eventType', 'metricKind'];

/**
 * The gazetteer an import document would give once imported (the evaluation uses it instead of a
 * database): its non-fact entities with their names, its facts with their parties and figures.
 */
export function gazetteerFromDocument(doc: ImportDocument, keep: (id: string) => boolean = () => true): Gazetteer {
  const factKinds = new Set<string>(FACT_KINDS);
  const entities = doc.entities
    .filter((e) => e.kind !== SOURCE_KIND && !factKinds.has(e.kind) && keep(e.id))
    .map((e) => ({ id: e.id, kind: e.kind, name: e.name, names: e.names.map((n) => ({ ...n })) }));
  const facts: GazetteerFact[] = doc.entities
    .filter((e) => factKinds.has(e.kind) && keep(e.id))
    .map((e) => {
      const props = e.properties ?? {};
      const subtype = SUBTYPE_KEYS.map((k) => props[k]).find((v): v is string => typeof v === 'string');
      const figures: GazetteerFact['figures'] = {};
      for (const [k, v] of Object.entries(props)) if (!SUBTYPE_KEYS.includes(k) && !Array.isArray(v)) figures[k] = v;
      const parties = doc.relationships
        .filter((r) => (r.to === e.id && !factKinds.has(kindOf(doc, r.from))) || (r.from === e.id && !factKinds.has(kindOf(doc, r.to))))
        .filter((r) => keep(r.from) && keep(r.to))
        .map((r) => ({ id: r.from === e.id ? r.to : r.from, type: r.type, ...(r.properties?.role ? { role: r.properties.role } : {}) }));
      return { id: e.id, kind: e.kind, name: e.name, ...(subtype ? { subtype } : {}), parties, figures };
    });
  return { entities, facts };
}

function kindOf(doc: ImportDocument, id: string): string {
  return doc.entities.find((e) => e.id === id)?.kind ?? id.slice(0, id.indexOf(':')).toUpperCase();
}
