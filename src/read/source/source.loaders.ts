import DataLoader from 'dataloader';
import { ReportedKey, reportedKeyString, type ReportedRows, type SourceRepository } from './source.repository';

/** Per-request loader: the `entities` pages of every source in one response come from one query. */
export function createSourceLoaders(repo: SourceRepository) {
  return {
    reportedBySource: new DataLoader<ReportedKey, ReportedRows, string>(
      async (keys) => {
        const found = await repo.reportedByKeys(keys);
        return keys.map((k) => found.get(reportedKeyString(k)) ?? { entities: [], total: k.withTotal ? 0 : null });
      },
      { cacheKeyFn: reportedKeyString },
    ),
  };
}
