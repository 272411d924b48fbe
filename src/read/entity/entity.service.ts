import { BadUserInputError } from '../../common/errors';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import type { EntityRepository } from './entity.repository';
import { checkFirst, PAGE_SIZES } from '../relay/page-size';
import { type EntityKind } from '../../model/kinds';

export class EntityService {
  constructor(private readonly repo: EntityRepository) {}

  async search(text: string, kinds: EntityKind[] | undefined, first: number | null, plan: PrefetchPlan) {
    if (!text.trim()) throw new BadUserInputError('search text must not be empty', 'text');
    if (text.length > 200) throw new BadUserInputError('search text must be at most 200 characters', 'text');
    return this.repo.search(text, kinds ?? [], checkFirst(first, PAGE_SIZES.search), plan);
  }
}
