import { commitDocument, contentFromExtraction, decideItems, editItem, itemPath, mergeItem, reviewDocument, type ExtractedDraft } from '../../src/draft/draft.items';
import { itemView } from '../../src/draft/draft.view';
import { validateDocument } from '../../src/write/document/document.validate';

/** The review's rules on a small proposal shaped like the extractor's: a supply contract between a known and a new company. */
const TEXT = '# 기타 뉴스\n- Astribot, SEER에 산업용 휴머노이드 1,000대 공급 계약 체결.\n';
const SENTENCE = 'Astribot, SEER에 산업용 휴머노이드 1,000대 공급 계약 체결.';
const prov = { section: 'other-news', sentence: SENTENCE, basis: 'EXTRACTED' as const, confidence: 0.8 };

function extraction(): ExtractedDraft {
  return {
    document: {
      source: { id: 'source:test-issue', name: 'test issue', names: [{ lang: 'ko', value: 'test issue' }], properties: { issued: '2025-09-15', lang: 'ko', title: 'test issue', sections: [{ id: 'other-news', title: '기타 뉴스' }] } },
      external: ['company:astribot'],
      entities: [
        { id: 'company:seer', kind: 'COMPANY', name: 'SEER', names: [{ lang: 'ko', value: 'SEER' }], provenance: [prov] },
        { id: 'partnership:astribot-seer-supply', kind: 'PARTNERSHIP', name: 'Astribot–SEER supply', names: [{ lang: 'ko', value: '공급 계약' }, { lang: 'en', value: 'Astribot–SEER supply' }], properties: { partnershipType: 'SUPPLY', quantity: 1000, quantityUnit: 'UNITS' }, provenance: [prov] },
      ],
      relationships: [
        { type: 'PARTY_TO', from: 'company:astribot', to: 'partnership:astribot-seer-supply', properties: { role: 'SUPPLIER' }, provenance: prov },
        { type: 'PARTY_TO', from: 'company:seer', to: 'partnership:astribot-seer-supply', properties: { role: 'CUSTOMER' }, provenance: prov },
      ],
    },
    unresolved: [{ text: '휴머노이드', sentence: SENTENCE, section: 'other-news', reason: 'no entity of that name' }],
  };
}

