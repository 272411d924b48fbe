/**
 * The one Relay implementation (src/read/relay): the cursor codec of every connection, the page
 * builder and the bound check of `first`.
 */
import { type Cursor, decodeCursor, encodeCursor } from '../../src/read/relay/cursor';
import { buildPage, rowsFor } from '../../src/read/relay/page';
import { checkFirst, PAGE_SIZES } from '../../src/read/relay/page-size';
import { fieldOf } from '../support/errors';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('connection cursors', () => {
  it('round-trip the ordering, sort key and id, and stay opaque', () => {
    const c: Cursor = { ordering: 'DATE', keys: ['2025-09-08'], id: 'event:baidu-stock-move' };
    const s = encodeCursor(c);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(s, 'DATE')).toEqual(c);
    const named = encodeCursor({ ordering: 'NAME', keys: ['알리바바 "quoted"'], id: 'company:alibaba' });
    expect(decodeCursor(named, 'NAME')?.keys[0]).toBe('알리바바 "quoted"');
  });

  it('keep the format of the cursors clients already hold: [ordering, ...keys, id]', () => {
    expect(encodeCursor({ ordering: 'NAME', keys: ['Baidu'], id: 'company:baidu' })).toBe(b64('["NAME","Baidu","company:baidu"]'));
    expect(encodeCursor({ ordering: 'ID', keys: [], id: 'company:baidu' })).toBe(b64('["ID","company:baidu"]'));
  });

  it.each([
    ['garbage', 'not base64 json!', 'DATE'],
    ['wrong shape', b64('{"a":1}'), 'DATE'],
    ['unknown ordering', b64('["SIZE","x","y"]'), 'DATE'],
    ['bad date key', b64('["DATE","next week","event:x"]'), 'DATE'],
    ['bad timestamp key', b64('["CREATED_AT","2025-09-08","event:x"]'), 'CREATED_AT'],
    ['missing key', b64('["NAME"]'), 'NAME'],
    ['extra key', b64('["ID","x","company:x"]'), 'ID'],
  ] as const)('reject %s naming `after`', (_what, cursor, ordering) => {
    expect(fieldOf(() => decodeCursor(cursor, ordering))).toBe('after');
  });

  it('rejects a cursor made for another ordering', () => {
    const s = encodeCursor({ ordering: 'NAME', keys: ['Baidu'], id: 'company:baidu' });
    expect(fieldOf(() => decodeCursor(s, 'CREATED_AT'))).toBe('after');
  });

  it('rejects a cursor of another connection: `timeline` and `events` page differently', () => {
    const timeline = encodeCursor({ ordering: 'TIMELINE', keys: ['2025-09-08'], id: 'event:a' });
    expect(fieldOf(() => decodeCursor(timeline, 'DATE'))).toBe('after');
    const byDate = encodeCursor({ ordering: 'DATE', keys: ['2025-09-08'], id: 'event:a' });
    expect(fieldOf(() => decodeCursor(byDate, 'TIMELINE'))).toBe('after');
    expect(fieldOf(() => decodeCursor(encodeCursor({ ordering: 'ID', keys: [], id: 'event:a' }), 'NAME'))).toBe('after');
  });

  it('round-trips timeline cursors (undated too) and rejects forged ones', () => {
    const dated: Cursor = { ordering: 'TIMELINE', keys: ['2025-09-08'], id: 'event:a' };
    const undated: Cursor = { ordering: 'TIMELINE', keys: [null], id: 'event:b' };
    expect(decodeCursor(encodeCursor(dated), 'TIMELINE')).toEqual(dated);
    expect(decodeCursor(encodeCursor(undated), 'TIMELINE')).toEqual(undated);
    const forged = ['nonsense', encodeCursor({ ordering: 'TIMELINE', keys: ['2025-9-8'], id: 'x' }), b64('[1,2]'), b64('{"a":1}')];
    for (const bad of forged) expect(fieldOf(() => decodeCursor(bad, 'TIMELINE'))).toBe('after');
  });

  it('reads an absent cursor as the first page', () => {
    expect(decodeCursor(null, 'TIMELINE')).toBeUndefined();
    expect(decodeCursor(undefined, 'NAME')).toBeUndefined();
    expect(decodeCursor('', 'ID')).toBeUndefined();
  });
});

describe('page builder', () => {
  const rows = ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase() }));
  const cursorOf = (r: { id: string; name: string }): Cursor => ({ ordering: 'NAME', keys: [r.name], id: r.id });

  it('turns first + 1 rows into edges, nodes and pageInfo', () => {
    expect(rowsFor(2)).toBe(3);
    const page = buildPage({ rows, first: 2, after: undefined, cursorOf, nodeOf: (r) => r.id, count: () => Promise.resolve(9) });
    expect(page.nodes).toEqual(['a', 'b']);
    expect(page.edges).toEqual([
      { cursor: encodeCursor(cursorOf(rows[0])), node: 'a' },
      { cursor: encodeCursor(cursorOf(rows[1])), node: 'b' },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: page.edges[0].cursor, endCursor: page.edges[1].cursor });
  });

  it('ends without a next page, knows it was asked with a cursor, and has null cursors when empty', () => {
    const after = cursorOf(rows[0]);
    const last = buildPage({ rows: rows.slice(1), first: 2, after, cursorOf, nodeOf: (r) => r.id, count: () => Promise.resolve(3) });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = buildPage({ rows: [], first: 0, after: undefined, cursorOf, nodeOf: (r) => r.id, count: () => Promise.resolve(3) });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('counts only when totalCount is read, and once', async () => {
    const count = jest.fn(() => Promise.resolve(42));
    const page = buildPage({ rows, first: 2, after: undefined, cursorOf, nodeOf: (r) => r.id, count });
    expect(count).not.toHaveBeenCalled();
    expect(await page.totalCount).toBe(42);
    expect(await page.totalCount).toBe(42);
    expect(count).toHaveBeenCalledTimes(1);
  });
});

describe('bound check of first', () => {
  it('applies the default for null or omitted and names `first` outside the bounds', () => {
    expect(checkFirst(null, PAGE_SIZES.connection)).toBe(20);
    expect(checkFirst(undefined, PAGE_SIZES.timeline)).toBe(50);
    expect(checkFirst(0, PAGE_SIZES.connection)).toBe(0);
    expect(checkFirst(100, PAGE_SIZES.connection)).toBe(100);
    expect(fieldOf(() => checkFirst(101, PAGE_SIZES.connection))).toBe('first');
    expect(fieldOf(() => checkFirst(-1, PAGE_SIZES.connection))).toBe('first');
    expect(fieldOf(() => checkFirst(1.5, PAGE_SIZES.connection))).toBe('first');
    expect(fieldOf(() => checkFirst(0, PAGE_SIZES.timeline))).toBe('first');
    expect(fieldOf(() => checkFirst(201, PAGE_SIZES.timeline))).toBe('first');
  });
});
