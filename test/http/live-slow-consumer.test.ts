import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { collect, liveClient, type LiveClient, settle } from '../support/live';
import { capturingLogger, gql, startTestServer } from '../support/server';

/**
 * A slow consumer against the real service, with real graphql-ws clients: a client whose socket
 * stops reading is disconnected with 4413 once more than LIVE_MAX_UNREAD_BYTES (16 KB here) of
 * what it was sent stays unread for LIVE_SLOW_CONSUMER_MS, while another client on the same server
 * receives every event; resuming after its last position, the cut-off client misses nothing.
 * No timing is asserted: every wait is for an event, a log line or a close, each bounded.
 */
jest.setTimeout(240_000);

const UNREAD_LIMIT = 16 * 1024;
const PRODUCTS = 200;

let db: Database;
let svc: RunningService;
const { logger, lines } = capturingLogger();
const clients: LiveClient[] = [];
const editor = asRole('editor');

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer(
    {
      API_KEYS: TEST_API_KEYS,
      LIVE_POLL_INTERVAL_MS: '100',
      LIVE_MAX_UNREAD_BYTES: String(UNREAD_LIMIT),
      LIVE_SLOW_CONSUMER_MS: '2000',
      // a burst of PRODUCTS events overflows every subscription's buffer: the rest is read from the log
      LIVE_MAX_BUFFERED_EVENTS: '20',
      // no keep-alive: the paused client must be cut off as a slow consumer, not dropped for a missed pong
      LIVE_KEEPALIVE_MS: '0',
      NEO4J_TX_TIMEOUT_MS: '60000',
    },
    logger,
  );
});

afterAll(async () => {
  // a socket still paused would hold its close handshake (and the server's stop) for 30 s
  await Promise.all(clients.map(async (c) => (await settled(c.connected, 1000))?.terminate()));
  await Promise.all(clients.map((c) => c.dispose()));
  await svc?.stop();
  await db?.close();
});

const open = () => {
  const c = liveClient(svc.url);
  clients.push(c);
  return c;
};

/** The promise's value, or undefined if it has not settled within ms. */
function settled<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: number | NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer));
}

async function within<T>(what: string, p: Promise<T>, ms = 60_000): Promise<T> {
  const value = await settled(p, ms);
  if (value === undefined) throw new Error(`${what}: nothing within ${ms} ms`);
  return value;
}

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await settle(100);
  }
}

const IMPORT = `mutation($doc: JSON!) { importDocument(document: $doc) { entities { created } } }`;
const source = { id: 'source:live-slow', name: 'Slow', names: [{ lang: 'en', value: 'Slow' }], properties: { issued: '2025-09-15', lang: 'en', title: 'Slow', sections: [{ id: 'news', title: 'News' }] } };
const product = (i: number) => ({
  id: `product:live-slow-${i}`,
  kind: 'PRODUCT',
  name: `Slow product ${i}`,
  names: [{ lang: 'en', value: `Slow product ${i}` }],
  properties: { productType: 'ROBOT' },
  provenance: [{ section: 'news', sentence: `Slow product ${i} was mentioned.`, basis: 'REPORTED' }],
});

async function importProducts(from: number, to: number): Promise<void> {
  const entities = Array.from({ length: to - from }, (_, k) => product(from + k));
  const res = await gql(svc.url, IMPORT, { doc: { source, entities, relationships: [] } }, editor);
  expect(res.body.errors).toBeUndefined();
}

it('disconnects a client that stops reading (4413) while another keeps receiving every event', async () => {
  const fast = open();
  const fastSub = collect(fast, { kinds: ['PRODUCT'] });
  const slow = open();
  const slowSub = collect(slow, { kinds: ['PRODUCT'] });
  const socket = await within('the slow client connects', slow.connected);
  await settle();
  // both subscriptions are live
  await importProducts(0, 1);
  await fastSub.count(1, 60_000);
  await slowSub.count(1, 60_000);

  // the slow client stops reading its socket; the server does not know, it just gets no pongs
  socket.pause();
  await importProducts(1, 1 + PRODUCTS);
  const all = await fastSub.count(1 + PRODUCTS, 120_000);
  expect(all.map((e) => e.entityId)).toEqual(Array.from({ length: 1 + PRODUCTS }, (_, i) => `product:live-slow-${i}`));
  expect(new Set(all.map((e) => e.position)).size).toBe(1 + PRODUCTS);

  await until('the server cuts the slow consumer off', () => lines.some((l) => l.msg === 'live: slow consumer disconnected'));
  const cut = lines.find((l) => l.msg === 'live: slow consumer disconnected')!;
  expect(cut.unreadBytes).toBeGreaterThan(UNREAD_LIMIT);
  // reading again, the client gets what was already on its way, then the close frame
  socket.resume();
  const closed = await within('the slow client sees its close', slow.closed);
  expect(closed.code).toBe(4413);
  expect(closed.reason).toMatch(/^Slow consumer/);
  // it was sent about the unread limit's worth, far from everything
  expect(slowSub.events.length).toBeLessThan(1 + PRODUCTS);

  // resuming after its last position, it gets the rest: nothing lost, nothing twice
  const resumed = collect(open(), { kinds: ['PRODUCT'], after: slowSub.events[slowSub.events.length - 1].position });
  await resumed.count(1 + PRODUCTS - slowSub.events.length, 60_000);
  expect([...slowSub.events, ...resumed.events].map((e) => e.position)).toEqual(all.map((e) => e.position));

  // the fast client is still connected and receiving
  await importProducts(1 + PRODUCTS, 2 + PRODUCTS);
  expect((await fastSub.count(2 + PRODUCTS, 60_000))[1 + PRODUCTS].entityId).toBe(`product:live-slow-${1 + PRODUCTS}`);
  expect(lines.filter((l) => l.msg === 'live: slow consumer disconnected')).toHaveLength(1);
});
