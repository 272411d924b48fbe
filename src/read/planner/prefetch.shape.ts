import type { PrefetchPlan } from './prefetch.plan';

/** What a plan costs and what its statement's text depends on (the planning budget's measures). */

/** Whether the plan reads anything below its entities (else reading them is a plain lookup). */
export function readsLists(plan: PrefetchPlan): boolean {
  return plan.branches.length > 0 || (plan.pages?.length ?? 0) > 0;
}

/** The CALL subqueries of a plan's statement: what Neo4j's planner works on. */
export function branchCount(plan: PrefetchPlan): number {
  const pages = (plan.pages ?? []).reduce((n, p) => n + (p.page.withTotal ? 2 : 1) + branchCount(p.child), 0);
  return plan.branches.reduce((n, b) => n + 1 + branchCount(b.child), pages);
}

/**
 * What the text of a plan's statement depends on: its signature without the values that are
 * parameters (limits, a page's cursor and kinds). Plans of one shape share one text, so Neo4j
 * plans it once (read/planner/shape-budget.ts counts shapes, not signatures).
 */
export function planShape(plan: PrefetchPlan): string {
  const own = plan.fields === 'ALL' ? '*' : plan.fields.join(' ');
  const branches = plan.branches.map((b) => `${b.branch.type}|${b.branch.direction}|${b.branch.kind ?? ''}${b.edge === 'ALL' ? '+' : ''}{${planShape(b.child)}}`);
  const pages = (plan.pages ?? []).map((p) => `#entities${p.page.withTotal ? '+total' : ''}{${planShape(p.child)}}`);
  return `(${own})${branches.join(',')}${pages.join('')}`;
}
