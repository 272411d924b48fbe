import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { toPlain, toPlainObject } from '../db/values';
import { FACT_KINDS, SOURCE_KIND, isEntityKind, BOOKKEEPING_KEYS } from '../model/kinds';
import type { Gazetteer, GazetteerEntity, GazetteerFact, GazetteerParty } from './draft.model';

/** Fact properties that tell one fact from another: its type and its figures and dates. */
const SUBTYPE_KEYS = ['partnershipType', 'investmentType', 'policyType', 'eventType', 'metricKind'];
const SKIPPED = new Set<string>(['id', 'kind', 'name', 'names', 'nameLangs', 'description', ...BOOKKEEPING_KEYS]);

/**
 * What the graph already knows, for the extractor: every entity's names in every language, and
 * every fact with its parties and figures. Two read queries; the whole graph's names fit in memory
 * (the extractor matches them against the text).
 */
export async function loadGazetteer(db: Database): Promise<Gazetteer> {
  const [entityRecords, factRecords] = await Promise.all([
    db.read(cypher('ingest/gazetteer-entities'), { excludedKinds: [SOURCE_KIND, ...FACT_KINDS] }),
    db.read(cypher('ingest/gazetteer-facts'), { factKinds: [...FACT_KINDS] }),
  ]);
  const entities: GazetteerEntity[] = [];
  for (const r of entityRecords) {
    const kind = r.get('kind');
    if (!isEntityKind(kind)) continue;
    const names = r.get('names') as string[];
    const langs = r.get('langs') as string[];
    entities.push({ id: r.get('id'), kind, name: r.get('name'), names: names.map((value, i) => ({ lang: langs[i] ?? 'und', value })) });
  }
  const facts: GazetteerFact[] = [];
  for (const r of factRecords) {
    const kind = r.get('kind');
    if (!isEntityKind(kind)) continue;
    const props = toPlainObject(r.get('props')) as Record<string, unknown>;
    const figures: GazetteerFact['figures'] = {};
    let subtype: string | undefined;
    for (const [k, v] of Object.entries(props)) {
      if (SKIPPED.has(k)) continue;
      if (SUBTYPE_KEYS.includes(k) && typeof v === 'string') subtype = v;
      else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') figures[k] = v;
    }
    const parties = (toPlain(r.get('parties')) as { id: string; type: string; role: string | null }[]).map(
      (p): GazetteerParty => (p.role ? { id: p.id, type: p.type, role: p.role } : { id: p.id, type: p.type }),
    );
    facts.push({ id: r.get('id'), kind, name: r.get('name'), ...(subtype ? { subtype } : {}), parties, figures });
  }
  return { entities, facts };
}
