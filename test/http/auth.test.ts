import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jose } from '../../src/auth/jose';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS, TEST_KEYS } from '../support/auth';
import { queryCounter } from '../support/db-queries';
import { freshGraph, testDatabase } from '../support/graph';
import { nodeProps } from '../support/graph-state';
import { gql, startTestServer } from '../support/server';

const { exportJWK, generateKeyPair, SignJWT } = jose;
const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'kg-graphql';
const secretKey = new TextEncoder().encode(SECRET);

let db: Database;
let svc: RunningService;
let counter: ReturnType<typeof queryCounter>;

const READ = '{ entity(id: "company:alibaba") { id } }';
const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`;
const input = (slug: string) => ({
  id: `company:${slug}`,
  name: slug,
  names: [{ lang: 'en', value: slug }],
  provenance: [{ source: 'source:china-ai-weekly-b2d2384472f2fb10', section: 'other-news', sentence: 'test', basis: 'REPORTED' }],
});

function hsToken(claims: Record<string, unknown>, opts: { sub?: string; exp?: string | number; aud?: string; iss?: string; key?: Uint8Array } = {}) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setSubject(opts.sub ?? 'user:ana')
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setExpirationTime(opts.exp ?? '5m');
  return jwt.sign(opts.key ?? secretKey);
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS, JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
  counter = queryCounter(svc.db);
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

describe('API keys and roles', () => {
  it('serves reads without a token by default', async () => {
    const res = await gql(svc.url, READ);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ entity: { id: 'company:alibaba' } });
  });

  it('answers a mutation without a token with 401 UNAUTHENTICATED and a Bearer challenge, before any database work', async () => {
    counter.reset();
    const res = await fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: UPSERT, variables: { input: input('anonymous-write') } }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(counter.count()).toBe(0);
  });

  it('answers a mutation by a reader with 403 FORBIDDEN, writing nothing', async () => {
    counter.reset();
    const res = await gql(svc.url, UPSERT, { input: input('reader-write') }, asRole('reader'));
    expect(res.status).toBe(403);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(counter.count()).toBe(0);
  });

  it('lets an editor key write, recorded under the key name', async () => {
    const res = await gql(svc.url, UPSERT, { input: input('editor-write') }, asRole('editor'));
    expect(res.body.errors).toBeUndefined();
    expect((await nodeProps(db, 'company:editor-write'))!.props.createdBy).toBe('apikey:editor-key');
  });

  it.each([
    ['an unknown key', `Bearer ${TEST_KEYS.editor}x`],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['an empty bearer', 'Bearer '],
  ])('answers %s with 401 UNAUTHENTICATED, even for a public read', async (_what, authorization) => {
    const res = await gql(svc.url, READ, {}, { authorization });
    expect(res.status).toBe(401);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(res.body.data).toBeUndefined();
  });
});

describe('JWT with an HS256 secret', () => {
  it('accepts a valid token; the subject is recorded as the author', async () => {
    const res = await gql(svc.url, UPSERT, { input: input('jwt-write') }, bearer(await hsToken({ roles: ['editor'] }, { sub: 'user:ana' })));
    expect(res.body.errors).toBeUndefined();
    expect((await nodeProps(db, 'company:jwt-write'))!.props.createdBy).toBe('user:ana');
  });

  it('takes the highest known role from `roles` or `role`; none means reader', async () => {
    expect((await gql(svc.url, UPSERT, { input: input('jwt-admin') }, bearer(await hsToken({ role: 'admin' })))).status).toBe(200);
    const reader = await gql(svc.url, UPSERT, { input: input('jwt-none') }, bearer(await hsToken({ roles: ['superuser'] })));
    expect(reader.status).toBe(403);
    expect((await gql(svc.url, READ, {}, bearer(await hsToken({})))).status).toBe(200);
  });

  it.each([
    ['expired', () => hsToken({ roles: ['editor'] }, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => hsToken({ roles: ['editor'] }, { aud: 'someone-else' })],
    ['from another issuer', () => hsToken({ roles: ['editor'] }, { iss: 'https://evil.test' })],
    ['signed with another secret', () => hsToken({ roles: ['editor'] }, { key: new TextEncoder().encode('x'.repeat(40)) })],
    ['unsigned (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], aud: AUDIENCE, iss: ISSUER })).toString('base64url')}.`],
  ])('rejects a token %s with 401 UNAUTHENTICATED', async (_what, make) => {
    const res = await gql(svc.url, UPSERT, { input: input('jwt-rejected') }, bearer(await make()));
    expect(res.status).toBe(401);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await nodeProps(db, 'company:jwt-rejected')).toBeUndefined();
  });
});

describe('JWT from a JWKS endpoint, with REQUIRE_AUTH_FOR_READS', () => {
  let jwks: http.Server;
  let secured: RunningService;
  let signKey: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
    // the JWKS is served by this test on loopback: nothing leaves the machine
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    secured = await startTestServer({ JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, REQUIRE_AUTH_FOR_READS: 'true' });
  });
  afterAll(async () => {
    await secured?.stop();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const rsToken = (key: CryptoKey, kid = 'test-key-1', roles = ['reader']) =>
    new SignJWT({ roles }).setProtectedHeader({ alg: 'RS256', kid }).setSubject('user:bo').setIssuedAt().setExpirationTime('5m').sign(key);

  it('refuses reads without a token (401 UNAUTHENTICATED)', async () => {
    const res = await gql(secured.url, READ);
    expect(res.status).toBe(401);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('serves reads to a token signed by a key from the JWKS', async () => {
    const res = await gql(secured.url, READ, {}, bearer(await rsToken(signKey)));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ entity: { id: 'company:alibaba' } });
  });

  it('rejects a token signed by a key the JWKS does not hold', async () => {
    expect((await gql(secured.url, READ, {}, bearer(await rsToken(otherKey)))).status).toBe(401);
    expect((await gql(secured.url, READ, {}, bearer(await rsToken(otherKey, 'unknown-kid')))).status).toBe(401);
  });

  it('rejects an HS256 token when only a JWKS is configured (no algorithm switching)', async () => {
    const res = await gql(secured.url, READ, {}, bearer(await hsToken({ roles: ['admin'] })));
    expect(res.status).toBe(401);
  });

  it('lets an editor token write', async () => {
    const res = await gql(secured.url, UPSERT, { input: input('jwks-write') }, bearer(await rsToken(signKey, 'test-key-1', ['editor'])));
    expect(res.body.errors).toBeUndefined();
    expect((await nodeProps(db, 'company:jwks-write'))!.props.createdBy).toBe('user:bo');
  });
});
