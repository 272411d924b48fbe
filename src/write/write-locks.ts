import { createHash } from 'node:crypto';
import { ConcurrentWriteError } from '../common/errors';
import { cypher } from '../db/cypher-registry';
import type { Tx } from '../db/database';

/**
 * Locks for the rules writes check by reading (a fact keeps a party, a source that backs facts
 * stays, an import's new name resolves to the entity an earlier import created). Neo4j reads see
 * committed data without locking it, so two transactions can each check a rule against the state
 * before the other's write and both commit, breaking it. A writer therefore takes the write locks
 * of what its rule reads *before* reading it: the second writer waits for the first to commit and
 * then checks against its result (and gets CONFLICT, NOT_FOUND, or the merged entity).
 *
 * Lock order: callers lock in sorted order within one call; writers that lock in two steps (an
 * entity, then the facts it takes part in) can still deadlock with each other, which Neo4j detects
 * and the driver retries (DeadlockDetected is transient).
 */

/** Locks the entities `ids` that exist (missing ones are skipped: the caller's check reports them). */
export async function lockEntities(tx: Tx, ids: Iterable<string>): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length) await tx.run(cypher('write/lock-entities'), { ids: sorted });
}

/**
 * Name resolution reads names that may not exist yet, so it locks stripes of the name space: a
 * fixed number of lock nodes, each standing for every (kind, lowercased name) that hashes to it.
 * Two imports sharing a name share its stripe; unrelated imports rarely do.
 */
export const NAME_STRIPES = 256;

export function nameLockKey(kind: string, name: string): string {
  const h = createHash('sha1').update(`${kind}\u0000${name.toLowerCase()}`).digest().readUInt32BE(0);
  return `name:${h % NAME_STRIPES}`;
}

export async function lockNames(tx: Tx, names: { kind: string; name: string }[]): Promise<void> {
  const keys = [...new Set(names.map((n) => nameLockKey(n.kind, n.name)))].sort();
  if (keys.length) await tx.run(cypher('write/lock-keys'), { keys });
}

/** Runs `write` (a whole transaction) again when it lost a race with a delete; a few times at most. */
export async function retryRacingWrite<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof ConcurrentWriteError) || i >= attempts) throw err;
    }
  }
}
