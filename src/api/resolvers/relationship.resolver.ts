import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../../read/entity/entity.model';
import { Entity } from '../types/entity.type';
import type { AppContext } from '../context';
import { RELATED_DEFAULT_FIRST, RELATED_MAX_FIRST, RELATIONSHIP_DEFAULT_FIRST, RelationshipFieldSpec } from '../../read/relationship/relationship.service';
import { registerRelationField } from '../../read/relationship/relationship.fields';
import { RelatedEntity, RelationshipDirection } from '../types/relationship.type';

@Resolver(() => Entity)
export class EntityRelatedResolver {
  @FieldResolver(() => [RelatedEntity], {
    description: 'Neighbours over any relationship, for links the typed fields do not name. `types` are relationship type names (PARTY_TO, MAKES, ...); none means every type but provenance.',
  })
  related(
    @Root() entity: EntityRecord,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Arg('direction', () => RelationshipDirection, { nullable: true, defaultValue: RelationshipDirection.BOTH }) direction: RelationshipDirection,
    @Arg('first', () => Int, { nullable: true, defaultValue: RELATED_DEFAULT_FIRST }) first: number,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.relationship.related(entity, { types, direction, first }, ctx.loaders.relatedSource);
  }
}

/** A class a GraphQL field can return (object types and the Entity interface). */
type GraphQLClass = abstract new (...args: never[]) => object;

/** A typed relationship field: its name and description in the schema, and how it reads the graph. */
export interface RelationshipField extends RelationshipFieldSpec {
  name: string;
  description: string;
  /** the element type; lists are `[returns]`, `one` fields a nullable `returns` */
  returns: () => GraphQLClass;
}

/**
 * Builds the resolver class that adds `fields` to the object type `of`. The fields of every kind
 * are declared as data (the *.relations.ts tables) rather than as one hand-written method each:
 * they differ only in name, type and path, and all resolve the same way, through the request's
 * batched `related` loader. Decorators are applied here exactly as the @-syntax would apply them.
 */
export function relationshipResolver(of: GraphQLClass, typeName: string, fields: readonly RelationshipField[]) {
  const Fields = class {};
  Object.defineProperty(Fields, 'name', { value: `${typeName}RelationshipResolver` });
  for (const f of fields) {
    registerRelationField(typeName, f.name, f);
    const resolve = function (root: EntityRecord, ctx: AppContext, first: number = RELATIONSHIP_DEFAULT_FIRST) {
      return ctx.services.relationship.field(root, f, first, ctx.loaders.relatedSource);
    };
    const descriptor: PropertyDescriptor = { value: resolve, writable: true, configurable: true };
    Object.defineProperty(Fields.prototype, f.name, descriptor);
    FieldResolver(() => (f.one ? f.returns() : [f.returns()]), { description: f.description, nullable: f.one ? true : undefined })(Fields.prototype, f.name, descriptor);
    Root()(Fields.prototype, f.name, 0);
    Ctx()(Fields.prototype, f.name, 1);
    if (!f.one) {
      Arg('first', () => Int, { nullable: true, defaultValue: RELATIONSHIP_DEFAULT_FIRST, description: `at most this many (0-${RELATED_MAX_FIRST})` })(Fields.prototype, f.name, 2);
    }
  }
  Resolver(() => of)(Fields);
  return Fields;
}
