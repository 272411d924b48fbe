import neo4j from 'neo4j-driver';
import type { EntityInput, ImportDocument, RelationshipInput } from '../../src/write/document/document.validate';
import { documentRows, entityRow, provenanceRows, relationshipRow } from '../../src/write/graph-rows';
import { deleteRelationship, upsertEntities, upsertRelationships } from '../../src/write/graph-writer.cypher';

/**
 * The rows GraphWriter writes. Content hashes are pinned: they are stored as `contentHash`, so a
 * change to how they are computed would make every re-import of stored data an "update".
 */
const event: EntityInput = {
  id: 'event:launch',
  kind: 'EVENT',
  name: 'Launch',
  names: [{ lang: 'en', value: 'Launch' }],
  description: 'A launch',
  properties: { date: '2025-09-01' },
  provenance: [{ section: 'main', sentence: 'It launched.', basis: 'REPORTED', note: 'exact date added' }],
};
const EVENT_HASH = 'eda1b1572dfa2899f9ce4b667c8cf4a9943b6a73';

const link: RelationshipInput = {
  type: 'PARTY_TO',
  from: 'company:acme',
  to: 'partnership:acme-beta',
  properties: { role: 'PARTNER' },
  provenance: { source: 'source:s1', section: 'main', sentence: 'Acme partners.', basis: 'REPORTED', note: 'n' },
};

describe('entity rows', () => {
  it('merge: the given properties (ISO dates as Neo4j DATEs), the pinned content hash', () => {
    expect(entityRow(event, 'merge')).toEqual({
      id: 'event:launch',
      name: 'Launch',
      description: 'A launch',
      names: ['Launch'],
      nameLangs: ['en'],
      props: { date: new neo4j.types.Date(2025, 9, 1) },
      hash: EVENT_HASH,
      merged: false,
      replace: false,
    });
  });

  it("replace: null for every other property of the kind (removed), the same hash as merge", () => {
    const row = entityRow(event, 'replace');
    expect(row.props).toEqual({
      eventType: null,
      status: null,
      date: new neo4j.types.Date(2025, 9, 1),
      startDate: null,
      endDate: null,
      datePrecision: null,
      changePct: null,
      driverless: null,
      hoursPerDay: null,
    });
    expect(row).toMatchObject({ hash: EVENT_HASH, merged: false, replace: true });
  });

  it('an alias merge writes to the existing id and hashes under it', () => {
    const row = entityRow({ ...event, properties: undefined, description: undefined }, 'merge', { idMap: new Map([['event:launch', 'event:existing']]) });
    expect(row).toMatchObject({ id: 'event:existing', merged: true, props: {} });
  });
});

describe('relationship rows', () => {
  it('merge (import): provenance as edge properties without the note, hashed as imports always have', () => {
    expect(relationshipRow(link, 'merge')).toEqual({
      from: 'company:acme',
      to: 'partnership:acme-beta',
      props: { role: 'PARTNER', sourceId: 'source:s1', section: 'main', sentence: 'Acme partners.', basis: 'REPORTED' },
      hash: '00cd8e6d7e0aa178f1fac3d08878a81499407f9f',
    });
  });

  it('replace (link): every relationship property, null where not given; the note counts', () => {
    expect(relationshipRow(link, 'replace')).toEqual({
      from: 'company:acme',
      to: 'partnership:acme-beta',
      props: { role: 'PARTNER', description: null, sourceId: 'source:s1', section: 'main', sentence: 'Acme partners.', basis: 'REPORTED', note: 'n' },
      hash: '654f6195a88820b724646eecd90414cacad0753a',
    });
  });
});

describe('provenance rows', () => {
  it("default to the document's source; a mutation's items must name theirs", () => {
    expect(provenanceRows(event, 'merge', { source: 'source:s1' })).toEqual([
      { id: 'event:launch', source: 'source:s1', section: 'main', sentence: 'It launched.', basis: 'REPORTED', note: 'exact date added', replace: false },
    ]);
    expect(() => provenanceRows(event, 'replace')).toThrow(/without a source/);
  });
});

it('a document: its source first, then entities grouped by kind, relationships by type, provenance', () => {
  const doc: ImportDocument = {
    source: { id: 'source:s1', name: 'S1', names: [{ lang: 'en', value: 'S1' }], properties: { issued: '2025-09-15', lang: 'en', title: 'S1', sections: [{ id: 'main', title: 'Main', metricKinds: ['MARKET_SHARE'] }] } },
    entities: [event],
    relationships: [{ type: 'ABOUT', from: 'event:launch', to: 'company:acme' }],
  };
  const rows = documentRows(doc, new Map());
  expect(rows.entities.map(([kind, r]) => [kind, r.map((e) => e.id)])).toEqual([
    ['SOURCE', ['source:s1']],
    ['EVENT', ['event:launch']],
  ]);
  expect(rows.entities[0][1][0].props).toEqual({
    issued: new neo4j.types.Date(2025, 9, 15),
    lang: 'en',
    title: 'S1',
    sectionIds: ['main'],
    sectionTitles: ['Main'],
    trackedMetricKinds: ['MARKET_SHARE'],
  });
  expect(rows.relationships).toEqual([['ABOUT', [{ from: 'event:launch', to: 'company:acme', props: {}, hash: 'bf21a9e8fbc5a3846fb05b4fa0859e0917b2202f' }]]]);
  expect(rows.provenance.map((p) => p.source)).toEqual(['source:s1']);
});

