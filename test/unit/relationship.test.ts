import { EntityFields, toEntityRecord } from '../../src/read/entity/entity.model';
import type { PartialEntityRecord } from '../../src/read/entity/entity.view';
import { batchShape, relatedBatchQuery, relatedGenericQuery } from '../../src/read/relationship/relationship.cypher';
import { RELATIONSHIP_TYPE_NAMES } from '../../src/model/relationships';
import { RELATION_FIELDS } from '../../src/read/relationship/relationship.fields';
import { branchSignature, mergeRelated, RelatedRecord } from '../../src/read/relationship/relationship.model';
import { fieldRead, RelationArgs, RelationFieldSpec } from '../../src/read/relationship/relationship.read';
import { LoadList, resolveField } from '../../src/read/relationship/relationship.resolve';
import { fieldOf } from '../support/errors';

/** Hops as `TYPE>DIRECTION>KIND:limit` per branch. */
function hops(spec: RelationFieldSpec, args: RelationArgs = {}): string[][] {
  return fieldRead(spec, args).hops.map((h) => h.branches.map((b) => `${b.type}>${b.direction}>${b.kind ?? ''}:${b.limit}`));
}

const EDGE_PROJECTION = (v: string) => `${v} {.*, createdAt: toString(${v}.createdAt), updatedAt: toString(${v}.updatedAt), contentHash: null}`;
const NODE_PROJECTION = (v: string) =>
  `${v} {.*, createdAt: toString(${v}.createdAt), updatedAt: toString(${v}.updatedAt), contentHash: null, _orderDate: null, _timelineDate: null, _degree: null, _partnerships: null, _investments: null, _events: null}`;

describe('relationship batch query', () => {
  it('expands only the allow-listed type of each branch, with ids and limits as parameters', () => {
    const q = relatedBatchQuery([
      { type: 'PARTY_TO', direction: 'OUT', kind: 'PARTNERSHIP', limit: 10 },
      { type: 'PARTY_TO', direction: 'IN', limit: 10 },
      { type: '*', direction: 'IN', limit: 5 },
    ]);
    const part = (i: number, match: string) =>
      [
        `UNWIND $ids${i} AS id`,
        'MATCH (n:Entity {id: id})',
        'CALL (n) {',
        `  ${match}`,
        `  RETURN r, m ORDER BY m.name, m.id LIMIT $limit${i}`,
        '}',
        `RETURN ${i} AS branch, id, type(r) AS type, ${EDGE_PROJECTION('r')} AS rel, ${NODE_PROJECTION('m')} AS m`,
      ].join('\n');
    expect(q.name).toBe('relationship/related');
    expect(batchShape([
      { type: 'PARTY_TO', direction: 'OUT', kind: 'PARTNERSHIP', limit: 10 },
      { type: 'PARTY_TO', direction: 'IN', limit: 10 },
      { type: '*', direction: 'IN', limit: 5 },
    ])).toBe('relationship/related:PARTY_TO>OUT>PARTNERSHIP,PARTY_TO>IN>,*>IN>');
    expect(q.text).toBe(
      [part(0, 'MATCH (n)-[r:PARTY_TO]->(m:Partnership)'), part(1, 'MATCH (n)<-[r:PARTY_TO]-(m:Entity)'), part(2, "MATCH (n)<-[r]-(m:Entity) WHERE type(r) <> 'REPORTED_IN'")].join('\nUNION ALL\n'),
    );
  });
});

