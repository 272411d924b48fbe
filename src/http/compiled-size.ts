import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How much code graphql-jit would generate for an operation, counted in field positions, and
 * whether that stays under `limit`. graphql-jit writes the code of a selection once for every
 * concrete type an abstract field can return, so the size multiplies at each interface level:
 * every `Entity` position has thirteen kinds behind it, and four nested levels of `related`
 * (a cheap query for Neo4j) come to 13⁴ copies of the innermost selection, which compiled for
 * seconds and then ran the process out of memory. The count stops as soon as it passes `limit`
 * (answering limit + 1), so sizing a huge document costs no more than a document of `limit` fields.
 */
export function compiledSize(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, limit: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  let size = 0;

  const applies = (type: GraphQLObjectType, condition: string | undefined): boolean => {
    if (!condition || condition === type.name) return true;
    const target = schema.getType(condition);
    return !!target && isAbstractType(target) && schema.isSubType(target, type);
  };

  /** Adds the fields `set` writes for `type`; false once the total passes the limit. */
  const count = (set: SelectionSetNode, type: GraphQLObjectType, depth: number): boolean => {
    if (depth > 64) {
      size = limit + 1; // cyclic fragments are refused by validation; never recurse without end
      return false;
    }
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        size += 1;
        if (size > limit) return false;
        const field = type.getFields()[s.name.value];
        if (!field || !s.selectionSet) continue;
        const named = getNamedType(field.type);
        const concrete = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
        for (const t of concrete) if (!count(s.selectionSet, t, depth + 1)) return false;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(type, s.typeCondition?.name.value) && !count(s.selectionSet, type, depth + 1)) return false;
      } else {
        const f = fragments.get(s.name.value);
        if (f && applies(type, f.typeCondition.name.value) && !count(f.selectionSet, type, depth + 1)) return false;
      }
    }
    return true;
  };
  count(operation.selectionSet, root, 0);
  return Math.min(size, limit + 1);
}
