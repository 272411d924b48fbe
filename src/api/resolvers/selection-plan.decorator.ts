import { getNamedType } from 'graphql';
import { createParameterDecorator, type ResolverData } from 'type-graphql';
import type { PrefetchPlan } from '../../read/planner/prefetch.plan';
import type { PlanRoot } from '../../read/planner/selection-planner';
import type { AppContext } from '../context';

/**
 * Parameter decorator handing a root resolver the prefetch plan of its selection: which
 * relationship lists the nested field resolvers will load (see prefetch.plan.ts), within the
 * planning budget (selection-planner.ts). `root.statement` names the statement the plan joins
 * (roots sharing one share what Neo4j has planned); by default the field's name.
 */
export function SelectionPlan(root: Partial<PlanRoot> = {}) {
  return createParameterDecorator(({ info, context }: ResolverData<AppContext>): PrefetchPlan =>
    context.services.planner.plan(
      { schema: info.schema, fragments: info.fragments, variableValues: info.variableValues },
      info.fieldNodes,
      getNamedType(info.returnType).name,
      { statement: root.statement ?? info.fieldName, lookup: root.lookup },
    ),
  );
}

export type { PrefetchPlan };
