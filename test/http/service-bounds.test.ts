/**
 * The service's own bounds (issue 16, small items): /metrics behind a reader's token when reads
 * need one, a port in use refused in one line before anything starts, and imports carrying
 * IMPORT_TX_TIMEOUT_MS rather than a hard-coded timeout.
 */
import net from 'node:net';
import { ConfigError } from '../../src/config';
import type { RunningService } from '../../src/http/service';
import { hubDocument } from '../support/hub-documents';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { useSeededServer } from '../support/seeded-server';
import { gql, startTestServer } from '../support/server';
import { testDatabase } from '../support/graph';

const svc = useSeededServer({ REQUIRE_AUTH_FOR_READS: 'true', API_KEYS: TEST_API_KEYS });

describe('REQUIRE_AUTH_FOR_READS', () => {
  it('puts /metrics behind a reader token; the pages, which carry no data, stay public', async () => {
    const anonymous = await fetch(`${svc.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${svc.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const reader = await fetch(`${svc.url}/metrics`, { headers: asRole('reader') });
    expect(reader.status).toBe(200);
    expect(await reader.text()).toMatch(/^# HELP/m);
    // (200 once `npm run build` has bundled them, 503 saying so before): never a 401
    for (const page of ['/', '/graphiql']) expect([200, 503]).toContain((await fetch(`${svc.url}${page}`)).status);
  });
});

describe('PORT in use', () => {
  it('fails before starting anything, in one line naming PORT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const err = await startTestServer({ PORT: String(port) }).then(
        (s: RunningService) => s.stop().then(() => null),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toBe(`PORT ${port} on 127.0.0.1 is in use: stop whatever listens there, or set PORT to a free port`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('IMPORT_TX_TIMEOUT_MS', () => {
  it('is the timeout of importDocument, and the error names it', async () => {
    // the import's source is held by an open transaction of the test's own, so the import waits on
    // its lock and only its timeout can end it (a fast import could finish before Neo4j noticed a
    // 1 ms timeout, which made the figure a race)
    const short = await startTestServer({ IMPORT_TX_TIMEOUT_MS: '1', API_KEYS: TEST_API_KEYS });
    const db = testDatabase();
    const session = db.driver.session({ database: db.name });
    const holder = session.beginTransaction();
    try {
      await holder.run("CREATE (:Entity:Source {id: $id, kind: 'SOURCE', name: 'Held', names: ['Held'], nameLangs: ['en'], sectionIds: ['main']})", { id: 'source:timeout' });
      const res = await gql(short.url, 'mutation($d: JSON!) { importDocument(document: $d) { provenance } }', { d: hubDocument('timeout', 30, 30) }, asRole('editor'));
      expect(res.body.errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.body.errors![0].message).toBe('The query took longer than the 1 ms limit');
    } finally {
      await holder.rollback();
      await session.close();
      await db.close();
      await short.stop();
    }
  });
});
