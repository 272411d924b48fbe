import { asRole, TEST_API_KEYS } from '../support/auth';
import { graphState } from '../support/graph-state';
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

/**
 * draftFromText and the review over HTTP, with the real extractor, service and Neo4j: drafting
 * writes nothing to the graph but the draft, which no read can see; a commit imports the accepted
 * items only, and committing again changes nothing; readers cannot draft; bad input gets a coded
 * error (never a 500) and writes nothing.
 */
const server = useSeededServer({ API_KEYS: TEST_API_KEYS });
const editor = asRole('editor');

/** A short issue in the newsletter's style: a known company (알리바바) and a new one. */
const ISSUE = [
  '# 중국 AI 주간 주요 뉴스',
  '',
  '**주요 뉴스:** 딥코어 로보틱스의 1.4억 달러 시리즈 B 투자 유치, 알리바바 주가 3.2% 상승',
  '',
  '- **딥코어 로보틱스:** 딥코어 로보틱스가 1.4억 달러 규모의 시리즈 B 투자 유치. 알리바바가 투자에 참여.',
  '',
  '- **알리바바:** 알리바바 주가 3.2% 상승.',
  '',
].join('\n');

const DRAFT_FIELDS = `id status version document text reason
  items { id status entityId kind name relationshipType from to role section sentence sentenceStart basis mergedInto }
  unresolved { text sentence reason }`;
const DRAFT = `mutation($text: String!, $title: String, $issued: Date) { draftFromText(text: $text, title: $title, issued: $issued) { ${DRAFT_FIELDS} } }`;

interface Item {
  id: string;
  status: string;
  entityId: string | null;
  kind: string | null;
  relationshipType: string | null;
  from: string | null;
  to: string | null;
  sentence: string | null;
  sentenceStart: number | null;
}
interface DraftData {
  id: string;
  status: string;
  version: number;
  document: { external?: string[]; entities: { id: string }[] };
  text: string;
  items: Item[];
}
type Err = { message: string; extensions?: Record<string, unknown> };

async function draft(text = ISSUE): Promise<DraftData> {
  const res = await gql<{ draftFromText: DraftData }>(server.url, DRAFT, { text, issued: '2025-09-15' }, editor);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.draftFromText;
}

