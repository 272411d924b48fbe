import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMigrations } from '../../src/db/migrations';
import { restoreNodes, restoreRelationships } from '../../src/backup/restore.cypher';
import { dateFieldOf, ENTITY_KINDS, HIDDEN_KEYS, KIND_LABEL, ORDER_KEYS } from '../../src/model/kinds';
import { timelineWithPrefetch } from '../../src/trace/timeline.cypher';
import { FALLBACK_PLAN } from '../../src/read/planner/selection-planner';
import { COUNT_ORDER_FIELDS } from '../../src/model/relationships';
import { deleteEntities, upsertEntities } from '../../src/write/graph-writer.cypher';
import { backfillStatement, countCreated, countRemoval, sortDateItems } from '../../src/write/order-keys.cypher';

const migration = (version: number) => {
  const m = readMigrations().find((x) => x.version === version);
  if (!m) throw new Error(`no migration ${version}`);
  return m;
};

describe('order keys', () => {
  it('sort dates: the kind’s first date for DATE, an event’s date, start or end for the timeline', () => {
    expect(sortDateItems('PRODUCT', 'n')).toEqual(["n._orderDate = coalesce(n.releaseDate, date('0001-01-01'))"]);
    expect(sortDateItems('EVENT', 'n')).toEqual([
      "n._orderDate = coalesce(n.date, date('0001-01-01'))",
      "n._timelineDate = coalesce(n.date, n.startDate, n.endDate, date('-999999999-01-01'))",
    ]);
    expect(sortDateItems('COMPANY', 'n')).toEqual([]);
    // an entity's content is written, then its sort dates from what was written
    expect(upsertEntities('METRIC').text).toContain("SET n._orderDate = coalesce(n.periodStart, date('0001-01-01')), n._degree = coalesce(n._degree, 0),");
  });

  it('a counted relationship steps the counts of both ends (once for a loop); provenance steps none', () => {
    // a statement's new relationships step each end once, by how many it holds there
    expect(countCreated('INVESTOR_IN', 'createdRels')).toBe(`CALL (createdRels) {
  UNWIND createdRels AS r
  UNWIND CASE WHEN startNode(r) = endNode(r) THEN [startNode(r)] ELSE [startNode(r), endNode(r)] END AS m
  WITH m, count(*) AS k
  SET m._degree = m._degree + k, m._investments = m._investments + k
}
`);
    expect(countRemoval('INVESTOR_IN', 'a', 'b')).toBe(`FOREACH (m IN CASE WHEN a = b THEN [a] ELSE [a, b] END |
  SET m._degree = m._degree - 1, m._investments = m._investments - 1)
`);
    expect(countCreated('REPORTED_IN', 'createdRels')).toBe('');
    expect(countRemoval('REPORTED_IN', 'a', 'b')).toBe('');
  });

  it('deleting entities takes their relationships off the counts of the neighbours that stay', () => {
    expect(deleteEntities().text).toBe(`MATCH (n:Entity)
WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]-()
WITH collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels
WITH nodes, rels,
     [n IN nodes | {id: n.id, kind: n.kind}] AS deletedNodes,
     [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id, fromKind: startNode(r).kind, toKind: endNode(r).kind, props: properties(r)}] AS deletedRels
FOREACH (r IN rels |
  FOREACH (m IN [x IN [startNode(r), endNode(r)] WHERE NOT x IN nodes] |
    SET m._degree = m._degree - CASE WHEN type(r) IN ['PARTY_TO', 'INVESTOR_IN', 'RAISED', 'FUNDS', 'ISSUED', 'AFFECTS', 'APPLIES_IN', 'INVOLVED_IN', 'OCCURRED_IN', 'RELATED_TO', 'ABOUT', 'SUBJECT_OF', 'REPORTED_BY', 'IN_MARKET', 'IN_REGION', 'MAKES', 'SUBSIDIARY_OF', 'HEADQUARTERED_IN', 'GOVERNS', 'LOCATED_IN', 'IN_SECTOR'] THEN 1 ELSE 0 END,
        m._partnerships = m._partnerships - CASE WHEN type(r) IN ['PARTY_TO'] THEN 1 ELSE 0 END,
        m._investments = m._investments - CASE WHEN type(r) IN ['INVESTOR_IN', 'RAISED'] THEN 1 ELSE 0 END,
        m._events = m._events - CASE WHEN type(r) IN ['INVOLVED_IN'] THEN 1 ELSE 0 END))
FOREACH (r IN rels | DELETE r)
FOREACH (n IN nodes | DELETE n)
RETURN size(nodes) AS nodes, size(rels) AS relationships, deletedNodes, deletedRels`);
  });

  it('restore computes the keys of what it writes: an entity’s from its dates and relationships, the ends’ counts', () => {
    const counts = "n._degree = COUNT { (n)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-() }, n._partnerships = COUNT { (n)-[:PARTY_TO]-() }, n._investments = COUNT { (n)-[:INVESTOR_IN|RAISED]-() }, n._events = COUNT { (n)-[:INVOLVED_IN]-() }";
    expect(restoreNodes('Product', 'create').text).toBe(`UNWIND $rows AS row CREATE (n:Entity:Product) SET n = row SET n._orderDate = coalesce(n.releaseDate, date('0001-01-01')), ${counts} RETURN count(n) AS written`);
    expect(restoreRelationships('PARTY_TO', 'create').text).toBe(`UNWIND $rows AS row
MATCH (a:Entity {id: row.a})
MATCH (b:Entity {id: row.b})
CREATE (a)-[r:PARTY_TO]->(b)
SET r = row.p
WITH collect(a) + collect(b) AS ends, count(r) AS written
CALL (ends) {
  UNWIND ends AS n
  WITH DISTINCT n
  SET ${counts}
}
RETURN written`);
    // provenance is in no count
    expect(restoreRelationships('REPORTED_IN', 'create').text).toMatch(/SET r = row.p\nRETURN count\(r\) AS written$/);
  });

  it('migration 014 backfills every kind with the statements the write path’s builder makes', () => {
    expect(migration(14).statements).toEqual(ENTITY_KINDS.map(backfillStatement));
  });

  it('migration 015 gives every ordering of every kind its (key, id) range index', () => {
    const indexes = migration(15).statements.map((s) => /^CREATE INDEX \w+ IF NOT EXISTS FOR \(n:(\w+)\) ON \(n\.(\w+), n\.id\)$/.exec(s)?.slice(1).join(' '));
    const expected = ENTITY_KINDS.flatMap((kind) => {
      const keys = ['createdAt', ...(dateFieldOf(kind) ? [ORDER_KEYS.date] : []), ...(kind === 'EVENT' ? [ORDER_KEYS.timeline] : []), ...COUNT_ORDER_FIELDS.map((f) => ORDER_KEYS[f])];
      return keys.map((key) => `${KIND_LABEL[kind]} ${key}`);
    });
    expect(indexes).toEqual(expected);
  });

  it('statements returning whole entities leave the hidden keys out', () => {
    const byIds = readFileSync(join(__dirname, '../../cypher/entity/by-ids.cypher'), 'utf8');
    // the timeline's events read whole (its fallback plan, or a selection of `properties`)
    const timeline = timelineWithPrefetch({ entity: false, from: false, to: false, cursor: false }, FALLBACK_PLAN).query.text;
    for (const key of HIDDEN_KEYS) expect(byIds).toContain(`${key}: null`);
    for (const key of HIDDEN_KEYS) expect(timeline).toContain(`${key}: null`);
  });
});
