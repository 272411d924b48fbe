import type { DocumentNode, GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Arguments that say how many items a field returns. */
export const PAGE_SIZE_ARGS = ['first', 'last', 'limit'] as const;

export interface OversizedPage {
  /** `Type.field`, e.g. `Query.search` */
  field: string;
  arg: string;
  value: number;
}

export interface CostReport {
  cost: number;
  oversized: OversizedPage[];
}

/**
 * A field costs 1 plus its selections; a field with a page-size argument (`first`, `last` or
 * `limit`, given or defaulted) returns up to that many items, so its cost is multiplied by it.
 * Nested lists multiply: 100 companies × 50 partners each costs 5,000 × their fields.
 * It also notes every page size above the maximum, whatever the field (other features' fields too).
 */
export function listSizeEstimator(maxPageSize: number, oversized: OversizedPage[]): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    let size = 1;
    for (const name of PAGE_SIZE_ARGS) {
      const v = args[name];
      if (typeof v !== 'number') continue;
      if (v > maxPageSize) oversized.push({ field: `${type.name}.${field.name}`, arg: name, value: v });
      size = Math.max(size, v);
    }
    return size * (1 + childComplexity);
  };
}

/**
 * The operation's cost with the request's variables (and argument defaults) applied, computed
 * on the parsed document before execution. Throws the first GraphQLError when the variables do
 * not fit the operation; callers let execution report those as usual.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined, maxPageSize: number): CostReport {
  const oversized: OversizedPage[] = [];
  const cost = getComplexity({ schema, query: document, operationName, variables, estimators: [listSizeEstimator(maxPageSize, oversized)] });
  return { cost, oversized };
}
