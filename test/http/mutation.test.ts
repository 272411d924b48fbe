import { cypher } from '../../src/db/cypher-registry';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { edgeProps, graphState, nodeProps } from '../support/graph-state';
import { gql, startTestServer } from '../support/server';

let db: Database;
let svc: RunningService;
const SOURCE = 'source:china-ai-weekly-b2d2384472f2fb10';
const editor = asRole('editor');
const admin = asRole('admin');

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS, IMPORT_MAX_ITEMS: '600' });
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { created changed entity { id kind name names { lang value } description properties sources { sourceId section } } } }`;
const LINK = `mutation($input: LinkInput!) { link(input: $input) { id type from to properties created changed } }`;
const UNLINK = `mutation($input: UnlinkInput!) { unlink(input: $input) { id removed } }`;
const DELETE = `mutation($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { deletedIds deletedRelationships clearedCitations } }`;
const IMPORT = `mutation($doc: JSON!) { importDocument(document: $doc) { entities { created updated unchanged } relationships { created updated unchanged } provenance merged } }`;

const prov = { source: SOURCE, section: 'weekly-main-news', sentence: '바이두의 애플과의 파트너십 발표로 주가 상승', basis: 'REPORTED' };
const newCompany = {
  id: 'company:test-robotics',
  name: 'Test Robotics',
  names: [
    { lang: 'en', value: 'Test Robotics' },
    { lang: 'ko', value: '테스트 로보틱스' },
  ],
  description: 'A company made up for tests',
  properties: { country: 'CN', ticker: ['TRBT'] },
  provenance: [prov],
};

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
const firstError = (body: { errors?: Errors }) => body.errors?.[0]?.extensions;

describe('upsertEntity', () => {
  it('creates an entity with its provenance and records who wrote it and when', async () => {
    const res = await gql<{ upsertEntity: { created: boolean; changed: boolean; entity: { id: string; kind: string; sources: { sourceId: string }[] } } }>(svc.url, UPSERT, { input: newCompany }, editor);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.upsertEntity).toMatchObject({ created: true, changed: true, entity: { id: 'company:test-robotics', kind: 'COMPANY' } });
    expect(res.body.data!.upsertEntity.entity.sources).toEqual([expect.objectContaining({ sourceId: SOURCE, section: 'weekly-main-news' })]);
    const stored = await nodeProps(db, 'company:test-robotics');
    expect(stored!.labels.sort()).toEqual(['Company', 'Entity']);
    expect(stored!.props).toMatchObject({ createdBy: 'apikey:editor-key', updatedBy: 'apikey:editor-key', country: 'CN' });
    expect(Date.parse(String(stored!.props.createdAt))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('writes nothing when the same content is sent again', async () => {
    const before = await graphState(db);
    const res = await gql<{ upsertEntity: { created: boolean; changed: boolean } }>(svc.url, UPSERT, { input: newCompany }, editor);
    expect(res.body.data!.upsertEntity).toMatchObject({ created: false, changed: false });
    expect(await graphState(db)).toEqual(before);
  });

  it('updates by id: names, description and properties become what was sent; createdBy stays', async () => {
    const input = { ...newCompany, names: [{ lang: 'en', value: 'Test Robotics' }], description: null, properties: { country: 'HK' } };
    const res = await gql<{ upsertEntity: { created: boolean; changed: boolean; entity: { names: unknown[]; description: unknown; properties: Record<string, unknown> } } }>(
      svc.url,
      UPSERT,
      { input },
      admin,
    );
    expect(res.body.data!.upsertEntity).toMatchObject({ created: false, changed: true, entity: { names: [{ lang: 'en', value: 'Test Robotics' }], description: null } });
    expect(res.body.data!.upsertEntity.entity.properties).toMatchObject({ country: 'HK' });
    expect(res.body.data!.upsertEntity.entity.properties.ticker).toBeUndefined();
    const stored = await nodeProps(db, 'company:test-robotics');
    expect(stored!.props).toMatchObject({ createdBy: 'apikey:editor-key', updatedBy: 'apikey:admin-key' });
  });

  it.each([
    ['a malformed id', { id: 'Company:Bad Id' }, 'input.id'],
    ['an id whose prefix is not the kind', { kind: 'PRODUCT' }, 'input.id'],
    ['a display name missing from names', { name: 'Other Name' }, 'input.name'],
    ['an unknown property', { properties: { colour: 'red' } }, 'input.properties.colour'],
    ['a bad property value', { properties: { country: 'China' } }, 'input.properties.country'],
    ['a bad language tag', { names: [{ lang: 'English!', value: 'Test Robotics' }] }, 'input.names.0.lang'],
    ['no provenance', { provenance: [] }, 'input.provenance'],
    ['an unknown basis', { provenance: [{ ...prov, basis: 'RUMOUR' }] }, 'input.provenance.0.basis'],
    ['a source that does not exist', { id: 'company:brand-new', provenance: [{ ...prov, source: 'source:nope' }] }, 'input.provenance.0.source'],
    ['a section the source does not have', { id: 'company:brand-new', provenance: [{ ...prov, section: 'no-such-section' }] }, 'input.provenance.0.section'],
    ['a source entity', { id: 'source:new-one', kind: 'SOURCE' }, 'input.kind'],
  ])('rejects %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, change, field) => {
    const before = await graphState(db);
    const res = await gql(svc.url, UPSERT, { input: { ...newCompany, ...change } }, editor);
    expect(res.status).toBe(200);
    expect(firstError(res.body)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await graphState(db)).toEqual(before);
  });

  it('answers CONFLICT when the write breaks a uniqueness constraint, and writes nothing', async () => {
    await db.write(cypher('test/entity-without-label'), { id: 'company:clash' });
    const before = await graphState(db);
    const res = await gql(svc.url, UPSERT, { input: { ...newCompany, id: 'company:clash', name: 'Clash', names: [{ lang: 'en', value: 'Clash' }] } }, editor);
    expect(firstError(res.body)).toMatchObject({ code: 'CONFLICT' });
    expect(await graphState(db)).toEqual(before);
  });
});

describe('link and unlink', () => {
  const partnership = 'partnership:apple-intelligence-china';

  it('links a participant with its role and provenance, recording who and when', async () => {
    const res = await gql<{ link: { id: string; created: boolean; properties: Record<string, unknown> } }>(
      svc.url,
      LINK,
      { input: { from: 'company:test-robotics', type: 'PARTY_TO', to: partnership, role: 'SUPPLIER', provenance: prov } },
      editor,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.link).toMatchObject({ id: `company:test-robotics|PARTY_TO|${partnership}`, created: true });
    expect(res.body.data!.link.properties).toMatchObject({ role: 'SUPPLIER', sourceId: SOURCE, createdBy: 'apikey:editor-key', updatedBy: 'apikey:editor-key' });
  });

  it('updates the same relationship on a second link (one edge per type and direction)', async () => {
    const res = await gql<{ link: { created: boolean; changed: boolean; properties: Record<string, unknown> } }>(
      svc.url,
      LINK,
      { input: { from: 'company:test-robotics', type: 'PARTY_TO', to: partnership, role: 'PARTNER' } },
      editor,
    );
    expect(res.body.data!.link).toMatchObject({ created: false, changed: true });
    expect(res.body.data!.link.properties.role).toBe('PARTNER');
    expect(res.body.data!.link.properties.sourceId).toBeUndefined();
  });

  it.each([
    ['an unknown relationship type', { type: 'OWNS' }, 'input.type', 'BAD_USER_INPUT'],
    ['a participation without a role', { role: null }, 'input.role', 'BAD_USER_INPUT'],
    ['an investor role outside LEAD, PARTICIPANT, SPENDER', { type: 'INVESTOR_IN', to: 'investment:x-square-robot-series-a-plus', role: 'OBSERVER' }, 'input.role', 'BAD_USER_INPUT'],
    ['endpoints of the wrong kinds', { type: 'GOVERNS' }, 'input.from', 'BAD_USER_INPUT'],
    ['a relationship to itself', { type: 'SUBSIDIARY_OF', to: 'company:test-robotics', role: null }, 'input.to', 'BAD_USER_INPUT'],
    ['a missing endpoint', { to: 'partnership:does-not-exist' }, 'input.to', 'NOT_FOUND'],
  ])('rejects %s, writing nothing', async (_what, change, field, code) => {
    const before = await graphState(db);
    const res = await gql(svc.url, LINK, { input: { from: 'company:test-robotics', type: 'PARTY_TO', to: partnership, role: 'PARTNER', ...change } }, editor);
    expect(firstError(res.body)).toMatchObject({ code, field });
    expect(await graphState(db)).toEqual(before);
  });

  it('unlinks a participant when the fact keeps another party', async () => {
    const res = await gql<{ unlink: { removed: boolean } }>(svc.url, UNLINK, { input: { from: 'company:test-robotics', type: 'PARTY_TO', to: partnership } }, editor);
    expect(res.body.data!.unlink.removed).toBe(true);
    expect(await edgeProps(db, 'company:test-robotics', 'PARTY_TO', partnership)).toBeUndefined();
    const again = await gql<{ unlink: { removed: boolean } }>(svc.url, UNLINK, { input: { from: 'company:test-robotics', type: 'PARTY_TO', to: partnership } }, editor);
    expect(again.body.data!.unlink.removed).toBe(false);
  });

  it("refuses with CONFLICT to unlink a fact's last party, and keeps the edge", async () => {
    const res = await gql(svc.url, UNLINK, { input: { from: 'company:x-square-robot', type: 'RAISED', to: 'investment:x-square-robot-series-a-plus' } }, editor);
    expect(firstError(res.body)).toMatchObject({ code: 'CONFLICT', field: 'input.to' });
    expect(await edgeProps(db, 'company:x-square-robot', 'RAISED', 'investment:x-square-robot-series-a-plus')).toBeDefined();
  });
});

describe('deleteEntity', () => {
  it("refuses with CONFLICT to delete an entity that is a fact's only party, naming the facts", async () => {
    const before = await graphState(db);
    const res = await gql(svc.url, DELETE, { id: 'company:x-square-robot' }, editor);
    expect(firstError(res.body)).toMatchObject({ code: 'CONFLICT', field: 'cascade', facts: expect.arrayContaining(['investment:x-square-robot-series-a-plus']) });
    expect(await graphState(db)).toEqual(before);
  });

  it('needs the admin role to cascade', async () => {
    const res = await gql(svc.url, DELETE, { id: 'company:x-square-robot', cascade: true }, editor);
    expect(res.status).toBe(403);
    expect(firstError(res.body)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await nodeProps(db, 'company:x-square-robot')).toBeDefined();
  });

  it('with cascade, deletes the entity, its relationships and the facts left with no party', async () => {
    const res = await gql<{ deleteEntity: { deletedIds: string[]; deletedRelationships: number } }>(svc.url, DELETE, { id: 'company:x-square-robot', cascade: true }, admin);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.deleteEntity.deletedIds).toEqual(expect.arrayContaining(['company:x-square-robot', 'investment:x-square-robot-series-a-plus']));
    expect(res.body.data!.deleteEntity.deletedRelationships).toBeGreaterThan(1);
    expect(await nodeProps(db, 'company:x-square-robot')).toBeUndefined();
    expect(await nodeProps(db, 'investment:x-square-robot-series-a-plus')).toBeUndefined();
  });

  it('deletes an entity no fact depends on, without cascade', async () => {
    const res = await gql<{ deleteEntity: { deletedIds: string[] } }>(svc.url, DELETE, { id: 'company:test-robotics' }, editor);
    expect(res.body.data!.deleteEntity.deletedIds).toEqual(['company:test-robotics']);
    expect(await nodeProps(db, 'company:test-robotics')).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect(firstError((await gql(svc.url, DELETE, { id: 'company:never-was' }, editor)).body)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(firstError((await gql(svc.url, DELETE, { id: "x' OR 1=1" }, editor)).body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses to delete a source that still backs facts; cascade (admin) deletes it and clears its citations', async () => {
    const before = await graphState(db);
    const refused = await gql(svc.url, DELETE, { id: SOURCE }, editor);
    expect(firstError(refused.body)).toMatchObject({ code: 'CONFLICT', field: 'cascade' });
    expect(await graphState(db)).toEqual(before);
    const res = await gql<{ deleteEntity: { deletedIds: string[]; clearedCitations: number } }>(svc.url, DELETE, { id: SOURCE, cascade: true }, admin);
    expect(res.body.data!.deleteEntity.deletedIds).toEqual([SOURCE]);
    expect(res.body.data!.deleteEntity.clearedCitations).toBeGreaterThan(0);
    expect(await nodeProps(db, SOURCE)).toBeUndefined();
    expect(await nodeProps(db, 'company:alibaba')).toBeDefined();
  });
});

describe('importDocument', () => {
  beforeAll(() => freshGraph(db));

  const doc = (entities: unknown[], relationships: unknown[] = []) => ({
    source: {
      id: 'source:test-issue',
      name: 'Test issue',
      names: [{ lang: 'en', value: 'Test issue' }],
      properties: { issued: '2025-09-15', lang: 'en', title: 'Test issue', sections: [{ id: 'news', title: 'News' }] },
    },
    external: ['company:alibaba'],
    entities,
    relationships,
  });
  const entity = (slug: string) => ({
    id: `company:${slug}`,
    kind: 'COMPANY',
    name: slug,
    names: [{ lang: 'en', value: slug }],
    provenance: [{ section: 'news', sentence: `${slug} was mentioned.`, basis: 'REPORTED' }],
  });

  it('imports a document in one call, as the import command does', async () => {
    const res = await gql<{ importDocument: { entities: { created: number }; relationships: { created: number }; provenance: number } }>(
      svc.url,
      IMPORT,
      { doc: doc([entity('imported-one')], [{ type: 'SUBSIDIARY_OF', from: 'company:imported-one', to: 'company:alibaba' }]) },
      editor,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.importDocument).toMatchObject({ entities: { created: 2 }, relationships: { created: 1 }, provenance: 1 });
    expect((await nodeProps(db, 'company:imported-one'))!.props).toMatchObject({ createdBy: 'apikey:editor-key' });
  });

  it('rejects an invalid document with BAD_USER_INPUT at the path inside it, writing nothing', async () => {
    const before = await graphState(db);
    const bad = doc([entity('imported-two'), { ...entity('imported-three'), names: [{ lang: 'en' }] }]);
    const res = await gql(svc.url, IMPORT, { doc: bad }, editor);
    expect(firstError(res.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document.entities.1.names.0.value' });
    expect(await graphState(db)).toEqual(before);
  });

  it('writes all or nothing: a constraint broken by the last entity undoes the first (CONFLICT)', async () => {
    await db.write(cypher('test/entity-without-label'), { id: 'company:import-clash' });
    const before = await graphState(db);
    const res = await gql(svc.url, IMPORT, { doc: doc([entity('imported-four'), entity('import-clash')]) }, editor);
    expect(firstError(res.body)).toMatchObject({ code: 'CONFLICT' });
    expect(await graphState(db)).toEqual(before);
    expect(await nodeProps(db, 'company:imported-four')).toBeUndefined();
  });

  it('refuses a document above the size cap (IMPORT_MAX_ITEMS) before writing anything', async () => {
    const many = Array.from({ length: 300 }, (_, i) => entity(`bulk-${i}`));
    const res = await gql(svc.url, IMPORT, { doc: doc(many) }, editor);
    expect(firstError(res.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document' });
    expect(res.body.errors![0].message).toMatch(/at most 600/);
  });
});
