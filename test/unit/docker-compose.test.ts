import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');

interface Compose {
  services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string>; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }> }>;
}

describe('docker-compose.yml (cannot run here: no Docker engine, so it is checked by reading)', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as Compose;

  it('runs the official Neo4j 5.26 community image with a healthcheck', () => {
    expect(compose.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(compose.services.neo4j.healthcheck?.test.join(' ')).toMatch(/cypher-shell/);
  });

  it('builds the API from its Dockerfile and starts it only once Neo4j is healthy', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('gives the API the same password Neo4j is started with', () => {
    const auth = compose.services.neo4j.environment?.NEO4J_AUTH ?? '';
    expect(auth.replace(/^neo4j\//, '')).toBe(compose.services.api.environment?.NEO4J_PASSWORD);
  });

  it('has a Dockerfile whose image starts the built server', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/main\.js"\]/);
    expect(dockerfile).toMatch(/npm ci/);
  });
});
