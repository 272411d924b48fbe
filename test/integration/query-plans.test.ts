import neo4j from 'neo4j-driver';
import type { Plan } from 'neo4j-driver';
import { allCypher, cypher, CypherQuery } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import { countQuery, pageQuery, pageWithPrefetch } from '../../src/read/connection/connection.cypher';
import { aggregateQuery } from '../../src/read/connection/aggregate.cypher';
import { groupFields, measures } from '../../src/read/connection/aggregate.model';
import { withPrefetch } from '../../src/read/planner/prefetch.cypher';
import type { PrefetchPlan } from '../../src/read/planner/prefetch.plan';
import { deleteEntities, deleteRelationship, upsertEntities, upsertRelationships } from '../../src/write/graph-writer.cypher';
import { timelineCountQuery, timelinePageQuery, timelineWithPrefetch, type TimelineShape } from '../../src/trace/timeline.cypher';
import { restoreNodes, restoreRelationships } from '../../src/backup/restore.cypher';
import { relatedBatchQuery, relatedGenericQuery } from '../../src/read/relationship/relationship.cypher';
import { expandNearQuery, expandQuery, neighborhoodQuery, nodesQuery, type TraversalSpec } from '../../src/trace/trace.cypher';
import { Importer } from '../../src/write/importer';
import { generateDocuments } from '../../bench/generate';
import { degreeRankingQuery } from '../../src/analytics/degree-ranking.cypher';
import { explainPlan, freshGraph, testDatabase } from '../support/graph';
import { DEFAULT_TRAVERSAL_KINDS, KIND_LABEL } from '../../src/model/kinds';
import { RELATIONSHIP_TYPE_NAMES } from '../../src/model/relationships';

/**
 * Every statement our code runs is planned with EXPLAIN (nothing executes) and its plan checked for
 * the operators that make a query cost grow with the size of the whole graph: scanning every node,
 * scanning all :Entity nodes (a lookup by id must use the unique-id index) and Cartesian products.
 * Each named query in cypher/ needs an entry in PARAMS (representative parameters), so a new query
 * cannot slip in unchecked. The few statements that must scan are listed in ALLOWED with the reason.
 */
const int = (n: number) => neo4j.int(n);
const ID = 'company:alibaba';

const searchParams = { query: 'alibaba', candidates: int(50), kinds: [], exact: 'alibaba', first: int(10) };

const PARAMS: Record<string, Record<string, unknown>> = {
  'analytics/graph-batch': { after: '', batch: int(5000), types: ['PARTY_TO'] },
  'analytics/graph-fingerprint': {},
  'entity/by-ids': { ids: [ID] },
  'entity/kinds-by-ids': { ids: [ID] },
  'entity/search': searchParams,
  'entity/sources-by-ids': { ids: [ID] },
  'relationship/entity-trees': { ids: [ID] },
  'import/ids-by-name': { rows: [{ id: ID, kind: 'COMPANY', lowerNames: ['alibaba'], query: '"alibaba"' }] },
  'mutation/orphaned-facts': { ids: [ID], partyTypes: ['PARTY_TO'], factKinds: ['PARTNERSHIP'] },
  'mutation/remaining-parties': { to: 'partnership:x', from: ID, type: 'PARTY_TO', partyTypes: ['PARTY_TO'] },
  'mutation/source-usage': { id: 'source:x' },
  'source/entities-by-ids': { keys: [{ key: 'k', source: 'source:x', after: null, kinds: [], withTotal: true }], limit: int(10) },
  'system/applied-migrations': {},
  'system/await-indexes': {},
  'system/entity-count': {},
  'system/record-migration': { version: 1, name: 'x', checksum: 'x' },
  'system/server-info': {},
  'trace/fact-participants': { factIds: ['partnership:x'] },
  'write/clear-citations': { id: 'source:x', actor: 'test' },
  'write/provenance-existing': { pairs: [{ id: ID, source: 'source:x' }] },
  'write/provenance-create': { rows: [{ id: ID, source: 'source:x', section: 's', sentence: 'x', basis: 'REPORTED', note: null, replace: false }], actor: 'test' },
  'write/provenance-notes': { rows: [{ eid: '4:x:1', note: 'n' }], actor: 'test' },
  'write/lock-entities': { ids: [ID] },
  'write/lock-keys': { keys: ['name:1'] },
  'mutation/party-facts': { ids: [ID], partyTypes: ['PARTY_TO'], factKinds: ['PARTNERSHIP'] },
  'backup/entities': { orderKeys: ['_degree'] },
  'backup/relationships': {},
  'backup/fingerprint': {},
  'backup/count-entities': {},
  'changes/after': { from: int(1), limit: int(10) },
  'changes/append': { changes: [], actor: 'test' },
  'changes/bounds': {},
  'changes/count-from': { from: int(1) },
  'changes/prune': { limit: int(10), retentionMs: int(1000), maxChanges: int(0) },
  'changes/rewrite': { seq: int(1), changes: [] },
  'draft/by-id': { id: 'draft:x' },
  'draft/create': { id: 'draft:x', text: 't', title: null, issued: null, content: '{}', actor: 'test' },
  'draft/delete': { id: 'draft:x' },
  'draft/list': { status: null, limit: int(10) },
  'draft/lock': { id: 'draft:x' },
  'draft/mark-committed': { id: 'draft:x', actor: 'test' },
  'draft/record-summary': { id: 'draft:x', summary: '{}' },
  'draft/update-content': { id: 'draft:x', version: int(1), content: '{}', actor: 'test' },
  'ingest/gazetteer-entities': { excludedKinds: ['SOURCE'] },
  'ingest/gazetteer-facts': { factKinds: ['PARTNERSHIP', 'INVESTMENT'] },
};

