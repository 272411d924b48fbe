import { rmSync } from 'node:fs';
import type { LocalNeo4j } from '../../src/db/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __neo4j?: LocalNeo4j & { home: string } }).__neo4j;
  if (!neo4j) return;
  await neo4j.stop();
  rmSync(neo4j.home, { recursive: true, force: true });
}
