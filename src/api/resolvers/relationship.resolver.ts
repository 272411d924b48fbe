import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityView } from '../../read/entity/entity.view';
import { Entity } from '../types/entity.type';
import type { AppContext } from '../context';
import { RELATION_FIELDS, RelationFieldsOf, RelationTypeName } from '../../read/relationship/relationship.fields';
import type { PathFieldSpec } from '../../read/relationship/relationship.read';
import { PAGE_SIZES } from '../../read/relay/page-size';
import { RelatedEntity, RelationshipDirection } from '../types/relationship.type';

@Resolver(() => Entity)
export class EntityRelatedResolver {
  @FieldResolver(() => [RelatedEntity], {
    description: 'Neighbours over any relationship, for links the typed fields do not name. `types` are relationship type names (PARTY_TO, MAKES, ...); none means every type but provenance.',
  })
  related(
    @Root() entity: EntityView,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Arg('direction', () => RelationshipDirection, { nullable: true, defaultValue: RelationshipDirection.BOTH }) direction: RelationshipDirection,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.related.default }) first: number | null,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.loaders.relationField(entity, RELATION_FIELDS.Entity.related, { types, direction, first });
  }
}

/** A class a GraphQL field can return (object types and the Entity interface). */
type GraphQLClass = abstract new (...args: never[]) => object;

/** What the schema shows of a typed relationship field; how it reads the graph is in RELATION_FIELDS. */
export interface RelationFieldType {
  description: string;
  /** the element type; lists are `[returns]`, `one` fields a nullable `returns` */
  returns: () => GraphQLClass;
}

/** The schema side of every relationship field of a type: exactly the fields RELATION_FIELDS names. */
export type RelationFieldTypes<T extends RelationTypeName> = { [F in keyof RelationFieldsOf<T>]: RelationFieldType };

/**
 * Builds the resolver class that adds the relationship fields of `typeName` (RELATION_FIELDS) to
 * the object type `of`, with their return types and descriptions from `types` (the
 * *.relations.ts tables). The fields differ only in name, type and path and all resolve the same
 * way (read/relationship/relationship.resolve.ts), so they are built rather than written out;
 * decorators are applied here exactly as the @-syntax would apply them.
 */
export function relationshipResolver<T extends RelationTypeName>(of: GraphQLClass, typeName: T, types: RelationFieldTypes<T>) {
  const Fields = class {};
  Object.defineProperty(Fields, 'name', { value: `${typeName}RelationshipResolver` });
  for (const [name, spec] of Object.entries(RELATION_FIELDS[typeName]) as [string, PathFieldSpec][]) {
    const { description, returns } = (types as Record<string, RelationFieldType>)[name];
    const resolve = function (root: EntityView, ctx: AppContext, first?: number) {
      return ctx.loaders.relationField(root, spec, { first });
    };
    const descriptor: PropertyDescriptor = { value: resolve, writable: true, configurable: true };
    Object.defineProperty(Fields.prototype, name, descriptor);
    FieldResolver(() => (spec.one ? returns() : [returns()]), { description, nullable: spec.one ? true : undefined })(Fields.prototype, name, descriptor);
    Root()(Fields.prototype, name, 0);
    Ctx()(Fields.prototype, name, 1);
    if (!spec.one) {
      Arg('first', () => Int, { nullable: true, defaultValue: PAGE_SIZES.relationship.default, description: `at most this many (${PAGE_SIZES.relationship.min}-${PAGE_SIZES.relationship.max})` })(Fields.prototype, name, 2);
    }
  }
  Resolver(() => of)(Fields);
  return Fields;
}
