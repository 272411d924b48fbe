import {
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLField,
  GraphQLIncludeDirective,
  GraphQLSchema,
  GraphQLSkipDirective,
  isInterfaceType,
  isLeafType,
  isObjectType,
  SelectionSetNode,
} from 'graphql';
import { GENERIC_RELATED_FIELD, RELATION_FIELDS } from '../relationship/relationship.fields';
import { branchSignature, Direction, RelBranch, RelType } from '../relationship/relationship.model';
import { RELATED_DEFAULT_FIRST, RELATED_MAX_FIRST, RELATIONSHIP_DEFAULT_FIRST, RelationshipFieldSpec, RelSpec } from '../relationship/relationship.service';
import { isRelationshipType } from '../../model/relationships';

/**
 * Which relationship keys a request's field resolvers are going to load, worked out from the
 * selection before anything runs, so that one statement can fetch an entity together with every
 * relationship list nested under it (instead of one statement per nesting level). Each branch is
 * exactly a DataLoader key of RelationshipService without the id: the neighbours over one edge
 * type and direction, of one kind, at most `limit`, ordered by name then id. The lists come back
 * attached to their records (prefetch.decode.ts) and the resolvers run unchanged; anything the
 * plan leaves out (an invalid argument, a plan too large) simply falls back to the batched loaders.
 */
export interface PrefetchPlan {
  branches: PrefetchBranch[];
  /**
   * the stored properties the selection reads at this entity (besides id, kind and name, always
   * read), or ALL when it asks for `properties`: records fetched this way are partial, so they are
   * handed only to the resolvers of this selection, never to the request's shared loaders
   */
  fields: readonly string[] | 'ALL';
  /** canonical text of the plan: equal plans share one statement text */
  signature: string;
}

export interface PrefetchBranch {
  branch: RelBranch;
  /** ROLE: only the role is read from the edges; ALL: the edge's properties are selected too */
  edge: 'ROLE' | 'ALL';
  /** what is fetched under each neighbour reached over this branch */
  child: PrefetchPlan;
}

/** Beyond this many branches a request is planned no further: the loaders take the rest. */
export const MAX_PREFETCH_BRANCHES = 48;

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

class PlanBuilder {
  readonly branches = new Map<string, { branch: RelBranch; edge: 'ROLE' | 'ALL'; child: PlanBuilder }>();
  readonly fields = new Set<string>();
  allFields = false;

  add(branch: RelBranch, edge: 'ROLE' | 'ALL', budget: { left: number }): PlanBuilder | null {
    const sig = branchSignature(branch);
    const found = this.branches.get(sig);
    if (found) {
      if (edge === 'ALL') found.edge = 'ALL';
      return found.child;
    }
    if (budget.left <= 0) return null;
    budget.left -= 1;
    const child = new PlanBuilder();
    this.branches.set(sig, { branch, edge, child });
    return child;
  }

  freeze(): PrefetchPlan {
    const fields = this.allFields ? 'ALL' : [...this.fields].sort();
    const branches = [...this.branches.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, v]) => ({ branch: v.branch, edge: v.edge, child: v.child.freeze() }));
    const own = fields === 'ALL' ? '*' : fields.join(' ');
    const signature = `(${own})${branches.map((b) => `${branchSignature(b.branch)}${b.edge === 'ALL' ? '+' : ''}{${b.child.signature}}`).join(',')}`;
    return { branches, fields, signature };
  }
}

/** Properties behind a selected field that is not a relationship: its own, or for `names` two. */
function readProperties(name: string, def: GraphQLField<unknown, unknown>, into: PlanBuilder): void {
  if (name === 'properties') into.allFields = true;
  else if (name === 'names') ['names', 'nameLangs'].forEach((p) => into.fields.add(p));
  // other object-typed fields (sources, a source's entities) are resolved from the id alone
  else if (isLeafType(getNamedType(def.type)) && PROPERTY_NAME.test(def.name) && !ALWAYS_READ.has(def.name)) into.fields.add(def.name);
}

/** Read for every entity: identity, the type (kind) and the sort key (name). */
const ALWAYS_READ = new Set(['id', 'kind', 'name']);
/** Schema field names become property names in Cypher; they are our own, and checked anyway. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The plan for the entities a root field returns (`typeName`: Entity, a kind, or a type that
 * wraps them such as a connection).
 */
export function planSelection(ctx: SelectionContext, fieldNodes: readonly FieldNode[], typeName: string): PrefetchPlan {
  const root = new PlanBuilder();
  const budget = { left: MAX_PREFETCH_BRANCHES };
  for (const node of fieldNodes) if (node.selectionSet) planNeighbours(ctx, node.selectionSet, typeName, root, budget);
  // a plan cut short by the budget is still correct (the loaders fetch what it lacks)
  return root.freeze();
}

function included(ctx: SelectionContext, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variableValues)?.if !== false;
}

