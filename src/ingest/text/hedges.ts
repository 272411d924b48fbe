/**
 * Whether a clause states something done, planned or only expected. Korean puts the predicate last,
 * so the hedge is read from the clause's closing words: `출시 재개 예정` (planned), `제공할 것으로
 * 예상` (expected), `출시 준비` (planned), `계획 발표` (done: the plan was announced).
 */
export type Modality = 'DONE' | 'PLANNED' | 'EXPECTED' | 'ONGOING';

const PLANNED = /(?:예정|계획|준비|목표|추진|검토|방침|할\s?것)$/;
const EXPECTED = /(?:예상|전망|관측|기대|추정|예측|해석|보임|보인다|가능성|것으로\s?보)$/;
const ONGOING = /(?:중|진행|단계|이어가)$/;
// endings that carry no meaning for the modality: 됨, 임, 함, 이다, 하다, 했다, 됐다, periods
const ENDING = /(?:\s*[.。!?]|\s*(?:됨|임|함|됐다|되었다|했다|한다|된다|하다|이다|되며|하며|으로|로)|\s*\))+$/u;

/** Splits a sentence into clauses: at top-level commas, `및`, and connective `-고`/`-며` verbs. */
export function splitClauses(s: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /,\s|\s및\s|(?<=(?:하|되|맺|있|했|됐|받|잡|히|리|우|치|내|서|오|어|아)고|(?:하|되|이)며)\s/g;
  let start = 0;
  for (const m of s.matchAll(re)) {
    out.push({ text: s.slice(start, m.index), start });
    start = m.index! + m[0].length;
  }
  out.push({ text: s.slice(start), start });
  return out.filter((c) => c.text.trim().length > 0);
}

export function modalityOf(clause: string): Modality {
  const core = clause.trim().replace(ENDING, '').trim();
  if (EXPECTED.test(core)) return 'EXPECTED';
  if (PLANNED.test(core)) return 'PLANNED';
  if (ONGOING.test(core)) return 'ONGOING';
  return 'DONE';
}
