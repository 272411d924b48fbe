import { BadUserInputError } from '../common/errors';
import type { EntityKind } from '../model/kinds';
import { RELATIONSHIP_TYPE_NAMES } from '../model/relationships';
import { isEntityChange, type StoredChange } from '../write/change-log/change.model';

/** The subscription's filters; every one given must match. */
export interface ChangeFilter {
  ids?: ReadonlySet<string>;
  kinds?: ReadonlySet<EntityKind>;
  relationshipTypes?: ReadonlySet<string>;
}

export const MAX_FILTER_IDS = 1000;
const KNOWN_TYPES = new Set<string>(RELATIONSHIP_TYPE_NAMES);

/** The filter of `graphChanged`'s arguments, checked: unknown relationship types and oversized id lists are BAD_USER_INPUT. */
export function changeFilter(args: { ids?: string[] | null; kinds?: EntityKind[] | null; relationshipTypes?: string[] | null }): ChangeFilter {
  if (args.ids && args.ids.length > MAX_FILTER_IDS) throw new BadUserInputError(`ids may name at most ${MAX_FILTER_IDS} entities`, 'ids');
  args.relationshipTypes?.forEach((t, i) => {
    if (!KNOWN_TYPES.has(t)) throw new BadUserInputError(`Unknown relationship type "${t}"; known types: ${RELATIONSHIP_TYPE_NAMES.join(', ')}`, `relationshipTypes.${i}`);
  });
  return {
    ids: args.ids ? new Set(args.ids) : undefined,
    kinds: args.kinds ? new Set(args.kinds) : undefined,
    relationshipTypes: args.relationshipTypes ? new Set(args.relationshipTypes) : undefined,
  };
}

/**
 * An entity change matches `ids` and `kinds` by the entity; a relationship change matches them by
 * either end (a new fact about a shown entity reaches its viewer) and `relationshipTypes` by its
 * type. Entity changes never match a `relationshipTypes` filter.
 */
export function matches(filter: ChangeFilter, c: StoredChange): boolean {
  if (isEntityChange(c)) {
    return !filter.relationshipTypes && (!filter.ids || filter.ids.has(c.id)) && (!filter.kinds || filter.kinds.has(c.kind));
  }
  return (
    (!filter.relationshipTypes || filter.relationshipTypes.has(c.type)) &&
    (!filter.ids || filter.ids.has(c.from) || filter.ids.has(c.to)) &&
    (!filter.kinds || filter.kinds.has(c.fromKind) || filter.kinds.has(c.toKind))
  );
}
