import type { EntityKind } from '../../model/kinds';
import type { EntityChange, RelationshipChange, StoredChange } from './change.model';

/**
 * The changes of one transaction, coalesced per entity and per relationship: whatever a
 * transaction does to one entity (created, then its provenance and relationships written, then
 * updated again) reaches subscribers as one event, and something created and deleted within the
 * same transaction not at all. Order is the order of each key's last decisive operation, so
 * a deletion comes after the deletions of the entity's relationships.
 */
export class ChangeSet {
  private readonly byKey = new Map<string, StoredChange>();
  /** relationships this transaction created (not re-created): deleting one again leaves no trace */
  private readonly createdHere = new Set<string>();

  get size(): number {
    return this.byKey.size;
  }

  list(): StoredChange[] {
    return [...this.byKey.values()];
  }

  entityCreated(id: string, kind: EntityKind): void {
    const key = `e:${id}`;
    const before = this.byKey.get(key) as EntityChange | undefined;
    // deleted and created again in one transaction: it existed before and exists after
    if (before?.op === 'ENTITY_DELETED') this.moveToEnd(key, { op: 'ENTITY_UPDATED', id, kind, changed: [] });
    else if (!before) this.byKey.set(key, { op: 'ENTITY_CREATED', id, kind, changed: [] });
  }

  entityUpdated(id: string, kind: EntityKind, changed: string[]): void {
    const key = `e:${id}`;
    const before = this.byKey.get(key) as EntityChange | undefined;
    if (!before) this.byKey.set(key, { op: 'ENTITY_UPDATED', id, kind, changed: [...new Set(changed)] });
    // a created entity's later updates are part of its creation; an update names every property changed
    else if (before.op === 'ENTITY_UPDATED') before.changed = [...new Set([...before.changed, ...changed])];
  }

  entityDeleted(id: string, kind: EntityKind): void {
    const key = `e:${id}`;
    const before = this.byKey.get(key);
    if (before?.op === 'ENTITY_CREATED') this.byKey.delete(key);
    else this.moveToEnd(key, { op: 'ENTITY_DELETED', id, kind, changed: [] });
  }

  relationshipCreated(rel: Omit<RelationshipChange, 'op'>): void {
    const key = relKey(rel);
    const before = this.byKey.get(key);
    if (!before) this.createdHere.add(key);
    // created again after a deletion, or its properties rewritten after creation: its latest properties
    this.moveToEnd(key, { op: 'RELATIONSHIP_CREATED', ...rel });
  }

  relationshipDeleted(rel: Omit<RelationshipChange, 'op'>): void {
    const key = relKey(rel);
    if (this.createdHere.delete(key)) this.byKey.delete(key);
    else this.moveToEnd(key, { op: 'RELATIONSHIP_DELETED', ...rel });
  }

  private moveToEnd(key: string, change: StoredChange): void {
    this.byKey.delete(key);
    this.byKey.set(key, change);
  }
}

const relKey = (r: { type: string; from: string; to: string }) => `r:${r.from}|${r.type}|${r.to}`;
