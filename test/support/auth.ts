import { hashApiKey } from '../../src/auth/api-keys';

/** One API key per role for tests; only their hashes go into API_KEYS, as in production. */
export const TEST_KEYS = {
  reader: 'test-reader-key-6f1c2b',
  editor: 'test-editor-key-9a7d4e',
  admin: 'test-admin-key-3e8b5f',
} as const;

export type TestRole = keyof typeof TEST_KEYS;

export const TEST_API_KEYS = (Object.keys(TEST_KEYS) as TestRole[]).map((role) => `${role}-key:${role}:${hashApiKey(TEST_KEYS[role])}`).join(',');

export function asRole(role: TestRole): Record<string, string> {
  return { authorization: `Bearer ${TEST_KEYS[role]}` };
}
