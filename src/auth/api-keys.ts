import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry } from '../config';
import { expandRole, Principal } from './roles';

/**
 * Static API keys. Only their SHA-256 hashes are configured, so a leaked environment does not
 * leak usable keys; a presented key is hashed and compared in constant time with every entry.
 */
export class ApiKeys {
  private readonly entries: { name: string; principal: Principal; hash: Buffer }[];

  constructor(entries: readonly ApiKeyEntry[]) {
    this.entries = entries.map((e) => ({ name: e.name, principal: { id: `apikey:${e.name}`, roles: expandRole(e.role) }, hash: Buffer.from(e.sha256, 'hex') }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The key's principal, or undefined when no entry matches. */
  verify(key: string): Principal | undefined {
    const hash = createHash('sha256').update(key, 'utf8').digest();
    let found: Principal | undefined;
    // compare against every entry (no early exit) so timing does not tell which entry was close
    for (const e of this.entries) if (timingSafeEqual(hash, e.hash)) found = e.principal;
    return found;
  }
}

/** The hash to put in API_KEYS for a key (what `printf %s "$KEY" | sha256sum` prints). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
