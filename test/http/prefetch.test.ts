import { useSeededServer } from '../support/seeded-server';

const svc = useSeededServer();

/**
 * `entity(id:)` fetches the relationship lists selected under it in the same statement
 * (prefetch plan), while `node(id:)` still resolves them level by level through the batched
 * loaders: the same selection through both must give the same answer, and `entity` one round trip.
 */
const TREE = `
fragment Tree on Entity {
  id name kind
  related(types: ["MAKES", "IN_SECTOR", "PARTY_TO"], first: 7) { type direction role entity { id kind } }
  ... on Company {
    country
    partnerships(first: $first) {
      role
      partnership { id name date parties(first: 4) { role entity { id name ... on Company { products(first: 3) { id } headquarters { id } } } } }
    }
    partners(first: 5) { id name }
    products @skip(if: $noProducts) { id name makers(first: 2) { id } }
    parent { id } subsidiaries { id } headquarters { id name }
    sectors { id }
  }
  ... on Partnership { parties { role entity { id } } places { id } about { id } relatedFacts { id } }
  ... on Product { makers { id name } }
}`;

async function post(query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${svc.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: { e: unknown }; errors?: unknown[] };
  return { body, dbQueries: Number(res.headers.get('x-db-queries')) };
}

async function both(id: string, vars: Record<string, unknown> = {}) {
  const variables = { id, first: 10, noProducts: false, ...vars };
  const viaEntity = await post(`query($id: ID!, $first: Int, $noProducts: Boolean!) { e: entity(id: $id) { ...Tree } } ${TREE}`, variables);
  const viaNode = await post(`query($id: ID!, $first: Int, $noProducts: Boolean!) { e: node(id: $id) { ...Tree } } ${TREE}`, variables);
  expect(viaEntity.body.errors).toBeUndefined();
  expect(viaNode.body.errors).toBeUndefined();
  return { viaEntity, viaNode };
}

describe('entity(id:) with nested relationship lists in one statement', () => {
  it.each(['company:alibaba', 'company:baidu', 'company:apple', 'company:taobao'])('%s: the same tree as level-by-level loading, in one round trip', async (id) => {
    const { viaEntity, viaNode } = await both(id);
    expect(viaEntity.body.data!.e).not.toBeNull();
    expect(viaEntity.body.data).toEqual(viaNode.body.data);
    expect(viaEntity.dbQueries).toBe(1);
    expect(viaNode.dbQueries).toBeGreaterThan(1);
  });

  it('partnerships, products and facts: the same tree whatever the kind', async () => {
    const page = await post('{ e: partnerships(first: 3) { nodes { id } } }', {});
    const products = await post('{ e: products(first: 3) { nodes { id } } }', {});
    const ids = [...(page.body.data!.e as { nodes: { id: string }[] }).nodes, ...(products.body.data!.e as { nodes: { id: string }[] }).nodes].map((n) => n.id);
    expect(ids.length).toBe(6);
    for (const id of ids) {
      const { viaEntity, viaNode } = await both(id);
      expect(viaEntity.body.data).toEqual(viaNode.body.data);
      expect(viaEntity.dbQueries).toBe(1);
    }
  });

  it('follows variables and @skip: a smaller first or a skipped field changes the answer as it should', async () => {
    const { viaEntity } = await both('company:alibaba', { first: 1, noProducts: true });
    const e = viaEntity.body.data!.e as { partnerships: unknown[]; products?: unknown };
    expect(e.partnerships).toHaveLength(1);
    expect(e.products).toBeUndefined();
  });

  it('an unknown id is null, and a bad argument is still refused by its field', async () => {
    const missing = await post(`query($id: ID!, $first: Int, $noProducts: Boolean!) { e: entity(id: $id) { ...Tree } } ${TREE}`, { id: 'company:none', first: 10, noProducts: false });
    expect(missing.body.errors).toBeUndefined();
    expect(missing.body.data!.e).toBeNull();
    const bad = await post(`query($id: ID!, $first: Int, $noProducts: Boolean!) { e: entity(id: $id) { ...Tree } } ${TREE}`, { id: 'company:alibaba', first: 501, noProducts: false });
    expect(bad.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) })]);
  });

  it('several roots with the same selection share one statement', async () => {
    const res = await post(
      `query($first: Int, $noProducts: Boolean!) { a: entity(id: "company:alibaba") { ...Tree } b: entity(id: "company:baidu") { ...Tree } } ${TREE}`,
      { first: 10, noProducts: false },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.dbQueries).toBe(1);
  });

  it('records fetched for one selection never answer another: a sibling root asking for more fields gets them all', async () => {
    const query = `{
      slim: entity(id: "company:alibaba") { ... on Company { products(first: 50) { id } partnerships(first: 50) { partnership { id } } } }
      full: node(id: "company:alibaba") { ... on Company { products(first: 50) { id name description properties } partnerships(first: 50) { role partnership { id name date properties } } } }
      again: entity(id: "company:alibaba") { ... on Company { products(first: 50) { id name description properties } } }
    }`;
    const res = await post(query, {});
    expect(res.body.errors).toBeUndefined();
    type P = { id: string; name?: string; description?: string | null; properties?: Record<string, unknown> };
    const data = res.body.data as unknown as Record<'slim' | 'full' | 'again', { products: P[]; partnerships: { role?: string; partnership: P }[] }>;
    expect(data.full.products.length).toBeGreaterThan(0);
    expect(data.full.products.every((p) => typeof p.name === 'string' && p.properties && Object.keys(p.properties).length > 0)).toBe(true);
    expect(data.full.partnerships.every((p) => typeof p.role === 'string' && typeof p.partnership.name === 'string')).toBe(true);
    expect(data.again.products).toEqual(data.full.products);
    expect(data.slim.products.map((p) => p.id)).toEqual(data.full.products.map((p) => p.id));
  });

  it('search: hits with relationship lists in one statement, the same lists as node(id:) gives', async () => {
    const sel = '... on Company { country products(first: 3) { id name makers { id } } partnerships { role partnership { id name } } }';
    const res = await post(`{ e: search(text: "Alibaba", first: 5) { score entity { id kind name ${sel} } } }`, {});
    expect(res.body.errors).toBeUndefined();
    expect(res.dbQueries).toBe(1);
    const hits = res.body.data!.e as { score: number; entity: { id: string; kind: string } }[];
    expect(hits[0].entity.id).toBe('company:alibaba');
    for (const hit of hits) {
      const one = await post(`query($id: ID!) { e: node(id: $id) { id ... on Entity { kind name } ${sel} } }`, { id: hit.entity.id });
      expect(one.body.data!.e).toEqual(hit.entity);
    }
  });

  it('connections: a page with nested lists in one statement, the same lists as node(id:) gives, across pages', async () => {
    const sel = 'country products(first: 3) { id name } partnerships(first: 2) { role partnership { id date parties(first: 3) { role entity { id kind } } } }';
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await post(`query($after: String) { e: companies(first: 4, after: $after) { edges { cursor node { id kind name ${sel} } } nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(res.body.errors).toBeUndefined();
      expect(res.dbQueries).toBe(1);
      const page = res.body.data!.e as { edges: { node: { id: string } }[]; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
      for (const { node } of page.edges) {
        const one = await post(`query($id: ID!) { e: node(id: $id) { id ... on Entity { kind name } ... on Company { ${sel} } } }`, { id: node.id });
        expect(one.body.data!.e).toEqual(node);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 4);
    expect(pages).toBeGreaterThan(1);
  });
});
