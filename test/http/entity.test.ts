import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

const svc = useSeededServer();

describe('entity, node and search over HTTP', () => {
  it('answers { __typename } over POST /graphql', async () => {
    const res = await gql(svc.url, '{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ __typename: 'Query' });
  });

  it('returns an entity by id with its names in every language and its source sentences', async () => {
    const res = await gql<{ entity: { __typename: string; id: string; kind: string; names: { lang: string; value: string }[]; sources: { sentence: string; section: string }[] } }>(
      svc.url,
      `{ entity(id: "company:alibaba") { __typename id kind name names { lang value } sources { sourceId section sentence basis } ... on Company { country } } }`,
    );
    const e = res.body.data!.entity;
    expect(e.__typename).toBe('Company');
    expect(e.kind).toBe('COMPANY');
    expect(e.names).toEqual(expect.arrayContaining([{ lang: 'ko', value: '알리바바' }, { lang: 'zh', value: '阿里巴巴' }]));
    expect(e.sources.length).toBeGreaterThan(0);
    expect(e.sources.some((s) => s.sentence.includes('알리바바'))).toBe(true);
  });

  it('returns null for an unknown id and resolves node() to the concrete type', async () => {
    const res = await gql<{ missing: unknown; n: { __typename: string; id: string } }>(
      svc.url,
      `{ missing: entity(id: "company:does-not-exist") { id } n: node(id: "product:qwen3-max-preview") { __typename id } }`,
    );
    expect(res.body.data!.missing).toBeNull();
    expect(res.body.data!.n).toEqual({ __typename: 'Product', id: 'product:qwen3-max-preview' });
  });

  it.each([
    ['알리바바', 'company:alibaba'],
    ['阿里巴巴', 'company:alibaba'],
    ['Alibaba', 'company:alibaba'],
    ['바이두', 'company:baidu'],
    ['애플', 'company:apple'],
  ])('search "%s" finds %s first', async (text, id) => {
    const res = await gql<{ search: { entity: { id: string }; score: number }[] }>(svc.url, `query($t: String!) { search(text: $t) { score entity { id } } }`, { t: text });
    expect(res.body.data!.search[0].entity.id).toBe(id);
  });

  it('rejects empty search text with BAD_USER_INPUT naming the argument', async () => {
    const res = await gql(svc.url, `{ search(text: "  ") { score } }`);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('treats Lucene operators in search text as plain words', async () => {
    const res = await gql<{ search: unknown[] }>(svc.url, `query($t: String!) { search(text: $t) { score } }`, { t: 'Alibaba" OR *:* AND (' });
    expect(res.body.errors).toBeUndefined();
    expect(Array.isArray(res.body.data!.search)).toBe(true);
  });
});