describe('draft review rules', () => {
  it('makes one PROPOSED item per entity and relationship, each pointing at its sentence in the text', () => {
    const c = contentFromExtraction(extraction());
    expect(c.items.map((i) => [i.id, i.status])).toEqual([['e0', 'PROPOSED'], ['e1', 'PROPOSED'], ['r0', 'PROPOSED'], ['r1', 'PROPOSED']]);
    const view = itemView(c.items[2], TEXT);
    expect(view).toMatchObject({ relationshipType: 'PARTY_TO', role: 'SUPPLIER', sentence: SENTENCE, confidence: 0.8 });
    expect(TEXT.slice(view.sentenceStart!, view.sentenceStart! + SENTENCE.length)).toBe(SENTENCE);
    expect(validateDocument(reviewDocument(c), 'draft')).toEqual(expect.objectContaining({ ok: true }));
  });

  it('commits the accepted items only, and refuses a relationship whose drafted end is not accepted', () => {
    let c = contentFromExtraction(extraction());
    expect(() => commitDocument(c)).toThrow(/no accepted item/);
    c = decideItems(c, ['e1', 'r0'], 'ACCEPTED');
    expect(commitDocument(c)).toMatchObject({ external: ['company:astribot'], entities: [{ id: 'partnership:astribot-seer-supply' }], relationships: [{ from: 'company:astribot' }] });
    c = decideItems(c, ['r1'], 'ACCEPTED');
    expect(() => commitDocument(c)).toThrow(/r1 \(company:seer PARTY_TO partnership:astribot-seer-supply\) needs e0/);
    c = decideItems(c, ['e0'], 'REJECTED');
    expect(() => commitDocument(c)).toThrow(/which is rejected/);
    expect(reviewDocument(c).entities.map((e) => e.id)).toEqual(['partnership:astribot-seer-supply']);
  });

  it("tells a commit document's path by the draft item it came from", () => {
    const c = decideItems(contentFromExtraction(extraction()), ['e1', 'r1'], 'ACCEPTED');
    expect(itemPath(c, '/entities/0/properties/quantity')).toBe('e1.properties.quantity');
    expect(itemPath(c, '/relationships/0')).toBe('r1');
    expect(itemPath(c, '/source/id')).toBeUndefined();
  });

  it('names the unknown item it was given', () => {
    const c = contentFromExtraction(extraction());
    expect(() => decideItems(c, ['e0', 'e9'], 'ACCEPTED')).toThrow(expect.objectContaining({ message: 'The draft has no item "e9"', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'itemIds.1' }) }));
  });

  it('merging rewrites the draft relationships to the existing id, listed under external', () => {
    let c = mergeItem(contentFromExtraction(extraction()), 'e0', 'company:seer-robotics', 'COMPANY');
    expect(c.items[0]).toMatchObject({ status: 'MERGED', mergedInto: 'company:seer-robotics' });
    expect(c.items[3].relationship?.from).toBe('company:seer-robotics');
    c = decideItems(c, ['e1', 'r0', 'r1'], 'ACCEPTED');
    const doc = commitDocument(c);
    expect(doc.external).toEqual(['company:astribot', 'company:seer-robotics']);
    expect(doc.entities.map((e) => e.id)).toEqual(['partnership:astribot-seer-supply']);
    expect(validateDocument(doc, 'commit')).toMatchObject({ ok: true });
    expect(() => mergeItem(c, 'e1', 'company:seer-robotics', 'COMPANY')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'into' }) }));
    expect(() => decideItems(c, ['e0'], 'REJECTED')).toThrow(/merged into company:seer-robotics/);
  });

  it('edits figures, names and kinds, rewriting references when the id changes', () => {
    let c = contentFromExtraction(extraction());
    c = editItem(c, 'e1', { properties: { quantity: 2000, note: null } });
    expect(c.items[1].entity?.properties).toEqual({ partnershipType: 'SUPPLY', quantity: 2000, quantityUnit: 'UNITS' });
    c = editItem(c, 'e0', { name: 'SEER Robotics' });
    // the old display name's entry is renamed, keeping its language
    expect(c.items[0].entity).toMatchObject({ name: 'SEER Robotics', names: [{ lang: 'ko', value: 'SEER Robotics' }] });
    c = editItem(c, 'e0', { kind: 'ORGANIZATION' });
    expect(c.items[0].entity?.id).toBe('organization:seer');
    expect(c.items[3].relationship?.from).toBe('organization:seer');
    c = editItem(c, 'r1', { role: 'BUYER' });
    expect(c.items[3].relationship?.properties?.role).toBe('BUYER');
  });

  it('refuses an invalid edit naming the field, and leaves the draft as it was', () => {
    const c = contentFromExtraction(extraction());
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as { extensions: { code: string; field: string } }).extensions;
      }
      throw new Error('no error');
    };
    expect(field(() => editItem(c, 'e1', { properties: { quantity: 'many' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'edit.properties.quantity' });
    expect(field(() => editItem(c, 'e1', { properties: { colour: 'red' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'edit.properties.colour' });
    expect(field(() => editItem(c, 'e0', { name: '' }))).toMatchObject({ field: 'edit.name' });
    expect(field(() => editItem(c, 'r0', { name: 'x' }))).toMatchObject({ field: 'edit.name' });
    expect(field(() => editItem(c, 'e0', { role: 'SUPPLIER' }))).toMatchObject({ field: 'edit.role' });
    // a sector cannot be a party to a partnership
    expect(field(() => editItem(c, 'e0', { kind: 'SECTOR' }))).toMatchObject({ field: 'edit.kind' });
    expect(field(() => editItem(c, 'e0', {}))).toMatchObject({ field: 'edit' });
    expect(c.items[1].entity?.properties).toEqual({ partnershipType: 'SUPPLY', quantity: 1000, quantityUnit: 'UNITS' });
  });
});
