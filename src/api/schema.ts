import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { DateScalar, JSONScalar } from './scalars';
import { orphanedTypes, resolvers } from './resolvers';

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: no per-request schema work. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    orphanedTypes,
    scalarsMap: [
      { type: Date, scalar: DateScalar },
      { type: Object, scalar: JSONScalar },
    ],
    validate: false,
    emitSchemaFile: false,
    // @Authorized fields: our checker throws UNAUTHENTICATED / FORBIDDEN itself
    authChecker,
  });
  return built;
}

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
