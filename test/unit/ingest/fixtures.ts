import type { Gazetteer, GazetteerEntity } from '../../../src/ingest/draft.model';
import type { EntityKind } from '../../../src/model/kinds';

const e = (id: string, kind: EntityKind, name: string, ...names: [string, string][]): GazetteerEntity => ({ id, kind, name, names: [['en', name] as [string, string], ...names].map(([lang, value]) => ({ lang, value })) });

/** A small graph, none of it from the seed issue: the companies and places of the tests' sentences. */
export const GAZETTEER: Gazetteer = {
  entities: [
    e('company:tencent', 'COMPANY', 'Tencent', ['ko', '텐센트'], ['zh', '腾讯']),
    e('company:huawei', 'COMPANY', 'Huawei', ['ko', '화웨이'], ['zh', '华为']),
    e('company:xpeng', 'COMPANY', 'XPeng', ['ko', '샤오펑'], ['zh', '小鹏汽车']),
    e('company:ubtech', 'COMPANY', 'UBTech', ['ko', '유비테크'], ['zh', '优必选']),
    e('company:byd', 'COMPANY', 'BYD', ['ko', 'BYD'], ['ko', '비야디']),
    e('company:baidu', 'COMPANY', 'Baidu', ['ko', '바이두'], ['zh', '百度']),
    e('company:zhipu', 'COMPANY', 'Zhipu AI', ['ko', '즈푸 AI'], ['zh', '智谱']),
    e('organization:idc', 'ORGANIZATION', 'IDC', ['ko', 'IDC']),
    e('government:beijing', 'GOVERNMENT', 'Beijing Municipal Government', ['ko', '베이징시'], ['ko', '베이징']),
    e('government:miit', 'GOVERNMENT', 'MIIT', ['ko', '공업정보화부']),
    e('place:beijing', 'PLACE', 'Beijing', ['ko', '베이징']),
    e('place:china', 'PLACE', 'China', ['ko', '중국']),
    e('place:dubai', 'PLACE', 'Dubai', ['ko', '두바이']),
    e('place:hong-kong', 'PLACE', 'Hong Kong', ['ko', '홍콩']),
    e('product:hunyuan', 'PRODUCT', 'Hunyuan', ['ko', '훈위안'], ['zh', '混元']),
    e('sector:ai-cloud', 'SECTOR', 'AI cloud', ['ko', 'AI 클라우드']),
    e('sector:ai-servers', 'SECTOR', 'AI servers', ['ko', 'AI 서버']),
    e('sector:humanoid-robots', 'SECTOR', 'Humanoid robots', ['ko', '휴머노이드']),
    e('sector:robotaxi', 'SECTOR', 'Robotaxi', ['ko', '로보택시']),
    e('sector:ai', 'SECTOR', 'AI industry', ['ko', 'AI 산업']),
  ],
  facts: [],
};
