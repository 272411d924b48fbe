import { cypher } from '../db/cypher-registry';
import type { Tx } from '../db/database';
import type { ProvenanceRow } from './graph-rows';
import { lockEntities } from './write-locks';
import type { EntityKind } from '../model/kinds';

export interface ChangedEntity {
  id: string;
  kind: EntityKind;
}

/**
 * GraphWriter.upsertProvenance's work: one REPORTED_IN edge per (entity, source, section, sentence,
 * basis); writing a row again adds nothing; a merging row (an import) keeps the stored note, a
 * replacing row (a mutation) replaces it. A MERGE per row would scan every edge between the entity
 * and the source for each row, which is quadratic for an entity with thousands of provenance items
 * (5,000 took 17-33 s); instead the stored edges of each pair are read once and compared here.
 * The entities are locked first, so two writers of the same new item do not both create it.
 */
export async function upsertProvenanceRows(tx: Tx, rows: ProvenanceRow[], actor: string): Promise<ChangedEntity[]> {
  if (!rows.length) return [];
  await lockEntities(tx, rows.map((r) => r.id));
  const key = (r: { id: string; source: string; section: string; sentence: string; basis: string }) => JSON.stringify([r.id, r.source, r.section, r.sentence, r.basis]);
  const pairs = [...new Map(rows.map((r) => [`${r.id}\u0000${r.source}`, { id: r.id, source: r.source }])).values()];
  const stored = new Map<string, { note: string | null; eid: string }>();
  for (const r of await tx.run(cypher('write/provenance-existing'), { pairs })) {
    const o = r.toObject() as { id: string; source: string; section: string; sentence: string; basis: string; note: string | null; eid: string };
    stored.set(key(o), { note: o.note ?? null, eid: o.eid });
  }
  // one row per item: a later replacing row's note wins, as it would with one write after another
  const wanted = new Map<string, ProvenanceRow>();
  for (const r of rows) {
    const k = key(r);
    const earlier = wanted.get(k);
    wanted.set(k, !earlier || r.replace ? r : earlier);
  }
  const create: ProvenanceRow[] = [];
  const notes: { eid: string; note: string | null }[] = [];
  for (const [k, r] of wanted) {
    const s = stored.get(k);
    if (!s) create.push(r);
    else if (r.replace && (s.note ?? null) !== (r.note ?? null)) notes.push({ eid: s.eid, note: r.note });
  }
  // the entities whose provenance changed (an item created or its note replaced), for the change log
  const changed = new Map<string, ChangedEntity>();
  const collect = (records: { get(key: string): unknown }[]) => {
    for (const r of records) for (const e of r.get('changedEntities') as ChangedEntity[]) changed.set(e.id, e);
  };
  if (create.length) collect(await tx.run(cypher('write/provenance-create'), { rows: create, actor }));
  if (notes.length) collect(await tx.run(cypher('write/provenance-notes'), { rows: notes, actor }));
  return [...changed.values()];
}
