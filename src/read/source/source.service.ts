import type { EntityView, PartialEntityRecord } from '../entity/entity.view';
import { decodeCursor } from '../relay/cursor';
import { buildPage, type Page } from '../relay/page';
import { checkFirst, PAGE_SIZES } from '../relay/page-size';
import type { ReportedKey } from './source.repository';
import { pageSignature, reportedPage, type ReportedArgs, type ReportedPage, type ReportedRows } from './source.page';

export type { ReportedArgs };

/** The page fetched with `source` (only a record fetched for a selection carries pages). */
function prefetchedPage(source: EntityView, page: ReportedPage): ReportedRows | undefined {
  return source.prefetched ? (source as PartialEntityRecord).pages?.get(pageSignature(page)) : undefined;
}

export class SourceService {
  /**
   * `Source.entities`: the entities a source reported, by id: the page fetched with the source
   * when its selection planned it (read/planner), else through the request's batched `load`.
   */
  async reported(source: EntityView, args: ReportedArgs, load: (k: ReportedKey) => Promise<ReportedRows>): Promise<Page<EntityView>> {
    const first = checkFirst(args.first, PAGE_SIZES.connection);
    const after = decodeCursor(args.after, 'ID');
    const page = reportedPage(args);
    const key: ReportedKey = { source: source.id, ...page };
    const { entities, total } = prefetchedPage(source, page) ?? (await load(key));
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
