import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('has working defaults: port 4000, local Neo4j, database neo4j', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.NEO4J_DATABASE).toBe('neo4j');
    expect(c.CORS_ORIGINS).toEqual([]);
    expect(c.IMPORT_TX_TIMEOUT_MS).toBe(120_000);
    expect(c.TRACE_EXPANSION_BUDGET).toBe(50_000);
    expect(c.RANKING_PAGERANK).toBe('on');
  });

  it.each(['bolt://localhost:7687', 'neo4j://db.internal:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+s://host'])('accepts NEO4J_URI %s', (uri) => {
    expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
  });

  it.each([
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ NEO4J_URI: 'localhost:7687' }, 'NEO4J_URI'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NEO4J_TX_TIMEOUT_MS: '-5' }, 'NEO4J_TX_TIMEOUT_MS'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ WEB_CONCURRENCY: '0' }, 'WEB_CONCURRENCY'],
    [{ WEB_CONCURRENCY: 'many' }, 'WEB_CONCURRENCY'],
    [{ WEB_CONCURRENCY: '65' }, 'WEB_CONCURRENCY'],
    [{ GRAPHQL_EXECUTION: 'fast' }, 'GRAPHQL_EXECUTION'],
    [{ IMPORT_TX_TIMEOUT_MS: '0' }, 'IMPORT_TX_TIMEOUT_MS'],
    [{ TRACE_EXPANSION_BUDGET: 'lots' }, 'TRACE_EXPANSION_BUDGET'],
    [{ RANKING_PAGERANK: 'false' }, 'RANKING_PAGERANK'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*${variable}`));
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', NEO4J_URI: 'nope' })).toThrow(/PORT[\s\S]*NEO4J_URI|NEO4J_URI[\s\S]*PORT/);
  });

  it('runs one API process per core and compiled execution unless told otherwise', () => {
    expect(loadConfig({}).WEB_CONCURRENCY).toBe(availableParallelism());
    expect(loadConfig({ WEB_CONCURRENCY: '3' }).WEB_CONCURRENCY).toBe(3);
    expect(loadConfig({}).GRAPHQL_EXECUTION).toBe('compiled');
    expect(loadConfig({ GRAPHQL_EXECUTION: 'standard' }).GRAPHQL_EXECUTION).toBe('standard');
  });

  it('splits CORS_ORIGINS on commas', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });
});
