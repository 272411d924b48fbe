import { auditServer, serverAudits, type AuditResult } from 'graphql-http';
import { useSeededServer } from '../support/seeded-server';
import { startTestServer } from '../support/server';

/**
 * The GraphQL-over-HTTP spec's own audit suite (graphql-http's serverAudits) against the running
 * server. Every MUST passes. The SHOULDs left as warnings are exactly these, all for the same
 * reason, and any change to the list fails the test so a regression shows:
 *
 * - 572B SHOULD use 200 status code on document parsing failure when accepting application/json
 * - FDE2 SHOULD use 200 status code on document validation failure when accepting application/json
 * - 7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json
 *
 * Apollo Server answers parse, validation and variable-coercion failures with HTTP 400 whatever
 * the Accept header (Apollo's own run of this suite allows the same three). We keep 400: the
 * operation limits are validation failures that must answer 400 (QUERY_TOO_COMPLEX), clients and
 * proxies see a refused request as 4xx, and the spec's newer application/graphql-response+json
 * asks for exactly this.
 */
const EXPECTED_WARNINGS = ['572B', '7B9B', 'FDE2'];

const svc = useSeededServer();

const url = () => `${svc.url}/graphql`;
const ids = (results: AuditResult[], status: AuditResult['status']) => results.filter((r) => r.status === status).map((r) => r.id).sort();

describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  // one test per audit, as graphql-http's README shows: a failing MUST names itself
  for (const audit of serverAudits({ url, fetchFn: fetch })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST')) expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
      else if (result.status === 'warn') expect(EXPECTED_WARNINGS).toContain(audit.id);
      else expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }

  it('leaves exactly the known SHOULD warnings and no errors or notices (58 ok, 3 warnings of 61)', async () => {
    const results = await auditServer({ url, fetchFn: fetch });
    expect(ids(results, 'error')).toEqual([]);
    expect(ids(results, 'notice')).toEqual([]);
    expect(ids(results, 'warn')).toEqual(EXPECTED_WARNINGS);
    expect(ids(results, 'ok')).toHaveLength(results.length - EXPECTED_WARNINGS.length);
  });

  it('in production (CSRF prevention on, introspection enabled for the audit) every MUST still passes; only GETs without a preflight header are refused', async () => {
    const prod = await startTestServer({ NODE_ENV: 'production', ENABLE_INTROSPECTION: 'true' });
    try {
      const results = await auditServer({ url: `${prod.url}/graphql`, fetchFn: fetch });
      expect(ids(results, 'error')).toEqual([]);
      expect(ids(results, 'warn')).toEqual(EXPECTED_WARNINGS);
      // the audit's GETs carry no apollo-require-preflight header: CSRF prevention answers 400 (MAY-level audits)
      expect(ids(results, 'notice')).toEqual(['5A70', '6A70', 'D6D5']);
    } finally {
      await prod.stop();
    }
  });
});
