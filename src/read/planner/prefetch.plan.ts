import {
  FieldNode,
  GraphQLError,
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
import { relationField } from '../relationship/relationship.fields';
import { branchSignature, RelBranch } from '../relationship/relationship.model';
import { FieldRead, fieldRead, RelationArgs } from '../relationship/relationship.read';
import { pageSignature, REPORTED_FIELD, reportedPage, type ReportedArgs, type ReportedPage } from '../source/source.page';

/**
 * Which relationship keys a request's field resolvers are going to load, worked out from the
 * selection before anything runs, so that one statement can fetch an entity together with every
 * relationship list nested under it (instead of one statement per nesting level). Each branch is
 * a branch of relationship.read.ts `fieldRead`, the function the field resolvers use too, for the
 * field's arguments: the neighbours over one edge type and direction, of one kind, at most
 * `limit`, ordered by name then id. The lists come back on partial records (prefetch.decode.ts,
 * entity.view.ts); anything the plan leaves out (an invalid argument, a plan too large) is loaded
 * by the batched loaders instead.
 */
export interface PrefetchPlan {
  branches: PrefetchBranch[];
  /**
   * the stored properties the selection reads at this entity (besides id, kind and name, always
   * read), or ALL when it asks for `properties`: records fetched this way are partial, so they are
   * handed only to the resolvers of this selection, never to the request's shared loaders
   */
  fields: readonly string[] | 'ALL';
  /** `Source.entities` pages read at this entity (source.page.ts; only a Source has any) */
  pages?: PrefetchPage[];
  /** canonical text of the plan with its values (limits, pages): equal plans share one statement and its parameters */
  signature: string;
}

/**
 * The properties a statement reads of an entity whose plan lists its fields, in the order of the
 * list it returns them in (prefetch.cypher.ts, prefetch.decode.ts): id, kind and name first.
 */
export const PROJECTED_FIRST = ['id', 'kind', 'name'] as const;

export interface PrefetchPage {
  page: ReportedPage;
  /** what is fetched under each entity of the page */
  child: PrefetchPlan;
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
  readonly pages = new Map<string, { page: ReportedPage; child: PlanBuilder }>();
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

  /** A page of `Source.entities` (its own CALL, and one more for its total). */
  addPage(page: ReportedPage, budget: { left: number }): PlanBuilder | null {
    const sig = pageSignature(page);
    const found = this.pages.get(sig);
    if (found) return found.child;
    if (budget.left <= 0) return null;
    budget.left -= 1;
    const child = new PlanBuilder();
    this.pages.set(sig, { page, child });
    return child;
  }

  /** Adds everything `plan` reads (for one statement serving several selections); false if the budget cut it. */
  merge(plan: PrefetchPlan, budget: { left: number }): boolean {
    if (plan.fields === 'ALL') this.allFields = true;
    else for (const f of plan.fields) this.fields.add(f);
    return (
      plan.branches.every(({ branch, edge, child }) => this.add(branch, edge, budget)?.merge(child, budget) ?? false) &&
      (plan.pages ?? []).every(({ page, child }) => this.addPage(page, budget)?.merge(child, budget) ?? false)
    );
  }

  freeze(): PrefetchPlan {
    const fields = this.allFields ? 'ALL' : [...this.fields].sort();
    const byKey = <T>(m: Map<string, T>): T[] => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
    const branches = byKey(this.branches).map((v) => ({ branch: v.branch, edge: v.edge, child: v.child.freeze() }));
    const pages = byKey(this.pages).map((v) => ({ page: v.page, child: v.child.freeze() }));
    const own = fields === 'ALL' ? '*' : fields.join(' ');
    const signature =
      `(${own})${branches.map((b) => `${branchSignature(b.branch)}${b.edge === 'ALL' ? '+' : ''}{${b.child.signature}}`).join(',')}` +
      pages.map((p) => `#entities${pageSignature(p.page)}{${p.child.signature}}`).join('');
    return pages.length ? { branches, pages, fields, signature } : { branches, fields, signature };
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

/**
 * One plan that reads everything each of `plans` reads: one statement can then fetch the entities
 * of several selections (aliased roots), each record holding the lists and properties of all of
 * them. Null when together they exceed MAX_PREFETCH_BRANCHES.
 */
export function mergePlans(plans: readonly PrefetchPlan[]): PrefetchPlan | null {
  const merged = new PlanBuilder();
  const budget = { left: MAX_PREFETCH_BRANCHES };
  return plans.every((plan) => merged.merge(plan, budget)) ? merged.freeze() : null;
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
  if (typeName === REPORTED_FIELD.type && name === REPORTED_FIELD.field) return planPage(ctx, node, def, into, budget);
  const spec = relationField(typeName, name);
  if (!spec) return readProperties(name, def, into);
  let read: FieldRead;
  try {
    read = fieldRead(spec, getArgumentValues(def, node, ctx.variableValues) as RelationArgs);
  } catch (err) {
    if (err instanceof GraphQLError) return; // the resolver reports the bad argument
    throw err;
  }
  const resultType = getNamedType(def.type).name;
  const leaves = addRead(read, into, budget);
  if (!node.selectionSet) return;
  for (const leaf of leaves) planNeighbours(ctx, node.selectionSet as SelectionSetNode, resultType, leaf, budget);
}

/** `Source.entities`: a page read with its source, and what its selection reads under each entity. */
function planPage(ctx: SelectionContext, node: FieldNode, def: GraphQLField<unknown, unknown>, into: PlanBuilder, budget: { left: number }): void {
  if (!node.selectionSet) return;
  let page: ReportedPage;
  try {
    const args = getArgumentValues(def, node, ctx.variableValues) as Omit<ReportedArgs, 'withTotal'>;
    page = reportedPage({ ...args, withTotal: selects(ctx, node.selectionSet, 'totalCount') });
  } catch (err) {
    if (err instanceof GraphQLError) return; // the resolver reports the bad argument
    throw err;
  }
  const child = into.addPage(page, budget);
  if (child) planNeighbours(ctx, node.selectionSet, getNamedType(def.type).name, child, budget);
}

/** Whether `name` is selected directly in `set` (through fragments, honouring @skip/@include), as SelectsField decides. */
function selects(ctx: SelectionContext, set: SelectionSetNode, name: string): boolean {
  return set.selections.some((sel) => {
    if (!included(ctx, sel)) return false;
    if (sel.kind === 'Field') return sel.name.value === name;
    const fragment = sel.kind === 'InlineFragment' ? sel : ctx.fragments[sel.name.value];
    return fragment !== undefined && selects(ctx, fragment.selectionSet, name);
  });
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
  // every Node is an entity (Relay's node(id:) reads the same records as entity(id:))
  if (isInterfaceType(t)) return t.name === 'Entity' || t.name === 'Node';
  return isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Entity');
}

/** The branches of each hop under every branch of the hop before: the keys the resolvers will ask for. */
function addRead(read: FieldRead, into: PlanBuilder, budget: { left: number }): PlanBuilder[] {
  // Entity.related returns the edges' properties, so they are read whole
  const edge = read.spec.edges ? 'ALL' : 'ROLE';
  let frontier = [into];
  for (const hop of read.hops) {
    frontier = frontier.flatMap((b) => hop.branches.map((branch) => b.add(branch, edge, budget)).filter((c): c is PlanBuilder => c !== null));
  }
  return frontier;
}
