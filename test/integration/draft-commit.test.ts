import type { Principal } from '../../src/auth/roles';
import type { Database } from '../../src/db/database';
import { DraftRepository } from '../../src/draft/draft.repository';
import { DraftService } from '../../src/draft/draft.service';
import { commitDocument } from '../../src/draft/draft.items';
import { Importer } from '../../src/write/importer';
import { FIXTURE_SENTENCE, FIXTURE_TEXT, fixtureExtraction } from '../support/draft-fixture';
import { freshGraph, testDatabase } from '../support/graph';
import { edgeProps, graphState, nodeProps } from '../support/graph-state';

/**
 * Review and commit against the real Neo4j, with a fixed proposal in place of the extractor (its
 * output is the extractor's own tests' business; here what matters is what a commit writes):
 * drafting writes only the draft, a commit imports the accepted items only, in one transaction,
 * and a second commit, even a concurrent one, writes nothing.
 */
let db: Database;
let service: DraftService;
let tag = 'a';
/** set to make the next proposal carry an item the import rules refuse */
let broken = false;
const editor: Principal = { id: 'apikey:test-editor', roles: ['reader', 'editor'] };

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  service = new DraftService(new DraftRepository(db), new Importer(db), async () => {
    const x = fixtureExtraction(tag);
    if (broken) x.document.entities[0].properties = { colour: 'red' };
    return x;
  }, { importMaxItems: 5000 });
});
afterAll(async () => {
  await db?.close();
});

async function draftWith(t: string) {
  tag = t;
  return service.draftFromText({ text: FIXTURE_TEXT }, editor);
}

describe('committing a draft', () => {
  it('drafting writes the draft and nothing else', async () => {
    const before = await graphState(db);
    const draft = await draftWith('a');
    expect(draft.id).toMatch(/^draft:/);
    expect(await graphState(db, draft.id)).toEqual(before);
    expect((await service.get(draft.id))?.content.items).toHaveLength(4);
  });

  it('imports the accepted items only, with their sentences, and a second commit changes nothing', async () => {
    const draft = await draftWith('b');
    await service.accept(draft.id, ['e1', 'r0'], editor);
    await service.reject(draft.id, ['e0', 'r1'], editor);
    const first = await service.commit(draft.id, editor);
    expect(first.alreadyCommitted).toBe(false);
    expect(first.draft.status).toBe('COMMITTED');
    // the source and the partnership; Astribot's new edge
    expect(first.summary?.entities.created).toBe(2);
    expect(first.summary?.relationships.created).toBe(1);
    expect(await nodeProps(db, 'partnership:astribot-deepcore-b-supply')).toMatchObject({ props: { quantity: 1000, createdBy: 'apikey:test-editor' } });
    expect(await nodeProps(db, 'company:deepcore-b')).toBeUndefined();
    expect(await edgeProps(db, 'company:astribot', 'PARTY_TO', 'partnership:astribot-deepcore-b-supply')).toMatchObject({ role: 'SUPPLIER', sentence: FIXTURE_SENTENCE, basis: 'EXTRACTED' });

    const after = await graphState(db, draft.id);
    const second = await service.commit(draft.id, editor);
    expect(second).toMatchObject({ alreadyCommitted: true, summary: first.summary });
    expect(await graphState(db, draft.id)).toEqual(after);
    // the same document imported again is unchanged too
    const again = await new Importer(db).importDocument(commitDocument((await service.get(draft.id))!.content), 'again', { actor: 'test' });
    expect([again.entities.created, again.entities.updated, again.relationships.created, again.relationships.updated]).toEqual([0, 0, 0, 0]);
  });

  it('of two concurrent commits, one imports and the other reports the draft already committed', async () => {
    const draft = await draftWith('c');
    await service.accept(draft.id, ['e0', 'e1', 'r0', 'r1'], editor);
    const results = await Promise.all([service.commit(draft.id, editor), service.commit(draft.id, editor)]);
    expect(results.map((r) => r.alreadyCommitted).sort()).toEqual([false, true]);
    expect(await nodeProps(db, 'company:deepcore-c')).toBeDefined();
  });

  it('a merged entity is replaced by the existing one in the committed relationships', async () => {
    const draft = await draftWith('d');
    await service.merge(draft.id, 'e0', 'company:seer', editor);
    await service.accept(draft.id, ['e1', 'r0', 'r1'], editor);
    await service.commit(draft.id, editor);
    expect(await edgeProps(db, 'company:seer', 'PARTY_TO', 'partnership:astribot-deepcore-d-supply')).toMatchObject({ role: 'CUSTOMER' });
    expect(await nodeProps(db, 'company:deepcore-d')).toBeUndefined();
  });

  it('refuses bad steps naming the field, writing nothing', async () => {
    const draft = await draftWith('e');
    const before = await graphState(db, draft.id);
    await service.accept(draft.id, ['r1'], editor);
    // the accepted relationship's drafted company is not accepted
    await expect(service.commit(draft.id, editor)).rejects.toMatchObject({ message: expect.stringMatching(/r1 .* needs e0/), extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    await expect(service.merge(draft.id, 'e0', 'company:no-such-company', editor)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'into' } });
    await expect(service.merge(draft.id, 'e0', 'product:qwen', editor)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'into' } });
    const version = (await service.get(draft.id))!.version;
    await expect(service.edit(draft.id, 'e1', { properties: { quantity: -3 } }, editor)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'edit.properties.quantity' } });
    expect((await service.get(draft.id))!.version).toBe(version);
    expect(await graphState(db, draft.id)).toEqual(before);
    expect((await service.get(draft.id))!.status).toBe('OPEN');

    // an item the extractor drafted wrong is named by its item id at commit, and nothing is written
    broken = true;
    const wrong = await draftWith('f');
    broken = false;
    await service.accept(wrong.id, ['e0', 'e1', 'r0', 'r1'], editor);
    await expect(service.commit(wrong.id, editor)).rejects.toMatchObject({ message: expect.stringContaining('e0.properties'), extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect((await service.get(wrong.id))!.status).toBe('OPEN');
    await service.discard(wrong.id);

    await service.discard(draft.id);
    expect(await service.get(draft.id)).toBeUndefined();
    await expect(service.commit(draft.id, editor)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await graphState(db)).toEqual(before);
  });
});
