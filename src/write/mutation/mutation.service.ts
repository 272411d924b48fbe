import type { Logger } from 'pino';
import { requireRole } from '../../auth/auth-checker';
import type { Principal } from '../../auth/roles';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import type { Database, Tx } from '../../db/database';
import { edgeId } from '../../graph/subgraph';
import { FACT_KINDS, ID_PATTERN, MAX_ID_LENGTH, SOURCE_KIND, type EntityKind } from '../../model/kinds';
import { entityRow, provenanceRows, relationshipRow } from '../graph-rows';
import { GraphWriter, type EntityWrite, type RelationshipWrite } from '../graph-writer';
import type { Importer, ImportSummary } from '../importer';
import { lockEntities, retryRacingWrite } from '../write-locks';
import { MutationRepository, PARTY_TYPES } from './mutation.repository';
import { validateEntityInput, validateLinkInput, validateUnlinkInput, type EntityInputData, type LinkInputData } from './mutation.validate';

export type UpsertResult = EntityWrite;

export interface LinkResult extends RelationshipWrite {
  id: string;
  type: string;
  from: string;
  to: string;
}

export interface DeleteResult {
  deletedIds: string[];
  deletedRelationships: number;
  clearedCitations: number;
}

const PARTY_TYPE_SET = new Set<string>(PARTY_TYPES);
const FACT_KIND_SET = new Set<string>(FACT_KINDS);
/** Cascades stop here: a chain of facts each the only party of the next is never this long. */
const MAX_CASCADE_ROUNDS = 50;

/**
 * The write side: upsert, link, unlink, delete and importDocument. Inputs are validated with the
 * import document's rules before any database work; each mutation's writes run in one
 * transaction (any error rolls all of it back); every write records its author and time.
 * Each first locks what its rules read (write-locks.ts), so concurrent writes are checked one after
 * the other; one that lost a race with a delete runs again and gets NOT_FOUND or CONFLICT.
 */
export class MutationService {
  constructor(
    private readonly db: Database,
    private readonly repo: MutationRepository,
    private readonly importer: Importer,
    private readonly opts: { importMaxItems: number; logger?: Logger },
  ) {}

  upsertEntity(input: EntityInputData, actor: Principal): Promise<UpsertResult> {
    const entity = validateEntityInput(input);
    const provenance = entity.provenance ?? [];
    return this.writeTx(async (tx) => {
      const sources = [...new Set(provenance.map((p) => p.source as string))];
      await lockEntities(tx, [entity.id, ...sources]);
      const known = await this.repo.existing(tx, sources);
      provenance.forEach((p, i) => this.checkProvenanceSource(known, p.source as string, p.section, `input.provenance.${i}`));
      const writer = new GraphWriter(tx, actor.id);
      const result = await writer.upsertEntity(entity.kind, entityRow(entity, 'replace'));
      await writer.upsertProvenance(provenanceRows(entity, 'replace'));
      return result;
    }, 'upsertEntity');
  }

  link(input: LinkInputData, actor: Principal): Promise<LinkResult> {
    const rel = validateLinkInput(input);
    const p = rel.provenance;
    return this.writeTx(async (tx) => {
      const ids = [rel.from, rel.to, ...(p?.source ? [p.source] : [])];
      // the ends and the cited source stay until this commits: a racing delete waits, or went first
      await lockEntities(tx, ids);
      const known = await this.repo.existing(tx, [...new Set(ids)]);
      for (const end of ['from', 'to'] as const) {
        if (!known.has(rel[end])) throw new NotFoundError(`No entity with id "${rel[end]}"`, { field: `input.${end}` });
      }
      if (p?.source) this.checkProvenanceSource(known, p.source, p.section, 'input.provenance');
      const r = await new GraphWriter(tx, actor.id).upsertRelationship(rel.type, relationshipRow(rel, 'replace'));
      return { id: edgeId(rel.from, rel.type, rel.to), type: rel.type, from: rel.from, to: rel.to, ...r };
    }, 'link');
  }

  unlink(input: { from: string; type: string; to: string }, actor: Principal): Promise<{ id: string; removed: boolean }> {
    const type = validateUnlinkInput(input);
    return this.writeTx(async (tx) => {
      // a concurrent unlink or delete of another party of the same fact waits for this one
      await lockEntities(tx, [input.from, input.to]);
      const removed = (await new GraphWriter(tx, actor.id).deleteRelationship(type, input.from, input.to)) > 0;
      if (removed && PARTY_TYPE_SET.has(type)) {
        const left = await this.repo.remainingParties(tx, input.from, type, input.to);
        if (left && FACT_KIND_SET.has(left.kind) && left.others === 0) {
          // throwing rolls the removal back
          throw new ConflictError(`"${input.to}" would be left with no party; link another party first, or delete the fact with deleteEntity`, { field: 'input.to', facts: [input.to] });
        }
      }
      if (removed) this.opts.logger?.info({ actor: actor.id, unlink: edgeId(input.from, type, input.to) }, 'relationship removed');
      return { id: edgeId(input.from, type, input.to), removed };
    }, 'unlink');
  }

