import { Linker } from '../../../src/ingest/link/linker';
import { slugify, romanize } from '../../../src/ingest/link/romanize';
import { findUnknownNames, guessKoreanActor } from '../../../src/ingest/link/new-entities';
import { GAZETTEER } from './fixtures';

const linker = new Linker(GAZETTEER);
const ids = (s: string) => linker.find(s).map((m) => [m.text, m.candidates[0].id, m.particle]);

describe('known-entity linking', () => {
  it('links a name in any language followed by a particle or the end of the word', () => {
    expect(ids('텐센트는 화웨이와의 협력을 발표')).toEqual([['텐센트', 'company:tencent', '는'], ['화웨이', 'company:huawei', '와의']]);
    expect(ids('腾讯和华为合作')).toEqual([['腾讯', 'company:tencent', ''], ['华为', 'company:huawei', '']]); // Chinese writes no spaces
    expect(ids('腾讯 발표, Tencent의 모델')).toEqual([['腾讯', 'company:tencent', ''], ['Tencent', 'company:tencent', '의']]);
    expect(ids('텐센트/화웨이가')).toEqual([['텐센트', 'company:tencent', ''], ['화웨이', 'company:huawei', '가']]);
  });

  it('does not link a name inside a longer word', () => {
    expect(ids('바이두스 발표')).toEqual([]);
    expect(ids('BYDX 모델')).toEqual([]);
  });

  it('prefers the longest name and the actor over the place for an ambiguous one', () => {
    expect(ids('베이징시가 발표')).toEqual([['베이징시', 'government:beijing', '가']]);
    const [m] = linker.find('베이징에서 개최');
    expect(m.candidates.map((c) => c.id)).toEqual(['government:beijing', 'place:beijing']);
  });

  it('lists shorter known names inside a mention, a place with its 시 suffix too', () => {
    const [m] = linker.find('베이징시가 발표');
    expect(linker.nested('베이징시가 발표', m).flatMap((n) => n.candidates.map((c) => c.id))).toEqual(['place:beijing']);
  });
});

describe('new names', () => {
  it('proposes Latin, quoted and Chinese names with a kind from their context', () => {
    const found = (s: string) => findUnknownNames(s, []).guesses.map((g) => [g.text, g.kind]);
    expect(found('ZeroAI가 2.5억 달러 투자 유치')).toEqual([['ZeroAI', 'COMPANY']]);
    expect(found('신규 추론 모델 Hunyuan-T2 공개')).toEqual([['Hunyuan-T2', 'PRODUCT']]);
    expect(found('Canalys 보고서에 따르면')).toEqual([['Canalys', 'ORGANIZATION']]);
    expect(found('World AI Conference 2025에서 공개')).toEqual([['World AI Conference 2025', 'EVENT']]);
    expect(found('에이전트 ‘豆包1.6’ 출시')).toEqual([['豆包1.6', 'PRODUCT']]);
    expect(found('AI 모델 및 CAPEX 투자, IPO 추진')).toEqual([]);
  });

  it('guesses a Korean actor from its ending', () => {
    expect(guessKoreanActor('선전시')).toMatchObject({ kind: 'GOVERNMENT', props: { level: 'MUNICIPAL' } });
    expect(guessKoreanActor('광둥성')).toMatchObject({ kind: 'GOVERNMENT', props: { level: 'PROVINCIAL' } });
    expect(guessKoreanActor('중국인공지능산업연맹')).toMatchObject({ kind: 'ORGANIZATION' });
    expect(guessKoreanActor('미니맥스')).toMatchObject({ kind: 'COMPANY' });
    expect(guessKoreanActor('기업')).toBeUndefined();
  });

  it('makes ASCII slug ids from any script', () => {
    expect(slugify('X Square Robot')).toBe('x-square-robot');
    expect(slugify('시리즈 A+')).toBe('sirijeu-a-plus');
    expect(romanize('위라이드')).toBe('wiraideu');
    expect(slugify('豆包')).toMatch(/^n-[0-9a-f]{8}$/);
  });
});
