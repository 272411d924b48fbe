import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.model';
import { ReportedKey, reportedKeyString, type SourceRepository } from './source.repository';

/** Per-request loader: the `entities` pages of every source in one response come from one query. */
export function createSourceLoaders(repo: SourceRepository) {
  return {
    reportedBySource: new DataLoader<ReportedKey, { entities: EntityRecord[]; total: number }, string>(
      async (keys) => {
        const found = await repo.reportedByKeys(keys);
        return keys.map((k) => found.get(reportedKeyString(k)) ?? { entities: [], total: 0 });
      },
      { cacheKeyFn: reportedKeyString },
    ),
  };
}