  deleteEntity(id: string, cascade: boolean, actor: Principal): Promise<DeleteResult> {
    if (!ID_PATTERN.test(id)) throw new BadUserInputError(`"${id}" is not an entity id (<kind>:<slug>, at most ${MAX_ID_LENGTH} characters)`, 'id');
    if (cascade) requireRole(actor, 'admin', 'deleteEntity with cascade: true');
    return this.writeTx(async (tx) => {
      const writer = new GraphWriter(tx, actor.id);
      await lockEntities(tx, [id]);
      const found = (await this.repo.existing(tx, [id])).get(id);
      if (!found) throw new NotFoundError(`No entity with id "${id}"`, { field: 'id' });
      let cleared = 0;
      const ids = [id];
      if (found.kind === SOURCE_KIND) {
        const usage = await this.repo.sourceUsage(tx, id);
        if (usage.reports + usage.citations > 0 && !cascade) {
          throw new ConflictError(`"${id}" still backs ${usage.reports} entities and ${usage.citations} relationships; pass cascade: true to delete it and its citations`, { field: 'cascade', ...usage });
        }
        cleared = await writer.clearCitations(id);
      } else {
        await this.collectOrphans(tx, ids, cascade);
      }
      const deleted = await writer.deleteEntities(ids);
      this.opts.logger?.info({ actor: actor.id, deleted: ids, relationships: deleted.relationships }, 'entities deleted');
      return { deletedIds: ids, deletedRelationships: deleted.relationships, clearedCitations: cleared };
    }, 'deleteEntity');
  }

  /** Imports a document in one transaction: anything larger than the cap goes through the import command. */
  importDocument(document: unknown, actor: Principal): Promise<ImportSummary> {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new BadUserInputError('document must be an import document (a JSON object; schema/SEED.md)', 'document');
    }
    const items = countItems(document as Record<string, unknown>);
    if (items > this.opts.importMaxItems) {
      throw new BadUserInputError(
        `document has ${items} items (source, entities, relationships and provenance); importDocument takes at most ${this.opts.importMaxItems} so it is written in one transaction. Use the import command (npm run import) for larger files`,
        'document',
      );
    }
    // batchSize ≥ the document's size: the importer writes it all in one transaction
    return this.importer.importDocument(document, 'importDocument', { actor: actor.id, batchSize: this.opts.importMaxItems });
  }

  /** Adds to `ids` every fact that would be left with no party, transitively; refuses unless cascade. */
  private async collectOrphans(tx: Tx, ids: string[], cascade: boolean): Promise<void> {
    for (let round = 0; round < MAX_CASCADE_ROUNDS; round++) {
      // lock the facts before counting their parties: a concurrent unlink or delete of another
      // party then waits for this delete, and sees its result
      await lockEntities(tx, await this.repo.partyFacts(tx, ids));
      const orphans = await this.repo.orphanedFacts(tx, ids);
      if (!orphans.length) return;
      if (!cascade) {
        throw new ConflictError(
          `Deleting "${ids[0]}" would leave ${orphans.length === 1 ? 'a fact' : `${orphans.length} facts`} with no party (${orphans.slice(0, 10).join(', ')}); pass cascade: true to delete ${orphans.length === 1 ? 'it' : 'them'} too`,
          { field: 'cascade', facts: orphans },
        );
      }
      ids.push(...orphans);
    }
  }

  /** One transaction, run again if it lost a race with a delete (write-locks.ts). */
  private writeTx<T>(work: (tx: Tx) => Promise<T>, label: string): Promise<T> {
    return retryRacingWrite(() => this.db.writeTx(work, label));
  }

  private checkProvenanceSource(known: Map<string, { kind: EntityKind; sectionIds: string[] }>, source: string, section: string, path: string): void {
    const s = known.get(source);
    if (!s || s.kind !== SOURCE_KIND) throw new BadUserInputError(`${path}.source: no source with id "${source}"`, `${path}.source`);
    if (s.sectionIds.length && !s.sectionIds.includes(section)) {
      throw new BadUserInputError(`${path}.section: "${source}" has no section "${section}"; expected one of: ${s.sectionIds.join(', ')}`, `${path}.section`);
    }
  }
}

/** What the importer will write: the source, each entity, relationship and provenance item. */
export function countItems(doc: Record<string, unknown>): number {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const provenance = list(doc.entities).reduce<number>((n, e) => n + list((e as Record<string, unknown> | null)?.provenance).length, 0);
  return 1 + list(doc.entities).length + list(doc.relationships).length + provenance;
}
