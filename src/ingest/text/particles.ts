/**
 * Korean particles (조사) that follow a name: `알리바바는`, `애플과의`, `광저우에서`. Longest first, so
 * `에서는` is taken before `에서` and `는`.
 */
export const PARTICLES = [
  '에서부터', '으로부터', '에서는', '에서도', '에서의', '에게서', '으로는', '으로도', '으로의', '로부터', '와의', '과의', '와는', '과는',
  '에서', '에게', '한테', '까지', '부터', '보다', '처럼', '이나', '이랑', '에는', '에도', '에의', '으로', '로는', '로의', '이며', '이다', '이고',
  '은', '는', '이', '가', '을', '를', '의', '와', '과', '에', '로', '도', '만', '나', '랑',
] as const;

const HANGUL = /[\uac00-\ud7a3]/;

export const isHangul = (c: string | undefined): boolean => c !== undefined && HANGUL.test(c);
export const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The particle a word ends with, and the word without it (the longest particle that leaves a stem). */
export function stripParticle(word: string): { stem: string; particle: string } {
  for (const p of PARTICLES) {
    if (word.length > p.length && word.endsWith(p)) return { stem: word.slice(0, -p.length), particle: p };
  }
  return { stem: word, particle: '' };
}

/**
 * The end of a name mention at `end` in `text`: the name ends there when the next character ends
 * the word, or when a particle follows and then the word ends. Returns the particle (maybe ''), or
 * undefined when the name runs on into a longer word (`애플리케이션` is not `애플`).
 */
export function particleAfter(text: string, end: number): string | undefined {
  const next = text[end];
  // `Hunyuan-T2`, `GLM-4.5`: a Latin name joined by a hyphen or dot runs on into a longer name
  if ((next === '-' || next === '.') && /[A-Za-z0-9]/.test(text[end - 1] ?? '') && /[A-Za-z0-9]/.test(text[end + 1] ?? '')) return undefined;
  if (!isWordChar(next)) return '';
  if (!isHangul(next)) return undefined;
  for (const p of PARTICLES) {
    if (text.startsWith(p, end) && !isHangul(text[end + p.length])) return p;
  }
  return undefined;
}

/** Whether a name may start at `start`: not in the middle of a word of the same script. */
export function boundaryBefore(text: string, start: number, first: string): boolean {
  const prev = text[start - 1];
  if (prev === undefined) return true;
  if (isHangul(first)) return !isHangul(prev);
  if (/[A-Za-z0-9]/.test(first)) return !/[A-Za-z0-9]/.test(prev);
  return true;
}
