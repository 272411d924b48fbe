import type { Logger } from 'pino';
import type { Config } from '../config';
import { UnauthenticatedError } from '../common/errors';
import { ApiKeys } from './api-keys';
import { JwtRejected, JwtVerifier } from './jwt';
import type { Principal } from './roles';

/** What a client is told: never which check failed (that goes to the log). */
const REJECTED = 'The bearer token is missing, malformed, expired or not recognised';

/**
 * Turns the Authorization header into a principal. No header: anonymous (undefined). A header
 * that is present but not a valid API key or JWT: UNAUTHENTICATED, even for public reads, so a
 * client with a broken token finds out at once instead of silently reading as anonymous.
 */
export class Authenticator {
  private readonly keys: ApiKeys;
  private readonly jwt: JwtVerifier;

  constructor(config: Pick<Config, 'API_KEYS' | 'JWT_SECRET' | 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>, private readonly logger: Logger) {
    this.keys = new ApiKeys(config.API_KEYS);
    this.jwt = new JwtVerifier({ secret: config.JWT_SECRET, jwksUrl: config.JWT_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  }

  async authenticate(authorization: string | undefined): Promise<Principal | undefined> {
    if (authorization === undefined || authorization === '') return undefined;
    const match = /^Bearer +([^\s]+) *$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError(`${REJECTED}: use "Authorization: Bearer <token>"`);
    const token = match[1];
    const byKey = this.keys.verify(token);
    if (byKey) return byKey;
    // three dot-separated parts look like a JWT; anything else was meant as an API key
    if (this.jwt.enabled && token.split('.').length === 3) {
      try {
        return await this.jwt.verify(token);
      } catch (err) {
        if (!(err instanceof JwtRejected)) throw err;
        this.logger.info({ reason: err.message }, 'JWT rejected');
      }
    }
    throw new UnauthenticatedError(REJECTED);
  }
}
