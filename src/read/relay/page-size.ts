import { intArg, type IntBounds } from '../../common/int-arg';

/** Page sizes (`first`) of every connection, as data; the schema's defaults come from here too. */
export const PAGE_SIZES = {
  /** the root connections (`companies`, `events`, ...) and `Source.entities` */
  connection: { default: 20, min: 0, max: 100 },
  /** `timeline` */
  timeline: { default: 50, min: 1, max: 200 },
  /** `search` */
  search: { default: 10, min: 1, max: 100 },
  /**
   * typed relationship fields (`company.partnerships`, ...): 10 unless asked for more, as nested
   * lists multiply (20 companies × 10 partnerships × 10 parties) and the cost limit counts them so;
   * a list longer than the max belongs in a connection (e.g. Source.entities)
   */
  relationship: { default: 10, min: 0, max: 500 },
  /** `Entity.related`: usually asked for one entity at a time, so more by default */
  related: { default: 20, min: 0, max: 500 },
  /** `changes`, the change feed */
  changes: { default: 100, min: 1, max: 1000 },
} as const satisfies Record<string, IntBounds>;

/** The one check of a page size `first` (connections, relationship fields, `paths`, `search`), with the bounds of its list. */
export function checkFirst(first: number | null | undefined, bounds: IntBounds): number {
  return intArg(first, bounds, 'first');
}
