import { BadUserInputError } from '../../src/common/errors';
import { countQuery, filterParams, pageQuery } from '../../src/read/connection/connection.cypher';
import { decodeCursor, encodeCursor } from '../../src/read/connection/connection.model';
import { normalizeFilter } from '../../src/read/connection/connection.service';

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadUserInputError);
    return (err as BadUserInputError).extensions.field;
  }
  throw new Error('expected a BadUserInputError');
}

describe('connection cursors', () => {
  it('round-trip the ordering, sort key and id, and stay opaque', () => {
    const c = { field: 'DATE' as const, key: '2025-09-08', id: 'event:baidu-stock-move' };
    const s = encodeCursor(c);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(s, 'DATE')).toEqual(c);
    const named = encodeCursor({ field: 'NAME', key: '알리바바 "quoted"', id: 'company:alibaba' });
    expect(decodeCursor(named, 'NAME').key).toBe('알리바바 "quoted"');
  });

  it.each([
    ['garbage', 'not base64 json!', 'DATE'],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url'), 'DATE'],
    ['unknown ordering', Buffer.from('["SIZE","x","y"]').toString('base64url'), 'DATE'],
    ['bad date key', Buffer.from('["DATE","next week","event:x"]').toString('base64url'), 'DATE'],
    ['bad timestamp key', Buffer.from('["CREATED_AT","2025-09-08","event:x"]').toString('base64url'), 'CREATED_AT'],
  ] as const)('reject %s naming `after`', (_what, cursor, field) => {
    expect(fieldOf(() => decodeCursor(cursor, field))).toBe('after');
  });

  it('rejects a cursor made for another ordering', () => {
    const s = encodeCursor({ field: 'NAME', key: 'Baidu', id: 'company:baidu' });
    expect(fieldOf(() => decodeCursor(s, 'CREATED_AT'))).toBe('after');
  });
});

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
