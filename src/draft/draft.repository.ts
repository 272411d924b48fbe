import { int } from 'neo4j-driver';
import { cypher } from '../db/cypher-registry';
import type { Database, Tx } from '../db/database';
import { toPlainObject } from '../db/values';
import type { DraftContent, DraftStatus, StoredDraft } from './draft.model';

type Row = Record<string, unknown>;

/** The stored node as the service's value: content and commit summary are JSON strings on the node. */
function decode(row: Row): StoredDraft {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const commitAt = str(row.committedAt);
  return {
    id: row.id as string,
    text: (row.text as string | undefined) ?? '',
    ...(str(row.title) ? { title: str(row.title) } : {}),
    ...(str(row.issued) ? { issued: str(row.issued) } : {}),
    status: row.status as DraftStatus,
    version: row.version as number,
    content: JSON.parse(row.content as string) as DraftContent,
    createdAt: row.createdAt as string,
    createdBy: row.createdBy as string,
    updatedAt: row.updatedAt as string,
    updatedBy: row.updatedBy as string,
    ...(commitAt ? { commit: { at: commitAt, by: row.committedBy as string, summary: row.commitSummary ? JSON.parse(row.commitSummary as string) : null } } : {}),
  };
}

const first = (records: { get(k: string): unknown }[]): StoredDraft | undefined => (records[0] ? decode(toPlainObject(records[0].get('d')) as Row) : undefined);

/** Drafts as :Draft nodes (cypher/draft/*): no relationships, no :Entity label, invisible to reads of the graph. */
export class DraftRepository {
  constructor(private readonly db: Database) {}

  async create(d: { id: string; text: string; title?: string; issued?: string; content: DraftContent; actor: string }): Promise<StoredDraft> {
    const records = await this.db.write(cypher('draft/create'), { id: d.id, text: d.text, title: d.title ?? null, issued: d.issued ?? null, content: JSON.stringify(d.content), actor: d.actor });
    return first(records)!;
  }

  async get(id: string): Promise<StoredDraft | undefined> {
    return first(await this.db.read(cypher('draft/by-id'), { id }));
  }

  async list(status: DraftStatus | undefined, limit: number): Promise<StoredDraft[]> {
    const records = await this.db.read(cypher('draft/list'), { status: status ?? null, limit: int(limit) });
    return records.map((r) => decode(toPlainObject(r.get('d')) as Row));
  }

  /** Stores new content if the draft is still at `version` and open; undefined when it is not. */
  async update(id: string, version: number, content: DraftContent, actor: string): Promise<StoredDraft | undefined> {
    return first(await this.db.write(cypher('draft/update-content'), { id, version, content: JSON.stringify(content), actor }));
  }

  /** Locks the draft inside a commit's transaction: its version before the lock and status, or undefined when it is gone. */
  async lock(tx: Tx, id: string): Promise<{ version: number; status: DraftStatus } | undefined> {
    const [r] = await tx.run(cypher('draft/lock'), { id });
    return r ? { version: r.get('version') as number, status: r.get('status') as DraftStatus } : undefined;
  }

  /** The kind of an existing entity (a merge target), or undefined. */
  async entityKind(id: string): Promise<string | undefined> {
    const [r] = await this.db.read(cypher('entity/kinds-by-ids'), { ids: [id] });
    return r ? (r.get('kind') as string) : undefined;
  }

  /** Marks it committed (in the commit's transaction); the status it had before. */
  async markCommitted(tx: Tx, id: string, actor: string): Promise<DraftStatus> {
    const [r] = await tx.run(cypher('draft/mark-committed'), { id, actor });
    return r.get('before') as DraftStatus;
  }

  async recordSummary(id: string, summary: unknown): Promise<void> {
    await this.db.write(cypher('draft/record-summary'), { id, summary: JSON.stringify(summary) });
  }

  /** Deletes an open draft; the status it had (a committed draft is kept), or undefined when there was none. */
  async discard(id: string): Promise<DraftStatus | undefined> {
    const [r] = await this.db.write(cypher('draft/delete'), { id });
    return r ? (r.get('status') as DraftStatus) : undefined;
  }
}
