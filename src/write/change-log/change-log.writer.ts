import { int } from 'neo4j-driver';
import { cypher } from '../../db/cypher-registry';
import type { Tx } from '../../db/database';
import { toPlainObject } from '../../db/values';
import type { JsonValue } from '../../graph/subgraph';
import { BOOKKEEPING_KEYS, type EntityKind } from '../../model/kinds';
import { ChangeSet } from './change-set';

/** What the write statements answer about a relationship they changed. */
export interface RelationshipRowChange {
  type: string;
  from: string;
  to: string;
  fromKind: EntityKind;
  toKind: EntityKind;
  created: boolean;
  changed: string[];
  props?: unknown;
}

const HIDDEN = new Set<string>(BOOKKEEPING_KEYS);

/** A relationship's own properties as its edge carries them (bookkeeping left out, values JSON-safe). */
function edgeProps(props: unknown): Record<string, JsonValue> {
  const plain = toPlainObject(props ?? {});
  return Object.fromEntries(Object.entries(plain).filter(([k, v]) => !HIDDEN.has(k) && v !== null));
}

/**
 * The change log's side of one writing transaction. GraphWriter reports what each statement
 * changed; the changes are coalesced (ChangeSet) and stored as the transaction's one batch in the
 * log, inside the same transaction: the first write takes the next position (and with it the
 * counter's lock until commit), later writes of the transaction rewrite the batch. A rolled back
 * transaction leaves neither its writes nor its changes.
 */
export class ChangeLogWriter {
  private readonly set = new ChangeSet();
  private seq: number | undefined;
  private dirty = false;

  constructor(
    private readonly tx: Tx,
    private readonly actor: string,
  ) {}

  entities(kind: EntityKind, rows: readonly { id: string; created: boolean; changed: string[] }[]): void {
    for (const r of rows) {
      if (r.created) this.set.entityCreated(r.id, kind);
      else this.set.entityUpdated(r.id, kind, r.changed);
    }
    this.dirty ||= rows.length > 0;
  }

  /** A relationship's property change has no op of its own in the contract: it updates its source entity. */
  relationships(rows: readonly RelationshipRowChange[]): void {
    for (const r of rows) {
      if (r.created) this.set.relationshipCreated({ type: r.type, from: r.from, to: r.to, fromKind: r.fromKind, toKind: r.toKind, props: edgeProps(r.props) });
      else this.set.entityUpdated(r.from, r.fromKind, [r.type]);
    }
    this.dirty ||= rows.length > 0;
  }

  relationshipsDeleted(rows: readonly Omit<RelationshipRowChange, 'created' | 'changed'>[], deletedIds: ReadonlySet<string> = new Set()): void {
    for (const r of rows) {
      // provenance is not an edge of the graph's views: a surviving entity's `sources` changed
      if (r.type === 'REPORTED_IN') {
        if (!deletedIds.has(r.from)) this.set.entityUpdated(r.from, r.fromKind, ['sources']);
      } else this.set.relationshipDeleted({ type: r.type, from: r.from, to: r.to, fromKind: r.fromKind, toKind: r.toKind, props: edgeProps(r.props) });
    }
    this.dirty ||= rows.length > 0;
  }

  entitiesUpdated(rows: readonly { id: string; kind: EntityKind }[], changed: string[]): void {
    for (const r of rows) this.set.entityUpdated(r.id, r.kind, changed);
    this.dirty ||= rows.length > 0;
  }

  entitiesDeleted(rows: readonly { id: string; kind: EntityKind }[]): void {
    for (const r of rows) this.set.entityDeleted(r.id, r.kind);
    this.dirty ||= rows.length > 0;
  }

  /** Stores the transaction's changes so far; a no-op when nothing changed since the last call. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const changes = this.set.list().map((c) => JSON.stringify(c));
    if (this.seq === undefined) {
      const [r] = await this.tx.run(cypher('changes/append'), { changes, actor: this.actor });
      this.seq = Number(r.get('seq'));
    } else {
      await this.tx.run(cypher('changes/rewrite'), { seq: int(this.seq), changes });
    }
  }
}
