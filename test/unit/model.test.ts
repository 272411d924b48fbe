import { documentSchema } from '../../src/write/document/document.validate';
import { DATE_KEYS, ENTITY_KINDS, FACT_DATE_RANGE, ID_PATTERN, idPrefix, KINDS, KIND_LABEL, kindOfId, type EntityKind } from '../../src/model/kinds';
import { ENDPOINT_RULES, RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES, ROLE_REQUIRED_TYPES } from '../../src/model/relationships';

/** The import JSON schema keeps its own copy of the model; these tests keep the two equal. */
interface PropertyDef {
  $ref?: string;
  enum?: string[];
}
interface KindBranch {
  if: { properties: { kind: { const: string } } };
  then?: { properties: { id: { pattern: string }; properties: { $ref: string } } };
}
const defs = documentSchema.$defs as Record<string, { pattern?: string; enum?: string[]; properties?: Record<string, PropertyDef>; allOf?: KindBranch[] }>;

/** The JSON-schema definition of a kind's own properties (a source's live in sourceProperties). */
function propertyDefs(kind: EntityKind): Record<string, PropertyDef> {
  const own = defs[`properties${KIND_LABEL[kind]}`]?.properties ?? {};
  return kind === 'SOURCE' ? { ...own, ...defs.sourceProperties.properties } : own;
}
const isDate = (p: PropertyDef) => p.$ref === '#/$defs/date';

describe('the model table and the import schema agree', () => {
  it('on the kinds and the relationship types, in order', () => {
    expect(defs.kind.enum).toEqual([...ENTITY_KINDS]);
    expect(defs.relationshipType.enum).toEqual([...RELATIONSHIP_TYPES]);
    expect(RELATIONSHIP_TYPE_NAMES).toEqual([...RELATIONSHIP_TYPES, 'REPORTED_IN']);
  });

  it('on the id pattern', () => {
    expect(ID_PATTERN.source).toBe(defs.entityId.pattern);
  });

  it.each(ENTITY_KINDS)('on the id prefix and property definition of %s', (kind) => {
    const branch = defs.entity.allOf?.find((b) => b.if.properties.kind.const === kind && b.then);
    expect(branch?.then?.properties.id.pattern).toBe(`^${idPrefix(kind)}:`);
    expect(branch?.then?.properties.properties.$ref).toBe(`#/$defs/properties${KIND_LABEL[kind]}`);
  });

  it.each(ENTITY_KINDS)("on %s's date, country and enumerated properties", (kind) => {
    const props = propertyDefs(kind);
    const row = KINDS[kind];
    expect([...row.dates].sort()).toEqual(Object.keys(props).filter((k) => isDate(props[k])).sort());
    if (row.countryField) expect(props[row.countryField]?.$ref).toBe('#/$defs/countryCode');
    for (const field of row.enumFields) expect(Boolean(props[field]?.enum || props[field]?.$ref === '#/$defs/metricKind')).toBe(true);
  });

  it('on the date property keys', () => {
    const all = new Set(ENTITY_KINDS.flatMap((k) => KINDS[k].dates));
    expect([...DATE_KEYS].sort()).toEqual([...all].sort());
    const factDates = new Set(ENTITY_KINDS.filter((k) => KINDS[k].fact).flatMap((k) => KINDS[k].dates));
    expect([...FACT_DATE_RANGE.start].sort()).toEqual([...factDates].sort());
    expect([...FACT_DATE_RANGE.end].sort()).toEqual([...factDates].sort());
  });
});

describe('the model table', () => {
  it('parses ids with the kinds’ prefixes', () => {
    expect(kindOfId('company:alibaba')).toBe('COMPANY');
    expect(kindOfId('person:lei-jun')).toBe('PERSON');
    expect(kindOfId('Company:alibaba')).toBeUndefined();
    expect(kindOfId('widget:x')).toBeUndefined();
    for (const kind of ENTITY_KINDS) expect(kindOfId(`${idPrefix(kind)}:x-1`)).toBe(kind);
  });

  it('has a unique label, id prefix and root connection per kind', () => {
    for (const key of ['label', 'idPrefix', 'connection'] as const) {
      expect(new Set(ENTITY_KINDS.map((k) => KINDS[k][key])).size).toBe(ENTITY_KINDS.length);
    }
  });

  it('requires a role exactly on the participation edges', () => {
    expect(ROLE_REQUIRED_TYPES).toEqual(['PARTY_TO', 'INVESTOR_IN', 'INVOLVED_IN']);
    expect(ENDPOINT_RULES.GOVERNS).toMatchObject({ from: ['GOVERNMENT'], to: ['PLACE'] });
  });
});
