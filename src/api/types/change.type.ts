import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { connectionType } from './connection.type';
import { EntityKindEnum } from './entity.type';
import { GraphEdge } from './trace.type';
import type { GraphEdgeData } from '../../graph/subgraph';
import type { ChangeOp } from '../../write/change-log/change.model';
import type { EntityKind } from '../../model/kinds';

/** The contract's ChangeOp. */
export enum ChangeOpEnum {
  ENTITY_CREATED = 'ENTITY_CREATED',
  ENTITY_UPDATED = 'ENTITY_UPDATED',
  ENTITY_DELETED = 'ENTITY_DELETED',
  RELATIONSHIP_CREATED = 'RELATIONSHIP_CREATED',
  RELATIONSHIP_DELETED = 'RELATIONSHIP_DELETED',
}
registerEnumType(ChangeOpEnum, {
  name: 'ChangeOp',
  description: 'What happened to one entity or relationship',
  valuesConfig: {
    ENTITY_UPDATED: {
      description:
        'its properties changed (see changedProperties); also its provenance (`sources`), or the properties of a relationship it starts (named by its type)',
    },
  },
});

@ObjectType({ description: 'One change of the graph, from the change log (the same feed for `changes` and `graphChanged`)' })
export class GraphChange {
  @Field({ description: 'opaque and ordered: every change has one, none is skipped or repeated; pass it as `after` to resume' })
  position!: string;

  @Field(() => ChangeOpEnum)
  op!: ChangeOp;

  @Field(() => ID, { nullable: true, description: 'for entity changes' })
  entityId!: string | null;

  @Field(() => EntityKindEnum, { nullable: true, description: 'for entity changes' })
  kind!: EntityKind | null;

  @Field(() => GraphEdge, { nullable: true, description: 'for relationship changes: the edge as graph results show it (properties as they were when deleted)' })
  edge!: GraphEdgeData | null;

  @Field(() => DateTimeScalar, { description: 'when the transaction that made it wrote to the log' })
  at!: string;

  @Field(() => [String], { description: 'for ENTITY_UPDATED: the properties that changed' })
  changedProperties!: string[];

  @Field({ description: 'who made the change (the principal id of the caller, or the import command)' })
  actor!: string;
}

export const GraphChangeConnection = connectionType('GraphChange', GraphChange as never, {
  connection: 'A page of the change feed, oldest first (Relay connection)',
  cursor: "the change's position",
  totalCount: 'how many retained changes come after `after`',
});
