import type { ExtractedDraft } from '../../src/draft/draft.items';

/**
 * A small proposal shaped like the extractor's: a supply contract between Astribot (known: the
 * seed has it, so it is listed under external) and a company the graph does not know. `tag` makes
 * the new ids unique per test.
 */
export const FIXTURE_TEXT = '# 기타 뉴스\n\n- 아스트리봇, 딥코어에 산업용 휴머노이드 1,000대 공급 계약 체결.\n';
export const FIXTURE_SENTENCE = '아스트리봇, 딥코어에 산업용 휴머노이드 1,000대 공급 계약 체결.';

export function fixtureExtraction(tag = 'a'): ExtractedDraft {
  const prov = { section: 'other-news', sentence: FIXTURE_SENTENCE, basis: 'EXTRACTED' as const, confidence: 0.8 };
  const company = `company:deepcore-${tag}`;
  const deal = `partnership:astribot-deepcore-${tag}-supply`;
  return {
    document: {
      source: {
        id: `source:draft-fixture-${tag}`,
        name: `draft fixture ${tag}`,
        names: [{ lang: 'ko', value: `draft fixture ${tag}` }],
        properties: { issued: '2025-09-15', lang: 'ko', title: `draft fixture ${tag}`, sections: [{ id: 'other-news', title: '기타 뉴스' }] },
      },
      external: ['company:astribot'],
      entities: [
        { id: company, kind: 'COMPANY', name: `딥코어 ${tag}`, names: [{ lang: 'ko', value: `딥코어 ${tag}` }], provenance: [prov] },
        {
          id: deal,
          kind: 'PARTNERSHIP',
          name: `Astribot–DeepCore ${tag} supply`,
          names: [{ lang: 'ko', value: `딥코어 ${tag} 공급 계약` }, { lang: 'en', value: `Astribot–DeepCore ${tag} supply` }],
          properties: { partnershipType: 'SUPPLY', quantity: 1000, quantityUnit: 'UNITS' },
          provenance: [prov],
        },
      ],
      relationships: [
        { type: 'PARTY_TO', from: 'company:astribot', to: deal, properties: { role: 'SUPPLIER' }, provenance: prov },
        { type: 'PARTY_TO', from: company, to: deal, properties: { role: 'CUSTOMER' }, provenance: prov },
      ],
    },
    unresolved: [{ text: '휴머노이드', sentence: FIXTURE_SENTENCE, section: 'other-news', reason: 'no entity of that name' }],
  };
}
