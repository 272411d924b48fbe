/**
 * Names the graph does not know yet, proposed as new entities: Latin-script names (`X Square Robot`,
 * `Hesai Technology`), quoted and Chinese names (`‘店小蜜5.0’`), and Korean names in the places a
 * sentence puts its actors (the subject before 이/가/은/는, a partner before 와/과, a place before
 * 에서). The kind comes from the name's ending and its context; every guess is marked as one.
 */
import type { EntityKind } from '../../model/kinds';
import type { PropertyValue } from '../../write/document/document.types';
import { isHangul, stripParticle } from '../text/particles';

export interface NameGuess {
  text: string;
  start: number;
  end: number;
  particle: string;
  kind: EntityKind;
  props: Record<string, PropertyValue>;
  /** why this kind: shown to the reviewer */
  why: string;
  confidence: number;
}

/** Abbreviations and terms written in Latin letters that are not names. */
const NOT_NAMES = new Set(
  ('AI AGI CAPEX CAGR IPO EPS PER PBR PSR ROE ROI CEO CTO CFO COO LLM LLMS GPU GPUS CPU NPU TPU API SDK MOU B2B B2C IT EV ADAS OS AR VR XR IOT SAAS PAAS IAAS ' +
    'ETF GDP R&D A/S USD CNY RMB HKD KRW M&A ESG HBM DRAM NAND AIDC IDC TOPS FSD UI UX PC TV SNS OTT Q1 Q2 Q3 Q4 H1 H2 YOY QOQ MAU DAU KPI PoC POC CES MWC AIGC RAG').toLowerCase().split(' '),
);
const LATIN_NAME = /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9.+&'-]*(?:\s(?:[A-Z0-9][A-Za-z0-9.+&'-]*|of|and|de))*/g;
const QUOTED = /[‘'“"「『]([^’'”"」』]{2,40})[’'”"」』]/g;
const HAN = /[\u4e00-\u9fff][\u4e00-\u9fff0-9.]{1,}/g;

const PRODUCT_CONTEXT = /(?:모델|추론\s?모델|에이전트|칩|앱|플랫폼|서비스|로봇|휴머노이드|챗봇|기능|제품|시리즈|버전)\s*$/;
const PRODUCT_AFTER = /^\s*(?:모델|에이전트|칩|앱|플랫폼|공개|출시|발표|탑재|버전)/;
const ORG_AFTER = /^\s*(?:보고서|리서치|조사|통계|자료)/;
const COMPANY_WORD = /(?:Technology|Technologies|Tech|Robot|Robotics|Inc\.?|Group|Labs?|Motors?|Semiconductor|Holdings|Systems|Intelligence|Dynamics|AI)$/;
const EVENT_WORD = /(?:SUMMIT|Summit|Conference|Expo|EXPO|Forum|Congress|Week|Day|대회|포럼|컨퍼런스|박람회)/;

export function productTypeOf(context: string): string {
  if (/추론/.test(context)) return 'REASONING_MODEL';
  if (/멀티모달/.test(context)) return 'MULTIMODAL_MODEL';
  if (/에이전트/.test(context)) return 'AI_AGENT';
  if (/칩|반도체|GPU/.test(context)) return 'AI_CHIP';
  if (/휴머노이드/.test(context)) return 'HUMANOID_ROBOT';
  if (/로봇/.test(context)) return 'ROBOT';
  if (/라이다|LiDAR/i.test(context)) return 'LIDAR';
  if (/플랫폼/.test(context)) return 'PLATFORM';
  if (/앱|애플리케이션/.test(context)) return 'APP';
  if (/모델|LLM/.test(context)) return 'LLM';
  return 'OTHER';
}

function guessLatinKind(name: string, before: string, after: string, particle: string): { kind: EntityKind; props: Record<string, PropertyValue>; why: string; confidence: number } | undefined {
  if (EVENT_WORD.test(name)) return { kind: 'EVENT', props: { eventType: 'CONFERENCE' }, why: 'a conference name', confidence: 0.6 };
  if (ORG_AFTER.test(after)) return { kind: 'ORGANIZATION', props: { orgType: 'RESEARCH_FIRM' }, why: 'cited as the author of a report', confidence: 0.7 };
  if (COMPANY_WORD.test(name)) return { kind: 'COMPANY', props: {}, why: 'a company word in the name', confidence: 0.7 };
  if (/\d/.test(name) || PRODUCT_CONTEXT.test(before) || PRODUCT_AFTER.test(after)) {
    return { kind: 'PRODUCT', props: { productType: productTypeOf(before + ' ' + after.slice(0, 12)) }, why: 'named as a model or product', confidence: 0.6 };
  }
  if (/^[,\s]*(?:[A-Za-z][\w.\- ]*,\s*)*[^,]*?등\s?(?:자사\s)?(?:플랫폼|앱|서비스|제품)/.test(after)) {
    return { kind: 'PRODUCT', props: { productType: productTypeOf(after.slice(0, 20)) }, why: 'listed among platforms or products', confidence: 0.5 };
  }
  if (['이', '가', '은', '는', '의', '와', '과', '와의', '과의', '도'].includes(particle)) return { kind: 'COMPANY', props: {}, why: 'the actor of the sentence', confidence: 0.5 };
  return undefined;
}

