import { ChangeSet } from '../../src/write/change-log/change-set';

const rel = { type: 'PARTY_TO', from: 'company:a', to: 'partnership:p', fromKind: 'COMPANY' as const, toKind: 'PARTNERSHIP' as const, props: { role: 'PARTNER' } };

describe('ChangeSet: one transaction coalesced per entity and relationship', () => {
  it('folds what happens to a created entity into its creation, and updates into one naming every property', () => {
    const set = new ChangeSet();
    set.entityCreated('company:a', 'COMPANY');
    set.entityUpdated('company:a', 'COMPANY', ['sources']);
    set.entityUpdated('company:b', 'COMPANY', ['name']);
    set.entityUpdated('company:b', 'COMPANY', ['sources', 'name']);
    expect(set.list()).toEqual([
      { op: 'ENTITY_CREATED', id: 'company:a', kind: 'COMPANY', changed: [] },
      { op: 'ENTITY_UPDATED', id: 'company:b', kind: 'COMPANY', changed: ['name', 'sources'] },
    ]);
  });

  it('leaves nothing of what was created and deleted in the same transaction; a deletion comes after its relationships', () => {
    const set = new ChangeSet();
    set.entityCreated('company:tmp', 'COMPANY');
    set.relationshipCreated(rel);
    set.relationshipDeleted(rel);
    set.entityDeleted('company:tmp', 'COMPANY');
    expect(set.list()).toEqual([]);
    set.entityUpdated('company:old', 'COMPANY', ['name']);
    set.relationshipDeleted({ ...rel, from: 'company:old' });
    set.entityDeleted('company:old', 'COMPANY');
    expect(set.list().map((c) => c.op)).toEqual(['RELATIONSHIP_DELETED', 'ENTITY_DELETED']);
  });
});
