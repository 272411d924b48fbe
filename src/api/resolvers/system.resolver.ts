import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';

@ObjectType({ description: 'What is serving this API' })
export class ServiceInfo {
  @Field({ description: "this service's version" })
  version!: string;

  @Field({ description: 'the Neo4j server version' })
  neo4jVersion!: string;

  @Field({ description: 'community or enterprise' })
  neo4jEdition!: string;
}

@Resolver()
export class SystemResolver {
  @Query(() => ServiceInfo, { description: 'The service and database versions' })
  serviceInfo(@Ctx() ctx: AppContext): Promise<ServiceInfo> {
    return ctx.services.system.info();
  }
}