/** Statements that scan on purpose; each reason says why that is acceptable. */
const ALLOWED: Record<string, { operators: string[]; reason: string }> = {
  'analytics/graph-fingerprint': { operators: ['CartesianProduct'], reason: 'the product of three one-row lookups (the count store\'s entity and relationship counts, the change log\'s counter by its unique id), read by the ranking job' },
  'write/clear-citations': { operators: ['AllNodesScan', 'DirectedAllRelationshipsScan'], reason: 'deleting a source clears its citations on edges of every type: a rare admin write; relationship properties of untyped edges cannot be indexed' },
  'mutation/source-usage': { operators: ['AllNodesScan', 'DirectedAllRelationshipsScan'], reason: 'the same citation count before a source is deleted (admin only)' },
  'system/entity-count': { operators: ['NodeByLabelScan'], reason: 'count(n) of a label is answered from the count store, not by reading nodes' },
  'backup/count-entities': { operators: ['NodeByLabelScan'], reason: 'count(n) of a label is answered from the count store, not by reading nodes' },
  'backup/entities': { operators: ['NodeByLabelScan'], reason: 'a backup reads every entity, streamed (npm run backup)' },
  'backup/relationships': { operators: ['NodeByLabelScan'], reason: 'a backup reads every relationship, streamed (npm run backup)' },
  'backup/fingerprint': { operators: ['NodeByLabelScan', 'CartesianProduct'], reason: 'a backup checks the whole graph did not change while it read it (two one-row aggregates joined)' },
  'changes/bounds': { operators: ['CartesianProduct'], reason: 'the one counter node joined with the first batch in index order: two one-row lookups' },
  'changes/prune': { operators: ['CartesianProduct'], reason: 'the one counter node joined with the oldest batches in index order, LIMIT $limit' },
  'changes/rewrite': { operators: ['CartesianProduct'], reason: 'the one counter node and one batch found by its unique position' },
  'draft/list': { operators: ['NodeByLabelScan'], reason: 'the editors\' review list reads the drafts, which are few (kept until committed or discarded)' },
  'ingest/gazetteer-entities': { operators: ['NodeByLabelScan'], reason: 'drafting reads every entity\'s names: the graph is the extractor\'s gazetteer' },
  'ingest/gazetteer-facts': { operators: ['NodeByLabelScan'], reason: 'drafting reads the facts it may find restated, with their parties' },
};

