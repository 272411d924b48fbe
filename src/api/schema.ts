import { GraphQLSchema, isInterfaceType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { DateScalar, JSONScalar } from './scalars';
import { orphanedTypes, resolvers } from './resolvers';
import { typeNameOf } from './types/entity.type';

let built: Promise<GraphQLSchema> | undefined;

/** No subscription uses type-graphql topics: each has its own `subscribe` (see ChangeResolver). */
const noTopics: PubSub = {
  publish: () => {
    throw new Error('no topic-based subscriptions in this schema');
  },
  subscribe: () => {
    throw new Error('no topic-based subscriptions in this schema');
  },
};

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
    // graphChanged brings its own stream (src/live/); type-graphql insists on a pub/sub all the same
    pubSub: noTopics,
  }).then(withSyncTypeResolvers);
  return built;
}

/**
 * type-graphql wraps every resolveType in an async function; ours are plain lookups of the kind's
 * label. The lookup itself is given to graphql: no promise per abstract value, and graphql-jit
 * (which does not await resolveType) can execute Node and Entity fields.
 */
function withSyncTypeResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const name of ['Node', 'Entity']) {
    const type = schema.getType(name);
    if (!isInterfaceType(type)) throw new Error(`the schema has no interface ${name}`);
    type.resolveType = typeNameOf;
  }
  return schema;
}

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
