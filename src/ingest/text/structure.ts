/**
 * Reads the layout of a newsletter issue: `#` section headings, `**lead:**` lines, `-` bullets with
 * a bold title, sentences, and the comma-separated phrases of summary lines. Every unit's `text`
 * is a verbatim slice of the input, so provenance can quote it exactly.
 */

export type UnitRole = 'heading' | 'lead-title' | 'phrase' | 'bullet-title' | 'sentence';

export interface TextUnit {
  role: UnitRole;
  /** verbatim slice of the input */
  text: string;
  /** index of the section (0-based) */
  section: number;
  /** the bold title of the bullet or lead line the unit belongs to ('' outside one) */
  title: string;
}

export interface SectionRead {
  /** slug id: `section-1`, ... */
  id: string;
  title: string;
}

export interface IssueStructure {
  title: string;
  sections: SectionRead[];
  units: TextUnit[];
}

const HEADING = /^#{1,6}\s+(.+?)\s*$/;
const BOLD_LEAD = /^(?:[-*•]\s+)?\*\*(.+?)\*\*\s*(.*)$/;
const BULLET = /^[-*•]\s+(.+)$/;

/** Splits after a full stop, question or exclamation mark followed by white space or the end. */
export function splitSentences(body: string): string[] {
  const out: string[] = [];
  const re = /[.!?。](?=\s|$)/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const s = body.slice(start, m.index + 1).trim();
    if (s) out.push(s);
    start = m.index + 1;
  }
  const rest = body.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Splits a summary line at top-level commas (not inside brackets) and drops a closing `등.`. */
export function splitPhrases(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ('([{（「‘“'.includes(c)) depth++;
    else if (')]}）」’”'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0 && /\s/.test(body[i + 1] ?? '')) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((p) => p.trim().replace(/\s*(?:등\s*)?[.。]$/, '').replace(/\s+등$/, '').trim()).filter((p) => p.length > 0);
}

/** A summary line lists phrases: at least two top-level commas and no sentence-ending period inside. */
function isSummaryLine(body: string): boolean {
  const phrases = splitPhrases(body);
  return phrases.length >= 3 && splitSentences(body).length <= 1;
}

export function readStructure(text: string): IssueStructure {
  const sections: SectionRead[] = [];
  const units: TextUnit[] = [];
  let title = '';
  const section = (): number => {
    if (!sections.length) sections.push({ id: 'section-1', title: '' });
    return sections.length - 1;
  };
  const push = (role: UnitRole, t: string, lead: string): void => {
    const clean = t.trim();
    if (clean) units.push({ role, text: clean, section: section(), title: lead });
  };
  const body = (b: string, lead: string, summary: boolean): void => {
    if (summary && isSummaryLine(b)) for (const p of splitPhrases(b)) push('phrase', p, lead);
    else for (const s of splitSentences(b)) push('sentence', s, lead);
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const h = HEADING.exec(line);
    if (h) {
      sections.push({ id: `section-${sections.length + 1}`, title: h[1] });
      if (!title) title = h[1];
      push('heading', h[1], '');
      continue;
    }
    const lead = BOLD_LEAD.exec(line);
    if (lead) {
      const bullet = /^[-*•]\s/.test(line);
      const leadTitle = lead[1].replace(/\s*[:：]\s*$/, '').trim();
      const rest = lead[2].replace(/^[:：]\s*/, '');
      push(bullet ? 'bullet-title' : 'lead-title', leadTitle, leadTitle);
      body(rest, leadTitle, !bullet);
      continue;
    }
    const b = BULLET.exec(line);
    if (b) {
      body(b[1], '', false);
      continue;
    }
    body(line, '', true);
  }
  if (!sections.length && units.length) sections.push({ id: 'section-1', title: '' });
  return { title, sections, units };
}
