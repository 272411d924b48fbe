import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/**
 * Requests built from the schema itself, one case per value position of every argument (and input
 * field) of every query and mutation, and of the fields the queries return, so fields added later
 * are covered too. The property tests (injection, bad input) put generated values there.
 */
export const SOURCE = 'source:china-ai-weekly-b2d2384472f2fb10';
export const TARGET = 'company:injection-target';

/** A valid value for a required argument of this type; the payload goes elsewhere. */
function baseline(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return baseline(type.ofType, name);
  if (isListType(type)) return name === 'ids' ? ['company:alibaba', 'company:baidu'] : [baseline(type.ofType, name)];
  if (isInputObjectType(type)) return fillRequired(type);
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return name === 'to' ? 'company:baidu' : 'company:alibaba';
    case 'String':
      return 'alibaba';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-09-08';
    default:
      return {};
  }
}

function fillRequired(type: GraphQLInputObjectType): Record<string, unknown> {
  return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, baseline(f.type, f.name)]));
}

/** Known-good inputs for our own mutations, so a payload reaches the database layer instead of failing on a missing field. */
export const MUTATION_BASELINES: Record<string, Record<string, unknown>> = {
  upsertEntity: {
    input: { id: TARGET, name: 'Injection Target', names: [{ lang: 'en', value: 'Injection Target' }], description: 'target', provenance: [{ source: SOURCE, section: 'other-news', sentence: 'injection test', basis: 'REPORTED' }] },
  },
  link: { input: { from: TARGET, type: 'PARTY_TO', to: 'partnership:momenta-uber', role: 'PARTNER' } },
  unlink: { input: { from: TARGET, type: 'PARTY_TO', to: 'partnership:momenta-uber' } },
  deleteEntity: { id: TARGET },
};

type Path = (string | number)[];

/** Which leaves (scalars, enums; lists too when `lists` is set) a set of cases puts values at. */
export interface LeafFilter {
  leaf(type: GraphQLNamedType): boolean;
  lists?: boolean;
}

/** A value position inside an argument's type, and the type found there. */
interface Leaf {
  path: Path;
  type: GraphQLInputType;
}

/** Every position inside an argument's type that the filter takes. */
function leaves(type: GraphQLInputType, path: Path, filter: LeafFilter, seen = new Set<string>()): Leaf[] {
  if (isNonNullType(type)) return leaves(type.ofType, path, filter, seen);
  if (isListType(type)) return [...(filter.lists ? [{ path, type }] : []), ...leaves(type.ofType, [...path, 0], filter, seen)];
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return [];
    const next = new Set(seen).add(type.name);
    return Object.values(type.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], filter, next));
  }
  return filter.leaf(type) ? [{ path, type }] : [];
}

/** String, ID and JSON positions: where the injection test puts its payloads. */
export const STRING_LEAVES: LeafFilter = { leaf: (t) => isScalarType(t) && ['String', 'ID', 'JSON'].includes(t.name) };

function setPath(root: Record<string, unknown>, path: Path, value: unknown, types: GraphQLInputType): void {
  let obj: Record<string | number, unknown> = root;
  let type: GraphQLInputType = types;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    while (isNonNullType(type)) type = type.ofType;
    const nextKey = path[i + 1];
    let child: GraphQLInputType;
    if (isListType(type)) child = type.ofType;
    else if (isInputObjectType(type)) child = type.getFields()[String(nextKey)]?.type ?? type;
    else child = type;
    if (obj[key] === undefined || obj[key] === null) obj[key] = typeof nextKey === 'number' ? [] : isInputObjectType(getNamedType(child)) && !isListType(child) ? {} : {};
    if (typeof nextKey === 'number' && !Array.isArray(obj[key])) obj[key] = [];
    if (typeof nextKey !== 'number' && isInputObjectType(getNamedType(child)) && Object.keys(obj[key] as object).length === 0) {
      Object.assign(obj[key] as object, fillRequired(getNamedType(child) as GraphQLInputObjectType));
    }
    obj = obj[key] as Record<string | number, unknown>;
    type = child;
  }
  obj[path[path.length - 1]] = value;
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

