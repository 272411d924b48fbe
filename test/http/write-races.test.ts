import type { Database } from '../../src/db/database';
import { toPlain } from '../../src/db/values';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { freshGraph, testDatabase } from '../support/graph';
import { gql, startTestServer } from '../support/server';

/**
 * The rules writes check (a fact keeps a party, a source that backs entities is not deleted,
 * import name resolution) hold when concurrent clients race: the writes run at the same moment
 * over HTTP, many rounds, and afterwards the graph still obeys each rule; a loser gets CONFLICT or
 * NOT_FOUND, never INTERNAL_SERVER_ERROR.
 */
let db: Database;
let svc: RunningService;
const editor = asRole('editor');
const admin = asRole('admin');
const ROUNDS = 8;
const SOURCE = 'source:china-ai-weekly-b2d2384472f2fb10';

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  svc = await startTestServer({ API_KEYS: TEST_API_KEYS });
});
afterAll(async () => {
  await svc?.stop();
  await db?.close();
});

const UPSERT = `mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`;
const LINK = `mutation($input: LinkInput!) { link(input: $input) { id } }`;
const UNLINK = `mutation($input: UnlinkInput!) { unlink(input: $input) { removed } }`;
const DELETE = `mutation($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { deletedIds } }`;
const IMPORT = `mutation($doc: JSON!) { importDocument(document: $doc) { merged } }`;

type Answer = { body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
const codeOf = (res: Answer) => res.body.errors?.[0]?.extensions?.code ?? 'OK';
const send = (query: string, variables: Record<string, unknown>, headers = editor) => gql(svc.url, query, variables, headers) as Promise<Answer>;

const run = async (text: string, params: Record<string, unknown> = {}) => db.write({ name: 'test/write-races', text }, params);
const one = async (text: string, params: Record<string, unknown> = {}) => toPlain((await db.read({ name: 'test/write-races', text }, params))[0]?.get(0));

/** A partnership with two company parties, as an import would store it (written directly: this is setup). */
async function partnershipWithTwoParties(tag: string): Promise<{ a: string; b: string; p: string }> {
  const ids = { a: `company:race-${tag}-a`, b: `company:race-${tag}-b`, p: `partnership:race-${tag}` };
  await run(
    `CREATE (a:Entity:Company {id: $a, kind: 'COMPANY', name: $a, names: [$a], nameLangs: ['en']})
     CREATE (b:Entity:Company {id: $b, kind: 'COMPANY', name: $b, names: [$b], nameLangs: ['en']})
     CREATE (p:Entity:Partnership {id: $p, kind: 'PARTNERSHIP', name: $p, names: [$p], nameLangs: ['en']})
     CREATE (a)-[:PARTY_TO {role: 'PARTNER'}]->(p), (b)-[:PARTY_TO {role: 'PARTNER'}]->(p)`,
    ids,
  );
  return ids;
}

const partiesOf = async (p: string) => Number(await one('MATCH (f:Entity {id: $p}) RETURN COUNT { (o:Entity)-[:PARTY_TO]->(f) }', { p }));
const exists = async (id: string) => Number(await one('MATCH (n:Entity {id: $id}) RETURN count(n)', { id })) === 1;

/** After a race the fact either is gone or keeps a party; the answers were all OK or CONFLICT/NOT_FOUND. */
async function expectFactKeepsAParty(p: string, answers: Answer[]): Promise<void> {
  if (await exists(p)) expect(await partiesOf(p)).toBeGreaterThan(0);
  for (const a of answers) expect(['OK', 'CONFLICT', 'NOT_FOUND']).toContain(codeOf(a));
}

describe('a fact keeps a party when writes race', () => {
  it(`two unlinks of the two parties at once: one wins, the other gets CONFLICT (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { a, b, p } = await partnershipWithTwoParties(`uu${round}`);
      const answers = await Promise.all([send(UNLINK, { input: { from: a, type: 'PARTY_TO', to: p } }), send(UNLINK, { input: { from: b, type: 'PARTY_TO', to: p } })]);
      expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', 'OK']);
      expect(await partiesOf(p)).toBe(1);
    }
  });

  it(`an unlink and a delete of the other party at once leave the fact a party (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { a, b, p } = await partnershipWithTwoParties(`ud${round}`);
      const answers = await Promise.all([send(UNLINK, { input: { from: a, type: 'PARTY_TO', to: p } }), send(DELETE, { id: b })]);
      await expectFactKeepsAParty(p, answers);
      expect(answers.map(codeOf)).toContain('CONFLICT');
    }
  });

  it(`two deletes of the two parties at once: one wins, the other gets CONFLICT (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { a, b, p } = await partnershipWithTwoParties(`dd${round}`);
      const answers = await Promise.all([send(DELETE, { id: a }), send(DELETE, { id: b })]);
      expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', 'OK']);
      expect(await partiesOf(p)).toBe(1);
    }
  });
});

describe('a source that backs entities is not deleted under a racing write', () => {
  it(`a delete of a source racing an upsert citing it: if the upsert succeeded, its provenance is stored (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const source = `source:race-${round}`;
      await run(`CREATE (:Entity:Source {id: $id, kind: 'SOURCE', name: $id, names: [$id], nameLangs: ['en'], sectionIds: ['main']})`, { id: source });
      const company = `company:race-cited-${round}`;
      const upsert = send(UPSERT, {
        input: { id: company, kind: 'COMPANY', name: company, names: [{ lang: 'en', value: company }], provenance: [{ source, section: 'main', sentence: 'It was said.', basis: 'REPORTED' }] },
      });
      const [up, del] = await Promise.all([upsert, send(DELETE, { id: source })]);
      for (const a of [up, del]) expect(['OK', 'CONFLICT', 'BAD_USER_INPUT']).toContain(codeOf(a));
      // exactly one of them won: the source is gone and the upsert was refused, or it stays and backs the company
      expect([codeOf(up), codeOf(del)]).toContain('OK');
      if (codeOf(up) === 'OK') {
        expect(await exists(source)).toBe(true);
        expect(Number(await one('MATCH (:Entity {id: $c})-[r:REPORTED_IN]->(:Source {id: $s}) RETURN count(r)', { c: company, s: source }))).toBe(1);
      } else expect(await exists(source)).toBe(false);
    }
  });
});

