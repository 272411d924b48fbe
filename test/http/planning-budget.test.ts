import type { RunningService } from '../../src/http/service';
import { startTestServer } from '../support/server';
import { useSeededServer } from '../support/seeded-server';

/**
 * Issue 16, item 4: a client sending ever-new selection shapes cannot keep Neo4j's planner busy.
 * The bounded service has a planning budget of BUDGET units a minute (a unit is one subquery or
 * UNION part of a never-seen statement); the reference plans every shape it is sent. Every
 * answer of the bounded service must equal the reference's, while the distinct statement texts it
 * sends stay within what the budget pays for, plus the statements whose text fits every shape.
 */
const BUDGET = 12;
const reference = useSeededServer({ PLAN_BUDGET_PER_MINUTE: '100000', PLAN_BUDGET_PER_CLIENT_PER_MINUTE: '100000' });
let bounded: RunningService;
const texts = new Set<string>();

beforeAll(async () => {
  bounded = await startTestServer({ PLAN_BUDGET_PER_MINUTE: String(BUDGET), PLAN_BUDGET_PER_CLIENT_PER_MINUTE: String(BUDGET) });
  bounded.db.onQuery(({ text, requestId }) => {
    if (requestId !== undefined) texts.add(text);
  });
});
afterAll(() => bounded.stop());

async function post(url: string, query: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { body: (await res.json()) as { data?: unknown; errors?: unknown[] }, dbQueries: Number(res.headers.get('x-db-queries')) };
}

async function metric(name: string, outcome: string): Promise<number> {
  const text = await (await fetch(`${bounded.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{outcome="${outcome}"}`));
  return Number(line?.split(' ')[1] ?? 0);
}

const TYPES = ['PARTY_TO', 'MAKES', 'IN_SECTOR', 'HEADQUARTERED_IN'];
const DIRECTIONS = ['OUT', 'BOTH'];

/** 16 distinct two-level shapes: each a new statement text for Neo4j to plan. */
const SHAPES = TYPES.flatMap((inner) =>
  DIRECTIONS.flatMap((direction) =>
    ['company:alibaba', 'company:baidu'].map(
      (id) => `{ e: entity(id: "${id}") { id related(types: ["PARTY_TO", "${inner}"], first: 4) { type direction entity { id name related(types: ["${inner}"], direction: ${direction}, first: 3) { type entity { id kind } } } } } }`,
    ),
  ),
);

describe('planning budget: new selection shapes cannot exhaust the planner', () => {
  it('a client sending many distinct shapes gets the right answers, while the statement texts sent stay bounded', async () => {
    const started = Date.now();
    const counts: number[] = [];
    for (const query of SHAPES) {
      const got = await post(bounded.url, query);
      const want = await post(reference.url, query);
      expect(got.body.errors).toBeUndefined();
      expect(want.body.errors).toBeUndefined();
      expect(got.body).toEqual(want.body);
      expect(want.dbQueries).toBe(1);
      counts.push(got.dbQueries);
    }
    const minutes = (Date.now() - started) / 60_000;
    // the budget refills continuously; the smallest new shape costs 2 units (a UNION of two parts)
    const paidFor = Math.floor((BUDGET * (1 + minutes)) / 2);
    // the fixed texts: a plain lookup by id and the generic relationship statement
    expect(texts.size).toBeLessThanOrEqual(paidFor + 2);
    expect(texts.size).toBeLessThan(SHAPES.length);
    // the first shape was paid for (one statement); once the budget was spent, shapes were read level by level
    expect(counts[0]).toBe(1);
    expect(counts.some((n) => n > 1)).toBe(true);
    expect(await metric('planner_statement_shapes_total', 'declined')).toBeGreaterThan(0);
  }, 300_000);

  it('a shape planned before keeps its one statement when the budget is spent', async () => {
    const again = await post(bounded.url, SHAPES[0]);
    expect(again.body.errors).toBeUndefined();
    expect(again.dbQueries).toBe(1);
    expect(await metric('planner_statement_shapes_total', 'known')).toBeGreaterThan(0);
  });
});
