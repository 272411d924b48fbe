import type { Rng } from './random';

/**
 * Synthetic names in English, Korean and Chinese, built from syllables so that a million entities
 * get distinct-looking names with realistic character statistics (Hangul and Han bigrams for the
 * cjk analyzer, Latin words for the standard one).
 */

const EN_HEAD = ['Zhi', 'Hua', 'Xin', 'Tian', 'Bai', 'Yun', 'Hai', 'Jin', 'Long', 'Kai', 'Min', 'Seo', 'Han', 'Dae', 'Sung',
  'Hyun', 'Nova', 'Quant', 'Astra', 'Velo', 'Cor', 'Lumi', 'Orbi', 'Syn', 'Tera', 'Vex', 'Neo', 'Aero', 'Robo', 'Deep',
  'Sino', 'Kor', 'Pan', 'Omni', 'Mega', 'Giga', 'Hexa', 'Octo', 'Zen', 'Ark'];
const EN_TAIL = ['xin', 'tron', 'vis', 'ra', 'lux', 'nix', 'gen', 'ion', 'tek', 'mind', 'sense', 'ware', 'bit', 'core',
  'dyne', 'flow', 'path', 'wave', 'ly', 'on'];
const EN_KIND = ['Technologies', 'Robotics', 'AI', 'Labs', 'Semiconductor', 'Motors', 'Cloud', 'Systems', 'Dynamics',
  'Intelligence', 'Networks', 'Vision', 'Mobility', 'Data'];

const KO_SYL = ['한', '대', '성', '현', '미', '래', '신', '세', '진', '우', '주', '하', '나', '라', '로', '보', '테', '크',
  '에', '이', '스', '지', '온', '빛', '솔', '아', '유', '도', '광', '명', '동', '서', '남', '북', '인', '공', '창', '새', '누', '리'];
const KO_KIND = ['테크', '로보틱스', 'AI', '랩스', '반도체', '모터스', '클라우드', '시스템즈', '다이내믹스', '인텔리전스',
  '네트웍스', '비전', '모빌리티', '데이터'];

const ZH_CHAR = ['智', '华', '新', '天', '百', '云', '海', '金', '龙', '凯', '明', '星', '光', '博', '达', '通', '信', '远',
  '联', '创', '科', '图', '芯', '深', '极', '元', '灵', '思', '数', '安', '宇', '航', '盛', '恒', '腾', '讯', '乐', '景', '瑞', '泰'];
const ZH_KIND = ['科技', '机器人', '智能', '半导体', '汽车', '云', '系统', '动力', '智慧', '网络', '视觉', '出行', '数据'];

export interface TriName {
  en: string;
  ko: string;
  zh: string;
}

export interface CompanyName extends TriName {
  /** the short brand (first word) in each language, used for product and fact names */
  short: TriName;
}

function syllables(rng: Rng, from: readonly string[], min: number, max: number): string {
  let s = '';
  const n = rng.range(min, max);
  for (let i = 0; i < n; i++) s += rng.pick(from);
  return s;
}

export function companyName(rng: Rng): CompanyName {
  const kind = rng.int(EN_KIND.length);
  const enShort = rng.pick(EN_HEAD) + rng.pick(EN_TAIL);
  const koShort = syllables(rng, KO_SYL, 2, 3);
  const zhShort = syllables(rng, ZH_CHAR, 2, 2);
  return {
    en: `${enShort} ${EN_KIND[kind]}`,
    ko: `${koShort}${KO_KIND[kind]}`,
    zh: `${zhShort}${ZH_KIND[kind % ZH_KIND.length]}`,
    short: { en: enShort, ko: koShort, zh: zhShort },
  };
}

/** A person: Korean and Chinese family-name-first, English given-name-first. */
export function personName(rng: Rng): TriName {
  const family = rng.int(KO_SYL.length);
  const given = syllables(rng, KO_SYL, 2, 2);
  const zhGiven = syllables(rng, ZH_CHAR, 1, 2);
  const enGiven = rng.pick(EN_HEAD) + rng.pick(EN_TAIL).toLowerCase();
  return { en: `${enGiven} ${rng.pick(EN_HEAD)}`, ko: `${KO_SYL[family]}${given}`, zh: `${ZH_CHAR[family]}${zhGiven}` };
}

/** A place or organization name with a fixed suffix per language (시, 市, City). */
export function placeName(rng: Rng, suffix: TriName): TriName {
  const en = rng.pick(EN_HEAD) + rng.pick(EN_TAIL);
  return { en: `${en} ${suffix.en}`.trim(), ko: `${syllables(rng, KO_SYL, 2, 2)}${suffix.ko}`, zh: `${syllables(rng, ZH_CHAR, 2, 2)}${suffix.zh}` };
}

/** Lower-case ASCII slug for ids: "Zhixin Robotics" → "zhixin-robotics". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
