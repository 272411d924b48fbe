import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { projectRoot } from '../../src/common/paths';
import { announce, argValue, countingDriver, exitWithParent, startStats } from './common';

/**
 * The anchor: Neo4j's own GraphQL library (@neo4j/graphql 7) with type definitions equivalent to
 * our model for the benchmarked types (bench/anchor/typeDefs.graphql), served by Apollo Server's
 * standalone HTTP server. It generates one Cypher statement per root field and needs APOC Core.
 */
async function main() {
  const driver = neo4j.driver(argValue('neo4j'), neo4j.auth.basic('neo4j', ''), { maxConnectionPoolSize: 50, telemetryDisabled: true });
  const typeDefs = readFileSync(join(projectRoot(), 'bench', 'anchor', 'typeDefs.graphql'), 'utf8');
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver: countingDriver(driver) });
  const schema = await neoSchema.getSchema();
  await neoSchema.checkNeo4jCompat();
  const server = new ApolloServer({ schema, introspection: false, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(argValue('port', '0')), host: '127.0.0.1' } });
  exitWithParent(async () => {
    await server.stop();
    await driver.close();
  });
  announce(url.replace(/\/$/, '') + '/', await startStats());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