const spec: TraversalSpec = { relTypes: RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'REPORTED_IN'), kinds: DEFAULT_TRAVERSAL_KINDS, windowed: false };

/** A prefetch plan of two levels: a company's partnerships, then every non-provenance link of each. */
const TREE_PLAN: PrefetchPlan = {
  fields: ['country'],
  signature: 'query-plans tree',
  branches: [
    {
      branch: { type: 'PARTY_TO', direction: 'OUT', kind: 'PARTNERSHIP', limit: 10 },
      edge: 'ROLE',
      child: { fields: ['date'], signature: 'child', branches: [{ branch: { type: '*', direction: 'IN', limit: 10 }, edge: 'ALL', child: { fields: 'ALL', signature: '', branches: [] } }] },
    },
  ],
};
/** A source's page of Source.entities (with its total), and each entity's products. */
const PAGE_PLAN: PrefetchPlan = {
  fields: [],
  signature: 'query-plans page',
  branches: [],
  pages: [
    {
      page: { rows: 11, after: 'company:a', kinds: ['COMPANY'], withTotal: true },
      child: { fields: [], signature: 'child', branches: [{ branch: { type: 'MAKES', direction: 'OUT', limit: 5 }, edge: 'ROLE', child: { fields: [], signature: '', branches: [] } }] },
    },
  ],
};
/** What a timeline page's selection may read: some properties of each event, and its participants. */
const EVENT_PLAN: PrefetchPlan = {
  fields: ['date', 'eventType'],
  signature: 'query-plans events',
  branches: [{ branch: { type: 'INVOLVED_IN', direction: 'IN', limit: 3 }, edge: 'ROLE', child: { fields: [], signature: '', branches: [] } }],
};
const trees = withPrefetch(cypher('relationship/entity-trees'), TREE_PLAN);
const sourcePages = withPrefetch(cypher('relationship/entity-trees'), PAGE_PLAN);
const search = withPrefetch(cypher('entity/search'), TREE_PLAN, { columns: ['score'], orderBy: 'score DESC, n0.id ASC' });
const page = pageWithPrefetch('COMPANY', { country: 'CN', equals: [] }, { field: 'NAME', direction: 'ASC' }, true, TREE_PLAN);

const timelineParams = { from: '2020-01-01', to: '2026-12-31', afterDate: '2025-06-01', afterId: 'event:x', limit: int(51) };

