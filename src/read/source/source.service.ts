import { BadUserInputError } from '../../common/errors';
import { CONNECTION_MAX_FIRST } from '../connection/connection.service';
import type { EntityRecord } from '../entity/entity.model';
import type { ReportedKey, SourceRepository } from './source.repository';
import type { EntityKind } from '../../model/kinds';

export interface ReportedPage {
  edges: { cursor: string; node: EntityRecord }[];
  nodes: EntityRecord[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const cursorOf = (id: string) => Buffer.from(JSON.stringify(['ID', id]), 'utf8').toString('base64url');

function idOfCursor(after: string): string {
  try {
    const v = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v[0] === 'ID' && typeof v[1] === 'string') return v[1];
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('after is not a cursor from this connection', 'after');
}

export class SourceService {
  constructor(private readonly repo: SourceRepository) {}

  async reported(
    source: string,
    args: { first: number; after: string | null; kinds: EntityKind[] | null },
    load: (k: ReportedKey) => Promise<{ entities: EntityRecord[]; total: number }>,
  ): Promise<ReportedPage> {
    if (!Number.isInteger(args.first) || args.first < 0 || args.first > CONNECTION_MAX_FIRST) {
      throw new BadUserInputError(`first must be between 0 and ${CONNECTION_MAX_FIRST}`, 'first');
    }
    const after = args.after ? idOfCursor(args.after) : null;
    const { entities, total } = await load({ source, first: args.first, after, kinds: args.kinds ?? [] });
    const edges = entities.slice(0, args.first).map((node) => ({ cursor: cursorOf(node.id), node }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage: entities.length > args.first, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }
}
