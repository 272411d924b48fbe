import { jose, type JWTPayload, type JWTVerifyGetKey } from './jose';
import { expandRole, highestRole, Principal } from './roles';

const { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } = jose;

export interface JwtOptions {
  /** HS256 shared secret */
  secret?: string;
  /** JWKS endpoint for asymmetric keys (RS*, PS*, ES*, EdDSA) */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/** Thrown when a token is not a valid JWT for this service; the message says why, for the log. */
export class JwtRejected extends Error {}

/**
 * Verifies bearer JWTs with jose: signature (HS256 with JWT_SECRET, or a key from JWT_JWKS_URL
 * chosen by `kid`), expiry and not-before, and issuer / audience when configured. The algorithm
 * list is fixed per key source, so a token cannot pick `none` or switch HS256 onto a public key.
 */
export class JwtVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly opts: JwtOptions) {
    if (opts.secret) this.secret = new TextEncoder().encode(opts.secret);
    if (opts.jwksUrl) this.jwks = createRemoteJWKSet(new URL(opts.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
  }

  get enabled(): boolean {
    return !!(this.secret || this.jwks);
  }

  async verify(token: string): Promise<Principal> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new JwtRejected('not a JWT');
    }
    const common = { issuer: this.opts.issuer, audience: this.opts.audience, clockTolerance: 5 };
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.secret) payload = (await jwtVerify(token, this.secret, { ...common, algorithms: ['HS256'] })).payload;
      else if (alg && this.jwks && ASYMMETRIC.includes(alg)) payload = (await jwtVerify(token, this.jwks, { ...common, algorithms: ASYMMETRIC })).payload;
      else throw new JwtRejected(`algorithm ${alg ?? '(none)'} is not accepted`);
    } catch (err) {
      if (err instanceof JwtRejected) throw err;
      throw new JwtRejected((err as Error).message);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new JwtRejected('the token has no subject (sub)');
    return { id: payload.sub, roles: expandRole(highestRole(claimRoles(payload)) ?? 'reader') };
  }
}

/** Roles from the `roles` claim (a list) or `role` (one name); other claims are ignored. */
function claimRoles(payload: JWTPayload): unknown[] {
  if (Array.isArray(payload.roles)) return payload.roles;
  if (typeof payload.role === 'string') return [payload.role];
  return [];
}
