import { toEntityRecord } from '../../src/read/entity/entity.model';
import { BadUserInputError } from '../../src/common/errors';
import { countQuery, filterParams, pageQuery } from '../../src/read/connection/connection.cypher';
import { normalizeFilter } from '../../src/read/connection/connection.service';
import { relatedBatchQuery } from '../../src/read/relationship/relationship.cypher';
import { RelationshipService } from '../../src/read/relationship/relationship.service';
import type { RelationshipRepository } from '../../src/read/relationship/relationship.repository';

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadUserInputError);
    return (err as BadUserInputError).extensions.field;
  }
  throw new Error('expected a BadUserInputError');
}

describe('connection Cypher builder', () => {
  const filter = normalizeFilter('EVENT', { name: "Baidu' OR 1=1 //", eventType: ['STOCK_MOVE'], participant: 'company:baidu', dateFrom: '2025-09-01' });

  it('puts every value in parameters, never in the text', () => {
    const q = pageQuery('EVENT', filter, { field: 'DATE', direction: 'DESC' }, true);
    expect(q.text).not.toContain('Baidu');
    expect(q.text).not.toContain('STOCK_MOVE');
    expect(q.text).not.toContain('2025');
    expect(q.text).toMatch(/^MATCH \(n:Event\)/);
    expect(q.text).toContain('n.eventType IN $eq_eventType');
    expect(q.text).toContain('date($afterKey)');
    expect(q.text).toContain('ORDER BY sortKey DESC, n.id DESC');
    expect(q.text).not.toMatch(/SKIP/i);
    expect(filterParams(filter)).toEqual({ name: "baidu' or 1=1 //", eq_eventType: ['STOCK_MOVE'], participant: 'company:baidu', dateFrom: '2025-09-01' });
  });

  it('reuses one statement per shape and counts with the same conditions', () => {
    const other = normalizeFilter('EVENT', { name: 'x', eventType: ['IPO'], participant: 'y', dateFrom: '2020-01-01' });
    expect(pageQuery('EVENT', other, { field: 'DATE', direction: 'DESC' }, true)).toBe(pageQuery('EVENT', filter, { field: 'DATE', direction: 'DESC' }, true));
    const count = countQuery('EVENT', filter).text;
    expect(count).toContain('n.eventType IN $eq_eventType');
    expect(count).toContain('RETURN count(n) AS total');
  });

  it('ignores enum fields the kind does not have, and names bad filter values', () => {
    expect(normalizeFilter('COMPANY', { eventType: ['IPO'] }).equals).toEqual([]);
    expect(fieldOf(() => normalizeFilter('COMPANY', { country: 'China' }))).toBe('filter.country');
    expect(fieldOf(() => normalizeFilter('EVENT', { dateFrom: '2025-02-01', dateTo: '2025-01-01' }))).toBe('filter.dateTo');
    expect(fieldOf(() => normalizeFilter('EVENT', { name: '   ' }))).toBe('filter.name');
  });
});

describe('relationship batch query', () => {
  it('expands only the allow-listed type of each branch, with ids and limits as parameters', () => {
    const q = relatedBatchQuery([
      { type: 'PARTY_TO', direction: 'OUT', kind: 'PARTNERSHIP', limit: 10 },
      { type: 'PARTY_TO', direction: 'IN', limit: 10 },
      { type: '*', direction: 'IN', limit: 5 },
    ]);
    const parts = q.text.split('UNION ALL');
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain('MATCH (n)-[r:PARTY_TO]->(m:Partnership)');
    expect(parts[0]).toContain('UNWIND $ids0 AS id');
    expect(parts[0]).toContain('LIMIT $limit0');
    expect(parts[1]).toContain('MATCH (n)<-[r:PARTY_TO]-(m:Entity)');
    expect(parts[2]).toContain("WHERE type(r) <> 'REPORTED_IN'");
  });

  it('Entity.related rejects unknown relationship types naming `types`, and out-of-range first naming `first`', async () => {
    const service = new RelationshipService({} as RelationshipRepository);
    const load = { peek: () => undefined, load: () => Promise.resolve([]) };
    const x = toEntityRecord({ id: 'company:x', kind: 'COMPANY', name: 'X' });
    expect(fieldOf(() => service.related(x, { types: ['PARTY_TO', 'KNOWS'], direction: 'BOTH', first: 10 }, load))).toBe('types');
    expect(fieldOf(() => service.related(x, { types: null, direction: 'BOTH', first: 501 }, load))).toBe('first');
    await expect(service.related(x, { types: ['PARTY_TO'], direction: 'BOTH', first: 10 }, load)).resolves.toEqual([]);
  });

  it('answers at once, without a promise, when every list is at hand (fetched with the entity)', () => {
    const service = new RelationshipService({} as RelationshipRepository);
    const x = toEntityRecord({ id: 'company:x', kind: 'COMPANY', name: 'X' });
    const b = toEntityRecord({ id: 'company:b', kind: 'COMPANY', name: 'B' });
    const a = toEntityRecord({ id: 'company:a', kind: 'COMPANY', name: 'A' });
    const row = (entity: typeof a) => ({ entity, type: 'MAKES', direction: 'OUT' as const, role: null, properties: {} });
    const atHand = { peek: () => [row(b), row(a)], load: () => Promise.reject(new Error('not at hand?')) };
    expect(service.related(x, { types: ['MAKES'], direction: 'OUT', first: 1 }, atHand)).toEqual([row(a)]);
    expect(service.field(x, { path: [[{ type: 'MAKES', direction: 'OUT' }]] }, 10, atHand)).toEqual([a, b]);
  });
});
