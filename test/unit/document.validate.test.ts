import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  METRIC_KINDS,
  documentSchema,
  formatErrors,
  parseAndValidateDocument,
  validateDocument,
  type ImportDocument,
  type ValidationError,
} from '../../src/write/document/document.validate';
import { ENTITY_KINDS } from '../../src/model/kinds';
import { RELATIONSHIP_TYPES } from '../../src/model/relationships';

const SEED_FILE = 'data/seed/000_b2d2384472f2fb10.json';
const seedText = readFileSync(join(__dirname, '..', '..', SEED_FILE), 'utf8');
const seed = (): ImportDocument => JSON.parse(seedText) as ImportDocument;

/** A tiny valid document to break in one place per test. */
function minimal(): ImportDocument {
  const provenance = [{ section: 'news', sentence: '알리바바 주가는 +1.9% 상승.', basis: 'REPORTED' as const }];
  return {
    source: {
      id: 'source:test',
      name: 'Test issue',
      names: [{ lang: 'en', value: 'Test issue' }],
      properties: { issued: '2025-09-08', lang: 'ko', title: '테스트', sections: [{ id: 'news', title: '뉴스' }] },
    },
    entities: [
      { id: 'company:alibaba', kind: 'COMPANY', name: 'Alibaba', names: [{ lang: 'ko', value: '알리바바' }, { lang: 'en', value: 'Alibaba' }], properties: { country: 'CN' }, provenance },
      {
        id: 'event:alibaba-stock-move',
        kind: 'EVENT',
        name: 'Alibaba shares +1.9%',
        names: [{ lang: 'en', value: 'Alibaba shares +1.9%' }],
        properties: { eventType: 'STOCK_MOVE', changePct: 1.9, date: '2025-09-08', datePrecision: 'WEEK' },
        provenance,
      },
    ],
    relationships: [
      { type: 'INVOLVED_IN', from: 'company:alibaba', to: 'event:alibaba-stock-move', properties: { role: 'SUBJECT' }, provenance: provenance[0] },
    ],
  };
}

