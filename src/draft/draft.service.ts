import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Principal } from '../auth/roles';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors';
import { isEntityKind } from '../model/kinds';
import { ImportValidationError, type Importer, type ImportSummary } from '../write/importer';
import { countItems } from '../write/mutation/mutation.service';
import { commitDocument, contentFromExtraction, decideItems, editItem, itemPath, mergeItem, type ExtractedDraft, type ItemEdit } from './draft.items';
import type { DraftContent, DraftStatus, StoredDraft } from './draft.model';
import type { DraftRepository } from './draft.repository';

export interface DraftRequest {
  text: string;
  title?: string | null;
  issued?: string | null;
}

/** The extractor, as the service sees it: text in, a proposal out (src/ingest, wired in compose()). */
export type Extract = (req: { text: string; title?: string; issued?: string }) => Promise<ExtractedDraft>;

export interface CommitResult {
  draft: StoredDraft;
  alreadyCommitted: boolean;
  summary: ImportSummary | null;
}

/** A newsletter issue is about 6 KB; a text far past that is not one issue. */
export const DRAFT_MAX_TEXT_CHARS = 100_000;
export const DRAFT_MAX_TITLE_CHARS = 300;
/** Markup a pasted web page starts with: the extractor reads the issue's plain text. */
const HTML = /<\s*(!doctype|html|head|body|div|p|span|table|script|style|br|a\s)[^>]*>/i;
const ID = /^draft:[0-9a-f-]{36}$/;

/** The importer's validation errors, told by draft item (edit or reject it) instead of document path. */
function invalidItems(content: DraftContent, err: ImportValidationError): BadUserInputError {
  const where = err.errors.map((e) => ({ at: itemPath(content, e.path) ?? (e.path || 'document'), message: e.message }));
  const text = where.slice(0, 5).map((w) => `${w.at}: ${w.message}`).join('; ');
  return new BadUserInputError(`The accepted items cannot be imported: ${text}${where.length > 5 ? ` (and ${where.length - 5} more)` : ''}. Edit or reject them`, 'id');
}

/** Thrown inside a commit's transaction to roll it back when another commit got there first. */
class AlreadyCommitted extends Error {}

/**
 * Drafts from text and their review: draftFromText runs the extractor and stores the proposal as a
 * :Draft node (nothing else is written); accept, reject, edit and merge change only the draft;
 * commit imports the accepted items through the Importer in one transaction, which also marks the
 * draft committed, so a second commit finds it committed and writes nothing.
 */
export class DraftService {
  constructor(
    private readonly repo: DraftRepository,
    private readonly importer: Importer,
    private readonly extract: Extract,
    private readonly opts: { importMaxItems: number; logger?: Logger },
  ) {}

  async draftFromText(req: DraftRequest, actor: Principal): Promise<StoredDraft> {
    const text = req.text;
    if (!text.trim()) throw new BadUserInputError('text is empty: paste the newsletter issue', 'text');
    if (text.length > DRAFT_MAX_TEXT_CHARS) {
      throw new BadUserInputError(`text has ${text.length} characters; a draft takes at most ${DRAFT_MAX_TEXT_CHARS} (one newsletter issue): split it`, 'text');
    }
    if (HTML.test(text)) throw new BadUserInputError('text looks like HTML: paste the issue as plain text (sections, lead lines and bullets), not the page source', 'text');
    if (req.title != null && (!req.title.trim() || req.title.length > DRAFT_MAX_TITLE_CHARS)) {
      throw new BadUserInputError(`title must be 1 to ${DRAFT_MAX_TITLE_CHARS} characters`, 'title');
    }
    const result = await this.extract({ text, ...(req.title ? { title: req.title } : {}), ...(req.issued ? { issued: req.issued } : {}) });
    const content = contentFromExtraction(result);
    if (!content.items.length) {
      // nothing to review: answer why, and store nothing
      const why = result.reason ?? 'no entity or fact was found';
      throw new BadUserInputError(`Nothing to draft from text: ${why}${content.unresolved.length ? ` (${content.unresolved.length} unresolved mentions)` : ''}`, 'text');
    }
    const draft = await this.repo.create({ id: `draft:${randomUUID()}`, text, title: req.title ?? undefined, issued: req.issued ?? undefined, content, actor: actor.id });
    this.opts.logger?.info({ actor: actor.id, draft: draft.id, items: content.items.length }, 'draft created');
    return draft;
  }

