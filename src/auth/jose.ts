import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

export type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };

/**
 * jose ships ES modules only. Node >= 20.19 can require() them, but TypeScript's node16
 * CommonJS output cannot `import` them, so this one module requires it, typed.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose = require('jose') as typeof Jose;
