import { type DocumentNode, type GraphQLSchema, Kind, visit } from 'graphql';
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

/** Names of arguments whose variables can change the cost: page sizes, and @skip/@include's `if`. */
const COST_ARGS = new Set<string>([...PAGE_SIZE_ARGS, 'if']);

/** The variables a document's cost depends on, found once per document. */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: { kind: string }) =>
    visit(value as DocumentNode, {
      Variable: (v) => void names.add(v.name.value),
    });
  visit(document, {
    Argument: (a) => void (COST_ARGS.has(a.name.value) && collect(a.value)),
    ObjectField: (f) => void (COST_ARGS.has(f.name.value) && f.value.kind === Kind.VARIABLE && names.add(f.value.name.value)),
  });
  return [...names].sort();
}

const variablesOf = new WeakMap<DocumentNode, string[]>();
const reportsOf = new WeakMap<DocumentNode, Map<string, CostReport>>();
/** Reports kept per document: enough for the page sizes one client cycles through. */
const REPORTS_PER_DOCUMENT = 64;

/**
 * operationCost, remembered per parsed document (the server caches parsed documents, so a
 * repeated operation is the same object) and per value of the variables the cost depends on:
 * walking the document with type information on every request cost as much as executing it.
 */
export function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined, maxPageSize: number): CostReport {
  let names = variablesOf.get(document);
  if (!names) variablesOf.set(document, (names = costVariables(document)));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(names.map((n) => variables?.[n] ?? null))}`;
  let reports = reportsOf.get(document);
  if (!reports) reportsOf.set(document, (reports = new Map()));
  const known = reports.get(key);
  if (known) return known;
  const report = operationCost(schema, document, operationName, variables, maxPageSize);
  if (reports.size < REPORTS_PER_DOCUMENT) reports.set(key, report);
  return report;
}
