import { gzipSync } from 'node:zlib';
import { Lexer, Source, TokenKind } from 'graphql';
import { cypher } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { queryCounter } from '../support/db-queries';
import { freshGraph, testDatabase } from '../support/graph';
import { gql, startTestServer } from '../support/server';

/**
 * Each operation limit, set low here so the tests can sit exactly on it: at the limit the
 * request runs; one step over, it is refused with HTTP 400 and QUERY_TOO_COMPLEX before any
 * database query.
 */
const LIMITS = {
  LIMIT_MAX_DEPTH: '4',
  LIMIT_MAX_ALIASES: '3',
  LIMIT_MAX_DIRECTIVES: '3',
  LIMIT_MAX_TOKENS: '60',
  LIMIT_MAX_COST: '300',
  LIMIT_MAX_PAGE_SIZE: '100',
  BODY_LIMIT: '4kb',
};

let db: Database;
let svc: RunningService;
let counter: ReturnType<typeof queryCounter>;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer(LIMITS);
  counter = queryCounter(svc.db);
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

function tokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

/** `{ entity(id: "company:alibaba") { id id id ... } }` with exactly `n` tokens. */
function queryWithTokens(n: number): string {
  const base = '{ entity(id: "company:alibaba") { id } }';
  const q = `{ entity(id: "company:alibaba") { id${' id'.repeat(n - tokens(base))} } }`;
  expect(tokens(q)).toBe(n);
  return q;
}

async function expectTooComplex(query: string, variables: Record<string, unknown> = {}, pattern?: RegExp) {
  counter.reset();
  const res = await gql(svc.url, query, variables);
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  if (pattern) expect(res.body.errors![0].message).toMatch(pattern);
  expect(counter.count()).toBe(0);
}

async function expectServed(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(svc.url, query, variables);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
}

describe('operation limits', () => {
  it('depth: 4 levels run, 5 are refused', async () => {
    await expectServed('{ search(text: "alibaba", first: 1) { entity { sources { sourceId } } } }');
    await expectTooComplex('{ search(text: "alibaba", first: 1) { entity { ... on Company { sources { sourceId } } } } }', {}, /depth limit of 4/);
  });

  it('aliases: 3 run, 4 are refused', async () => {
    const q = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: entity(id: "company:alibaba") { id }`).join(' ')} }`;
    await expectServed(q(3));
    await expectTooComplex(q(4), {}, /Aliases limit of 3/);
  });

  it('directives: 3 run, 4 are refused', async () => {
    const q = (n: number) => `{ entity(id: "company:alibaba") { ${Array.from({ length: n }, () => 'id @include(if: true)').join(' ')} } }`;
    await expectServed(q(3));
    await expectTooComplex(q(4), {}, /Directives limit of 3/);
  });

  it('tokens: 60 run, 61 are refused (before parsing finishes)', async () => {
    await expectServed(queryWithTokens(60));
    await expectTooComplex(queryWithTokens(61), {}, /more than 60 tokens, the limit/);
  });

  it('cost counts list sizes, from literals, variables and defaults: 300 runs, 304 is refused', async () => {
    // search(first: n) { score entity { id } } costs n × (1 + 1 + 2)
    const q = 'query($n: Int) { search(text: "alibaba", first: $n) { score entity { id } } }';
    await expectServed(q, { n: 75 });
    await expectTooComplex(q, { n: 76 }, /cost 304 exceeds the limit of 300/);
    await expectTooComplex('{ search(text: "alibaba", first: 76) { score entity { id } } }');
    await expectServed('{ search(text: "alibaba") { score entity { id } } }');
  });

  it('page size: first above the maximum is refused whatever the field', async () => {
    await expectTooComplex('{ search(text: "alibaba", first: 101) { score } }', {}, /Query.search\(first: 101\) asks for more than 100 items/);
  });

  it('a syntax error stays a 400 GRAPHQL_PARSE_FAILED (the token limit does not turn it into a 500)', async () => {
    const res = await gql(svc.url, '{ entity(id: ');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('body size: a request above BODY_LIMIT gets 413 with a JSON error', async () => {
    counter.reset();
    const res = await fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(5000) } }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ errors: [{ message: 'The request body is larger than the 4kb limit', extensions: { code: 'QUERY_TOO_COMPLEX', limit: '4kb' } }] });
    expect(counter.count()).toBe(0);
  });

  it('malformed JSON gets 400 with a JSON error, not an HTML page', async () => {
    const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  const post = (body: BodyInit, headers: Record<string, string>) =>
    fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = async (res: Response) => [res.status, ((await res.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code];

  it('a gzip body is read, and the limit counts its inflated size: a small file of a large body gets 413', async () => {
    const small = await post(Uint8Array.from(gzipSync(JSON.stringify({ query: '{ __typename }' }))), { 'content-encoding': 'gzip' });
    expect([small.status, await small.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
    counter.reset();
    const bomb = Uint8Array.from(gzipSync(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_000_000) } })));
    expect(bomb.length).toBeLessThan(4096);
    expect(await answer(await post(bomb, { 'content-encoding': 'gzip' }))).toEqual([413, 'QUERY_TOO_COMPLEX']);
    expect(counter.count()).toBe(0);
  });

  it('a body that cannot be read is refused with a JSON error: corrupt gzip 400, unknown encoding or charset 415', async () => {
    expect(await answer(await post('not gzip at all', { 'content-encoding': 'gzip' }))).toEqual([400, 'BAD_REQUEST']);
    expect(await answer(await post('{"query": "{ __typename }"}', { 'content-encoding': 'compress' }))).toEqual([415, 'BAD_REQUEST']);
    expect(await answer(await post('{"query": "{ __typename }"}', { 'content-type': 'application/json; charset=latin1' }))).toEqual([415, 'BAD_REQUEST']);
    // a streamed (chunked) body has no length to check first: it is cut at the limit as it arrives
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(5000) } })));
        c.close();
      },
    });
    const chunked = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(await answer(chunked)).toEqual([413, 'QUERY_TOO_COMPLEX']);
  });
});

describe('transaction timeout', () => {
  it('ends a transaction that runs past NEO4J_TX_TIMEOUT_MS with QUERY_TOO_COMPLEX', async () => {
    const quick = testDatabase({ txTimeoutMs: 300 });
    try {
      await expect(quick.read(cypher('test/slow'))).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    } finally {
      await quick.close();
    }
  });
});