/** What a reader of the graph sees: search, counts by kind, a neighbourhood, paths, connect and an export. */
async function visible(): Promise<unknown> {
  const res = await gql(
    server.url,
    `{ search(text: "딥코어 로보틱스") { entity { id } }
       companies(first: 1) { totalCount } investments(first: 1) { totalCount } events(first: 1) { totalCount }
       neighborhood(id: "company:alibaba", depth: 2, limit: 1000) { nodes { id } edges { id } }
       paths(from: "company:alibaba", to: "company:baidu", maxHops: 4, first: 10) { nodes { id } }
       connect(ids: ["company:alibaba", "company:apple", "company:baidu"]) { nodes { id } edges { id } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  const file = await (await fetch(`${server.url}/export?format=graphml&focus=company:alibaba&depth=2`)).text();
  expect(file).toContain('company:alibaba');
  return { ...res.body, file };
}

describe('draftFromText', () => {
  it('needs the editor role', async () => {
    const anonymous = await gql(server.url, DRAFT, { text: ISSUE });
    expect([anonymous.status, anonymous.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const reader = await gql(server.url, DRAFT, { text: ISSUE }, asRole('reader'));
    expect([reader.status, reader.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    const list = await gql(server.url, '{ drafts { id } }', {}, asRole('reader'));
    expect(list.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('writes nothing but the draft, whose items each point at their sentence in the text', async () => {
    const before = await graphState(server.db);
    const seen = await visible();
    const d = await draft();
    expect(d.status).toBe('OPEN');
    expect(d.items.length).toBeGreaterThan(0);
    for (const item of d.items) {
      expect(item.sentenceStart).not.toBeNull();
      expect(d.text.slice(item.sentenceStart!, item.sentenceStart! + item.sentence!.length)).toBe(item.sentence);
    }
    // the known company is referenced, never drafted again
    expect(d.document.entities.map((e) => e.id)).not.toContain('company:alibaba');
    expect(d.document.external).toContain('company:alibaba');
    expect(await graphState(server.db, d.id)).toEqual(before);
    // invisible to every read
    expect(await visible()).toEqual(seen);
    const byId = await gql(server.url, 'query($id: ID!) { node(id: $id) { id } entity(id: $id) { id } }', { id: d.id });
    expect(byId.body.data).toEqual({ node: null, entity: null });
    // and there for the editor
    const listed = await gql<{ drafts: { id: string }[]; draft: { id: string; items: unknown[] } }>(
      server.url,
      'query($id: ID!) { drafts(status: OPEN) { id } draft(id: $id) { id items { id } } }',
      { id: d.id },
      editor,
    );
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data?.drafts.map((x) => x.id)).toContain(d.id);
    expect(listed.body.data?.draft.items).toHaveLength(d.items.length);
  });

  it('a commit imports the accepted items only; committing twice changes nothing', async () => {
    const d = await draft();
    const entities = d.items.filter((i) => i.entityId && !i.entityId.startsWith('source:'));
    const left = entities.find((i) => i.kind === 'COMPANY') ?? entities[0];
    const touching = d.items.filter((i) => i.relationshipType && (i.from === left.entityId || i.to === left.entityId));
    const rejected = [left, ...touching].map((i) => i.id);
    const accepted = d.items.map((i) => i.id).filter((id) => !rejected.includes(id));
    expect(accepted.length).toBeGreaterThan(0);
    const existed = (await gql<{ entity: unknown }>(server.url, 'query($id: ID!) { entity(id: $id) { id } }', { id: left.entityId })).body.data?.entity;
    const call = async (query: string, variables: Record<string, unknown>) => {
      const res = await gql<Record<string, { status?: string; alreadyCommitted?: boolean; summary?: unknown; draft?: { status: string } }>>(server.url, query, variables, editor);
      expect(res.body.errors).toBeUndefined();
      return Object.values(res.body.data!)[0];
    };
    await call('mutation($d: ID!, $ids: [ID!]!) { rejectDraftItems(draftId: $d, itemIds: $ids) { status } }', { d: d.id, ids: rejected });
    if (accepted.length) await call('mutation($d: ID!, $ids: [ID!]!) { acceptDraftItems(draftId: $d, itemIds: $ids) { status } }', { d: d.id, ids: accepted });
    const COMMIT = 'mutation($d: ID!) { commitDraft(id: $d) { alreadyCommitted draft { status } summary { entities { created updated unchanged } relationships { created updated unchanged } } } }';
    const first = await call(COMMIT, { d: d.id });
    expect(first).toMatchObject({ alreadyCommitted: false, draft: { status: 'COMMITTED' } });

    const ids = d.items.filter((i) => accepted.includes(i.id) && i.entityId).map((i) => i.entityId);
    const found = await gql<{ entity: { id: string } | null }>(server.url, 'query($id: ID!) { entity(id: $id) { id } }', { id: left.entityId });
    for (const id of ids) {
      const res = await gql<{ entity: { id: string } | null }>(server.url, 'query($id: ID!) { entity(id: $id) { id } }', { id });
      expect(res.body.data?.entity?.id).toBe(id);
    }
    // the rejected entity was not written (unless the graph had it already)
    expect(found.body.data?.entity ?? null).toEqual(existed ?? null);

    const after = await graphState(server.db, d.id);
    const second = await call(COMMIT, { d: d.id });
    expect(second).toMatchObject({ alreadyCommitted: true, summary: first?.summary });
    expect(await graphState(server.db, d.id)).toEqual(after);
  });

  it('edits and merges are checked, naming the field, and stored only when valid', async () => {
    const d = await draft();
    const entity = d.items.find((i) => i.entityId && i.kind !== 'SOURCE')!;
    const EDIT = 'mutation($d: ID!, $i: ID!, $e: DraftItemEdit!) { editDraftItem(draftId: $d, itemId: $i, edit: $e) { version items { id name } } }';
    const bad = await gql(server.url, EDIT, { d: d.id, i: entity.id, e: { properties: { noSuchProperty: 1 } } }, editor);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edit.properties.noSuchProperty' });
    const unknown = await gql(server.url, EDIT, { d: d.id, i: 'e999', e: { name: 'x' } }, editor);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'itemId' });
    const good = await gql<{ editDraftItem: { version: number; items: { id: string; name: string }[] } }>(server.url, EDIT, { d: d.id, i: entity.id, e: { name: 'Renamed In Review' } }, editor);
    expect(good.body.errors).toBeUndefined();
    expect(good.body.data?.editDraftItem.version).toBe(d.version + 1);
    expect(good.body.data?.editDraftItem.items.find((i) => i.id === entity.id)?.name).toBe('Renamed In Review');
    const MERGE = 'mutation($d: ID!, $i: ID!, $into: ID!) { mergeDraftItem(draftId: $d, itemId: $i, into: $into) { items { id status mergedInto } } }';
    const nowhere = await gql(server.url, MERGE, { d: d.id, i: entity.id, into: 'company:no-such-thing' }, editor);
    expect(nowhere.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'into' });
    const discarded = await gql(server.url, 'mutation($d: ID!) { discardDraft(id: $d) { id discarded } }', { d: d.id }, editor);
    expect(discarded.body.data).toEqual({ discardDraft: { id: d.id, discarded: true } });
    const gone = await gql(server.url, 'query($d: ID!) { draft(id: $d) { id } }', { d: d.id }, editor);
    expect(gone.body.data).toEqual({ draft: null });
  });

  it('bad input gets a coded error naming the field, never a 500, and writes nothing', async () => {
    const before = await graphState(server.db);
    const drafts = async () => (await gql<{ drafts: unknown[] }>(server.url, '{ drafts(first: 200) { id } }', {}, editor)).body.data?.drafts.length;
    const count = await drafts();
    expect(typeof count).toBe('number');
    const cases: [string, string][] = [
      ['empty', ''],
      ['blank', '  \n\t '],
      ['html', '<!doctype html><html><body><p>알리바바, 신규 모델 공개.</p></body></html>'],
      ['too long', `# 뉴스\n${'- 알리바바 주가 상승. '.repeat(10_000)}`],
      ['no structure', '아무 내용도 없는 문장입니다'],
      ['another language', 'The quick brown fox jumps over the lazy dog. Nothing here is Korean.'],
    ];
    for (const [what, text] of cases) {
      const res = await gql(server.url, DRAFT, { text }, editor);
      expect([what, res.status < 500, (res.body.errors as Err[] | undefined)?.[0]?.extensions?.code]).toEqual([what, true, 'BAD_USER_INPUT']);
      expect([what, (res.body.errors as Err[])[0].extensions?.field]).toEqual([what, 'text']);
    }
    // past BODY_LIMIT the body is refused before GraphQL: 413 with a code
    const huge = await gql(server.url, DRAFT, { text: 'ㄱ'.repeat(400_000) }, editor);
    expect([huge.status, typeof huge.body.errors?.[0]?.extensions?.code]).toEqual([413, 'string']);
    const badDate = await gql(server.url, DRAFT, { text: ISSUE, issued: '2025-13-40' }, editor);
    expect(badDate.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graphState(server.db)).toEqual(before);
    expect(await drafts()).toBe(count);
  });
});
