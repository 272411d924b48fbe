/**
 * Slug ids for new entities: Latin names as written (`X Square Robot` → `x-square-robot`), Hangul
 * romanized by the Revised Romanization's letter table (`위라이드` → `wiraideu`), anything else
 * (Chinese) by a stable hash, since ids are lower-case ASCII. An editor may rename before commit.
 */
const INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

export function romanize(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)! - 0xac00;
    if (code < 0 || code > 11171) {
      out += ch;
      continue;
    }
    const fin = code % 28;
    const med = ((code - fin) / 28) % 21;
    const ini = Math.floor(code / 28 / 21);
    out += INITIAL[ini] + MEDIAL[med] + FINAL[fin];
  }
  return out;
}

/** FNV-1a, 32 bits, in hex: a stable short tag for names with no Latin form. */
export function hashTag(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function slugify(name: string): string {
  const latin = romanize(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return latin || `n-${hashTag(name)}`;
}
