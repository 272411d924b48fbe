import type { CypherQuery } from '../src/db/cypher-registry';
import type { Database } from '../src/db/database';
import { KIND_LABEL, type EntityKind } from '../src/model/kinds';
import { isImportableRelationshipType } from '../src/model/relationships';
import type { ImportDocument, PropertyValue } from '../src/write/document/document.types';
import { groupBy } from '../src/write/graph-rows';
import { countItems, isCountedType, sortDateItems } from '../src/write/order-keys.cypher';

/**
 * The import floor (issue 15 item 4): what a person would hand-write with neo4j-driver to load an
 * import document, and nothing more. One write transaction per document: the source, then the
 * entities of each kind (UNWIND + MERGE by id, names as the full-text index reads them), their
 * provenance (UNWIND + CREATE REPORTED_IN), then the relationships of each type (UNWIND + MATCH
 * both ends + MERGE, provenance as edge properties). No validation, content hashes, bookkeeping
 * properties, name resolution or change log: the cost of those is what ours ÷ floor shows.
 * Labels and types come from the model table; every value is a parameter.
 *
 * With `orderKeys`, the floor also writes what our reads need stored and indexed (migrations 014,
 * 015): each entity's sort dates and `createdAt`, and, once the document's relationships are in,
 * the counts of every entity the document touched, counted from the graph (COUNT {} reads each
 * node's degree store), the simplest exact way to write them by hand. Without it those indexes
 * stay empty, so Neo4j maintains and samples nothing for them: not the same graph as ours.
 */
const q = (name: string, text: string): CypherQuery => ({ name: `floor/${name}`, text });

const entities = (kind: EntityKind, orderKeys: boolean): CypherQuery =>
  q(`entities:${kind}${orderKeys ? ':keys' : ''}`, `UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:${KIND_LABEL[kind]}, n += row.props, n.kind = row.kind, n.name = row.name, n.names = row.names, n.nameLangs = row.nameLangs, n.description = row.description${
    orderKeys ? `\nSET ${['n.createdAt = coalesce(n.createdAt, datetime())', ...sortDateItems(kind, 'n')].join(', ')}` : ''
  }`);

/** The counts of the entities $ids, as the graph holds them (the order keys' backfill expression). */
const COUNTS = q('counts', `UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET ${countItems('n').join(', ')}`);

const PROVENANCE = q('provenance', `UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.source})
CREATE (n)-[:REPORTED_IN {section: row.section, sentence: row.sentence, basis: row.basis}]->(s)`);

const relationships = (type: string): CypherQuery => {
  if (!isImportableRelationshipType(type)) throw new Error(`not a relationship type of the model: ${type}`);
  return q(`relationships:${type}`, `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${type}]->(b)
SET r += row.props`);
};

interface EntityRow {
  id: string;
  kind: string;
  name: string;
  names: string[];
  nameLangs: string[];
  description: string | null;
  props: Record<string, PropertyValue>;
}

export class FloorImporter {
  constructor(
    private readonly db: Database,
    private readonly orderKeys = false,
  ) {}

  /** Loads one document; answers the number of provenance items written. */
  async importDocument(doc: ImportDocument): Promise<number> {
    const s = doc.source;
    const source: EntityRow = {
      id: s.id, kind: 'SOURCE', name: s.name, names: s.names.map((n) => n.value), nameLangs: s.names.map((n) => n.lang), description: s.description ?? null,
      props: { issued: s.properties.issued, lang: s.properties.lang, title: s.properties.title, sectionIds: s.properties.sections.map((x) => x.id), sectionTitles: s.properties.sections.map((x) => x.title) },
    };
    const rows: EntityRow[] = doc.entities.map((e) => ({
      id: e.id, kind: e.kind, name: e.name, names: e.names.map((n) => n.value), nameLangs: e.names.map((n) => n.lang), description: e.description ?? null, props: e.properties ?? {},
    }));
    const provenance = doc.entities.flatMap((e) => (e.provenance ?? []).map((p) => ({ id: e.id, source: p.source ?? s.id, section: p.section, sentence: p.sentence, basis: p.basis })));
    const rels = doc.relationships.map((r) => ({
      type: r.type, from: r.from, to: r.to,
      props: { ...(r.properties ?? {}), ...(r.provenance ? { sourceId: r.provenance.source ?? s.id, section: r.provenance.section, sentence: r.provenance.sentence, basis: r.provenance.basis } : {}) },
    }));
    await this.db.writeTx(async (tx) => {
      await tx.run(entities('SOURCE', this.orderKeys), { rows: [source] });
      for (const [kind, group_] of groupBy(rows, (r) => r.kind)) await tx.run(entities(kind as EntityKind, this.orderKeys), { rows: group_ });
      if (provenance.length) await tx.run(PROVENANCE, { rows: provenance });
      for (const [type, group_] of groupBy(rels, (r) => r.type)) await tx.run(relationships(type), { rows: group_ });
      if (this.orderKeys) {
        const touched = new Set([source.id, ...rows.map((r) => r.id)]);
        for (const r of rels) if (isImportableRelationshipType(r.type) && isCountedType(r.type)) touched.add(r.from).add(r.to);
        await tx.run(COUNTS, { ids: [...touched] });
      }
    }, 'floor-import', { timeoutMs: 600_000 });
    return provenance.length;
  }
}