describe('generic relationship query: one text for every batch', () => {
  it('one UNION part per type and direction, each reading only its typed edges for the keys that name them', () => {
    const part = (type: string, direction: 'OUT' | 'IN') => {
      const r = type === '*' ? '[r]' : `[r:${type}]`;
      const match = direction === 'OUT' ? `(n)-${r}->(m:Entity)` : `(n)<-${r}-(m:Entity)`;
      return [
        `    WITH n, k WHERE k.type = '${type}' AND k.direction = '${direction}'`,
        `    MATCH ${match}${type === '*' ? " WHERE type(r) <> 'REPORTED_IN'" : ''}`,
        '    RETURN r, m',
      ].join('\n');
    };
    const parts = [...RELATIONSHIP_TYPE_NAMES, '*'].flatMap((t) => [part(t, 'OUT'), part(t, 'IN')]);
    expect(parts).toHaveLength(46);
    expect(relatedGenericQuery.text).toBe(
      [
        'UNWIND $keys AS k',
        'MATCH (n:Entity {id: k.id})',
        'CALL (n, k) {',
        '  CALL (n, k) {',
        parts.join('\n    UNION ALL\n'),
        '  }',
        '  WITH r, m WHERE k.label IN labels(m)',
        '  WITH r, m ORDER BY m.name, m.id LIMIT $limit',
        `  RETURN collect({type: type(r), rel: ${EDGE_PROJECTION('r')}, m: ${NODE_PROJECTION('m')}}) AS rows`,
        '}',
        'UNWIND rows[..k.limit] AS row',
        'RETURN k.branch AS branch, k.id AS id, row.type AS type, row.rel AS rel, row.m AS m',
      ].join('\n'),
    );
  });
});

describe('fieldRead: one meaning per relationship field and its arguments', () => {
  it('one hop: the default or asked `first` as the limit; BOTH is OUT and IN; `one` fields read 1', () => {
    expect(hops(RELATION_FIELDS.Company.products)).toEqual([['MAKES>OUT>:10']]);
    expect(hops(RELATION_FIELDS.Company.partnerships, { first: 3 })).toEqual([['PARTY_TO>OUT>PARTNERSHIP:3']]);
    expect(hops(RELATION_FIELDS.Event.relatedFacts, { first: 2 })).toEqual([['RELATED_TO>OUT>:2', 'RELATED_TO>IN>:2']]);
    expect(hops(RELATION_FIELDS.Company.headquarters, { first: 40 })).toEqual([['HEADQUARTERED_IN>OUT>:1']]);
    expect(hops(RELATION_FIELDS.Place.metrics, { first: 4 })).toEqual([['IN_REGION>IN>:4', 'SUBJECT_OF>OUT>:4']]);
  });

  it('multi-hop: intermediate hops, and a last hop that drops the root again, read the maximum', () => {
    expect(hops(RELATION_FIELDS.Company.partners, { first: 3 })).toEqual([['PARTY_TO>OUT>PARTNERSHIP:500'], ['PARTY_TO>IN>:500']]);
    expect(fieldRead(RELATION_FIELDS.Company.partners, { first: 3 }).first).toBe(3);
  });

  it('Entity.related: the allow-listed types asked for (each once) or every type, in the direction', () => {
    expect(hops(RELATION_FIELDS.Entity.related)).toEqual([['*>OUT>:20', '*>IN>:20']]);
    expect(hops(RELATION_FIELDS.Entity.related, { types: ['MAKES', 'MAKES', 'PARTY_TO'], direction: 'IN', first: 7 })).toEqual([['MAKES>IN>:7', 'PARTY_TO>IN>:7']]);
  });

  it('refuses out-of-range `first` and unknown types, naming the argument; an explicit null `first` is the default, as on connections', () => {
    expect(fieldOf(() => fieldRead(RELATION_FIELDS.Company.products, { first: 501 }))).toBe('first');
    expect(fieldOf(() => fieldRead(RELATION_FIELDS.Company.products, { first: -1 }))).toBe('first');
    expect(fieldRead(RELATION_FIELDS.Company.products, { first: null }).first).toBe(10);
    expect(fieldRead(RELATION_FIELDS.Entity.related, { first: null }).first).toBe(20);
    expect(fieldOf(() => fieldRead(RELATION_FIELDS.Entity.related, { types: ['KNOWS'] }))).toBe('types');
  });
});