function errorsOf(doc: unknown): ValidationError[] {
  const result = validateDocument(doc, 'broken.json');
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

function expectError(doc: unknown, path: string, message: RegExp): void {
  const errors = errorsOf(doc);
  const hit = errors.find((e) => e.path === path && message.test(e.message));
  if (!hit) throw new Error(`no error at ${path} matching ${message}; got:\n${formatErrors(errors)}`);
  expect(hit.file).toBe('broken.json');
}

describe('the seed document', () => {
  it('validates against the schema and the rules', () => {
    const result = validateDocument(seed(), SEED_FILE);
    if (!result.ok) throw new Error(formatErrors(result.errors));
    expect(result.document.entities.length).toBeGreaterThan(80);
    expect(result.externalIds).toEqual([]);
  });

  it("carries the newsletter's Korean names", () => {
    const korean = new Set(seed().entities.flatMap((e) => e.names.filter((n) => n.lang === 'ko').map((n) => n.value)));
    const expected = [
      '알리바바', '바이두', '애플', '딥시크', '앤트로픽', '모멘타', '우버', '애스트리봇', '위라이드', '포니 AI',
      '호라이즌 로보틱스', '로보센스', '항저우시', '국가발전개혁위원회', '국가에너지국', '타오바오', '클로드', '애플 인텔리전스',
      '중국', '독일', '뮌헨', '카타르', '광저우', '황푸구', '홍콩', '상하이',
    ];
    expect(expected.filter((name) => !korean.has(name))).toEqual([]);
  });

  it('holds the ids other parts of the service rely on', () => {
    const ids = new Set(seed().entities.map((e) => e.id));
    const expected = [
      'company:alibaba', 'company:baidu', 'company:apple', 'company:momenta', 'company:uber', 'company:deepseek',
      'company:anthropic', 'company:taobao', 'product:qwen3-max-preview', 'product:wenxin-x1-1', 'government:hangzhou',
      'government:shanghai', 'government:ndrc', 'government:nea', 'organization:omdia', 'place:china',
      'partnership:apple-intelligence-china',
    ];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('joins Apple and Baidu through the partnership node (2 hops)', () => {
    const rels = seed().relationships.filter((r) => r.type === 'PARTY_TO' && r.to === 'partnership:apple-intelligence-china');
    expect(rels.map((r) => [r.from, r.properties?.role]).sort()).toEqual([
      ['company:alibaba', 'OUTPUT_FILTER_PROVIDER'],
      ['company:apple', 'PRODUCT_OWNER'],
      ['company:baidu', 'LOCAL_AI_PARTNER'],
    ]);
  });

  it('records the amounts as numbers with their currency', () => {
    const byId = new Map(seed().entities.map((e) => [e.id, e]));
    expect(byId.get('investment:x-square-robot-series-a-plus')?.properties).toMatchObject({ amount: 140000000, currency: 'USD' });
    expect(byId.get('investment:alibaba-ai-capex-3y')?.properties).toMatchObject({ amount: 380000000000, currency: 'CNY', periodYears: 3 });
  });
});

describe('the schema and the model agree', () => {
  const defs = documentSchema.$defs as Record<string, { enum?: string[] }>;
  it.each([
    ['kind', ENTITY_KINDS],
    ['relationshipType', RELATIONSHIP_TYPES],
    ['metricKind', METRIC_KINDS],
  ])('%s', (name, values) => {
    expect(defs[name].enum).toEqual([...values]);
  });
});

describe('malformed documents are rejected with a JSON path', () => {
  it('accepts the minimal document', () => {
    expect(validateDocument(minimal(), 'ok.json')).toMatchObject({ ok: true });
  });

  it('an id whose prefix does not match the kind', () => {
    const doc = minimal();
    doc.entities[0].id = 'government:alibaba';
    doc.relationships[0].from = 'government:alibaba';
    expectError(doc, '/entities/0/id', /expected prefix "company:"/);
  });

  it('an unknown relationship type', () => {
    const doc = minimal() as unknown as { relationships: Array<{ type: string }> };
    doc.relationships[0].type = 'OWNS';
    expectError(doc, '/relationships/0/type', /must be one of: PARTY_TO/);
  });

  it('REPORTED_IN, which is derived from provenance', () => {
    const doc = minimal() as unknown as { relationships: Array<{ type: string }> };
    doc.relationships[0].type = 'REPORTED_IN';
    expectError(doc, '/relationships/0/type', /must be one of/);
  });

  it('an entity without provenance', () => {
    const doc = minimal();
    delete doc.entities[1].provenance;
    expectError(doc, '/entities/1/provenance', /required property "provenance" is missing/);
  });

  it('an entity with an empty provenance list', () => {
    const doc = minimal();
    doc.entities[1].provenance = [];
    expectError(doc, '/entities/1/provenance', /must NOT have fewer than 1 items/);
  });

  it('a date that is not YYYY-MM-DD', () => {
    const doc = minimal();
    (doc.entities[1].properties as Record<string, unknown>).date = '2025-9-8';
    expectError(doc, '/entities/1/properties/date', /must be a date YYYY-MM-DD/);
  });

  it('a date that does not exist', () => {
    const doc = minimal();
    doc.source.properties.issued = '2025-02-30';
    expectError(doc, '/source/properties/issued', /must be a date YYYY-MM-DD/);
  });

  it('a dangling relationship endpoint', () => {
    const doc = minimal();
    doc.relationships[0].to = 'event:missing';
    expectError(doc, '/relationships/0/to', /not defined in this document and not listed in \/external/);
  });

  it('an endpoint listed in external is accepted and reported', () => {
    const doc = minimal();
    doc.relationships[0].to = 'event:from-an-earlier-issue';
    doc.external = ['event:from-an-earlier-issue'];
    expect(validateDocument(doc, 'ok.json')).toMatchObject({ ok: true, externalIds: ['event:from-an-earlier-issue'] });
  });

  it('a duplicate id', () => {
    const doc = minimal();
    doc.entities.push({ ...doc.entities[0] });
    expectError(doc, '/entities/2/id', /duplicate id "company:alibaba": already defined at \/entities\/0\/id/);
  });

  it('an unknown property key', () => {
    const doc = minimal();
    (doc.entities[0].properties as Record<string, unknown>).contry = 'CN';
    expectError(doc, '/entities/0/properties/contry', /unknown property "contry"; expected one of: country, ticker, website/);
  });

  it('an unknown key on an entity', () => {
    const doc = minimal() as unknown as { entities: Array<Record<string, unknown>> };
    doc.entities[0].aliases = ['Ali'];
    expectError(doc, '/entities/0/aliases', /unknown property "aliases"/);
  });

  it('a bad name language', () => {
    const doc = minimal();
    doc.entities[0].names[0].lang = 'Korean';
    expectError(doc, '/entities/0/names/0/lang', /must match/);
  });

  it('a participation edge without a role', () => {
    const doc = minimal();
    delete doc.relationships[0].properties;
    expectError(doc, '/relationships/0/properties', /required property "properties" is missing/);
  });

  it('an edge between the wrong kinds', () => {
    const doc = minimal();
    doc.relationships.push({ type: 'GOVERNS', from: 'company:alibaba', to: 'event:alibaba-stock-move' });
    expectError(doc, '/relationships/1/from', /GOVERNS must start at GOVERNMENT; "company:alibaba" is a COMPANY/);
  });

  it('a value outside an enumeration', () => {
    const doc = minimal();
    (doc.entities[1].properties as Record<string, unknown>).eventType = 'RUMOUR';
    expectError(doc, '/entities/1/properties/eventType', /must be one of: LAUNCH, IPO, STOCK_MOVE/);
  });

  it('a provenance section the source does not have', () => {
    const doc = minimal();
    doc.entities[0].provenance = [{ section: 'sports', sentence: '알리바바', basis: 'REPORTED' }];
    expectError(doc, '/entities/0/provenance/0/section', /unknown section "sports"; expected one of: news/);
  });

  it('invalid JSON text', () => {
    const result = parseAndValidateDocument('{"source": ', 'cut.json');
    expect(result).toMatchObject({ ok: false, errors: [{ file: 'cut.json', path: '' }] });
  });
});
