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
    DEGREE: { description: 'relationships at the entity, provenance (REPORTED_IN) excluded; parallel ones each count' },
    PAGERANK: { description: 'PageRank over the whole graph read as undirected, provenance excluded (damping 0.85)' },
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

@ObjectType({ description: "The whole graph's most central entities of one kind, from the background job's last run" })
export class Ranking {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'when the figures were computed (null until the first run after start finishes); see docs/operations.md for freshness',
  })
  computedAt!: Date | null;

  @Field(() => [RankedEntity], { description: 'highest first; entities with no relationship are not ranked, so a kind without edges has none' })
  entries!: RankedEntity[];
}
