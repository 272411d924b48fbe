import { cypher } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import { toPlainObject } from '../../src/db/values';

/** Node and relationship counts plus a property-count fingerprint: equal before and after means nothing was written. */
export async function graphState(db: Database): Promise<Record<string, unknown>> {
  const [r] = await db.read(cypher('test/count-graph'));
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
