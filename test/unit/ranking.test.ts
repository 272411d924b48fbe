import { RANKING_FIRST } from '../../src/analytics/ranking.service';
import { topByKind } from '../../src/analytics/top-by-kind';
import type { EntityKind } from '../../src/model/kinds';

describe('topByKind', () => {
  it('keeps each kind apart, highest first, ties by id, and leaves out entities without edges', () => {
    const ids = ['company:b', 'company:a', 'person:x', 'company:c', 'company:lonely'];
    const kinds: EntityKind[] = ['COMPANY', 'COMPANY', 'PERSON', 'COMPANY', 'COMPANY'];
    const degree = Int32Array.from([2, 2, 1, 5, 0]);
    const top = topByKind(ids, kinds, degree, (i) => degree[i], RANKING_FIRST.max);
    expect(top.get('COMPANY')).toEqual([
      { rank: 1, score: 5, id: 'company:c' },
      { rank: 2, score: 2, id: 'company:a' },
      { rank: 3, score: 2, id: 'company:b' },
    ]);
    expect(top.get('PERSON')).toEqual([{ rank: 1, score: 1, id: 'person:x' }]);
    expect(top.get('SOURCE')).toBeUndefined();
  });

  it(`keeps only the top ${RANKING_FIRST.max} of a kind`, () => {
    const n = RANKING_FIRST.max * 3;
    const ids = Array.from({ length: n }, (_, i) => `company:c${String(i).padStart(4, '0')}`);
    const kinds = ids.map((): EntityKind => 'COMPANY');
    const degree = Int32Array.from(ids, (_, i) => 1 + (i % 7));
    const top = topByKind(ids, kinds, degree, (i) => degree[i], RANKING_FIRST.max).get('COMPANY') ?? [];
    const expected = ids
      .map((id, i) => ({ id, score: degree[i] }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, RANKING_FIRST.max);
    expect(top.map((e) => [e.id, e.score])).toEqual(expected.map((e) => [e.id, e.score]));
  });
});
