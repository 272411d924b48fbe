import fc from 'fast-check';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { getSchema } from '../../src/api/schema';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { graphState, storedStrings } from '../support/graph-state';
import { gql, startTestServer } from '../support/server';
import { type Case, cases, MUTATION_BASELINES, TARGET } from '../support/schema-cases';

/**
 * Cypher injection, property-based: strings mixing quotes, backticks (and their \u0060 escape),
 * comment markers, braces, parameters and whole Cypher clauses go into every String and ID
 * argument (and input field) of every query and mutation, found from the schema itself so fields
 * added later are covered too, plus the string arguments of the fields those return. For each:
 * no response is a 5xx or an INTERNAL_SERVER_ERROR; queries leave the graph exactly as it was;
 * mutations change nothing but their own target entity, and a string they accept is stored
 * verbatim (data, never code).
 */
const RUNS = Number(process.env.INJECTION_RUNS ?? 10);
const CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'FORBIDDEN', 'UNAUTHENTICATED']);

const FRAGMENTS = [
  "'", '"', '`', '\\u0060', '\u0060', '``', '\\', '//', '/*', '*/', '}', '{', ')', '(', ']', '[', ';', ':', '|', '$', '$id', '$query',
  'MATCH (n) DETACH DELETE n', '` MATCH (n) DETACH DELETE n //', "' OR 1=1 //", '"}) MATCH (n) DETACH DELETE n //', '}) DETACH DELETE n RETURN 1 //',
  'CALL db.labels()', 'WITH 1 AS x', 'SET n.name = "x"', ':Company', '-[:PARTY_TO]->', 'company:', '*:*', 'AND', 'OR', '\n', '\t', ' ',
  '한국어', '阿里巴巴', '😀', '\u0000', '\u202e',
];
const payload = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

let db: Database;
let svc: RunningService;
let all: Case[] = [];

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS });
  all = cases(await getSchema());
  const created = await gql(svc.url, `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`, MUTATION_BASELINES.upsertEntity, asRole('admin'));
  expect(created.body.errors).toBeUndefined();
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

async function send(c: Case, value: string) {
  const { query, variables } = c.build(value);
  const res = await gql(svc.url, query, variables, asRole('admin'));
  const codes = (res.body.errors ?? []).map((e) => String(e.extensions?.code));
  return { res, codes, query, variables };
}

describe('Cypher injection through every string argument', () => {
  it('finds the string arguments of the queries and mutations in the schema', () => {
    const labels = all.map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'query entity(id)',
        'query search(text)',
        'mutation upsertEntity(input.names.0.value)',
        'mutation upsertEntity(input.provenance.0.sentence)',
        'mutation link(input.type)',
        'mutation link(input.role)',
        'mutation unlink(input.type)',
        'mutation deleteEntity(id)',
        'mutation importDocument(document)',
      ]),
    );
  });

  it('queries: no 5xx, no internal error, the graph unchanged', async () => {
    const before = await graphState(db);
    const queue = all.filter((x) => x.operation === 'query');
    // reads cannot disturb each other: four cases at a time keeps the file well under a minute
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const current = c;
        await fc.assert(
          fc.asyncProperty(payload, async (value) => {
            const { res, codes, query } = await send(current, value);
            if (res.status >= 500 || codes.some((code) => !CODES.has(code))) throw new Error(`${current.label}: ${res.status} ${JSON.stringify(res.body.errors)} for ${query}`);
          }),
          { numRuns: RUNS },
        );
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(await graphState(db)).toEqual(before);
  });

  it('mutations: no 5xx, no internal error, nothing written but the target, and accepted strings stored verbatim', async () => {
    const before = await graphState(db, TARGET);
    for (const c of all.filter((x) => x.operation === 'mutation')) {
      await fc.assert(
        fc.asyncProperty(payload, async (value) => {
          const { res, codes, query } = await send(c, value);
          if (res.status >= 500 || codes.some((code) => !CODES.has(code))) throw new Error(`${c.label}: ${res.status} ${JSON.stringify(res.body.errors)} for ${query}`);
          if (!res.body.errors && /upsertEntity|link\(/.test(c.label) && !c.label.includes('unlink') && !(await storedStrings(db, TARGET)).includes(value)) {
            throw new Error(`${c.label} accepted ${JSON.stringify(value)} but did not store it verbatim`);
          }
          const after = await graphState(db, TARGET);
          if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${c.label} with ${JSON.stringify(value)} changed the graph: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }),
        { numRuns: RUNS },
      );
    }
  });
});
