import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode, type TypeNode } from 'graphql';
import ts from 'typescript';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { freshGraph, testDatabase } from '../support/graph';
import { gql, startTestServer } from '../support/server';

/**
 * The compiled executor (GRAPHQL_EXECUTION=compiled, graphql-jit) must answer exactly as graphql-js
 * does. Every query document of the HTTP suite (string literals of test/http/*.test.ts that parse
 * as a GraphQL query) is sent to two servers on the same seed graph, one per execution mode, with
 * variables taken from the seed; status, data and errors (messages, codes, paths) must be equal.
 */
const HTTP_TESTS = join(__dirname);

function queryDocuments(): { text: string; doc: DocumentNode }[] {
  const found = new Map<string, DocumentNode>();
  for (const file of readdirSync(HTTP_TESTS).filter((f) => f.endsWith('.test.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(HTTP_TESTS, file), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const text = node.text.trim();
        if (/^(query\b|\{)/.test(text)) {
          try {
            const doc = parse(text);
            if (doc.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query')) found.set(text, doc);
          } catch {
            // not GraphQL (or deliberately broken): not a document to compare
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].map(([text, doc]) => ({ text, doc }));
}

/** Seed values by variable name, then by type: the same for both servers. */
const BY_NAME: Record<string, unknown> = {
  id: 'company:baidu', from: 'company:baidu', to: 'company:alibaba', entityId: 'company:baidu',
  t: 'Baidu', q: 'Baidu', query: 'Baidu', first: 3, n: 3, f: 2, depth: 2, maxHops: 3, limit: 5,
  noProducts: false, derived: true, since: '2020-01-01', until: '2030-01-01',
};
function namedType(t: TypeNode): string {
  return t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type);
}
function variablesFor(doc: DocumentNode): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of (def as OperationDefinitionNode).variableDefinitions ?? []) {
      const name = v.variable.name.value;
      if (name in BY_NAME) vars[name] = BY_NAME[name];
      else if (namedType(v.type) === 'Date') vars[name] = '2025-01-01';
    }
  }
  return vars;
}

let db: Database;
let compiled: RunningService;
let standard: RunningService;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  [compiled, standard] = await Promise.all([startTestServer({ GRAPHQL_EXECUTION: 'compiled' }), startTestServer({ GRAPHQL_EXECUTION: 'standard' })]);
}, 180_000);
afterAll(async () => {
  await Promise.all([compiled?.stop(), standard?.stop()]);
  await db?.close();
});

const documents = queryDocuments();

test('the HTTP suite has query documents to compare', () => {
  expect(documents.length).toBeGreaterThan(20);
});

test.each(documents.map((d, i) => [i, d.text.replace(/\s+/g, ' ').slice(0, 80), d] as const))('document %i (%s) answers the same on both executors', async (_i, _title, { text, doc }) => {
  const variables = variablesFor(doc);
  const [a, b] = await Promise.all([gql(compiled.url, text, variables), gql(standard.url, text, variables)]);
  expect(a.status).toBe(b.status);
  expect(a.body).toEqual(b.body);
});

test('bad variables get graphql-js errors (BAD_USER_INPUT) from the compiled executor too', async () => {
  const text = 'query($id: ID!) { entity(id: $id) { id } }';
  const [a, b] = await Promise.all([gql(compiled.url, text, { id: { not: 'an id' } }), gql(standard.url, text, { id: { not: 'an id' } })]);
  expect(a.status).toBe(400);
  expect(a.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(a).toEqual(b);
});

test('a document whose compiled code would explode (nested `related` under Entity) is answered by graphql-js, not compiled', async () => {
  // four levels: 13 kinds behind each Entity position, so graphql-jit would write the innermost
  // selection 13⁴ times (it ran the process out of its heap before COMPILED_SIZE_LIMIT)
  let inner = '{ id name }';
  for (let d = 0; d < 4; d++) inner = `{ id name related(first: 2) { entity ${inner} } }`;
  const text = `{ entity(id: "company:baidu") ${inner} }`;
  const [a, b] = await Promise.all([gql(compiled.url, text), gql(standard.url, text)]);
  expect(a.status).toBe(200);
  expect(a.body.errors).toBeUndefined();
  expect(a.body.data).toMatchObject({ entity: { id: 'company:baidu', related: expect.any(Array) } });
  expect(a.body).toEqual(b.body);
});
