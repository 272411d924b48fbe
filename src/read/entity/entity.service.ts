import { BadUserInputError } from '../../common/errors';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import type { EntityRepository } from './entity.repository';
import { checkFirst } from '../relay/page-size';
import { type EntityKind } from '../../model/kinds';

export const SEARCH_MAX_FIRST = 100;

export class EntityService {
  constructor(private readonly repo: EntityRepository) {}

  async search(text: string, kinds: EntityKind[] | undefined, first: number, plan: PrefetchPlan) {
    if (!text.trim()) throw new BadUserInputError('search text must not be empty', 'text');
    if (text.length > 200) throw new BadUserInputError('search text must be at most 200 characters', 'text');
    checkFirst(first, { default: 10, min: 1, max: SEARCH_MAX_FIRST });
    return this.repo.search(text, kinds ?? [], first, plan);
  }
}
