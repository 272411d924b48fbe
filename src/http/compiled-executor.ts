import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLSchema, OperationDefinitionNode, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { AppContext } from '../api/context';
import { compiledSize } from './compiled-size';

type Gateway = ApolloServerOptionsWithGateway<AppContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/**
 * How an operation is executed once Apollo has parsed, validated and limited it:
 * - `compiled`: queries are compiled once per parsed document by graphql-jit (cached with the
 *   document Apollo already caches) and run as generated code, without graphql-js's generic walk
 *   over the selection on every request (see bench/RESULTS.md for the measured gain);
 * - `standard`: graphql-js `execute`, as Apollo runs it without an executor.
 * Mutations, subscriptions, introspection and requests whose variables do not coerce always go
 * through graphql-js, so their results and errors are graphql-js's own; so do documents whose
 * compiled code would pass COMPILED_SIZE_LIMIT (compiled-size.ts).
 */
export type ExecutionMode = 'compiled' | 'standard';

/**
 * Field positions a compiled operation may hold. Measured (graphql-jit 0.8, this schema): the
 * benchmark's documents are 3–90 and compile in 0.4–9 ms; `entity` with one level of `related`
 * is 391 (22 ms); two levels are 5,123 (1.2 s of blocked event loop, 70 MB); three are 66,639
 * (13 s, 1.1 GB), and four ran the process out of its heap. Past the limit graphql-js runs the
 * document, at a cost that follows the answer, not the schema.
 */
export const COMPILED_SIZE_LIMIT = 1000;

/** The compiled form of one operation of one document, or null when it must run on graphql-js. */
type Compiled = CompiledQuery | null;

export class OperationCompiler {
  private readonly cache = new WeakMap<DocumentNode, Map<string, Compiled>>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The compiled query for this document's operation, made on first use. */
  compiled(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): Compiled {
    let byName = this.cache.get(document);
    if (!byName) this.cache.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (entry === undefined) {
      const small = () => compiledSize(this.schema, document, operation, COMPILED_SIZE_LIMIT) <= COMPILED_SIZE_LIMIT;
      entry = compilable(operation) && small() ? compile(this.schema, document, operationName) : null;
      byName.set(key, entry);
    }
    return entry;
  }
}

function compilable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  // introspection stays with graphql-js (its answers are what GraphQL tools expect byte for byte)
  return !operation.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value.startsWith('__') && s.name.value !== '__typename');
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled {
  const compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
  return isCompiledQuery(compiled) ? compiled : null;
}

/**
 * Apollo's gateway hook used as an executor hook: the schema is ours, Apollo keeps parsing,
 * validation, the operation limits, plugins and error formatting; only execution is replaced.
 */
export function executionGateway(schema: GraphQLSchema, mode: ExecutionMode): Gateway {
  const compiler = new OperationCompiler(schema);
  const run: Executor = async (request: ExecutorRequest) => runOperation(schema, compiler, mode, request);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor: run }),
    stop: async () => undefined,
  };
}

async function runOperation(schema: GraphQLSchema, compiler: OperationCompiler, mode: ExecutionMode, request: ExecutorRequest): Promise<ExecutionResult> {
  const { document, operation, operationName, context } = request;
  const variables = request.request.variables;
  const compiled = mode === 'compiled' ? compiler.compiled(document, operation, operationName ?? undefined) : null;
  // variable errors keep graphql-js's wording and nodes (Apollo turns them into BAD_USER_INPUT, 400)
  if (compiled && !('errors' in getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}))) {
    return compiled.query(undefined, context, variables);
  }
  return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
}
