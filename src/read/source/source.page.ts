import { decodeCursor } from '../relay/cursor';
import { rowsFor } from '../relay/page';
import { checkFirst, PAGE_SIZES } from '../relay/page-size';
import type { EntityView } from '../entity/entity.view';
import type { EntityKind } from '../../model/kinds';

/** `Source.entities`: the one paged field that is not a relationship field (it reads REPORTED_IN, by id). */
export const REPORTED_FIELD = { type: 'Source', field: 'entities' } as const;

/** Its arguments as GraphQL hands them over. */
export interface ReportedArgs {
  first?: number | null;
  after?: string | null;
  kinds?: EntityKind[] | null;
  /** whether the client selected `totalCount`: then the page's statement counts as well */
  withTotal: boolean;
}

/**
 * One page of the entities a source reported, without the source: `rows` is the page size plus
 * one, `after` an entity id (keyset on the id), `kinds` all when empty.
 */
export interface ReportedPage {
  rows: number;
  after: string | null;
  kinds: EntityKind[];
  withTotal: boolean;
}

/** Rows in id order (up to the page's `rows`), and the total when the page asked for it. */
export interface ReportedRows<E extends EntityView = EntityView> {
  entities: E[];
  total: number | null;
}

/**
 * THE meaning of `Source.entities` with its arguments, for the resolver and the prefetch planner
 * alike (so a page fetched with its source is found where it is looked for). Throws
 * BadUserInputError naming a bad `first` or `after`.
 */
export function reportedPage(args: ReportedArgs): ReportedPage {
  const first = checkFirst(args.first, PAGE_SIZES.connection);
  const after = decodeCursor(args.after, 'ID');
  return { rows: rowsFor(first), after: after?.id ?? null, kinds: args.kinds ?? [], withTotal: args.withTotal };
}

export function pageSignature(p: ReportedPage): string {
  return JSON.stringify([p.rows, p.after, [...p.kinds].sort(), p.withTotal]);
}
