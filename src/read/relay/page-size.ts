import { intArg, type IntBounds } from '../../common/int-arg';

/** Page sizes (`first`) of every connection, as data; the schema's defaults come from here too. */
export const PAGE_SIZES = {
  /** the root connections (`companies`, `events`, ...) and `Source.entities` */
  connection: { default: 20, min: 0, max: 100 },
  /** `timeline` */
  timeline: { default: 50, min: 1, max: 200 },
} as const satisfies Record<string, IntBounds>;

/** The one check of a page size `first` (connections, `paths`, `search`), with the bounds of its list. */
export function checkFirst(first: number | null | undefined, bounds: IntBounds): number {
  return intArg(first, bounds, 'first');
}
