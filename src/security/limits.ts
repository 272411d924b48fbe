import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { DocumentNode, GraphQLError, GraphQLSchema, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { Config } from '../config';
import { QueryTooComplexError } from '../common/errors';
import { cachedOperationCost } from './cost';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxPageSize: number;
}

export function limitsFromConfig(c: Config): OperationLimits {
  return {
    maxDepth: c.LIMIT_MAX_DEPTH,
    maxAliases: c.LIMIT_MAX_ALIASES,
    maxDirectives: c.LIMIT_MAX_DIRECTIVES,
    maxTokens: c.LIMIT_MAX_TOKENS,
    maxCost: c.LIMIT_MAX_COST,
    maxPageSize: c.LIMIT_MAX_PAGE_SIZE,
  };
}

/** graphql-armor rejects by throwing; we report instead, as our own coded error (so: HTTP 400, QUERY_TOO_COMPLEX). */
const armorOptions = {
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new QueryTooComplexError(err.message.replace(/^Syntax Error: /, '')))],
};

/**
 * Everything that bounds an operation before it touches the database:
 * - tokens: graphql-js stops parsing past `maxTokens` (Apollo's `parseOptions`); formatError
 *   turns that parse error into QUERY_TOO_COMPLEX;
 * - depth, aliases, directives: graphql-armor validation rules (validated documents are cached);
 * - cost and page size: a plugin, because both depend on the request's variables.
 */
export function operationLimits(limits: OperationLimits): { parseOptions: ParseOptions; validationRules: ValidationRule[]; plugin: ApolloServerPlugin } {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxDepthRule({ ...armorOptions, n: limits.maxDepth, ignoreIntrospection: true }),
      maxAliasesRule({ ...armorOptions, n: limits.maxAliases }),
      maxDirectivesRule({ ...armorOptions, n: limits.maxDirectives }),
    ],
    plugin: costLimitPlugin(limits),
  };
}

/**
 * The cost and page-size checks of one operation with its variables; throws QUERY_TOO_COMPLEX.
 * Shared by the HTTP plugin below and the WebSocket subscriptions (src/http/live.ws.ts).
 */
export function checkOperationCost(limits: OperationLimits, schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): void {
  let report;
  try {
    report = cachedOperationCost(schema, document, operationName, variables, limits.maxPageSize);
  } catch {
    return; // variables that do not fit: execution reports them as BAD_USER_INPUT
  }
  const [big] = report.oversized;
  if (big) {
    throw new QueryTooComplexError(`${big.field}(${big.arg}: ${big.value}) asks for more than ${limits.maxPageSize} items`, { field: big.arg, limit: limits.maxPageSize });
  }
  if (report.cost > limits.maxCost) {
    throw new QueryTooComplexError(`The operation's cost ${report.cost} exceeds the limit of ${limits.maxCost} (each field costs 1, times the page sizes of the lists around it)`, {
      cost: report.cost,
      limit: limits.maxCost,
    });
  }
}

function costLimitPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          checkOperationCost(limits, schema, document, operationName ?? undefined, request.variables);
        },
      };
    },
  };
}
