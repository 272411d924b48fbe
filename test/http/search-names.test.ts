import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSeededServer } from '../support/seeded-server';
import { gql } from '../support/server';

/** Issue 3's "done when": searching each Korean name the newsletter uses finds its entity first. */
const svc = useSeededServer();

const seed = JSON.parse(readFileSync(join(__dirname, '../../data/seed/000_b2d2384472f2fb10.json'), 'utf8')) as {
  entities: { id: string; kind: string; names: { lang: string; value: string }[] }[];
};
const KINDS = ['COMPANY', 'GOVERNMENT', 'ORGANIZATION', 'PRODUCT', 'PLACE'];
const KOREAN_NAMES = seed.entities
  .filter((e) => KINDS.includes(e.kind))
  .flatMap((e) => e.names.filter((n) => n.lang === 'ko').map((n) => [n.value, e.id] as const));
/** every entity carrying each name, in any language or kind (상하이 is the city and an alias of its government) */
const OWNERS = new Map<string, typeof seed.entities>();
for (const e of seed.entities) for (const n of e.names) OWNERS.set(n.value.toLowerCase(), [...new Set([...(OWNERS.get(n.value.toLowerCase()) ?? []), e])]);
/** whose main name a name is: the first name of its language (the others are aliases) */
const isMainName = (e: (typeof seed.entities)[number], value: string) => e.names.find((n) => n.lang === e.names.find((m) => m.value === value)?.lang)?.value === value;

describe('search by the Korean names of the newsletter', () => {
  it.each(KOREAN_NAMES.filter(([name]) => OWNERS.get(name.toLowerCase())!.length === 1))('"%s" finds %s first', async (text, id) => {
    const res = await gql<{ search: { entity: { id: string } }[] }>(svc.url, 'query($t: String!) { search(text: $t, first: 5) { entity { id } } }', { t: text });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.search[0]?.entity.id).toBe(id);
  });

  // a name two entities carry cannot put both first: the one whose main name it is comes first,
  // and every entity carrying it is among the first hits
  it.each(KOREAN_NAMES.filter(([name]) => OWNERS.get(name.toLowerCase())!.length > 1))('"%s" (shared) finds %s among its owners, the main-name owner first', async (text, id) => {
    const owners = OWNERS.get(text.toLowerCase())!;
    const main = owners.filter((e) => isMainName(e, text));
    expect(main).toHaveLength(1);
    const res = await gql<{ search: { entity: { id: string } }[] }>(svc.url, 'query($t: String!) { search(text: $t, first: 5) { entity { id } } }', { t: text });
    const hits = res.body.data!.search.map((h) => h.entity.id);
    expect(hits[0]).toBe(main[0].id);
    expect(hits.slice(0, owners.length).sort()).toEqual(owners.map((e) => e.id).sort());
    expect(hits).toContain(id);
  });
});

describe('page sizes', () => {
  // every `first` follows one rule (src/read/relay/page-size.ts): an explicit null is the default
  it('search(first: null) returns the default page, as an omitted first does', async () => {
    const q = 'query($f: Int) { search(text: "Alibaba", first: $f) { entity { id } } }';
    const omitted = await gql<{ search: { entity: { id: string } }[] }>(svc.url, 'query { search(text: "Alibaba") { entity { id } } }', {});
    const explicitNull = await gql<{ search: { entity: { id: string } }[] }>(svc.url, q, { f: null });
    expect(explicitNull.body.errors).toBeUndefined();
    expect(explicitNull.body.data!.search.length).toBeGreaterThan(0);
    expect(explicitNull.body.data).toEqual(omitted.body.data);
  });

  it('a relationship field with first: null returns its default page; first out of range is BAD_USER_INPUT on first', async () => {
    const q = 'query($f: Int) { entity(id: "company:alibaba") { ... on Company { partnerships(first: $f) { partnership { id } } } } }';
    const explicitNull = await gql<{ entity: { partnerships: unknown[] } }>(svc.url, q, { f: null });
    const omitted = await gql<{ entity: { partnerships: unknown[] } }>(svc.url, 'query { entity(id: "company:alibaba") { ... on Company { partnerships { partnership { id } } } } }', {});
    expect(explicitNull.body.errors).toBeUndefined();
    expect(explicitNull.body.data).toEqual(omitted.body.data);
    const tooMany = await gql(svc.url, q, { f: 501 });
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
