import type { Plan } from 'neo4j-driver';
import { allCypher, type CypherQuery } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import { ENTITY_KINDS } from '../../src/model/kinds';
import { RELATIONSHIP_TYPES } from '../../src/model/relationships';
import { STABLE_PLAN, upsertEntities, upsertRelationships } from '../../src/write/graph-writer.cypher';
import { explainPlan, freshGraph, testDatabase, wipe } from '../support/graph';

/**
 * Statements that start with STABLE_PLAN (`CYPHER replan=skip`) keep their first cached plan as
 * the graph grows, so that plan must not depend on the statistics: every node they start from is
 * found by a unique-constraint seek and every relationship between two such nodes by Expand(Into).
 * They are planned here on an empty graph, where the statistics are at their worst (a label scan
 * of zero nodes costs nothing), and the plan that gets cached there is the one a fresh database
 * keeps; a plan that scans, or expands every relationship of a node, would keep doing so at any size.
 */

/** The operators of a plan that would grow with the graph or with a node's degree. */
function unstable(plan: Plan): string[] {
  const own = plan.operatorType.replace(/@.*$/, '');
  const details = String((plan.arguments as Record<string, unknown>).Details ?? '');
  const bad = (/Seek|Scan/.test(own) && !own.startsWith('NodeUniqueIndexSeek')) || (/Expand/.test(own) && own !== 'Expand(Into)');
  return [...(bad ? [`${own}(${details})`] : []), ...plan.children.flatMap(unstable)];
}

/** Every operator name of a plan. */
const operators = (plan: Plan): string[] => [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];

const stable = (q: CypherQuery) => q.text.startsWith(STABLE_PLAN) || q.text.includes(`\n${STABLE_PLAN}\n`);

const statements: CypherQuery[] = [
  ...ENTITY_KINDS.flatMap((k) => [upsertEntities(k), upsertEntities(k, 'records')]),
  ...RELATIONSHIP_TYPES.flatMap((t) => [upsertRelationships(t), upsertRelationships(t, 'records')]),
  ...allCypher().filter(stable),
];

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  await wipe(db);
});
afterAll(async () => {
  await freshGraph(db);
  await db.close();
});

describe('plans kept as the statistics change', () => {
  it('covers the upserts and the write files that carry the option', () => {
    expect(statements.every(stable)).toBe(true);
    expect(allCypher().filter(stable).map((q) => q.name).sort()).toEqual(['changes/append', 'changes/rewrite', 'write/lock-entities', 'write/provenance-create']);
  });

  it.each(statements.map((q) => [q.name, q] as const))('%s: unique seeks and Expand(Into) only, on an empty graph', async (_name, q) => {
    const plan = await explainPlan(db, q);
    expect(unstable(plan)).toEqual([]);
    // the check above looks at something: each of these statements finds its nodes by a seek
    expect(operators(plan).some((o) => o.startsWith('NodeUniqueIndexSeek'))).toBe(true);
  });
});
