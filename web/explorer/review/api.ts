/**
 * The review page's calls: the drafts part of this service's GraphQL API. Drafts need the editor
 * role, so every call carries the token the editor entered (kept in sessionStorage only).
 */
import type { EntityKind, Json } from '../api';
import { ApiError, type SearchHit } from '../api';

export type ItemStatus = 'PROPOSED' | 'ACCEPTED' | 'REJECTED' | 'MERGED';

export interface DraftItem {
  id: string;
  status: ItemStatus;
  entityId: string | null;
  kind: EntityKind | null;
  name: string | null;
  relationshipType: string | null;
  from: string | null;
  to: string | null;
  role: string | null;
  section: string | null;
  sentence: string | null;
  sentenceStart: number | null;
  confidence: number | null;
  mergedInto: string | null;
  data: Record<string, Json>;
}

export interface Draft {
  id: string;
  title: string | null;
  status: 'OPEN' | 'COMMITTED';
  version: number;
  text: string;
  reason: string | null;
  createdAt: string;
  items: DraftItem[];
  unresolved: { text: string; sentence: string; reason: string }[];
}

export interface CommitResult {
  alreadyCommitted: boolean;
  summary: { entities: { created: number; updated: number; unchanged: number }; relationships: { created: number; updated: number; unchanged: number } } | null;
  draft: Draft;
}

const TOKEN_KEY = 'kg-review-token';
export const token = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (value: string): void => sessionStorage.setItem(TOKEN_KEY, value.trim()),
};

const DRAFT_FIELDS = `id title status version text reason createdAt
  items { id status entityId kind name relationshipType from to role section sentence sentenceStart confidence mergedInto data }
  unresolved { text sentence reason }`;

async function request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token.get()) headers.authorization = `Bearer ${token.get()}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The server answered ${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code);
  if (!body.data) throw new ApiError(`The server answered ${res.status} with no data`);
  return body.data;
}

const one = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => Object.values(await request<Record<string, T>>(query, variables))[0];

export const listDrafts = () => one<Pick<Draft, 'id' | 'title' | 'createdAt' | 'items'>[]>('{ drafts(status: OPEN) { id title createdAt items { id } } }', {});
export const getDraft = (id: string) => one<Draft | null>(`query($id: ID!) { draft(id: $id) { ${DRAFT_FIELDS} } }`, { id });
export const createDraft = (text: string, title: string | null, issued: string | null) =>
  one<Draft>(`mutation($text: String!, $title: String, $issued: Date) { draftFromText(text: $text, title: $title, issued: $issued) { ${DRAFT_FIELDS} } }`, { text, title, issued });
export const decide = (draftId: string, itemIds: string[], accept: boolean) =>
  one<Draft>(`mutation($d: ID!, $ids: [ID!]!) { ${accept ? 'acceptDraftItems' : 'rejectDraftItems'}(draftId: $d, itemIds: $ids) { ${DRAFT_FIELDS} } }`, { d: draftId, ids: itemIds });
export const editItem = (draftId: string, itemId: string, edit: Record<string, unknown>) =>
  one<Draft>(`mutation($d: ID!, $i: ID!, $e: DraftItemEdit!) { editDraftItem(draftId: $d, itemId: $i, edit: $e) { ${DRAFT_FIELDS} } }`, { d: draftId, i: itemId, e: edit });
export const mergeItem = (draftId: string, itemId: string, into: string) =>
  one<Draft>(`mutation($d: ID!, $i: ID!, $into: ID!) { mergeDraftItem(draftId: $d, itemId: $i, into: $into) { ${DRAFT_FIELDS} } }`, { d: draftId, i: itemId, into });
export const discard = (id: string) => one<{ discarded: boolean }>('mutation($id: ID!) { discardDraft(id: $id) { discarded } }', { id });
export const commit = (id: string) =>
  one<CommitResult>(
    `mutation($id: ID!) { commitDraft(id: $id) { alreadyCommitted summary { entities { created updated unchanged } relationships { created updated unchanged } } draft { ${DRAFT_FIELDS} } } }`,
    { id },
  );
export const searchKind = (text: string, kind: EntityKind | null) =>
  one<SearchHit[]>('query($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 8) { score entity { id kind name names { lang value } } } }', {
    text,
    kinds: kind ? [kind] : null,
  });