/** Walks the selection at an entity of type `typeName`, following fragments. */
function planEntity(ctx: SelectionContext, set: SelectionSetNode, typeName: string, into: PlanBuilder, budget: { left: number }): void {
  for (const sel of set.selections) {
    if (!included(ctx, sel)) continue;
    if (sel.kind === 'InlineFragment') {
      planEntity(ctx, sel.selectionSet, sel.typeCondition?.name.value ?? typeName, into, budget);
    } else if (sel.kind === 'FragmentSpread') {
      const frag = ctx.fragments[sel.name.value];
      if (frag) planEntity(ctx, frag.selectionSet, frag.typeCondition.name.value, into, budget);
    } else if (sel.name.value !== '__typename') {
      planField(ctx, sel, typeName, into, budget);
    }
  }
}

function planField(ctx: SelectionContext, node: FieldNode, typeName: string, into: PlanBuilder, budget: { left: number }): void {
  const parent = ctx.schema.getType(typeName);
  if (!isObjectType(parent) && !isInterfaceType(parent)) return;
  const name = node.name.value;
  const def = parent.getFields()[name];
  if (!def) return;
  const spec = RELATION_FIELDS.get(typeName)?.get(name);
  if (!spec && name !== GENERIC_RELATED_FIELD) return readProperties(name, def, into);
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(def, node, ctx.variableValues);
  } catch {
    return; // the resolver reports the bad argument
  }
  const resultType = getNamedType(def.type).name;
  const leaves = spec ? addTypedField(spec, args, into, budget) : addGenericRelated(args, into, budget);
  if (!node.selectionSet) return;
  for (const leaf of leaves) planNeighbours(ctx, node.selectionSet as SelectionSetNode, resultType, leaf, budget);
}

/**
 * Where entities sit below a field: the entity itself, or inside wrappers that hold them
 * ({ role, partnership }, { score, entity }, a connection's edges and nodes), at any depth.
 */
function planNeighbours(ctx: SelectionContext, set: SelectionSetNode, typeName: string, into: PlanBuilder, budget: { left: number }): void {
  if (isEntityType(ctx.schema, typeName)) {
    planEntity(ctx, set, typeName, into, budget);
    return;
  }
  const wrapper = ctx.schema.getType(typeName);
  if (!isObjectType(wrapper)) return;
  for (const sel of set.selections) {
    if (!included(ctx, sel)) continue;
    if (sel.kind === 'InlineFragment') planNeighbours(ctx, sel.selectionSet, typeName, into, budget);
    else if (sel.kind === 'FragmentSpread') {
      const frag = ctx.fragments[sel.name.value];
      if (frag) planNeighbours(ctx, frag.selectionSet, typeName, into, budget);
    } else if (sel.selectionSet) {
      const def = wrapper.getFields()[sel.name.value];
      if (def) planNeighbours(ctx, sel.selectionSet, getNamedType(def.type).name, into, budget);
    }
  }
}

function isEntityType(schema: GraphQLSchema, typeName: string): boolean {
  const t = schema.getType(typeName);
  if (isInterfaceType(t)) return t.name === 'Entity';
  return isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Entity');
}

function directions(d: Direction | 'BOTH'): Direction[] {
  return d === 'BOTH' ? ['OUT', 'IN'] : [d];
}

/** Mirrors RelationshipService.field: the keys of each hop, intermediate hops at the maximum. */
function addTypedField(spec: RelationshipFieldSpec, args: Record<string, unknown>, into: PlanBuilder, budget: { left: number }): PlanBuilder[] {
  const first = spec.one ? 1 : ((args.first as number | undefined) ?? RELATIONSHIP_DEFAULT_FIRST);
  if (!validFirst(first)) return [];
  let frontier = [into];
  spec.path.forEach((hop, i) => {
    const last = i === spec.path.length - 1;
    const limit = last && !spec.excludeSelf ? first : RELATED_MAX_FIRST;
    frontier = frontier.flatMap((b) => addHop(b, hop, limit, budget));
  });
  return frontier;
}

/** Mirrors RelationshipService.related: the allow-listed types (or every type) in the direction. */
function addGenericRelated(args: Record<string, unknown>, into: PlanBuilder, budget: { left: number }): PlanBuilder[] {
  const first = (args.first as number | undefined) ?? RELATED_DEFAULT_FIRST;
  const types = (args.types as string[] | null | undefined) ?? [];
  if (!validFirst(first) || !types.every(isRelationshipType)) return [];
  const direction = (args.direction as Direction | 'BOTH' | undefined) ?? 'BOTH';
  const specs: RelSpec[] = types.length ? [...new Set(types)].map((t) => ({ type: t as RelType, direction })) : [{ type: '*', direction }];
  return addHop(into, specs, first, budget, 'ALL');
}

function addHop(into: PlanBuilder, specs: readonly RelSpec[], limit: number, budget: { left: number }, edge: 'ROLE' | 'ALL' = 'ROLE'): PlanBuilder[] {
  const out: PlanBuilder[] = [];
  for (const s of specs) {
    for (const direction of directions(s.direction)) {
      const child = into.add({ type: s.type, direction, kind: s.kind, limit }, edge, budget);
      if (child) out.push(child);
    }
  }
  return out;
}

function validFirst(first: number): boolean {
  return Number.isInteger(first) && first >= 0 && first <= RELATED_MAX_FIRST;
}
