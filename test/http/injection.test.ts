import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { getSchema } from '../../src/api/schema';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { graphState, storedStrings } from '../support/graph-state';
import { gql, startTestServer } from '../support/server';

/**
 * Cypher injection, property-based: strings mixing quotes, backticks (and their \u0060 escape),
 * comment markers, braces, parameters and whole Cypher clauses go into every String and ID
 * argument (and input field) of every query and mutation, found from the schema itself so fields
 * added later are covered too, plus the string arguments of the fields those return. For each:
 * no response is a 5xx or an INTERNAL_SERVER_ERROR; queries leave the graph exactly as it was;
 * mutations change nothing but their own target entity, and a string they accept is stored
 * verbatim (data, never code).
 */
const SOURCE = 'source:china-ai-weekly-b2d2384472f2fb10';
const TARGET = 'company:injection-target';
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

/** A valid value for a required argument of this type; the payload goes elsewhere. */
function baseline(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return baseline(type.ofType, name);
  if (isListType(type)) return name === 'ids' ? ['company:alibaba', 'company:baidu'] : [baseline(type.ofType, name)];
  if (isInputObjectType(type)) return fillRequired(type);
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return name === 'to' ? 'company:baidu' : 'company:alibaba';
    case 'String':
      return 'alibaba';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-09-08';
    default:
      return {};
  }
}

function fillRequired(type: GraphQLInputObjectType): Record<string, unknown> {
  return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, baseline(f.type, f.name)]));
}

/** Known-good inputs for our own mutations, so a payload reaches the database layer instead of failing on a missing field. */
const MUTATION_BASELINES: Record<string, Record<string, unknown>> = {
  upsertEntity: {
    input: { id: TARGET, name: 'Injection Target', names: [{ lang: 'en', value: 'Injection Target' }], description: 'target', provenance: [{ source: SOURCE, section: 'other-news', sentence: 'injection test', basis: 'REPORTED' }] },
  },
  link: { input: { from: TARGET, type: 'PARTY_TO', to: 'partnership:momenta-uber', role: 'PARTNER' } },
  unlink: { input: { from: TARGET, type: 'PARTY_TO', to: 'partnership:momenta-uber' } },
  deleteEntity: { id: TARGET },
};

type Path = (string | number)[];

/** Every path to a String or ID (or JSON) value inside an argument's type. */
function stringPaths(type: GraphQLInputType, path: Path, seen = new Set<string>()): Path[] {
  if (isNonNullType(type)) return stringPaths(type.ofType, path, seen);
  if (isListType(type)) return stringPaths(type.ofType, [...path, 0], seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return [];
    const next = new Set(seen).add(type.name);
    return Object.values(type.getFields()).flatMap((f) => stringPaths(f.type, [...path, f.name], next));
  }
  return isScalarType(type) && ['String', 'ID', 'JSON'].includes(type.name) ? [path] : [];
}

function setPath(root: Record<string, unknown>, path: Path, value: unknown, types: GraphQLInputType): void {
  let obj: Record<string | number, unknown> = root;
  let type: GraphQLInputType = types;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    while (isNonNullType(type)) type = type.ofType;
    const nextKey = path[i + 1];
    let child: GraphQLInputType;
    if (isListType(type)) child = type.ofType;
    else if (isInputObjectType(type)) child = type.getFields()[String(nextKey)]?.type ?? type;
    else child = type;
    if (obj[key] === undefined || obj[key] === null) obj[key] = typeof nextKey === 'number' ? [] : isInputObjectType(getNamedType(child)) && !isListType(child) ? {} : {};
    if (typeof nextKey === 'number' && !Array.isArray(obj[key])) obj[key] = [];
    if (typeof nextKey !== 'number' && isInputObjectType(getNamedType(child)) && Object.keys(obj[key] as object).length === 0) {
      Object.assign(obj[key] as object, fillRequired(getNamedType(child) as GraphQLInputObjectType));
    }
    obj = obj[key] as Record<string | number, unknown>;
    type = child;
  }
  obj[path[path.length - 1]] = value;
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