describe('statements', () => {
  it('one entity upsert per kind, answering with counts or with the records', () => {
    const counts = upsertEntities('COMPANY');
    expect(counts.name).toBe('write/upsert-entities:COMPANY');
    expect(counts.text).toBe(`CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.createdAt IS NULL AS created, coalesce(n.contentHash, '') = row.hash AS same
WITH n, row, created, same, CASE WHEN created OR same THEN null ELSE properties(n) END AS before
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET n:Company, n += row.props,
      n.kind = $kind,
      n.name = CASE WHEN row.merged AND n.name IS NOT NULL THEN n.name ELSE row.name END,
      n.description = CASE WHEN row.merged AND n.description IS NOT NULL THEN n.description ELSE row.description END,
      n.names = CASE WHEN row.replace THEN row.names
                ELSE coalesce(n.names, []) + [i IN range(0, size(row.names) - 1) WHERE NOT row.names[i] IN coalesce(n.names, []) | row.names[i]] END,
      n.nameLangs = CASE WHEN row.replace THEN row.nameLangs
                    ELSE coalesce(n.nameLangs, []) + [i IN range(0, size(row.names) - 1) WHERE NOT row.names[i] IN coalesce(n.names, []) | row.nameLangs[i]] END,
      n.contentHash = row.hash, n.updatedAt = datetime(), n.updatedBy = $actor,
      n.createdAt = coalesce(n.createdAt, datetime()), n.createdBy = coalesce(n.createdBy, $actor)
  SET n._degree = coalesce(n._degree, 0), n._partnerships = coalesce(n._partnerships, 0), n._investments = coalesce(n._investments, 0), n._events = coalesce(n._events, 0))
WITH n, row, created, same, CASE WHEN before IS NULL THEN [] ELSE
       [k IN keys(n) WHERE NOT k IN ['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'contentHash', '_orderDate', '_timelineDate', '_degree', '_partnerships', '_investments', '_events'] AND NOT coalesce(before[k] = n[k], false)] +
       [k IN keys(before) WHERE NOT k IN ['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'contentHash', '_orderDate', '_timelineDate', '_degree', '_partnerships', '_investments', '_events'] AND n[k] IS NULL] END AS changedKeys
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       count(*) AS total,
       collect(CASE WHEN NOT same THEN [row.id, created, changedKeys] END) AS changes`);
    const records = upsertEntities('COMPANY', 'records');
    expect(records.name).toBe('write/upsert-entities:COMPANY:records');
    expect(records.text).toBe(counts.text.slice(0, counts.text.lastIndexOf('\nRETURN')) + '\nRETURN n, created, NOT same AS changed, changedKeys');
    expect(upsertEntities('COMPANY')).toBe(counts);
  });

  it('one relationship upsert per type, and its removal', () => {
    const counts = upsertRelationships('PARTY_TO');
    expect(counts.text).toBe(`CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:PARTY_TO]->(b)
WITH a, b, r, row, r.createdAt IS NULL AS created, coalesce(r.contentHash, '') = row.hash AS same
WITH a, b, r, row, created, same, CASE WHEN created OR same THEN null ELSE properties(r) END AS before
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET r += row.props, r.contentHash = row.hash, r.updatedAt = datetime(), r.updatedBy = $actor,
      r.createdAt = coalesce(r.createdAt, datetime()), r.createdBy = coalesce(r.createdBy, $actor))
WITH a, b, r, row, created, same, CASE WHEN before IS NULL THEN [] ELSE
       [k IN keys(r) WHERE NOT k IN ['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'contentHash', '_orderDate', '_timelineDate', '_degree', '_partnerships', '_investments', '_events'] AND NOT coalesce(before[k] = r[k], false)] +
       [k IN keys(before) WHERE NOT k IN ['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'contentHash', '_orderDate', '_timelineDate', '_degree', '_partnerships', '_investments', '_events'] AND r[k] IS NULL] END AS changedKeys
WITH sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       count(*) AS total,
       collect(CASE WHEN NOT same THEN [row.from, row.to, a.kind, b.kind, created, changedKeys] END) AS changes,
     collect(DISTINCT CASE WHEN created THEN r END) AS createdRels
CALL (createdRels) {
  UNWIND createdRels AS r
  UNWIND CASE WHEN startNode(r) = endNode(r) THEN [startNode(r)] ELSE [startNode(r), endNode(r)] END AS m
  WITH m, count(*) AS k
  SET m._degree = m._degree + k, m._partnerships = m._partnerships + k
}
RETURN created, updated, total, changes`);
    // the records variant (a mutation) answers each row, after the same count step
    const perRow = counts.text.slice(0, counts.text.indexOf('\nWITH sum('));
    const step = counts.text.slice(counts.text.indexOf('\nCALL'), counts.text.lastIndexOf('\nRETURN'));
    expect(upsertRelationships('PARTY_TO', 'records').text).toBe(`${perRow}
WITH collect({r: r, created: created, changed: NOT same, changedKeys: changedKeys, fromKind: a.kind, toKind: b.kind}) AS written,
     collect(DISTINCT CASE WHEN created THEN r END) AS createdRels${step}
UNWIND written AS w
RETURN w.r AS r, w.created AS created, w.changed AS changed, w.changedKeys AS changedKeys, w.fromKind AS fromKind, w.toKind AS toKind`);
    expect(deleteRelationship('PARTY_TO')).toEqual({
      name: 'write/delete-relationship:PARTY_TO',
      text: `MATCH (a:Entity {id: $from})-[r:PARTY_TO]->(b:Entity {id: $to})
USING INDEX SEEK a:Entity(id)
USING INDEX SEEK b:Entity(id)
WITH a, b, r, properties(r) AS props
DELETE r
FOREACH (m IN CASE WHEN a = b THEN [a] ELSE [a, b] END |
  SET m._degree = m._degree - 1, m._partnerships = m._partnerships - 1)
RETURN count(*) AS removed, collect({fromKind: a.kind, toKind: b.kind, props: props}) AS deleted`,
    });
  });
});
