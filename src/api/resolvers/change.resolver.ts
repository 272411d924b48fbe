import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { EntityKindEnum } from '../types/entity.type';
import { GraphChange, GraphChangeConnection } from '../types/change.type';
import type { AppContext } from '../context';
import { PAGE_SIZES, checkFirst } from '../../read/relay/page-size';
import { decodePosition } from '../../live/position';
import { type GraphChangeData, toGraphChange } from '../../live/change.view';
import type { LoggedChange } from '../../write/change-log/change.model';
import type { EntityKind } from '../../model/kinds';

@ArgsType()
class GraphChangedArgs {
  @Field(() => [ID], { nullable: true, description: 'only changes of these entities and of relationships touching them' })
  ids?: string[] | null;

  @Field(() => [EntityKindEnum], { nullable: true, description: 'only changes of entities of these kinds and of relationships touching one' })
  kinds?: EntityKind[] | null;

  @Field(() => [String], { nullable: true, description: 'only relationship changes of these types (e.g. PARTY_TO)' })
  relationshipTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'a position: replay every change after it, then stream' })
  after?: string | null;
}

/** The change feed: `changes` pages it, `graphChanged` streams it over graphql-ws. Thin: the work is src/live/'s. */
@Resolver()
export class ChangeResolver {
  @Query(() => GraphChangeConnection, { description: 'The change feed, oldest first, Relay-paged: for catch-up and for apps that poll' })
  async changes(
    @Arg('after', () => String, { nullable: true, description: 'a position (or a cursor of this feed)' }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.changes.default, description: `page size (${PAGE_SIZES.changes.min}-${PAGE_SIZES.changes.max})` })
    first: number | null,
    @Ctx() ctx: AppContext,
  ) {
    const page = await ctx.services.changes.page(decodePosition(after), checkFirst(first, PAGE_SIZES.changes));
    const nodes = page.nodes.map(toGraphChange);
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })), totalCount: page.totalCount };
  }

  @Subscription(() => GraphChange, {
    description:
      'Changes of the graph as they commit, through any replica, filtered on the server (every filter given must match). ' +
      '`after` resumes from a position, replaying what was missed first; each change arrives exactly once.',
    subscribe: ({ args, context }) => (context as AppContext).services.live.subscribe(args as GraphChangedArgs, (context as AppContext).connection),
  })
  graphChanged(@Root() change: LoggedChange, @Args() _args: GraphChangedArgs): GraphChangeData {
    return toGraphChange(change);
  }
}
