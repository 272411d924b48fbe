import { BadUserInputError } from '../../common/errors';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import type { EntityRepository } from './entity.repository';
import type { EntityKind } from '../../model/kinds';

export const SEARCH_MAX_FIRST = 100;

export class EntityService {
  constructor(private readonly repo: EntityRepository) {}

  async search(text: string, kinds: EntityKind[] | undefined, first: number, plan: PrefetchPlan) {
    if (!text.trim()) throw new BadUserInputError('search text must not be empty', 'text');
    if (text.length > 200) throw new BadUserInputError('search text must be at most 200 characters', 'text');
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_FIRST) {
      throw new BadUserInputError(`first must be between 1 and ${SEARCH_MAX_FIRST}`, 'first');
    }
    return this.repo.search(text, kinds ?? [], first, plan);
  }
}
