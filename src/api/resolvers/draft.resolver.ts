import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import type { Principal } from '../../auth/roles';
import { DateScalar } from '../scalars';
import { CommitDraftPayload, DiscardDraftPayload, Draft, DraftItemEdit, DraftStatusEnum } from '../types/draft.type';
import { draftView } from '../../draft/draft.view';
import type { DraftStatus } from '../../draft/draft.model';

/** The auth plugin has already required the editor role for mutations; @Authorized checks it per field (queries too: drafts are not public). */
function principal(ctx: AppContext): Principal {
  return ctx.user as Principal;
}

@Resolver(() => Draft)
export class DraftResolver {
  @Authorized('editor')
  @Query(() => [Draft], { description: 'Drafts under review (OPEN) or committed, newest first. Needs the editor role.' })
  async drafts(
    @Arg('status', () => DraftStatusEnum, { nullable: true }) status: DraftStatus | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: AppContext,
  ) {
    return (await ctx.services.draft.list(status ?? undefined, first)).map(draftView);
  }

  @Authorized('editor')
  @Query(() => Draft, { nullable: true, description: 'A draft by its id. Needs the editor role.' })
  async draft(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    const d = await ctx.services.draft.get(id);
    return d ? draftView(d) : null;
  }

  @Authorized('editor')
  @Mutation(() => Draft, {
    description:
      "Proposes entities and facts from a newsletter issue's text (Korean, with Chinese and English names); writes nothing to the graph but the draft itself. Needs the editor role.",
  })
  async draftFromText(
    @Arg('text') text: string,
    @Arg('title', () => String, { nullable: true }) title: string | undefined,
    @Arg('issued', () => DateScalar, { nullable: true }) issued: string | undefined,
    @Ctx() ctx: AppContext,
  ) {
    return draftView(await ctx.services.draft.draftFromText({ text, title, issued }, principal(ctx)));
  }

  @Authorized('editor')
  @Mutation(() => Draft, { description: "Accepts draft items: a commit imports them. Needs the editor role." })
  async acceptDraftItems(@Arg('draftId', () => ID) draftId: string, @Arg('itemIds', () => [ID]) itemIds: string[], @Ctx() ctx: AppContext) {
    return draftView(await ctx.services.draft.accept(draftId, itemIds, principal(ctx)));
  }

  @Authorized('editor')
  @Mutation(() => Draft, { description: 'Rejects draft items: a commit leaves them out. Needs the editor role.' })
  async rejectDraftItems(@Arg('draftId', () => ID) draftId: string, @Arg('itemIds', () => [ID]) itemIds: string[], @Ctx() ctx: AppContext) {
    return draftView(await ctx.services.draft.reject(draftId, itemIds, principal(ctx)));
  }

  @Authorized('editor')
  @Mutation(() => Draft, { description: "Edits one draft item (an entity's kind, names and figures; a relationship's role), validated with the import document's rules. Needs the editor role." })
  async editDraftItem(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('edit', () => DraftItemEdit) edit: DraftItemEdit,
    @Ctx() ctx: AppContext,
  ) {
    return draftView(await ctx.services.draft.edit(draftId, itemId, edit, principal(ctx)));
  }

  @Authorized('editor')
  @Mutation(() => Draft, {
    description: "Merges a proposed entity into an existing one of the same kind: the item is not imported, and the draft's relationships name the existing id instead. Needs the editor role.",
  })
  async mergeDraftItem(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('into', () => ID, { description: 'the existing entity, e.g. found with search' }) into: string,
    @Ctx() ctx: AppContext,
  ) {
    return draftView(await ctx.services.draft.merge(draftId, itemId, into, principal(ctx)));
  }

  @Authorized('editor')
  @Mutation(() => DiscardDraftPayload, { description: 'Deletes an open draft. Needs the editor role.' })
  discardDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    return ctx.services.draft.discard(id);
  }

  @Authorized('editor')
  @Mutation(() => CommitDraftPayload, {
    description:
      "Imports the draft's accepted items in one transaction, as importDocument does, and marks the draft committed. Committing again writes nothing and answers alreadyCommitted: true. Needs the editor role.",
  })
  async commitDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    const r = await ctx.services.draft.commit(id, principal(ctx));
    return { draft: draftView(r.draft), alreadyCommitted: r.alreadyCommitted, summary: r.summary };
  }
}
