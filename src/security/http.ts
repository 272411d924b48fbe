import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';

/** Why a request body was refused: the HTTP status and a GraphQL-shaped JSON answer. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: 'QUERY_TOO_COMPLEX' | 'BAD_REQUEST',
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get answer(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    return { errors: [{ message: this.message, extensions: { code: this.code, ...this.extra } }] };
  }
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT (`512kb`, `1mb`, validated by config.ts) in bytes. */
export function byteLimit(limit: string): number {
  const m = /^(\d+)(b|kb|mb)$/.exec(limit);
  if (!m) throw new Error(`BODY_LIMIT must be a size like 512kb or 1mb, not ${limit}`);
  return Number(m[1]) * UNITS[m[2]];
}

const OWS = /^[ \t]+|[ \t]+$/g;
const CHARSET = /;[ \t]*charset[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i;

/** The media type (lower case, no parameters) and the charset parameter of a Content-Type header. */
function mediaType(header: string): { type: string; charset?: string } {
  const semi = header.indexOf(';');
  const type = (semi < 0 ? header : header.slice(0, semi)).replace(OWS, '').toLowerCase();
  if (semi < 0) return { type };
  const m = CHARSET.exec(header.slice(semi));
  const charset = m ? (m[1]?.replace(/\\(.)/g, '$1') ?? m[2].replace(OWS, '')) : undefined;
  return { type, charset: charset?.toLowerCase() };
}

/** Decodes the body's bytes; undefined for a charset we cannot read. */
function decode(bytes: Buffer, charset: string): string | undefined {
  const name = charset.replace(/[^0-9a-z]/g, '');
  if (name === 'utf8') {
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte order mark is not JSON
  }
  // 'utf-16' without an order: big-endian only if its byte order mark says so
  const utf16 = name === 'utf16le' || (name === 'utf16' && !(bytes[0] === 0xfe && bytes[1] === 0xff)) ? 'utf-16le' : name === 'utf16be' || name === 'utf16' ? 'utf-16be' : undefined;
  return utf16 ? new TextDecoder(utf16).decode(bytes) : undefined;
}

function decompressor(encoding: string): Duplex {
  if (encoding === 'gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  throw new BodyError(415, `unsupported content encoding "${encoding}"`, 'BAD_REQUEST');
}

/** JSON's whitespace, then the first character: a GraphQL request is an object (or a batch, an array). */
const FIRST_CHAR = /^[ \t\n\r]*(.?)/;

function parseJson(text: string): unknown {
  // an empty body is an empty request (Apollo answers that it has no query), as with express.json()
  if (text.length === 0) return {};
  const first = text[0] === '{' ? '{' : FIRST_CHAR.exec(text)?.[1];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // answered below
    }
  }
  throw new BodyError(400, 'The request body is not valid JSON', 'BAD_REQUEST');
}

/** Reads the rest of a refused request before answering, so the client is not cut off mid-send. */
function drain(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((done) => {
    req.once('end', done).once('close', done);
    req.resume();
  });
}

/**
 * The request's JSON body, read under `limit` bytes (decompressed), with express.json()'s rules:
 * no body or another media type than application/json → undefined (Apollo then says what is
 * missing); a charset other than UTF-8/16 → 415; past the limit → 413 (QUERY_TOO_COMPLEX: an
 * operation limit); gzip, deflate and br bodies are inflated; anything but an object or array → 400.
 * A refused body is read to its end before the promise rejects with a BodyError.
 */
export async function readJsonBody(req: IncomingMessage, limit: string, limitBytes = byteLimit(limit)): Promise<unknown> {
  const { headers } = req;
  const length = headers['content-length'];
  if (headers['transfer-encoding'] === undefined && Number.isNaN(Number(length))) return undefined;
  const contentType = headers['content-type'] ? mediaType(headers['content-type']) : undefined;
  if (contentType?.type !== 'application/json') return undefined;
  try {
    const charset = contentType.charset || 'utf-8';
    if (!charset.startsWith('utf-')) throw new BodyError(415, `unsupported charset "${charset.toUpperCase()}"`, 'BAD_REQUEST');
    const encoding = (headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity' && Number(length) > limitBytes) throw tooLarge(limit);
    const bytes = await readBytes(req, encoding === 'identity' ? undefined : decompressor(encoding), limit, limitBytes);
    const text = decode(bytes, charset);
    if (text === undefined) throw new BodyError(415, `unsupported charset "${charset.toUpperCase()}"`, 'BAD_REQUEST');
    return parseJson(text);
  } catch (err) {
    await drain(req);
    throw err instanceof BodyError ? err : new BodyError(400, 'The request body could not be read', 'BAD_REQUEST');
  }
}

const tooLarge = (limit: string) => new BodyError(413, `The request body is larger than the ${limit} limit`, 'QUERY_TOO_COMPLEX', { limit });

/** The body's bytes (inflated through `inflate` when it is compressed), rejecting past the limit. */
function readBytes(req: IncomingMessage, inflate: Duplex | undefined, limit: string, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = inflate ?? req;
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (err?: Error) => {
      stream.off('data', onData).off('end', onEnd).off('error', finish);
      req.off('close', onClose);
      if (inflate) {
        req.unpipe(inflate);
        inflate.on('error', () => undefined); // a late inflate error of a stream already given up
        inflate.destroy();
        req.resume(); // bytes after the compressed body are read off, as express.json() did
      }
      if (err) reject(err);
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    // the client went away before sending everything ('close' also follows a complete request)
    const onClose = () => {
      if (!req.complete) finish(new BodyError(400, 'The request body could not be read', 'BAD_REQUEST'));
    };
    stream.on('data', onData).once('end', onEnd).once('error', finish);
    req.once('close', onClose);
    if (inflate) req.pipe(inflate);
  });
}
