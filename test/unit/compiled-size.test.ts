import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../src/api/schema';
import { COMPILED_SIZE_LIMIT } from '../../src/http/compiled-executor';
import { compiledSize } from '../../src/http/compiled-size';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

const size = (text: string, limit = 1e6) => {
  const doc = parse(text);
  return compiledSize(schema, doc, getOperationAST(doc)!, limit);
};

describe('compiled size: field positions graphql-jit would write', () => {
  it('counts each field once per concrete type an abstract position can hold', () => {
    expect(size('{ entity(id: "x") { id } }')).toBe(1 + schema.getPossibleTypes(schema.getType('Entity') as never).length);
    expect(size('{ entity(id: "x") { ... on Company { country } } }')).toBe(2);
    expect(size('query { node(id: "x") { ...C } } fragment C on Company { name country }')).toBe(3);
  });

  it('multiplies at each nested abstract level, and stops counting past the limit', () => {
    let inner = '{ id name }';
    const sizes: number[] = [];
    for (let d = 0; d < 3; d++) {
      inner = `{ id name related(first: 2) { entity ${inner} } }`;
      sizes.push(size(`{ entity(id: "x") ${inner} }`));
    }
    expect(sizes[1]).toBeGreaterThan(10 * sizes[0]);
    expect(sizes[2]).toBeGreaterThan(10 * sizes[1]);
    expect(size(`{ entity(id: "x") ${inner} }`, 500)).toBe(501);
  });

  it("keeps every benchmark workload under the limit, so they all run compiled", () => {
    const dir = join(__dirname, '../../bench/workloads');
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect([f, size(readFileSync(join(dir, f), 'utf8')) <= COMPILED_SIZE_LIMIT]).toEqual([f, true]);
  });
});
