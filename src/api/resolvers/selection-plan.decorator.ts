import { getNamedType } from 'graphql';
import { createParameterDecorator, type ResolverData } from 'type-graphql';
import { planSelection, PrefetchPlan } from '../../read/planner/prefetch.plan';

/**
 * Parameter decorator handing a root resolver the prefetch plan of its selection: which
 * relationship lists the nested field resolvers will load (see prefetch.plan.ts).
 */
export function SelectionPlan() {
  return createParameterDecorator(({ info }: ResolverData): PrefetchPlan =>
    planSelection({ schema: info.schema, fragments: info.fragments, variableValues: info.variableValues }, info.fieldNodes, getNamedType(info.returnType).name),
  );
}

export type { PrefetchPlan };
