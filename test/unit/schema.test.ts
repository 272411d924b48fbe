import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printedSchema } from '../../src/api/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printedSchema());
  });

  it('carries the contract core: Node, Entity, node, entity and search', async () => {
    const sdl = await printedSchema();
    expect(sdl).toMatch(/interface Entity implements Node/);
    expect(sdl).toMatch(/node\(id: ID!\): Node/);
    expect(sdl).toMatch(/entity\(id: ID!\): Entity/);
    expect(sdl).toMatch(/search\(first: Int = 10, kinds: \[EntityKind!\], text: String!\): \[SearchHit!\]!/);
  });
});