function gqlType(type: GraphQLInputType): string {
  return String(type);
}

interface Case {
  label: string;
  operation: 'query' | 'mutation';
  build: (value: string) => { query: string; variables: Record<string, unknown> };
}

/** One case per string path of every argument of every root field, and of the fields those return. */
function cases(schema: GraphQLSchema): Case[] {
  const out: Case[] = [];
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [operation, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const base = () => structuredClone(operation === 'mutation' ? (MUTATION_BASELINES[field.name] ?? {}) : {});
      const requiredArgs = (args: readonly GraphQLArgument[], vars: Record<string, unknown>, prefix: string) => {
        for (const a of args) if (isNonNullType(a.type) && vars[`${prefix}${a.name}`] === undefined) vars[`${prefix}${a.name}`] = baseline(a.type, a.name);
      };
      const argList = (args: readonly GraphQLArgument[], vars: Record<string, unknown>, prefix: string) =>
        args.filter((a) => vars[`${prefix}${a.name}`] !== undefined).map((a) => `${a.name}: $${prefix}${a.name}`).join(', ');
      const decls = (args: readonly GraphQLArgument[], vars: Record<string, unknown>, prefix: string) =>
        args.filter((a) => vars[`${prefix}${a.name}`] !== undefined).map((a) => `$${prefix}${a.name}: ${gqlType(a.type)}`);
      const call = (vars: Record<string, unknown>, inner: string) => {
        const a = argList(field.args, vars, '');
        return `${field.name}${a ? `(${a})` : ''}${inner}`;
      };
      // the root field's own arguments
      for (const arg of field.args) {
        for (const path of stringPaths(arg.type, [])) {
          out.push({
            label: `${operation} ${field.name}(${[arg.name, ...path].join('.')})`,
            operation,
            build: (value) => {
              const vars: Record<string, unknown> = base();
              if (path.length === 0) vars[arg.name] = value;
              else {
                if (vars[arg.name] === undefined) vars[arg.name] = isInputObjectType(getNamedType(arg.type)) && !isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? fillRequired(getNamedType(arg.type) as GraphQLInputObjectType) : [];
                setPath(vars, [arg.name, ...path], value, arg.type);
              }
              requiredArgs(field.args, vars, '');
              const d = decls(field.args, vars, '');
              return { query: `${operation}${d.length ? `(${d.join(', ')})` : ''} { ${call(vars, selection(field))} }`, variables: vars };
            },
          });
        }
      }
      // string arguments of the fields on what it returns (e.g. Entity.related(types:))
      if (operation !== 'query') continue;
      const named = getNamedType(field.type);
      const types = isInterfaceType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
      const seen = new Set<string>();
      for (const t of types) {
        for (const sub of Object.values(t.getFields())) {
          for (const arg of sub.args) {
            if (arg.type.toString().includes('Input') || seen.has(`${sub.name}.${arg.name}`)) continue;
            for (const path of stringPaths(arg.type, [])) {
              seen.add(`${sub.name}.${arg.name}`);
              out.push({
                label: `query ${field.name} { ... on ${t.name} { ${sub.name}(${[arg.name, ...path].join('.')}) } }`,
                operation,
                build: (value) => {
                  const vars: Record<string, unknown> = {};
                  requiredArgs(field.args, vars, '');
                  const subVars: Record<string, unknown> = { [`s_${arg.name}`]: path.length ? [value] : value };
                  requiredArgs(sub.args, subVars, 's_');
                  const subArgs = argList(sub.args, subVars, 's_');
                  const d = [...decls(field.args, vars, ''), ...decls(sub.args, subVars, 's_')];
                  const inner = ` { ... on ${t.name} { ${sub.name}${subArgs ? `(${subArgs})` : ''}${selection(sub)} } }`;
                  return { query: `query(${d.join(', ')}) { ${call(vars, inner)} }`, variables: { ...vars, ...subVars } };
                },
              });
            }
          }
        }
      }
    }
  }
  return out;
}

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
