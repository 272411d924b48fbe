import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { createParameterDecorator, type ResolverData } from 'type-graphql';

/**
 * Parameter decorator: whether the client selected `name` directly under this field (through
 * fragments too, honouring @skip/@include). It lets one statement fetch a page and, only when
 * asked, its total, where counting later would cost a second round trip.
 */
export function SelectsField(name: string) {
  return createParameterDecorator(({ info }: ResolverData) => info.fieldNodes.some((node) => node.selectionSet !== undefined && selects(info, node.selectionSet, name)));
}

function selects(info: GraphQLResolveInfo, set: SelectionSetNode, name: string): boolean {
  return set.selections.some((sel) => {
    if (getDirectiveValues(GraphQLSkipDirective, sel, info.variableValues)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, sel, info.variableValues)?.if === false) return false;
    if (sel.kind === 'Field') return sel.name.value === name;
    const fragment = sel.kind === 'InlineFragment' ? sel : info.fragments[sel.name.value];
    return fragment !== undefined && selects(info, fragment.selectionSet, name);
  });
}
