/**
 * The checks JSON Schema cannot express: unique ids, id prefix against kind, relationship
 * endpoints (defined here or listed in `external`), endpoint kinds per relationship type, roles,
 * provenance sections, date order. They run on any parsed JSON, well-formed or not, so that one
 * pass reports as much as it can; each problem comes back as a JSON pointer and a message.
 */
import { DATE_KEYS, ID_PATTERN, idPrefix, isEntityKind, kindOfId, SOURCE_KIND, type EntityKind } from '../../model/kinds';
import { ENDPOINT_RULES, isImportableRelationshipType, RELATIONSHIP_TYPES, ROLE_REQUIRED_TYPES } from '../../model/relationships';

export interface RuleError {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
/** Runs every rule; returns the problems found and the external ids the document uses. */
export function checkRules(doc: unknown): { errors: RuleError[]; externalIds: string[] } {
  const errors: RuleError[] = [];
  const fail = (path: string, message: string): void => void errors.push({ path, message });
  if (!isRecord(doc)) return { errors, externalIds: [] };

  const source = isRecord(doc.source) ? doc.source : {};
  const sourceId = str(source.id);
  const sourceProps = isRecord(source.properties) ? source.properties : {};

  // Ids: the source's and every entity's, each once.
  const defined = new Map<string, { path: string; kind: EntityKind | undefined }>();
  if (sourceId) defined.set(sourceId, { path: '/source/id', kind: SOURCE_KIND });
  asArray(doc.entities).forEach((e, i) => {
    if (!isRecord(e)) return;
    const id = str(e.id);
    const path = `/entities/${i}`;
    const kind = isEntityKind(e.kind) ? e.kind : undefined;
    if (id !== undefined) {
      const first = defined.get(id);
      if (first) fail(`${path}/id`, `duplicate id "${id}": already defined at ${first.path}`);
      else defined.set(id, { path: `${path}/id`, kind });
      if (kind && ID_PATTERN.test(id) && kindOfId(id) !== kind)
        fail(`${path}/id`, `id "${id}" does not match kind ${kind}: expected "${idPrefix(kind)}:<slug>"`);
    }
    checkNames(e, path, fail);
    checkDates(e.properties, `${path}/properties`, fail);
  });

  // External ids: referenced, not defined here.
  const external = new Set<string>();
  asArray(doc.external).forEach((x, i) => {
    const id = str(x);
    if (id === undefined) return;
    if (defined.has(id)) fail(`/external/${i}`, `"${id}" is defined in this document (${defined.get(id)?.path}); list only ids defined elsewhere`);
    else external.add(id);
  });
  const used = new Set<string>();
  const kindOf = (id: string): EntityKind | undefined => (defined.has(id) ? defined.get(id)?.kind : kindOfId(id));
  const resolve = (id: string, path: string, what: string): boolean => {
    if (defined.has(id)) return true;
    if (external.has(id)) {
      used.add(id);
      return true;
    }
    fail(path, `${what} "${id}" is not defined in this document and not listed in /external`);
    return false;
  };

  // Provenance: sections of the document's source exist; other sources are defined or external.
  const sections = new Set<string>();
  asArray(sourceProps.sections).forEach((s, i) => {
    const id = isRecord(s) ? str(s.id) : undefined;
    if (id === undefined) return;
    if (sections.has(id)) fail(`/source/properties/sections/${i}/id`, `duplicate section id "${id}"`);
    sections.add(id);
  });
  const checkProvenance = (p: unknown, path: string): void => {
    if (!isRecord(p)) return;
    const src = str(p.source);
    if (src !== undefined && src !== sourceId) {
      if (resolve(src, `${path}/source`, 'source') && kindOf(src) !== SOURCE_KIND)
        fail(`${path}/source`, `"${src}" is not a SOURCE`);
      return;
    }
    const section = str(p.section);
    if (section !== undefined && !sections.has(section))
      fail(`${path}/section`, `unknown section "${section}"; expected one of: ${[...sections].join(', ')}`);
  };
  asArray(doc.entities).forEach((e, i) => {
    if (isRecord(e)) asArray(e.provenance).forEach((p, j) => checkProvenance(p, `/entities/${i}/provenance/${j}`));
  });

  // Relationships: known type, endpoints resolved and of the right kinds, roles, no duplicates.
  const seen = new Map<string, number>();
  asArray(doc.relationships).forEach((r, i) => {
    if (!isRecord(r)) return;
    const path = `/relationships/${i}`;
    const type = r.type;
    if (!isImportableRelationshipType(type)) {
      fail(`${path}/type`, `unknown relationship type ${JSON.stringify(type)}; expected one of: ${RELATIONSHIP_TYPES.join(', ')}`);
    }
    const from = str(r.from);
    const to = str(r.to);
    const ends: Array<['from' | 'to', string | undefined]> = [
      ['from', from],
      ['to', to],
    ];
    for (const [end, id] of ends) {
      if (id === undefined || !resolve(id, `${path}/${end}`, 'endpoint') || !isImportableRelationshipType(type)) continue;
      const kind = kindOf(id);
      const allowed = ENDPOINT_RULES[type][end];
      if (kind && !allowed.includes(kind))
        fail(`${path}/${end}`, `${type} must ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(' or ')}; "${id}" is a ${kind}`);
    }
    if (from !== undefined && from === to) fail(`${path}/to`, `relationship from "${from}" to itself`);
    if (isImportableRelationshipType(type) && ROLE_REQUIRED_TYPES.includes(type)) {
      const props = isRecord(r.properties) ? r.properties : {};
      if (typeof props.role !== 'string' || props.role === '')
        fail(`${path}/properties/role`, `${type} needs a role (properties.role)`);
    }
    const key = `${String(type)}|${from}|${to}`;
    const first = seen.get(key);
    if (first !== undefined) fail(path, `duplicate relationship: same type, from and to as /relationships/${first}`);
    else seen.set(key, i);
    checkProvenance(r.provenance, `${path}/provenance`);
  });

  return { errors, externalIds: [...used].sort() };
}

/** The display name is searchable too: it must be one of the names; no name twice. */
function checkNames(e: Json, path: string, fail: (path: string, message: string) => void): void {
  const names = asArray(e.names);
  const seen = new Set<string>();
  names.forEach((n, j) => {
    if (!isRecord(n) || typeof n.lang !== 'string' || typeof n.value !== 'string') return;
    const key = `${n.lang}|${n.value}`;
    if (seen.has(key)) fail(`${path}/names/${j}`, `duplicate name "${n.value}" (${n.lang})`);
    seen.add(key);
  });
  const name = str(e.name);
  if (name !== undefined && names.length > 0 && !names.some((n) => isRecord(n) && n.value === name))
    fail(`${path}/name`, `display name "${name}" must also be listed in names`);
}

/** Ranges run forward; a datePrecision qualifies a date that is there. */
function checkDates(props: unknown, path: string, fail: (path: string, message: string) => void): void {
  if (!isRecord(props)) return;
  const pairs: Array<[string, string]> = [
    ['startDate', 'endDate'],
    ['periodStart', 'periodEnd'],
  ];
  for (const [start, end] of pairs) {
    const a = str(props[start]);
    const b = str(props[end]);
    if (a !== undefined && b !== undefined && b < a) fail(`${path}/${end}`, `${end} ${b} is before ${start} ${a}`);
  }
  if (props.datePrecision !== undefined && !DATE_KEYS.some((k) => props[k] !== undefined))
    fail(`${path}/datePrecision`, `datePrecision needs a date property (${DATE_KEYS.join(', ')})`);
}
