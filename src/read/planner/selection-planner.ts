import type { FieldNode } from 'graphql';
import { mergePlans, planSelection, type PrefetchPlan, type SelectionContext } from './prefetch.plan';
import { branchCount, planShape, readsLists } from './prefetch.shape';
import type { ShapeBudget } from './shape-budget';

/**
 * What a root reads when its selection's own statement is not sent: every property of its
 * entities and no list (the batched loaders read them), so its text is the same for every
 * selection. Records decoded with it are complete.
 */
export const FALLBACK_PLAN: PrefetchPlan = Object.freeze({ branches: [], fields: 'ALL', signature: '(*)' });

/** Which statement a root's plan becomes part of; `lookup`: without branches it is a plain lookup by id. */
export interface PlanRoot {
  statement: string;
  lookup?: boolean;
}

/**
 * The read planner as the resolvers use it: the prefetch plan of a root field's selection
 * (prefetch.plan.ts), within the planning budget (shape-budget.ts). A plan whose statement Neo4j
 * has not planned yet costs budget; when there is none left the root reads FALLBACK_PLAN and its
 * lists come from the batched loaders. Without a budget every plan is sent.
 */
export class SelectionPlanner {
  constructor(private readonly shapes?: ShapeBudget) {}

  plan(ctx: SelectionContext, fieldNodes: readonly FieldNode[], typeName: string, root: PlanRoot): PrefetchPlan {
    const plan = planSelection(ctx, fieldNodes, typeName);
    if (root.lookup && !readsLists(plan)) return plan;
    return this.admit(root.statement, plan) ? plan : FALLBACK_PLAN;
  }

  /**
   * One plan serving several roots of the same statement (aliases), or null when they are better
   * sent apart: together too large, or their union a new shape the budget cannot pay for.
   */
  merged(statement: string, plans: readonly PrefetchPlan[]): PrefetchPlan | null {
    const plan = mergePlans(plans);
    return plan && this.admit(statement, plan) ? plan : null;
  }

  private admit(statement: string, plan: PrefetchPlan): boolean {
    if (!this.shapes || plan.signature === FALLBACK_PLAN.signature) return true;
    // the planner's work grows with the statement's subqueries (about 30 ms each on a quiet machine)
    return this.shapes.admit(`${statement}\u0000${planShape(plan)}`, branchCount(plan) + 1);
  }
}
