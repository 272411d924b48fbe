import { DateTimeScalar } from '../scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity } from './entity.type';
import type { EntityRecord } from '../../read/entity/entity.model';

export enum RankingMeasure {
  DEGREE = 'DEGREE',
  PAGERANK = 'PAGERANK',
}
registerEnumType(RankingMeasure, {
  name: 'RankingMeasure',
  description: 'What a whole-graph ranking orders entities by',
  valuesConfig: {
    DEGREE: { description: 'relationships at the entity, provenance (REPORTED_IN) excluded; parallel ones each count, a loop once. Exact as of the request' },
    PAGERANK: { description: 'PageRank over the whole graph read as undirected, provenance excluded (damping 0.85); computed in the background' },
  },
});

@ObjectType({ description: 'An entity and its place in a ranking' })
export class RankedEntity {
  @Field(() => Int, { description: '1 for the highest score; ties are broken by id' })
  rank!: number;

  @Field(() => Float)
  score!: number;

  @Field(() => Entity)
  entity!: EntityRecord;
}

@ObjectType({ description: "The whole graph's most central entities of one kind" })
export class Ranking {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'when the figures were computed: for DEGREE the time of the request (every write committed before it is counted); for PAGERANK the ' +
      "background job's last run (null until the first run after start finishes). See docs/operations.md for freshness",
  })
  computedAt!: Date | null;

  @Field(() => [RankedEntity], { description: 'highest first; entities with no relationship are not ranked, so a kind without edges has none' })
  entries!: RankedEntity[];
}