describe('resolving a relationship field', () => {
  const related = RELATION_FIELDS.Entity.related;
  const x = toEntityRecord({ id: 'company:x', kind: 'COMPANY', name: 'X' });
  const a = toEntityRecord({ id: 'company:a', kind: 'COMPANY', name: 'A' });
  const b = toEntityRecord({ id: 'company:b', kind: 'COMPANY', name: 'B' });
  const row = <E extends EntityFields>(entity: E): RelatedRecord<E> => ({ entity, type: 'MAKES', direction: 'OUT', role: null, properties: {} });

  it('Entity.related rejects unknown relationship types naming `types`, and out-of-range first naming `first`', async () => {
    const load: LoadList = () => Promise.resolve([]);
    const resolve = (args: RelationArgs) => resolveField(x, fieldRead(related, args), load);
    expect(fieldOf(() => resolve({ types: ['PARTY_TO', 'KNOWS'], direction: 'BOTH', first: 10 }))).toBe('types');
    expect(fieldOf(() => resolve({ types: null, direction: 'BOTH', first: 501 }))).toBe('first');
    await expect(resolve({ types: ['PARTY_TO'], direction: 'BOTH', first: 10 })).resolves.toEqual([]);
  });

  it('asks the loader for every key of a hop in the same tick', async () => {
    const asked: string[] = [];
    const load: LoadList = (from, branch) => {
      asked.push(`${from.id}|${branchSignature(branch)}`);
      return Promise.resolve(from.id === x.id ? [row(a), row(b)] : []);
    };
    await expect(resolveField(x, fieldRead(RELATION_FIELDS.Company.partners, { first: 5 }), load)).resolves.toEqual([]);
    expect(asked).toEqual(['company:x|PARTY_TO|OUT|PARTNERSHIP|500', 'company:a|PARTY_TO|IN||500', 'company:b|PARTY_TO|IN||500']);
  });

  it('answers at once, without a promise, when every list is at hand (fetched with the entity)', () => {
    const fail: LoadList = () => Promise.reject(new Error('not at hand?'));
    const atHand = (spec: RelationFieldSpec, args: RelationArgs): PartialEntityRecord => ({
      ...x,
      prefetched: new Map(fieldRead(spec, args).hops[0].branches.map((br) => [branchSignature(br), [row(b), row(a)].map((r) => ({ ...r, entity: { ...r.entity, prefetched: new Map() } }))])),
    });
    const edges = resolveField(atHand(related, { types: ['MAKES'], direction: 'OUT', first: 1 }), fieldRead(related, { types: ['MAKES'], direction: 'OUT', first: 1 }), fail);
    expect(edges).toEqual([row({ ...a, prefetched: new Map() })]);
    const products = RELATION_FIELDS.Company.products;
    expect(resolveField(atHand(products, {}), fieldRead(products, {}), fail)).toEqual([a, b].map((e) => ({ ...e, prefetched: new Map() })));
  });
});

describe('mergeRelated: one row per neighbour and edge type, by name then id', () => {
  const rec = (id: string, name: string, type = 'MAKES'): RelatedRecord => ({
    entity: toEntityRecord({ id, kind: 'PRODUCT', name }),
    type,
    direction: 'OUT',
    role: null,
    properties: {},
  });
  const ids = (rs: RelatedRecord[]) => rs.map((r) => r.entity.id);

  it('one list in order is the answer as it is, cut at the limit', () => {
    const list = [rec('product:b', 'Alpha'), rec('product:a', 'Beta'), rec('product:c', 'Beta')];
    expect(ids(mergeRelated([list], 10))).toEqual(['product:b', 'product:a', 'product:c']);
    expect(ids(mergeRelated([list], 2))).toEqual(['product:b', 'product:a']);
  });

  it('one list out of order, or with a neighbour twice (parallel edges), is sorted and each neighbour kept once', () => {
    expect(ids(mergeRelated([[rec('product:c', 'Gamma'), rec('product:a', 'Alpha')]], 10))).toEqual(['product:a', 'product:c']);
    expect(ids(mergeRelated([[rec('product:a', 'Alpha'), rec('product:a', 'Alpha'), rec('product:b', 'Beta')]], 10))).toEqual(['product:a', 'product:b']);
  });

  it('several lists are merged in order; the same neighbour over two edge types stays twice', () => {
    const merged = mergeRelated([[rec('product:b', 'Beta'), rec('product:d', 'Delta')], [rec('product:a', 'Alpha'), rec('product:b', 'Beta', 'USES')]], 3);
    expect(merged.map((r) => `${r.entity.id}/${r.type}`)).toEqual(['product:a/MAKES', 'product:b/MAKES', 'product:b/USES']);
  });
});
