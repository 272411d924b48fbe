/**
 * Checks mutation inputs with the import document's validator (schema/document.schema.json plus
 * the rules in src/write/document/document.rules.ts), so entity and relationship rules live in one
 * place: each input becomes a one-entity or one-relationship document around a placeholder
 * source, and each problem's JSON pointer is mapped back to the argument path the client sent.
 */
import { BadUserInputError } from '../../common/errors';
import { ID_PATTERN, kindOfId, MAX_ID_LENGTH, SOURCE_KIND, type EntityKind } from '../../model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';
import {
  validateDocument,
  type EntityInput,
  type PropertyValue,
  type ProvenanceInput,
  type RelationshipInput,
  type ValidationError,
} from '../document/document.validate';

/** A valid source to wrap inputs in; never written (upsert and link have their own writers). */
const PLACEHOLDER_SOURCE = {
  id: 'source:mutation-input',
  name: 'mutation input',
  names: [{ lang: 'en', value: 'mutation input' }],
  properties: { issued: '2000-01-01', lang: 'en', title: 'mutation input', sections: [{ id: 'input', title: 'input' }] },
};

export interface ProvenanceData {
  source: string;
  section: string;
  sentence: string;
  basis: string;
  note?: string | null;
}

export interface EntityInputData {
  id: string;
  kind?: string | null;
  name: string;
  names: { lang: string; value: string }[];
  description?: string | null;
  properties?: Record<string, unknown> | null;
  provenance?: ProvenanceData[] | null;
}

export interface LinkInputData {
  from: string;
  type: string;
  to: string;
  role?: string | null;
  description?: string | null;
  provenance?: ProvenanceData | null;
}

/** Drops null and undefined members: GraphQL sends null for omitted optional fields. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function provenance(p: ProvenanceData): ProvenanceInput {
  return compact({ source: p.source, section: p.section, sentence: p.sentence, basis: p.basis, note: p.note }) as ProvenanceInput;
}

/** `/entities/0/names/1/lang` → `input.names.1.lang` (the rest of the pointer after `prefix`). */
function argPath(pointer: string, prefix: string, rename: Record<string, string> = {}): string {
  const rest = pointer.slice(prefix.length).split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const joined = rest.join('/');
  for (const [from, to] of Object.entries(rename)) {
    if (joined === from || joined.startsWith(`${from}/`)) return ['input', to, ...joined.slice(from.length).split('/').filter(Boolean)].join('.');
  }
  return ['input', ...rest].join('.');
}

function reject(errors: ValidationError[], field: (pointer: string) => string): never {
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more: ${errors.slice(1, 4).map((e) => `${field(e.path)}: ${e.message}`).join('; ')})` : '';
  throw new BadUserInputError(`${field(first.path)}: ${first.message}${more}`, field(first.path));
}

/** A valid upsertEntity input as an import-document entity; throws BAD_USER_INPUT naming the field. */
export function validateEntityInput(input: EntityInputData): EntityInput {
  const kind = (input.kind ?? kindOfId(input.id)) as EntityKind | undefined;
  if (!kind) {
    throw new BadUserInputError(
      `input.id: "${input.id}" must look like <kind>:<slug>, e.g. company:alibaba (lower-case letters, digits and hyphens, at most ${MAX_ID_LENGTH} characters)`,
      'input.id',
    );
  }
  if (kind === SOURCE_KIND) throw new BadUserInputError('input.kind: sources are created and changed with importDocument, which carries their sections', 'input.kind');
  const entity = compact({
    id: input.id,
    kind,
    name: input.name,
    names: input.names.map((n) => ({ lang: n.lang, value: n.value })),
    description: input.description,
    properties: input.properties as Record<string, PropertyValue> | null | undefined,
    provenance: input.provenance?.map(provenance),
  }) as EntityInput;
  const sources = [...new Set((input.provenance ?? []).map((p) => p.source))];
  const doc = { source: PLACEHOLDER_SOURCE, external: sources, entities: [entity], relationships: [] };
  const result = validateDocument(doc, 'input');
  if (!result.ok) {
    reject(result.errors, (pointer) => {
      if (pointer.startsWith('/external/')) {
        const src = sources[Number(pointer.split('/')[2])];
        const i = (input.provenance ?? []).findIndex((p) => p.source === src);
        return `input.provenance.${Math.max(i, 0)}.source`;
      }
      return pointer.startsWith('/entities/0') ? argPath(pointer, '/entities/0') : 'input';
    });
  }
  return entity;
}

/** A valid link input as an import-document relationship; throws BAD_USER_INPUT naming the field. */
export function validateLinkInput(input: LinkInputData): RelationshipInput {
  const properties = compact({ role: input.role, description: input.description });
  const rel = compact({
    type: input.type as RelationshipType,
    from: input.from,
    to: input.to,
    properties: Object.keys(properties).length ? properties : undefined,
    provenance: input.provenance ? provenance(input.provenance) : undefined,
  }) as RelationshipInput;
  // every id it names is "defined elsewhere": the service checks that they exist
  const external: [string, string][] = [
    [input.from, 'input.from'],
    [input.to, 'input.to'],
    ...(input.provenance ? ([[input.provenance.source, 'input.provenance.source']] as [string, string][]) : []),
  ].filter(([id], i, all) => all.findIndex(([other]) => other === id) === i) as [string, string][];
  const doc = { source: PLACEHOLDER_SOURCE, external: external.map(([id]) => id), entities: [], relationships: [rel] };
  const result = validateDocument(doc, 'input');
  if (!result.ok) {
    reject(result.errors, (pointer) => {
      if (pointer.startsWith('/external/')) return external[Number(pointer.split('/')[2])]?.[1] ?? 'input';
      if (!pointer.startsWith('/relationships/0')) return 'input';
      // a missing `properties` object means a missing role
      if (pointer === '/relationships/0/properties') return 'input.role';
      return argPath(pointer, '/relationships/0', { 'properties/role': 'role', 'properties/description': 'description' });
    });
  }
  return rel;
}

/** An unlink's ids and relationship type, checked against the same pattern and allow-list. */
export function validateUnlinkInput(input: { from: string; type: string; to: string }): RelationshipType {
  for (const field of ['from', 'to'] as const) {
    if (!ID_PATTERN.test(input[field])) throw new BadUserInputError(`input.${field}: "${input[field]}" is not an entity id (<kind>:<slug>, at most ${MAX_ID_LENGTH} characters)`, `input.${field}`);
  }
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(input.type)) {
    throw new BadUserInputError(`input.type: unknown relationship type ${JSON.stringify(input.type)}; expected one of: ${RELATIONSHIP_TYPES.join(', ')}`, 'input.type');
  }
  return input.type as RelationshipType;
}
