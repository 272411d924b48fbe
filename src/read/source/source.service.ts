import type { EntityRecord } from '../entity/entity.model';
import { decodeCursor } from '../relay/cursor';
import { buildPage, rowsFor, type Page } from '../relay/page';
import { checkFirst, PAGE_SIZES } from '../relay/page-size';
import type { ReportedKey, ReportedRows } from './source.repository';
import { type EntityKind } from '../../model/kinds';

export interface ReportedArgs {
  first?: number | null;
  after?: string | null;
  kinds?: EntityKind[] | null;
  /** whether the client selected `totalCount`: then the page's statement counts as well */
  withTotal: boolean;
}

export class SourceService {
  /** `Source.entities`: the entities a source reported, by id, each page through the request's batched `load`. */
  async reported(source: string, args: ReportedArgs, load: (k: ReportedKey) => Promise<ReportedRows>): Promise<Page<EntityRecord>> {
    const first = checkFirst(args.first, PAGE_SIZES.connection);
    const after = decodeCursor(args.after, 'ID');
    const key: ReportedKey = { source, rows: rowsFor(first), after: after?.id ?? null, kinds: args.kinds ?? [], withTotal: args.withTotal };
    const { entities, total } = await load(key);
    return buildPage({
      rows: entities,
      first,
      after,
      cursorOf: (node) => ({ ordering: 'ID', keys: [], id: node.id }),
      nodeOf: (node) => node,
      // counted with the page when selected; should a selection have been missed, counted apart
      count: async () => total ?? (await load({ ...key, withTotal: true })).total ?? 0,
    });
  }
}
