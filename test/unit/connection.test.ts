import { countQuery, filterParams, pageQuery } from '../../src/read/connection/connection.cypher';
import { normalizeFilter } from '../../src/read/connection/connection.service';
import { fieldOf } from '../support/errors';

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
