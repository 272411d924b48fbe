import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import { EntityKindEnum } from '../types/entity.type';
import { Ranking, RankingMeasure } from '../types/analytics.type';
import { RANKING_FIRST } from '../../analytics/ranking.service';
import type { EntityKind } from '../../model/kinds';

/** Whole-graph rankings: DEGREE read from the stored degrees, PAGERANK from the background job's last result. */
@Resolver(() => Ranking)
export class AnalyticsResolver {
  @Query(() => Ranking, {
    description:
      "The whole graph's most central entities of one kind: by DEGREE as of this request, by PAGERANK from the " +
      `background job's last run (see computedAt); first ${RANKING_FIRST.min}-${RANKING_FIRST.max}`,
  })
  async ranking(
    @Arg('kind', () => EntityKindEnum) kind: EntityKind,
    @Arg('by', () => RankingMeasure) by: RankingMeasure,
    @Arg('first', () => Int, { nullable: true, defaultValue: RANKING_FIRST.default }) first: number | null,
    @Ctx() ctx: AppContext,
  ) {
    const result = await ctx.services.ranking.ranking(kind, by, first);
    // one batched statement for the entries' entities; one deleted since the PAGERANK run is left out
    const entities = await ctx.loaders.entityById.loadMany(result.entries.map((e) => e.id));
    const entries = result.entries.flatMap((e, i) => {
      const entity = entities[i];
      return entity && !(entity instanceof Error) ? [{ rank: e.rank, score: e.score, entity }] : [];
    });
    return { computedAt: result.computedAt, entries };
  }
}