/** Latin, quoted and Chinese names in `s` outside the spans already linked. */
export function findUnknownNames(s: string, taken: { start: number; end: number }[]): { guesses: NameGuess[]; unresolved: string[] } {
  const guesses: NameGuess[] = [];
  const unresolved: string[] = [];
  const free = (a: number, b: number): boolean => taken.every((t) => b <= t.start || a >= t.end) && guesses.every((g) => b <= g.start || a >= g.end);
  for (const m of s.matchAll(QUOTED)) {
    const start = m.index! + 1;
    const end = start + m[1].length;
    if (!free(start, end)) continue;
    const before = s.slice(Math.max(0, start - 12), start - 1);
    guesses.push({ text: m[1], start, end, particle: '', kind: 'PRODUCT', props: { productType: productTypeOf(before) }, why: 'a quoted name', confidence: 0.6 });
  }
  for (const m of s.matchAll(LATIN_NAME)) {
    let name = m[0].replace(/[.\-']+$/, '');
    // leading and trailing words that are terms, not names: `AI`, `CAPEX`
    const words = name.split(' ');
    while (words.length && NOT_NAMES.has(words[0].toLowerCase())) words.shift();
    while (words.length && NOT_NAMES.has(words[words.length - 1].toLowerCase()) && words.length > 1 && !/AI$/.test(words[words.length - 1])) words.pop();
    if (!words.length) continue;
    name = words.join(' ');
    if (NOT_NAMES.has(name.toLowerCase()) || name.length < 2 || /^[A-Z]\d?\+?$/.test(name)) continue;
    const start = m.index! + m[0].indexOf(name);
    const end = start + name.length;
    if (!free(start, end)) continue;
    const rest = s.slice(end);
    const particle = /^[가-힣]+/.exec(rest)?.[0] ?? '';
    const guess = guessLatinKind(name, s.slice(Math.max(0, start - 12), start), rest.slice(particle.length), particle);
    if (!guess) {
      unresolved.push(name);
      continue;
    }
    guesses.push({ text: name, start, end, particle: stripParticle('x' + particle).particle, ...guess });
  }
  for (const m of s.matchAll(HAN)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    guesses.push({ text: m[0], start, end, particle: '', kind: 'PRODUCT', props: { productType: productTypeOf(s.slice(Math.max(0, start - 12), start)) }, why: 'a Chinese name', confidence: 0.4 });
  }
  return { guesses, unresolved };
}

/** Common nouns a sentence may start with that are not names. */
const GENERIC = /^(?:중국|미국|정부|기업|회사|업체|업계|시장|사용자|고객|이번|해당|모델|서비스|제품|전문가|투자자|당국|관계자|소비자|국내|해외|글로벌|주요|신규|새로운|자사|양사|이들|이는|그|이|또한|한편|특히|향후|현재|최근|올해|지난)$/;
const GOVERNMENT_END = /(?:시|성|정부|국|부|위원회|청|처|당국|국무원)$/;
const ORGANIZATION_END = /(?:협회|연구소|연구원|대학|대학교|거래소|재단|연맹|학회|연합회)$/;

/** The kind a Korean actor name's ending suggests. */
export function guessKoreanActor(name: string): { kind: EntityKind; props: Record<string, PropertyValue>; why: string } | undefined {
  // `중국 AI 기업` is a description; `상하이 정부` a name (its last word says what it is)
  if (!isHangul(name[0]) || GENERIC.test(name) || GENERIC.test(name.split(' ')[0])) return undefined;
  if (ORGANIZATION_END.test(name)) return { kind: 'ORGANIZATION', props: { orgType: /거래소/.test(name) ? 'EXCHANGE' : /협회|연맹|연합회/.test(name) ? 'INDUSTRY_ASSOCIATION' : 'OTHER' }, why: 'an organization word ends the name' };
  if (GOVERNMENT_END.test(name)) {
    const level = /^(?:국가|중국|국무원|공업정보화부|상무부)/.test(name) || /(?:부|위원회)$/.test(name) ? 'NATIONAL' : /성$/.test(name) ? 'PROVINCIAL' : /구$/.test(name) ? 'DISTRICT' : 'MUNICIPAL';
    return { kind: 'GOVERNMENT', props: { level }, why: 'a government word ends the name' };
  }
  return { kind: 'COMPANY', props: {}, why: 'the actor of a business sentence' };
}

export function guessKoreanPlace(name: string): Record<string, PropertyValue> {
  return { placeType: /구$/.test(name) ? 'DISTRICT' : /시$/.test(name) ? 'CITY' : /성$/.test(name) ? 'PROVINCE' : /주$/.test(name) ? 'STATE' : 'REGION' };
}
