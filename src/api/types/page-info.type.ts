import { Field, ObjectType } from 'type-graphql';

/** Relay's PageInfo, shared by every connection in the schema (one GraphQL type, one class). */
@ObjectType({ description: 'Where a page sits in its connection (Relay cursor pagination)' })
export class PageInfo {
  @Field({ description: 'true when another page follows this one' })
  hasNextPage!: boolean;

  @Field({ description: 'true when this page was asked for with a cursor (pages precede it)' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'cursor of the first edge on this page' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'cursor of the last edge; pass it as `after` for the next page' })
  endCursor!: string | null;
}
