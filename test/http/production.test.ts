import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { freshGraph, testDatabase } from '../support/graph';
import { gql, startTestServer } from '../support/server';

/** What NODE_ENV=production changes: introspection, suggestions, CSRF prevention, error detail. */
let db: Database;
let prod: RunningService;
let dev: RunningService;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  prod = await startTestServer({ NODE_ENV: 'production' });
  dev = await startTestServer({ NODE_ENV: 'development' });
});
afterAll(async () => {
  await prod?.stop();
  await dev?.stop();
  await db?.close();
});

const INTROSPECTION = '{ __schema { queryType { name } } }';
const TYPO = '{ entty(id: "company:alibaba") { id } }';

describe('production mode', () => {
  it('turns introspection off unless ENABLE_INTROSPECTION is set', async () => {
    const off = await gql(prod.url, INTROSPECTION);
    expect(off.status).toBe(400);
    expect(off.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const enabled = await startTestServer({ NODE_ENV: 'production', ENABLE_INTROSPECTION: 'true' });
    try {
      expect((await gql(enabled.url, INTROSPECTION)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await enabled.stop();
    }
  });

  it('gives no "Did you mean" suggestions (development does)', async () => {
    const inDev = await gql(dev.url, TYPO);
    expect(inDev.body.errors![0].message).toMatch(/Did you mean/);
    const inProd = await gql(prod.url, TYPO);
    expect(inProd.status).toBe(400);
    expect(inProd.body.errors![0].message).not.toMatch(/Did you mean|entity/);
  });

  it('sends no stack traces or internals in errors', async () => {
    const res = await gql(prod.url, '{ search(text: "") { score } }');
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.ts:\d+|Neo4j|Cypher/i);
    expect(res.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('prevents CSRF: a GET without a preflight header is refused; with it, or as JSON POST, it runs', async () => {
    const simple = await fetch(`${prod.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(`${prod.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    const textPlain = await fetch(`${prod.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(textPlain.status).toBeGreaterThanOrEqual(400);
    expect((await gql(prod.url, '{ __typename }')).status).toBe(200);
  });

  it('refuses mutations over GET (405), even with a preflight header', async () => {
    const res = await fetch(`${prod.url}/graphql?query=${encodeURIComponent('mutation { deleteEntity(id: "company:alibaba") { deletedIds } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
  });
});
