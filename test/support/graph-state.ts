import { cypher } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import { toPlainObject } from '../../src/db/values';

/** Node and relationship counts plus a property-count fingerprint: equal before and after means nothing was written (`except`: leave out that node and its edges). */
export async function graphState(db: Database, except = ''): Promise<Record<string, unknown>> {
  const [r] = await db.read(cypher('test/count-graph'), { except });
  return toPlainObject(r.toObject());
}

export async function nodeProps(db: Database, id: string): Promise<{ props: Record<string, unknown>; labels: string[] } | undefined> {
  const [r] = await db.read(cypher('test/node-props'), { id });
  return r ? (toPlainObject(r.toObject()) as { props: Record<string, unknown>; labels: string[] }) : undefined;
}

export async function edgeProps(db: Database, from: string, type: string, to: string): Promise<Record<string, unknown> | undefined> {
  const [r] = await db.read(cypher('test/edge-props'), { from, type, to });
  return r ? toPlainObject(r.get('props')) : undefined;
}

/** Every string stored on a node and its relationships. */
export async function storedStrings(db: Database, id: string): Promise<string[]> {
  const [r] = await db.read(cypher('test/stored-values'), { id });
  if (!r) return [];
  const all = [toPlainObject(r.get('node')), ...(r.get('edges') as unknown[]).map(toPlainObject)];
  return all.flatMap((o) => Object.values(o).flatMap((v) => (Array.isArray(v) ? v : [v]))).filter((v): v is string => typeof v === 'string');
}
