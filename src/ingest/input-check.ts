/**
 * What the extractor refuses to read, before reading: text that is too large (an error), and text
 * it cannot draft from (an empty draft with the reason): empty, HTML, not Korean.
 */
import { BadUserInputError } from '../common/errors';

/** A newsletter issue is a few kilobytes; 128 K characters is twenty issues and bounds the work (about 2 s). */
export const MAX_TEXT_CHARS = 128 * 1024;

/** Throws BAD_USER_INPUT for input no caller should send; returns a reason for input that drafts nothing. */
export function refusal(text: unknown, issued: unknown): string | undefined {
  if (typeof text !== 'string') throw new BadUserInputError('text must be a string', 'text');
  if (text.length > MAX_TEXT_CHARS) throw new BadUserInputError(`text is ${text.length} characters; an issue may have at most ${MAX_TEXT_CHARS}`, 'text');
  if (issued !== undefined && issued !== null && (typeof issued !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(issued) || Number.isNaN(Date.parse(`${issued}T00:00:00Z`)))) {
    throw new BadUserInputError(`issued must be a date YYYY-MM-DD, got ${JSON.stringify(issued)}`, 'issued');
  }
  if (!text.trim()) return 'the text is empty';
  if (/<(?:!doctype|html|head|body|div|p|br|span|table|ul|li|a\s)[^>]*>/i.test(text)) {
    return 'the text is HTML; paste the plain text of the issue (headings with #, bullets with -)';
  }
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const hangul = text.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
  if (letters === 0) return 'the text has no words';
  if (hangul / letters < 0.2) {
    return `the extractor reads Korean newsletters; only ${Math.round((hangul / letters) * 100)}% of this text's letters are Hangul`;
  }
  return undefined;
}
