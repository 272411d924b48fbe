import { ENTITY_KINDS, FACT_KINDS, KIND_LABEL, KINDS as KIND_TABLE, KINDS_HIDDEN_IN_EXPLORER, type EntityKind } from '../../src/model/kinds';
import type { Json } from './api';

/** The server's model table: the same kinds, palette and titles as every export format. */
export const KINDS: readonly EntityKind[] = ENTITY_KINDS;
export const kindColor = (kind: EntityKind): string => KIND_TABLE[kind]?.color ?? '#999999';
/** Dark or light text for a chip in the kind's color, whichever reads better (WCAG luminance). */
export function kindTextColor(kind: EntityKind): string {
  const hex = kindColor(kind).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? '#111827' : '#ffffff';
}
export const isFact = (kind: EntityKind): boolean => FACT_KINDS.includes(kind);

/** Display titles: the same words as the Neo4j labels and GraphQL type names. */
export const KIND_TITLES: Readonly<Record<EntityKind, string>> = KIND_LABEL;

/**
 * Provenance links every entity to its newsletter, so showing sources by default would pull the
 * whole graph together; the side panel lists an entity's sources anyway.
 */
export const KINDS_HIDDEN_BY_DEFAULT: readonly EntityKind[] = KINDS_HIDDEN_IN_EXPLORER;

/** Facts are diamonds, actors round, context (places, sectors, sources) squared. */
export const KIND_SHAPES: Readonly<Record<EntityKind, string>> = Object.fromEntries(KINDS.map((k) => [k, KIND_TABLE[k].shape])) as Record<EntityKind, string>;

/**
 * The date a thing is filed under for the date filter (ISO YYYY-MM-DD): the first of its kind's
 * date properties that is set, or null when it has none.
 */
export function factDate(kind: EntityKind, props: Record<string, Json>): string | null {
  for (const key of KIND_TABLE[kind]?.dates ?? []) {
    const v = props[key];
    if (typeof v === 'string' && /^\d{4}(-\d{2}){0,2}/.test(v)) return v.slice(0, 10);
  }
  return null;
}

/** Whether a dated fact falls inside [from, to]; undated things always pass. Dates are ISO strings. */
export function inDateWindow(date: string | null, from: string, to: string): boolean {
  if (!date) return true;
  if (from && date < from) return false;
  // a YEAR- or MONTH-precision date like 2025 or 2025-09 sorts before 2025-09-30, which is right for `to`
  if (to && date > to) return false;
  return true;
}