describe('name resolution of concurrent imports', () => {
  const doc = (round: number, i: number) => ({
    source: {
      id: `source:race-names-${round}-${i}`,
      name: `race names ${round} ${i}`,
      names: [{ lang: 'en', value: `race names ${round} ${i}` }],
      properties: { issued: '2025-09-08', lang: 'en', title: 'race', sections: [{ id: 'main', title: 'Main' }] },
    },
    entities: [
      {
        id: `company:race-named-${round}-${i}`,
        kind: 'COMPANY',
        name: `Racing Robotics ${round}`,
        names: [{ lang: 'en', value: `Racing Robotics ${round}` }],
        provenance: [{ section: 'main', sentence: `Racing Robotics ${round} was founded.`, basis: 'REPORTED' }],
      },
    ],
    relationships: [],
  });

  it('8 imports at once of new ids with the same name give one entity, as 8 in a row do (4 rounds)', async () => {
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(IMPORT, { doc: doc(round, i) })));
      expect(answers.map(codeOf)).toEqual(Array(8).fill('OK'));
      const named = Number(await one("MATCH (n:Company) WHERE $name IN n.names RETURN count(n)", { name: `Racing Robotics ${round}` }));
      expect(named).toBe(1);
      // the seven others were merged into it, each with its provenance
      expect(Number(await one("MATCH (n:Company)-[r:REPORTED_IN]->() WHERE $name IN n.names RETURN count(r)", { name: `Racing Robotics ${round}` }))).toBe(8);
    }
  });
});

describe('a random mix of writes on a few ids', () => {
  it('upserts, links, unlinks and deletes racing on four ids never answer INTERNAL_SERVER_ERROR', async () => {
    const ids = ['company:mix-a', 'company:mix-b', 'partnership:mix-p', 'partnership:mix-q'];
    const kind = (id: string) => (id.startsWith('company') ? 'COMPANY' : 'PARTNERSHIP');
    const pick = <T,>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const request = (): Promise<Answer> => {
      const id = pick(ids);
      const [company, fact] = [pick(ids.slice(0, 2)), pick(ids.slice(2))];
      switch (pick(['upsert', 'upsert', 'link', 'link', 'unlink', 'delete'])) {
        case 'upsert':
          return send(UPSERT, { input: { id, kind: kind(id), name: id, names: [{ lang: 'en', value: id }], provenance: [{ source: SOURCE, section: 'weekly-main-news', sentence: 'x', basis: 'REPORTED' }] } });
        case 'link':
          return send(LINK, { input: { from: company, type: 'PARTY_TO', to: fact, role: 'PARTNER' } });
        case 'unlink':
          return send(UNLINK, { input: { from: company, type: 'PARTY_TO', to: fact } });
        default:
          return send(DELETE, { id, cascade: Math.random() < 0.5 }, admin);
      }
    };
    const codes = new Map<string, number>();
    for (let wave = 0; wave < 25; wave++) {
      for (const a of await Promise.all(Array.from({ length: 8 }, request))) codes.set(codeOf(a), (codes.get(codeOf(a)) ?? 0) + 1);
    }
    expect([...codes.keys()].filter((c) => !['OK', 'CONFLICT', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(c))).toEqual([]);
    expect(codes.get('OK')).toBeGreaterThan(0);
  });
});
