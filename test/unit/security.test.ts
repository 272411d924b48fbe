import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { ApiKeys, hashApiKey } from '../../src/auth/api-keys';
import { expandRole, hasRole, highestRole } from '../../src/auth/roles';
import { AppError, BadUserInputError, formatError, QueryTooComplexError, UnauthenticatedError } from '../../src/common/errors';
import { ConfigError, loadConfig } from '../../src/config';
import { cachedOperationCost, operationCost } from '../../src/security/cost';
import { operationLimits } from '../../src/security/limits';

const schema = buildSchema(`
  type Query { companies(first: Int = 10, after: String): [Company!]! company(id: ID!): Company }
  type Company { name: String! partners(limit: Int = 5): [Company!]! tags: [String!]! }
`);

describe('operation cost (list sizes multiply)', () => {
  it('multiplies nested page sizes, with argument defaults', () => {
    // companies: 10 × (1 + name 1 + partners 5 × (1 + name 1)) = 10 × 12
    expect(operationCost(schema, parse('{ companies { name partners { name } } }'), undefined, {}, 500).cost).toBe(120);
  });

  it('reads page sizes from variables', () => {
    const doc = parse('query($n: Int) { companies(first: $n) { partners(limit: 20) { tags } } }');
    expect(operationCost(schema, doc, undefined, { n: 100 }, 500).cost).toBe(100 * (1 + 20 * 2));
  });

  it('does not count fields skipped by @skip / @include', () => {
    const doc = parse('query($s: Boolean!) { companies(first: 2) { name partners @skip(if: $s) { name } } }');
    expect(operationCost(schema, doc, undefined, { s: true }, 500).cost).toBe(4);
  });

  it('remembered per document: page sizes and @skip variables still change the cost, other variables share one report', () => {
    const doc = parse('query($n: Int, $s: Boolean!, $id: ID!) { company(id: $id) { name } companies(first: $n) { partners(limit: 20) @skip(if: $s) { tags } } }');
    const cost = (v: Record<string, unknown>) => cachedOperationCost(schema, doc, undefined, v, 500);
    for (const v of [{ n: 100, s: false, id: 'a' }, { n: 3, s: false, id: 'a' }, { n: 3, s: true, id: 'a' }, { n: 100, s: false, id: 'b' }]) {
      expect(cost(v)).toEqual(operationCost(schema, doc, undefined, v, 500));
    }
    expect(cost({ n: 7, s: false, id: 'x' })).toBe(cost({ n: 7, s: false, id: 'y' }));
    expect(cost({ n: 7, s: false, id: 'x' })).not.toBe(cost({ n: 8, s: false, id: 'x' }));
  });

  it('reports every page size above the maximum, on any field (first, limit, last)', () => {
    const { oversized } = operationCost(schema, parse('{ companies(first: 600) { partners(limit: 501) { name } } }'), undefined, {}, 500);
    expect(oversized).toEqual([
      { field: 'Company.partners', arg: 'limit', value: 501 },
      { field: 'Query.companies', arg: 'first', value: 600 },
    ]);
  });

  it('refuses over-limit operations through Apollo with QUERY_TOO_COMPLEX, before resolvers run', async () => {
    let resolved = 0;
    const limits = operationLimits({ maxDepth: 3, maxAliases: 2, maxDirectives: 2, maxTokens: 100, maxCost: 50, maxPageSize: 20 });
    const server = new ApolloServer({
      schema,
      rootValue: { companies: () => (resolved++, []) },
      parseOptions: limits.parseOptions,
      validationRules: limits.validationRules,
      plugins: [limits.plugin],
      formatError: (f, o) => formatError(f, o),
    });
    await server.start();
    const run = async (query: string) => {
      const res = await server.executeOperation({ query });
      return res.body.kind === 'single' ? res.body.singleResult : undefined;
    };
    for (const q of ['{ companies(first: 21) { name } }', '{ companies(first: 20) { partners { partners { name } } } }', '{ a: companies { name } b: companies { name } c: companies { name } }']) {
      const r = await run(q);
      expect(r?.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
    expect(resolved).toBe(0);
    expect((await run('{ companies(first: 2) { name } }'))?.errors).toBeUndefined();
    expect(resolved).toBe(1);
    await server.stop();
  });
});

describe('API keys and roles', () => {
  const keys = new ApiKeys([
    { name: 'ci', role: 'editor', sha256: hashApiKey('secret-one') },
    { name: 'ops', role: 'admin', sha256: hashApiKey('secret-two') },
  ]);

  it('finds the principal of a key by its hash, and nothing for other keys', () => {
    expect(keys.verify('secret-one')).toEqual({ id: 'apikey:ci', roles: ['reader', 'editor'] });
    expect(keys.verify('secret-two')?.roles).toEqual(['reader', 'editor', 'admin']);
    expect(keys.verify('secret-on')).toBeUndefined();
    expect(keys.verify('')).toBeUndefined();
  });

  it('hashes like sha256sum', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ranks roles: admin ⊇ editor ⊇ reader', () => {
    expect(expandRole('reader')).toEqual(['reader']);
    expect(highestRole(['reader', 'admin', 'nobody'])).toBe('admin');
    expect(highestRole(['nobody'])).toBeUndefined();
    expect(hasRole({ roles: expandRole('admin') }, 'editor')).toBe(true);
    expect(hasRole({ roles: expandRole('editor') }, 'admin')).toBe(false);
    expect(hasRole(undefined, 'reader')).toBe(false);
  });
});

describe('security configuration', () => {
  it('parses API_KEYS as name:role:sha256hex entries, keeping only hashes', () => {
    const hash = hashApiKey('k');
    expect(loadConfig({ API_KEYS: `ci:editor:${hash}, ops:admin:${hash.toUpperCase()}` }).API_KEYS).toEqual([
      { name: 'ci', role: 'editor', sha256: hash },
      { name: 'ops', role: 'admin', sha256: hash },
    ]);
  });

  it.each([
    [{ API_KEYS: 'ci:editor:plaintext-key' }, 'API_KEYS'],
    [{ API_KEYS: `ci:owner:${'a'.repeat(64)}` }, 'API_KEYS'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LIMIT_MAX_DEPTH: '0' }, 'LIMIT_MAX_DEPTH'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it('has the documented defaults (docs/security.md)', () => {
    const c = loadConfig({});
    expect({
      depth: c.LIMIT_MAX_DEPTH,
      aliases: c.LIMIT_MAX_ALIASES,
      directives: c.LIMIT_MAX_DIRECTIVES,
      tokens: c.LIMIT_MAX_TOKENS,
      cost: c.LIMIT_MAX_COST,
      page: c.LIMIT_MAX_PAGE_SIZE,
      body: c.BODY_LIMIT,
      importItems: c.IMPORT_MAX_ITEMS,
      txTimeout: c.NEO4J_TX_TIMEOUT_MS,
    }).toEqual({ depth: 12, aliases: 15, directives: 50, tokens: 2000, cost: 50000, page: 2000, body: '512kb', importItems: 5000, txTimeout: 15000 });
  });
});

describe('formatError', () => {
  const formatted = (e: GraphQLError) => ({ message: e.message, extensions: { ...e.extensions } });

  it('keeps our code when Apollo wraps a validation-rule error as GRAPHQL_VALIDATION_FAILED', () => {
    const ours = new QueryTooComplexError('too deep');
    const wrapped = new GraphQLError('too deep', { originalError: ours, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError(formatted(wrapped), wrapped)).toEqual({ message: 'too deep', extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('never sends the http extension (status and headers are for the response)', () => {
    const e = new UnauthenticatedError('no');
    expect(formatError(formatted(e), e).extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(new BadUserInputError('x', ['input', 'names', 0]).extensions).toMatchObject({ field: 'input.names.0' });
  });

  it("turns graphql-js's token-limit parse error into QUERY_TOO_COMPLEX", () => {
    const e = new GraphQLError('Syntax Error: Document contains more that 10 tokens. Parsing aborted.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(formatError(formatted(e), e)).toEqual({ message: 'The document has more than 10 tokens, the limit; parsing stopped', extensions: { code: 'QUERY_TOO_COMPLEX' }, locations: undefined });
  });

  it('masks anything else as INTERNAL_SERVER_ERROR with no internals', () => {
    const e = new GraphQLError('Neo4jError: Invalid input near MATCH (n)', { originalError: new Error('at Database.run (database.ts:120)') });
    expect(formatError(formatted(e), e)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, locations: undefined, path: undefined });
    expect(e).not.toBeInstanceOf(AppError);
  });
});
