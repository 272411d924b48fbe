import fc from 'fast-check';
import { type GraphQLInputType, type GraphQLNamedType, getNamedType, isEnumType, isListType, isNonNullType, isScalarType } from 'graphql';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { getSchema } from '../../src/api/schema';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { type Case, cases, MUTATION_BASELINES } from '../support/schema-cases';
import { gql, startTestServer } from '../support/server';

/**
 * Every client mistake is a client error (issue 16, item 3), property-based: generated bad values
 * of each argument's type (impossible dates, ids and names of kilobytes, JSON nested thousands of
 * levels or holding maps Neo4j cannot store, extreme integers, empty and very long lists) go into
 * every argument and input field of every query and mutation, found from the schema. For each: no
 * 5xx, no INTERNAL_SERVER_ERROR, and no Neo4j message or element id in the answer, in development
 * mode (which used to pass Neo4j's messages on).
 */
// requests per property; BAD_INPUT_RUNS=2000 covers every case many times over (a few minutes)
const QUERY_RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40);
const MUTATION_RUNS = Math.ceil(QUERY_RUNS / 4);
const CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'FORBIDDEN', 'UNAUTHENTICATED']);
/** Neo4j's error codes and class names, and element ids (`4:<database uuid>:<n>`). */
const INTERNALS = /Neo\.(ClientError|TransientError|DatabaseError)|org\.neo4j|\b\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+\b|RangeError|TypeError/;

function deep(levels: number): unknown {
  let v: unknown = { leaf: 1 };
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

const huge = (n: number) => 'a'.repeat(n);
const badStrings = fc.oneof(
  fc.constantFrom('', ' ', `company:${huge(9000)}`, huge(20_000), `Company ${'名'.repeat(5000)}`, 'company:', 'source:x'),
  fc.string({ maxLength: 8 }),
);
const badDates = fc.oneof(
  fc.constantFrom('2025-02-30', '2023-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '0000-00-00', '2025-1-1', ' 2025-01-01', ''),
  fc.record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 29, max: 31 }) }).map(
    ({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${d}`,
  ),
);
const badInts = fc.oneof(fc.constantFrom(-2147483648, 2147483647, -1, 0), fc.integer());
const badJson = fc.oneof(
  fc.constantFrom(deep(500), deep(40), { nested: { map: { of: 'maps' } } }, [{ a: 1 }], { country: huge(9000) }, { n: 1e308 }, null, 'text', 42),
  fc.json().map((j) => JSON.parse(j) as unknown),
);

/** Bad values for the type at a position; a list position gets an empty and a very long list. */
function badValues(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const bare = isNonNullType(type) ? type.ofType : type;
  if (isListType(bare)) return fc.constantFrom([], Array.from({ length: 1000 }, (_, i) => `company:c${i}`));
  const named: GraphQLNamedType = getNamedType(bare);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.value as unknown), 'NOT_A_VALUE');
  if (!isScalarType(named)) return fc.constant(null);
  switch (named.name) {
    case 'Date':
      return badDates;
    case 'Int':
    case 'Float':
      return badInts;
    case 'JSON':
      return badJson;
    case 'Boolean':
      return fc.boolean();
    default:
      return badStrings;
  }
}

let db: Database;
let svc: RunningService;
let all: Case[] = [];

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS, NODE_ENV: 'development' });
  all = cases(await getSchema(), { leaf: () => true, lists: true });
  const created = await gql(svc.url, `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`, MUTATION_BASELINES.upsertEntity, asRole('admin'));
  expect(created.body.errors).toBeUndefined();
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

async function check(c: Case, value: unknown): Promise<void> {
  const { query, variables } = c.build(value);
  const res = await gql(svc.url, query, variables, asRole('admin')).catch((err: unknown) => {
    throw new Error(`${c.label} with ${JSON.stringify(value)?.slice(0, 200)}: ${String(err)} ${String((err as Error).cause)}`);
  });
  const codes = (res.body.errors ?? []).map((e) => String(e.extensions?.code));
  const text = JSON.stringify(res.body.errors ?? []);
  if (res.status >= 500 || codes.some((code) => !CODES.has(code)) || INTERNALS.test(text)) {
    const why = res.status >= 500 ? 'status' : codes.some((code) => !CODES.has(code)) ? `code ${codes.find((code) => !CODES.has(code))}` : `internals ${INTERNALS.exec(text)?.[0]}`;
    throw new Error(`${c.label}: ${why}: ${res.status} ${text.slice(0, 300)} ... ${JSON.stringify(res.body.errors?.find((e) => !CODES.has(String(e.extensions?.code))) ?? null)}`);
  }
}

describe('generated bad values in every argument', () => {
  it('covers arguments of every type, lists included', () => {
    const labels = all.map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining(['query timeline(from)', 'query paths(maxHops)', 'query connect(ids)', 'mutation upsertEntity(input.properties)', 'mutation upsertEntity(input.id)', 'mutation upsertEntity(input.name)']),
    );
  });

  // a case and a bad value for it, drawn together: every run covers a different mix of arguments
  const draw = (operation: Case['operation']) =>
    fc.constantFrom(...all.filter((c) => c.operation === operation)).chain((c) => badValues(c.type).map((value) => [c, value] as const));

  it('queries: every answer is data or a client error, with no internals', async () => {
    await fc.assert(
      fc.asyncProperty(draw('query'), ([c, value]) => check(c, value)),
      { numRuns: QUERY_RUNS },
    );
  }, 120_000);

  it('mutations: every answer is data or a client error, with no internals', async () => {
    await fc.assert(
      fc.asyncProperty(draw('mutation'), ([c, value]) => check(c, value)),
      { numRuns: MUTATION_RUNS },
    );
  }, 120_000);

  it('names the impossible date, the over-long id and the too-deep JSON', async () => {
    const date = await gql(svc.url, '{ timeline(from: "2025-02-30") { totalCount } }');
    expect(date.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(date.body.errors![0].message).toMatch(/2025-02-30/);
    const input = (patch: Record<string, unknown>) => ({ input: { ...(MUTATION_BASELINES.upsertEntity.input as object), ...patch } });
    const UPSERT = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }';
    const longId = await gql(svc.url, UPSERT, input({ id: `company:${huge(9000)}` }), asRole('admin'));
    expect(longId.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(longId.body.errors![0].message).toMatch(/200 characters/);
    const longName = await gql(svc.url, UPSERT, input({ name: huge(9000) }), asRole('admin'));
    expect(longName.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(longName.body.errors![0].message).toMatch(/500 characters/);
    // 5,000 levels: written as text, since JSON.stringify itself cannot nest that deep
    const body = JSON.stringify({ query: UPSERT, variables: input({ properties: 'DEEP' }) }).replace('"DEEP"', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...asRole('admin') }, body });
    const deepJson = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(deepJson.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(deepJson.errors[0].message).toMatch(/more than 32 levels/);
  });

  it('answers NOT_FOUND for timeline(entityId: "") as for any unknown id', async () => {
    for (const entityId of ['', 'company:nope']) {
      const res = await gql(svc.url, 'query($e: ID) { timeline(entityId: $e) { totalCount } }', { e: entityId });
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'entityId' });
    }
  });
});
