/**
 * Turns merged fact drafts into import-document entities and relationships: ids and names, one
 * provenance item per sentence (basis EXTRACTED, a confidence, a note for what was inferred), and
 * only the edges the model allows between the two kinds.
 */
import { KIND_LABEL, kindOfId, type EntityKind } from '../model/kinds';
import { documentSchema } from '../write/document/document.validate';
import { ENDPOINT_RULES, isImportableRelationshipType } from '../model/relationships';
import type { EntityInput, PropertyValue, ProvenanceInput, RelationshipInput } from '../write/document/document.types';
import type { Gazetteer, GazetteerFact, RestatedFact, UnresolvedMention } from './draft.model';
import { linkKey, type MergedFact } from './facts/merge';
import type { EntityRegistry } from './link/registry';
import { findRestated } from './restated';

export interface Emitted {
  entities: EntityInput[];
  relationships: RelationshipInput[];
  restated: RestatedFact[];
}

const provenance = (c: { section: string; sentence: string; confidence: number; note?: string }, note?: string): ProvenanceInput => ({
  section: c.section,
  sentence: c.sentence,
  basis: 'EXTRACTED',
  confidence: Math.max(0.05, Math.min(1, Math.round(c.confidence * 100) / 100)),
  ...(note ?? c.note ? { note: note ?? c.note } : {}),
});

export function emitFacts(facts: MergedFact[], registry: EntityRegistry, gazetteer: Gazetteer, kindOf: (id: string) => EntityKind | undefined, unresolved: UnresolvedMention[]): Emitted {
  const entities: EntityInput[] = [];
  const relationships: RelationshipInput[] = [];
  const restated: RestatedFact[] = [];
  const labelOf = (id: string): string => registry.known.get(id)?.name ?? registry.created.find((e) => e.input.id === id)?.input.name ?? id.slice(id.indexOf(':') + 1);
  for (const f of facts) {
    const d = f.draft;
    const existing = findRestated(d, gazetteer.facts);
    const parties = d.links.filter((l) => l.direction === 'in').map((l) => labelOf(l.id));
    const name = `${[...new Set(parties)].slice(0, 3).join('–') || 'China'} ${d.label}`.trim();
    const id = existing?.id ?? registry.freshId(d.kind, name);
    const first = f.citations[0];
    const entity: EntityInput = {
      id,
      kind: d.kind,
      name: existing?.name ?? name,
      names: existing ? [{ lang: 'en', value: existing.name }] : [{ lang: 'ko', value: first.koName }, { lang: 'en', value: name }].filter((n, i, a) => a.findIndex((x) => x.value === n.value) === i),
      properties: existing ? existingProperties(existing) : d.props,
      provenance: f.citations.map((c) => provenance({ ...c, confidence: d.confidence }, existing ? `restates ${existing.id}` : undefined)),
    };
    entities.push(entity);
    if (existing) for (const c of f.citations) restated.push({ id: existing.id, sentence: c.sentence, section: c.section });
    for (const l of d.links) {
      const [from, to] = l.direction === 'in' ? [l.id, id] : [id, l.id];
      const rule = isImportableRelationshipType(l.type) ? ENDPOINT_RULES[l.type] : undefined;
      const fk = from === id ? d.kind : kindOf(from);
      const tk = to === id ? d.kind : kindOf(to);
      const cited = f.linkSources.get(linkKey(l)) ?? first;
      if (!rule || !fk || !tk || !rule.from.includes(fk) || !rule.to.includes(tk)) {
        unresolved.push({ text: `${l.type} ${from} → ${to}`, sentence: cited.sentence, section: cited.section, reason: 'the model does not join these kinds this way' });
        continue;
      }
      if (existing && existing.parties.some((p) => p.id === l.id && p.type === l.type)) continue;
      relationships.push({
        type: l.type as RelationshipInput['type'],
        from,
        to,
        ...(l.role ? { properties: { role: l.role } } : {}),
        provenance: provenance({ ...cited, confidence: l.inferred ? d.confidence - 0.2 : d.confidence }, l.inferred ? `inferred: ${l.inferred}` : undefined),
      });
    }
    // a launch of a product the graph does not know yet: its launcher makes it
    if (d.subtype === 'LAUNCH') {
      const launcher = d.links.find((l) => l.role === 'LAUNCHER');
      for (const p of d.links.filter((l) => l.type === 'ABOUT' && kindOf(l.id) === 'PRODUCT' && !registry.known.has(l.id))) {
        if (launcher && ['COMPANY', 'GOVERNMENT', 'ORGANIZATION'].includes(kindOf(launcher.id) ?? '')) {
          const cited = f.linkSources.get(linkKey(p)) ?? first;
          relationships.push({ type: 'MAKES', from: launcher.id, to: p.id, provenance: provenance({ ...cited, confidence: d.confidence - 0.1 }, 'the launcher makes what it launches') });
        }
      }
    }
  }
  return { entities, relationships: dedupe(relationships), restated };
}

const SUBTYPE_KEY: Partial<Record<EntityKind, string>> = { PARTNERSHIP: 'partnershipType', INVESTMENT: 'investmentType', POLICY: 'policyType', EVENT: 'eventType', METRIC: 'metricKind' };
type SchemaDefs = Record<string, { properties?: Record<string, unknown> }>;

/**
 * A restated fact's properties are the ones the graph has (its type, figures and dates), so
 * importing the draft rewrites the same values and changes nothing but the new citation.
 */
function existingProperties(f: GazetteerFact): Record<string, PropertyValue> {
  const allowed = Object.keys((documentSchema.$defs as SchemaDefs)[`properties${KIND_LABEL[f.kind]}`]?.properties ?? {});
  const out: Record<string, PropertyValue> = {};
  const key = SUBTYPE_KEY[f.kind];
  if (key && f.subtype) out[key] = f.subtype;
  for (const [k, v] of Object.entries(f.figures)) if (allowed.includes(k)) out[k] = v;
  return out;
}

function dedupe(rs: RelationshipInput[]): RelationshipInput[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = `${r.type}|${r.from}|${r.to}|${r.properties?.role ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The kind of an id: from the draft's own entities, the gazetteer, or its prefix. */
export function kindLookup(registry: EntityRegistry): (id: string) => EntityKind | undefined {
  return (id) => registry.known.get(id)?.kind ?? registry.created.find((e) => e.input.id === id)?.input.kind ?? kindOfId(id);
}