  get(id: string): Promise<StoredDraft | undefined> {
    return ID.test(id) ? this.repo.get(id) : Promise.resolve(undefined);
  }

  list(status: DraftStatus | undefined, first: number): Promise<StoredDraft[]> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw new BadUserInputError('first must be between 1 and 200', 'first');
    return this.repo.list(status, first);
  }

  accept(id: string, itemIds: string[], actor: Principal): Promise<StoredDraft> {
    return this.change(id, actor, (c) => decideItems(c, itemIds, 'ACCEPTED'));
  }

  reject(id: string, itemIds: string[], actor: Principal): Promise<StoredDraft> {
    return this.change(id, actor, (c) => decideItems(c, itemIds, 'REJECTED'));
  }

  edit(id: string, itemId: string, edit: ItemEdit, actor: Principal): Promise<StoredDraft> {
    return this.change(id, actor, (c) => editItem(c, itemId, edit));
  }

  async merge(id: string, itemId: string, into: string, actor: Principal): Promise<StoredDraft> {
    const kind = await this.repo.entityKind(into);
    if (!kind || !isEntityKind(kind)) throw new BadUserInputError(`into: no entity with id "${into}"; find it with search`, 'into');
    return this.change(id, actor, (c) => mergeItem(c, itemId, into, kind));
  }

  async discard(id: string): Promise<{ id: string; discarded: boolean }> {
    const status = ID.test(id) ? await this.repo.discard(id) : undefined;
    if (!status) throw new NotFoundError(`No draft with id "${id}"`, { field: 'id' });
    if (status === 'COMMITTED') throw new ConflictError(`Draft "${id}" is committed; it is kept as the record of its commit`, { field: 'id' });
    return { id, discarded: true };
  }

  async commit(id: string, actor: Principal): Promise<CommitResult> {
    const draft = await this.load(id);
    if (draft.status === 'COMMITTED') return this.alreadyCommitted(draft);
    const document = commitDocument(draft.content);
    const items = countItems(document as unknown as Record<string, unknown>);
    if (items > this.opts.importMaxItems) {
      throw new BadUserInputError(`The accepted items make ${items} import items; a commit takes at most ${this.opts.importMaxItems} (IMPORT_MAX_ITEMS) so it is one transaction`, 'id');
    }
    let summary: ImportSummary;
    try {
      summary = await this.importer.importDocument(document, `draft ${id}`, {
        actor: actor.id,
        batchSize: this.opts.importMaxItems,
        inTransaction: async (tx) => {
          const locked = await this.repo.lock(tx, id);
          if (!locked) throw new NotFoundError(`No draft with id "${id}"`, { field: 'id' });
          if (locked.status === 'COMMITTED') throw new AlreadyCommitted();
          if (locked.version !== draft.version) throw new ConflictError(`Draft "${id}" changed while it was being committed; review it again and commit`, { field: 'id' });
          await this.repo.markCommitted(tx, id, actor.id);
        },
      });
    } catch (err) {
      if (err instanceof AlreadyCommitted) return this.alreadyCommitted(await this.load(id));
      if (err instanceof ImportValidationError) throw invalidItems(draft.content, err);
      throw err;
    }
    await this.repo.recordSummary(id, summary);
    this.opts.logger?.info({ actor: actor.id, draft: id, entities: summary.entities, relationships: summary.relationships }, 'draft committed');
    return { draft: await this.load(id), alreadyCommitted: false, summary };
  }

  private alreadyCommitted(draft: StoredDraft): CommitResult {
    return { draft, alreadyCommitted: true, summary: (draft.commit?.summary as ImportSummary | null | undefined) ?? null };
  }

  private async load(id: string): Promise<StoredDraft> {
    const draft = await this.get(id);
    if (!draft) throw new NotFoundError(`No draft with id "${id}"`, { field: 'id' });
    return draft;
  }

  /** One review step: read, apply (pure, validated), store if nobody changed the draft meanwhile. */
  private async change(id: string, actor: Principal, step: (c: DraftContent) => DraftContent): Promise<StoredDraft> {
    const draft = await this.load(id);
    if (draft.status === 'COMMITTED') throw new ConflictError(`Draft "${id}" is already committed; draft the text again to review it anew`, { field: 'id' });
    const updated = await this.repo.update(id, draft.version, step(draft.content), actor.id);
    if (!updated) throw new ConflictError(`Draft "${id}" changed meanwhile (another editor, or a commit); reload it and try again`, { field: 'id' });
    return updated;
  }
}
