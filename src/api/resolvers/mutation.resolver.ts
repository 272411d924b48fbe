import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { JSONScalar } from '../scalars';
import type { AppContext } from '../context';
import type { Principal } from '../../auth/roles';
import { DeleteEntityPayload, EntityInput, ImportDocumentPayload, LinkInput, LinkPayload, UnlinkInput, UnlinkPayload, UpsertEntityPayload } from '../types/mutation.type';

/** The auth plugin has already required the editor role; @Authorized checks it again per field. */
function principal(ctx: AppContext): Principal {
  return ctx.user as Principal;
}

@Resolver()
export class MutationResolver {
  @Authorized('editor')
  @Mutation(() => UpsertEntityPayload, { description: 'Creates the entity, or updates the one with this id (MERGE by id). Needs the editor role.' })
  upsertEntity(@Arg('input', () => EntityInput) input: EntityInput, @Ctx() ctx: AppContext) {
    return ctx.services.mutation.upsertEntity(input, principal(ctx));
  }

  @Authorized('editor')
  @Mutation(() => LinkPayload, { description: 'Creates or updates the relationship of this type between two entities. Needs the editor role.' })
  link(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() ctx: AppContext) {
    return ctx.services.mutation.link(input, principal(ctx));
  }

  @Authorized('editor')
  @Mutation(() => UnlinkPayload, { description: 'Removes a relationship; refused (CONFLICT) when it would leave a fact with no party. Needs the editor role.' })
  unlink(@Arg('input', () => UnlinkInput) input: UnlinkInput, @Ctx() ctx: AppContext) {
    return ctx.services.mutation.unlink(input, principal(ctx));
  }

  @Authorized('editor')
  @Mutation(() => DeleteEntityPayload, {
    description:
      'Deletes an entity and its relationships. Refused (CONFLICT) when a fact would be left with no party, or a source still backs facts, unless cascade: true (admin role), which deletes those facts too, or the source and its citations.',
  })
  deleteEntity(
    @Arg('id', () => ID) id: string,
    @Arg('cascade', { defaultValue: false }) cascade: boolean,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.mutation.deleteEntity(id, cascade, principal(ctx));
  }

  @Authorized('editor')
  @Mutation(() => ImportDocumentPayload, { description: 'Imports an import document (schema/SEED.md) in one transaction, as the import command does. Needs the editor role.' })
  importDocument(@Arg('document', () => JSONScalar) document: unknown, @Ctx() ctx: AppContext) {
    return ctx.services.mutation.importDocument(document, principal(ctx));
  }
}