/** Statements that builders assemble, in representative shapes, with their parameters. */
const BUILT: { query: CypherQuery; params: Record<string, unknown> }[] = [
  { query: upsertEntities('COMPANY'), params: { rows: [], kind: 'COMPANY', actor: 'test' } },
  { query: upsertEntities('COMPANY', 'records'), params: { rows: [], kind: 'COMPANY', actor: 'test' } },
  { query: upsertRelationships('PARTY_TO'), params: { rows: [], actor: 'test' } },
  { query: upsertRelationships('PARTY_TO', 'records'), params: { rows: [], actor: 'test' } },
  { query: deleteRelationship('PARTY_TO'), params: { from: ID, to: 'partnership:x' } },
  { query: deleteEntities(), params: { ids: [ID] } },
  { query: restoreNodes('Company', 'create'), params: { rows: [] } },
  { query: restoreNodes('Company', 'merge'), params: { rows: [] } },
  { query: restoreRelationships('PARTY_TO', 'create'), params: { rows: [] } },
  { query: restoreRelationships('REPORTED_IN', 'merge'), params: { rows: [] } },
  { query: relatedBatchQuery([{ type: 'PARTY_TO', direction: 'OUT', kind: 'PARTNERSHIP', limit: 10 }]), params: { ids0: [ID], limit0: int(10) } },
  {
    query: relatedGenericQuery,
    params: {
      keys: [
        { branch: 0, id: ID, type: 'PARTY_TO', direction: 'OUT', label: 'Partnership', limit: int(10) },
        { branch: 1, id: ID, type: '*', direction: 'IN', label: 'Entity', limit: int(5) },
      ],
      limit: int(10),
    },
  },
  { query: pageQuery('COMPANY', { country: 'CN', equals: [] }, { field: 'NAME', direction: 'ASC' }, true), params: { country: 'CN', afterKey: 'a', afterId: ID, limit: int(21) } },
  { query: countQuery('COMPANY', { country: 'CN', equals: [] }), params: { country: 'CN' } },
  { query: trees.query, params: { ...trees.params, ids: [ID, 'company:baidu'] } },
  { query: sourcePages.query, params: { ...sourcePages.params, ids: ['source:x'] } },
  { query: search.query, params: { ...search.params, ...searchParams } },
  { query: page.query, params: { ...page.params, country: 'CN', afterKey: 'a', afterId: ID, limit: int(21) } },
  { query: degreeRankingQuery('COMPANY'), params: { first: int(20) } },
  { query: expandQuery(spec), params: { frontier: [ID, 'company:baidu'], limit: int(1000) } },
  { query: expandNearQuery(spec), params: { ends: [ID, 'company:baidu'], scan: int(64), spread: int(24) } },
  { query: neighborhoodQuery(spec, 2), params: { id: ID, limit: int(300), scan: int(2000), budget: int(50000) } },
  { query: nodesQuery(spec), params: { ids: [ID], scan: int(2000) } },
  ...[true, false].flatMap((entity) => [
    { query: timelinePageQuery({ entity, from: true, to: true, cursor: true }), params: { ...timelineParams, entityId: entity ? ID : null } },
    { query: timelinePageQuery({ entity, from: false, to: false, cursor: false }), params: { ...timelineParams, entityId: entity ? ID : null } },
    { query: timelineCountQuery({ entity, from: false, to: true }), params: { ...timelineParams, entityId: entity ? ID : null } },
    ...[{ entity, from: true, to: false, cursor: true }, { entity, from: false, to: false, cursor: false }].map((shape) => {
      const planned = timelineWithPrefetch(shape, EVENT_PLAN);
      return { query: planned.query, params: { ...planned.params, ...timelineParams, entityId: entity ? ID : null } };
    }),
  ]),
];

function operators(plan: Plan): { op: string; details: string }[] {
  const details = String((plan.arguments as Record<string, unknown>).Details ?? '');
  return [{ op: plan.operatorType.replace(/@.*$/, ''), details }, ...plan.children.flatMap(operators)];
}

/** At most one row: a unique-index seek of one value, maybe filtered or projected. */
const SINGLE_ROW = new Set(['NodeUniqueIndexSeek', 'NodeUniqueIndexSeek(Locking)', 'Argument', 'Filter', 'CacheProperties', 'Projection']);
function singleRow(plan: Plan): boolean {
  return operators(plan).every(({ op, details }) => SINGLE_ROW.has(op) && !/ IN /.test(details));
}

/**
 * The operators of a plan that grow with the whole graph. A Cartesian product of two single-row
 * unique seeks (`MATCH (a {id: $from}), (b {id: $to})`) is one row and harmless, so it passes.
 */
function offenders(plan: Plan): string[] {
  const own = plan.operatorType.replace(/@.*$/, '');
  const details = String((plan.arguments as Record<string, unknown>).Details ?? '');
  const bad =
    own === 'AllNodesScan' ||
    own.endsWith('AllRelationshipsScan') ||
    (own === 'NodeByLabelScan' && /:Entity\b/.test(details)) ||
    // reading every entry of the id index is a label scan in disguise
    (own === 'NodeIndexScan' && /:Entity\(id\)/.test(details)) ||
    (own.startsWith('CartesianProduct') && !plan.children.every(singleRow));
  return [...(bad ? [`${own}(${details})`] : []), ...plan.children.flatMap(offenders)];
}

let db: Database;

// The planner picks scans over seeks on a graph of a few dozen nodes, so plans are checked on the
// seed plus a small synthetic graph (the benchmark's generator): what production sizes look like.
beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  const importer = new Importer(db);
  let n = 0;
  for (const doc of generateDocuments({ companies: 600, perDocument: 600, seed: 'query-plans' })) {
    await importer.importDocument(doc, `synthetic-${n++}`, { actor: 'test', resolveByName: false });
  }
  await freshStatistics();
}, 120_000);

