import express, { ErrorRequestHandler, RequestHandler } from 'express';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * The JSON body parser with its size limit, and a handler that answers its failures in
 * GraphQL's error shape instead of Express's HTML page: 413 past the limit (code
 * QUERY_TOO_COMPLEX: an operation limit), 400 for malformed JSON, 415 for other charsets.
 */
export function jsonBody(limit: string): [RequestHandler, ErrorRequestHandler] {
  const onError: ErrorRequestHandler = (err: BodyParserError, _req, res, next) => {
    if (!err || typeof err.type !== 'string' || typeof err.status !== 'number') return next(err);
    const body = (message: string, code: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extra } }] });
    res.status(err.status);
    if (err.type === 'entity.too.large') res.json(body(`The request body is larger than the ${limit} limit`, 'QUERY_TOO_COMPLEX', { limit }));
    else if (err.type === 'entity.parse.failed') res.json(body('The request body is not valid JSON', 'BAD_REQUEST'));
    else if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') res.json(body(err.message, 'BAD_REQUEST'));
    else res.json(body('The request body could not be read', 'BAD_REQUEST'));
  };
  return [express.json({ limit }), onError];
}
