import { KIND_COLORS, KIND_ORDER } from '../../src/graph/export/common';
import { FACT_KINDS, KIND_LABEL } from '../../src/model/labels';
import type { Json, Kind } from './api';

/** The same palette as every export format, so a graph looks alike here, in Gephi and in sigma. */
export const KINDS: readonly Kind[] = KIND_ORDER;
export const kindColor = (kind: Kind): string => KIND_COLORS[kind] ?? '#999999';
/** Dark or light text for a chip in the kind's color, whichever reads better (WCAG luminance). */
export function kindTextColor(kind: Kind): string {
  const hex = kindColor(kind).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? '#111827' : '#ffffff';
}
export const isFact = (kind: Kind): boolean => FACT_KINDS.includes(kind);

/** Display titles: the same words as the Neo4j labels and GraphQL type names. */
export const KIND_TITLES: Readonly<Record<Kind, string>> = KIND_LABEL;

/**
 * Provenance links every entity to its newsletter, so showing sources by default would pull the
 * whole graph together; the side panel lists an entity's sources anyway.
 */
export const KINDS_HIDDEN_BY_DEFAULT: readonly Kind[] = ['SOURCE'];

/** Facts are diamonds, actors round, context (places, sectors, sources) squared. */
export const KIND_SHAPES: Record<Kind, string> = {
  COMPANY: 'ellipse',
  GOVERNMENT: 'ellipse',
  ORGANIZATION: 'ellipse',
  PERSON: 'ellipse',
  PRODUCT: 'round-rectangle',
  PARTNERSHIP: 'diamond',
  INVESTMENT: 'diamond',
  POLICY: 'diamond',
  EVENT: 'diamond',
  METRIC: 'round-triangle',
  PLACE: 'round-hexagon',
  SECTOR: 'round-hexagon',
  SOURCE: 'rectangle',
};

const DATE_KEYS = ['date', 'startDate', 'periodStart', 'periodEnd', 'releaseDate', 'issued', 'endDate'];

/** The date a fact is filed under for the date filter (ISO YYYY-MM-DD), or null when it has none. */
export function factDate(props: Record<string, Json>): string | null {
  for (const key of DATE_KEYS) {
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