/**
 * Samples every range index now, and drops cached plans, so the plans checked here are made from
 * this graph's statistics. Neo4j samples an index in the background once enough of it changed, so
 * without this the samples could still describe the graphs earlier test files wrote and wiped in the
 * same database (the id index seen as nearly empty made the planner scan it for some statements).
 */
async function freshStatistics(): Promise<void> {
  const session = db.driver.session({ database: db.name });
  try {
    const indexes = await session.run("SHOW INDEXES YIELD name, type WHERE type = 'RANGE' RETURN name");
    for (const r of indexes.records) await session.run('CALL db.resampleIndex($name)', { name: r.get('name') });
    await session.run('CALL db.clearQueryCaches()');
  } finally {
    await session.close();
  }
}
afterAll(() => db.close());

const explain = (q: CypherQuery, params: Record<string, unknown>): Promise<Plan> => explainPlan(db, q, params);

const named = () => allCypher().filter((q) => !q.name.startsWith('test/'));

describe('query plans', () => {
  it('has representative parameters for every named query in cypher/', () => {
    const missing = named().map((q) => q.name).filter((n) => !(n in PARAMS));
    if (missing.length) throw new Error(`add an entry to PARAMS in test/integration/query-plans.test.ts for: ${missing.join(', ')}`);
  });

  it.each(named().map((q) => [q.name, q] as const))('%s: no full scans or Cartesian products', async (name, q) => {
    const found = offenders(await explain(q, PARAMS[name] ?? {}));
    const allowed = ALLOWED[name]?.operators ?? [];
    expect(found.filter((o) => !allowed.some((a) => o.startsWith(a)))).toEqual([]);
  });

  it.each(BUILT.map((b) => [b.query.name, b] as const))('built %s: no full scans or Cartesian products', async (_name, b) => {
    expect(offenders(await explain(b.query, b.params))).toEqual([]);
  });

  // A NAME-ordered page must come from a (name, id) or (country, name, id) index in order and stop
  // after $limit rows: a sort here reads every node of the kind (or country) before the first row.
  const SORTS = new Set(['Sort', 'Top', 'PartialSort', 'PartialTop']);
  const cursor = { afterKey: 'M', afterId: ID };
  const namePages: [string, CypherQuery, Record<string, unknown>][] = (['ASC', 'DESC'] as const).flatMap((direction) => [
    [`country ${direction}, first page`, pageQuery('COMPANY', { country: 'CN', equals: [] }, { field: 'NAME', direction }, false), { country: 'CN', limit: int(21) }],
    [`country ${direction}, after a cursor`, pageQuery('COMPANY', { country: 'CN', equals: [] }, { field: 'NAME', direction }, true), { country: 'CN', ...cursor, limit: int(21) }],
    [`all ${direction}, first page`, pageQuery('COMPANY', { equals: [] }, { field: 'NAME', direction }, false), { limit: int(21) }],
    [`all ${direction}, after a cursor`, pageQuery('COMPANY', { equals: [] }, { field: 'NAME', direction }, true), { ...cursor, limit: int(21) }],
  ]);
  it.each(namePages)('companies by name (%s): read in index order, no sort', async (_name, q, params) => {
    const ops = operators(await explain(q, params));
    expect(ops.filter(({ op }) => SORTS.has(op)).map(({ op, details }) => `${op}(${details})`)).toEqual([]);
    expect(ops.map(({ op }) => op)).toContain('Limit');
    expect(ops.some(({ op, details }) => /^NodeIndex(Seek|Scan)$/.test(op) && /:Company\((country, )?name, id\)/.test(details))).toBe(true);
  });

  // The other orderings read their stored order keys (migrations 014, 015) the same way.
  const keyPages: [string, CypherQuery, Record<string, unknown>, RegExp][] = (['ASC', 'DESC'] as const).flatMap((direction) => [
    [`products by DATE ${direction}, first page`, pageQuery('PRODUCT', { equals: [] }, { field: 'DATE', direction }, false), { limit: int(21) }, /:Product\(_orderDate, id\)/],
    [`events by DATE ${direction}, after a cursor`, pageQuery('EVENT', { equals: [] }, { field: 'DATE', direction }, true), { afterKey: '2025-01-01', afterId: 'event:x', limit: int(21) }, /:Event\(_orderDate, id\)/],
    [`companies by CREATED_AT ${direction}, after a cursor`, pageQuery('COMPANY', { equals: [] }, { field: 'CREATED_AT', direction }, true), { afterKey: '2025-01-01T00:00:00Z', afterId: ID, limit: int(21) }, /:Company\(createdAt, id\)/],
    [`companies by DEGREE ${direction}, first page`, pageQuery('COMPANY', { equals: [] }, { field: 'DEGREE', direction }, false), { limit: int(21) }, /:Company\(_degree, id\)/],
    [`people by PARTNERSHIPS ${direction}, after a cursor`, pageQuery('PERSON', { equals: [] }, { field: 'PARTNERSHIPS', direction }, true), { afterKey: '3', afterId: 'person:x', limit: int(21) }, /:Person\(_partnerships, id\)/],
    [`companies by INVESTMENTS ${direction}, first page`, pageQuery('COMPANY', { equals: [] }, { field: 'INVESTMENTS', direction }, false), { limit: int(21) }, /:Company\(_investments, id\)/],
    [`sectors by EVENTS ${direction}, first page`, pageQuery('SECTOR', { equals: [] }, { field: 'EVENTS', direction }, false), { limit: int(21) }, /:Sector\(_events, id\)/],
  ]);
  it.each(keyPages)('%s: read in index order, no sort', async (_name, q, params, index) => {
    const ops = operators(await explain(q, params));
    expect(ops.filter(({ op }) => SORTS.has(op)).map(({ op, details }) => `${op}(${details})`)).toEqual([]);
    expect(ops.map(({ op }) => op)).toContain('Limit');
    expect(ops.some(({ op, details }) => /^NodeIndex(Seek|Scan)$/.test(op) && index.test(details))).toBe(true);
  });

  // ranking(kind, by: DEGREE) reads the stored degree's (_degree, id) index twice, in index order,
  // at most $first entries each: the top by (degree, id) descending, then the cutoff degree's ties
  // from the smallest id up. A sort of the ties would read every entity of that degree.
  it.each(['COMPANY', 'PERSON', 'METRIC'] as const)('the DEGREE ranking of %s: two index-ordered reads, no sort', async (kind) => {
    const ops = operators(await explain(degreeRankingQuery(kind), { first: int(20) }));
    const label = KIND_LABEL[kind];
    expect(ops.filter(({ op }) => SORTS.has(op)).map(({ op, details }) => `${op}(${details})`)).toEqual([]);
    expect(ops.filter(({ op }) => op === 'Limit')).toHaveLength(2);
    const seeks = ops.filter(({ op, details }) => /^NodeIndex(Seek|SeekByRange|Scan)$/.test(op) && details.includes(`:${label}(_degree, id)`));
    expect(seeks).toHaveLength(2);
  });

  // The global timeline reads Event(_timelineDate, id) newest first and stops after a page: its only
  // sort is a PartialTop, which orders by id the events of one date as the index hands them over.
  const timelines: [string, TimelineShape][] = [
    ['first page', { entity: false, from: false, to: false, cursor: false }],
    ['after a cursor', { entity: false, from: false, to: false, cursor: true }],
    ['a window, after a cursor', { entity: false, from: true, to: true, cursor: true }],
    ['up to a date', { entity: false, from: false, to: true, cursor: false }],
  ];
  it.each(timelines)('the global timeline (%s): read in index order, no sort of every event', async (_name, shape) => {
    const ops = operators(await explain(timelinePageQuery(shape), { ...timelineParams, entityId: null }));
    expect(ops.filter(({ op }) => SORTS.has(op)).map(({ op }) => op)).toEqual(['PartialTop']);
    expect(ops.some(({ op, details }) => /^NodeIndex(Seek|Scan)$/.test(op) && /:Event\(_timelineDate, id\)/.test(details))).toBe(true);
  });

  // Planned (the selected properties and lists in the same statement), the page is still read in
  // index order and cut at its limit by the PartialTop, below the subqueries; the statement's own
  // ORDER BY (d, n0.id) is the order the page already has, so the events are not sorted again
  // (the branches' Tops sort each event's neighbours, not the events).
  it.each(timelines)('the planned global timeline (%s): the same index-ordered read, the page not sorted again', async (_name, shape) => {
    const planned = timelineWithPrefetch(shape, EVENT_PLAN);
    const ops = operators(await explain(planned.query, { ...planned.params, ...timelineParams, entityId: null }));
    const eventSorts = ops.filter(({ op, details }) => SORTS.has(op) && /^d DESC/.test(details)).map(({ op }) => op);
    expect(eventSorts).toEqual(['PartialTop']);
    const names = ops.map(({ op }) => op);
    expect(names.indexOf('Apply')).toBeLessThan(names.indexOf('PartialTop'));
    expect(ops.some(({ op, details }) => /^NodeIndex(Seek|Scan)$/.test(op) && /:Event\(_timelineDate, id\)/.test(details))).toBe(true);
  });

  // `aggregate` reads the matched entities once however many figures it returns; the metrics'
  // usual filter, one metricKind, is a seek of Metric(metricKind) (migration 016), not a scan.
  const metricStats = aggregateQuery('METRIC', { equals: [{ field: 'metricKind', values: ['REVENUE'] }] }, [{ op: 'count' }, { op: 'stats', measure: measures('METRIC')[0] }]);
  const metricAll = aggregateQuery('METRIC', { equals: [{ field: 'metricKind', values: ['REVENUE'] }] }, [
    { op: 'count' },
    ...groupFields('METRIC').map((field) => ({ op: 'group' as const, field })),
    { op: 'stats', measure: measures('METRIC')[0] },
  ]);
  it('the metrics aggregate by metricKind (count, every group field and stats): one seek of Metric(metricKind), no scan', async () => {
    const ops = operators(await explain(metricAll, { eq_metricKind: ['REVENUE'] }));
    expect(ops.filter(({ op }) => /Scan$/.test(op)).map(({ op, details }) => `${op}(${details})`)).toEqual([]);
    expect(ops.filter(({ op, details }) => /^NodeIndexSeek/.test(op) && /:Metric\(metricKind\)/.test(details))).toHaveLength(1);
  });

  // Count and stats of one metricKind (the dashboards' figure): the count from Metric(metricKind),
  // the groups from the covering Metric(metricKind, unit, value) (migration 017) without reading a
  // property, and the pass for metrics missing from it behind its guard.
  it('the metrics count and stats by metricKind: index reads only, the figures from the covering index', async () => {
    const ops = operators(await explain(metricStats, { eq_metricKind: ['REVENUE'] }));
    expect(ops.filter(({ op }) => /Scan$/.test(op) || op === 'CacheProperties').map(({ op, details }) => `${op}(${details})`)).toEqual([]);
    const seeks = ops.filter(({ op }) => /^NodeIndexSeek/.test(op)).map(({ details }) => /:Metric\(([^)]*)\)/.exec(details)?.[1]);
    expect(seeks.sort()).toEqual(['metricKind', 'metricKind', 'metricKind, unit, value']);
    expect(ops.map(({ op }) => op)).toContain('Unwind');
  });

  it('finds the operators it looks for (a scan by id without the index is caught)', async () => {
    const found = offenders(await explain({ name: 'test/bad', text: 'MATCH (n:Entity), (m:Entity) WHERE n.name = $a AND m.name = $b RETURN n, m' }, { a: 'x', b: 'y' }));
    expect(found.some((o) => o.startsWith('CartesianProduct'))).toBe(true);
    const scan = offenders(await explain({ name: 'test/bad2', text: 'MATCH (n) WHERE n.id = $id RETURN n' }, { id: ID }));
    expect(scan.some((o) => o.startsWith('AllNodesScan'))).toBe(true);
  });
});