function gqlType(type: GraphQLInputType): string {
  return String(type);
}

export interface Case {
  label: string;
  operation: 'query' | 'mutation';
  /** the type at the value position (a list when the whole list is the position) */
  type: GraphQLInputType;
  build: (value: unknown) => { query: string; variables: Record<string, unknown> };
}

/** One case per value position of every argument of every root field, and of the fields those return. */
export function cases(schema: GraphQLSchema, filter: LeafFilter = STRING_LEAVES): Case[] {
  const out: Case[] = [];
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [operation, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const base = () => structuredClone(operation === 'mutation' ? (MUTATION_BASELINES[field.name] ?? {}) : {});
      const requiredArgs = (args: readonly GraphQLArgument[], vars: Record<string, unknown>, prefix: string) => {
        for (const a of args) if (isNonNullType(a.type) && vars[`${prefix}${a.name}`] === undefined) vars[`${prefix}${a.name}`] = baseline(a.type, a.name);
      };
      const argList = (args: readonly GraphQLArgument[], vars: Record<string, unknown>, prefix: string) =>
        args.filter((a) => vars[`${prefix}${a.name}`] !== undefined).map((a) => `${a.name}: $${prefix}${a.name}`).join(', ');
      const decls = (args: readonly GraphQLArgument[], vars: Record<string, unknown>, prefix: string) =>
        args.filter((a) => vars[`${prefix}${a.name}`] !== undefined).map((a) => `$${prefix}${a.name}: ${gqlType(a.type)}`);
      const call = (vars: Record<string, unknown>, inner: string) => {
        const a = argList(field.args, vars, '');
        return `${field.name}${a ? `(${a})` : ''}${inner}`;
      };
      // the root field's own arguments
      for (const arg of field.args) {
        for (const { path, type } of leaves(arg.type, [], filter)) {
          out.push({
            label: `${operation} ${field.name}(${[arg.name, ...path].join('.')})`,
            operation,
            type,
            build: (value) => {
              const vars: Record<string, unknown> = base();
              if (path.length === 0) vars[arg.name] = value;
              else {
                if (vars[arg.name] === undefined) vars[arg.name] = isInputObjectType(getNamedType(arg.type)) && !isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? fillRequired(getNamedType(arg.type) as GraphQLInputObjectType) : [];
                setPath(vars, [arg.name, ...path], value, arg.type);
              }
              requiredArgs(field.args, vars, '');
              const d = decls(field.args, vars, '');
              return { query: `${operation}${d.length ? `(${d.join(', ')})` : ''} { ${call(vars, selection(field))} }`, variables: vars };
            },
          });
        }
      }
      // string arguments of the fields on what it returns (e.g. Entity.related(types:))
      if (operation !== 'query') continue;
      const named = getNamedType(field.type);
      const types = isInterfaceType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
      const seen = new Set<string>();
      for (const t of types) {
        for (const sub of Object.values(t.getFields())) {
          for (const arg of sub.args) {
            if (arg.type.toString().includes('Input') || seen.has(`${sub.name}.${arg.name}`)) continue;
            for (const { path, type } of leaves(arg.type, [], filter)) {
              seen.add(`${sub.name}.${arg.name}`);
              out.push({
                label: `query ${field.name} { ... on ${t.name} { ${sub.name}(${[arg.name, ...path].join('.')}) } }`,
                operation,
                type,
                build: (value) => {
                  const vars: Record<string, unknown> = {};
                  requiredArgs(field.args, vars, '');
                  const subVars: Record<string, unknown> = { [`s_${arg.name}`]: path.length ? [value] : value };
                  requiredArgs(sub.args, subVars, 's_');
                  const subArgs = argList(sub.args, subVars, 's_');
                  const d = [...decls(field.args, vars, ''), ...decls(sub.args, subVars, 's_')];
                  const inner = ` { ... on ${t.name} { ${sub.name}${subArgs ? `(${subArgs})` : ''}${selection(sub)} } }`;
                  return { query: `query(${d.join(', ')}) { ${call(vars, inner)} }`, variables: { ...vars, ...subVars } };
                },
              });
            }
          }
        }
      }
    }
  }
  return out;
}

