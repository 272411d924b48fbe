import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/paths';
import { printedSchema } from '../src/api/schema';

/** `npm run schema:emit`: writes schema/schema.graphql from the code (a test checks it is current). */
printedSchema().then((sdl) => {
  writeFileSync(join(projectRoot(), 'schema', 'schema.graphql'), sdl);
  process.stdout.write('wrote schema/schema.graphql\n');
});
