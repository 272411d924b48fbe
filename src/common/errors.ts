import { HeaderMap } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Every error a client can act on is one of these, with a stable `extensions.code` from the
 * contract. Anything else reaching formatError becomes INTERNAL_SERVER_ERROR with no internals.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions });
  }
}

/**
 * The one table from error code to HTTP status. Plain HTTP routes (/export) answer every code with
 * its status. A GraphQL response takes the status only for codes that refuse the whole request
 * (`request: true`: authentication, roles, operation limits, an unreachable database); a field's
 * error (bad argument, not found, conflict) stays in a 200 response beside the other fields' data,
 * as GraphQL over HTTP prescribes.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, { status: number; request: boolean }>> = {
  BAD_USER_INPUT: { status: 400, request: false },
  NOT_FOUND: { status: 404, request: false },
  UNAUTHENTICATED: { status: 401, request: true },
  FORBIDDEN: { status: 403, request: true },
  CONFLICT: { status: 409, request: false },
  QUERY_TOO_COMPLEX: { status: 400, request: true },
  DATABASE_UNAVAILABLE: { status: 503, request: true },
  INTERNAL_SERVER_ERROR: { status: 500, request: false },
};

/** Headers a code's HTTP answer carries (RFC 6750: a 401 names the scheme). */
export const ERROR_HEADERS: Readonly<Partial<Record<ErrorCode, [string, string][]>>> = {
  UNAUTHENTICATED: [['www-authenticate', 'Bearer']],
};

function withCode(code: ErrorCode) {
  const { status, request } = ERROR_STATUS[code];
  const headers = ERROR_HEADERS[code];
  return class extends AppError {
    readonly code = code;
    constructor(message: string, extensions: Record<string, unknown> = {}) {
      // Apollo reads extensions.http for the response status and headers, then strips it
      const http = request ? { http: { status, ...(headers ? { headers: new HeaderMap(headers) } : {}) } } : {};
      super(message, { ...extensions, code, ...http });
    }
  };
}

/** Bad input; `field` is the offending argument's path, e.g. `input.names.0.lang`. */
export class BadUserInputError extends withCode('BAD_USER_INPUT') {
  constructor(message: string, field?: string | (string | number)[]) {
    const path = Array.isArray(field) ? field.join('.') : field;
    super(message, path ? { field: path } : {});
  }
}
export class NotFoundError extends withCode('NOT_FOUND') {}
export class UnauthenticatedError extends withCode('UNAUTHENTICATED') {}
export class ForbiddenError extends withCode('FORBIDDEN') {}
export class ConflictError extends withCode('CONFLICT') {}
/**
 * Raised when a statement met a node a concurrent transaction deleted between reading and locking
 * it (Neo4j's EntityNotFound). The whole write is run again once: its checks then see the deletion
 * and answer NOT_FOUND or CONFLICT. See retryRacingWrite
 * (src/write/write-locks.ts).
 */
export class ConcurrentWriteError extends ConflictError {
  constructor() {
    super('A concurrent write deleted an entity this write depends on; try again');
  }
}

export class QueryTooComplexError extends withCode('QUERY_TOO_COMPLEX') {}
export class DatabaseUnavailableError extends withCode('DATABASE_UNAVAILABLE') {}

/**
 * An error as a plain HTTP route answers it: the status from ERROR_STATUS and a GraphQL-shaped
 * body, so clients parse /export failures as they parse /graphql's. Anything that is not ours is
 * INTERNAL_SERVER_ERROR with no internals.
 */
export function httpErrorResponse(err: unknown): { status: number; headers: [string, string][]; body: { errors: GraphQLFormattedError[] } } {
  if (err instanceof AppError) {
    const { http: _http, ...extensions } = err.extensions as Record<string, unknown>;
    return { status: ERROR_STATUS[err.code].status, headers: ERROR_HEADERS[err.code] ?? [], body: { errors: [{ message: err.message, extensions }] } };
  }
  return { status: 500, headers: [], body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
}

/** Codes produced by graphql-js / Apollo themselves that clients may see as they are. */
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'DATABASE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\. Execution aborted\.$/;
// graphql-js 16.15 words it "more that N tokens"; accept either spelling
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens\. Parsing aborted\.$/;

/**
 * The one place that decides what clients see. Known codes pass with their message; graphql-js
 * argument coercion errors (no code, but an input problem) become BAD_USER_INPUT; everything else
 * is masked as INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const { stacktrace: _stack, ...ext } = formatted.extensions ?? {};
  // Our own error, thrown directly (context), from a resolver, or reported by a validation rule
  // (which Apollo wraps as GRAPHQL_VALIDATION_FAILED): its code and message win.
  const app = original instanceof AppError ? original : original instanceof GraphQLError && original.originalError instanceof AppError ? original.originalError : undefined;
  if (app) {
    const { http: _http, stacktrace: _s, ...appExt } = app.extensions;
    return { message: app.message, locations: formatted.locations, path: formatted.path, extensions: appExt };
  }
  // a scalar's refusal of a literal (a Date of 2025-02-30 written in the query) reaches us as a
  // validation error wrapping the scalar's BAD_USER_INPUT: the client's mistake, said as such
  const cause = original instanceof GraphQLError ? original.originalError : undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && cause instanceof GraphQLError && cause.extensions.code === 'BAD_USER_INPUT') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // graphql-js stops coercing variables after 50 errors and says so in one more, codeless error
  if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // graphql-js aborts parsing past the token limit (parseOptions.maxTokens): an operation limit
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    return { message: `The document has more than ${tokens[1]} tokens, the limit; parsing stopped`, locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  if (code && PASS_THROUGH.has(code)) {
    return { ...formatted, extensions: ext };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
