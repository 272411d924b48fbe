import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningService } from '../../src/http/service';
import { TEST_API_KEYS, TEST_KEYS } from '../support/auth';
import { type BrowserTier, RESULTS, startBrowserTier, watch } from '../support/browser';
import { gql } from '../support/server';

/**
 * The review page (/review) in real headless Chromium against the real service, extractor and
 * Neo4j: an editor drafts an issue, sees each item marked on its sentence, merges a new company
 * into an existing one found by search, edits an item, rejects one, accepts the rest and commits.
 */

const ISSUE = [
  '# 중국 AI 주간 주요 뉴스',
  '',
  '- **딥코어 로보틱스:** 딥코어 로보틱스가 1.4억 달러 규모의 시리즈 B 투자 유치. 알리바바가 투자에 참여.',
  '',
  '- **알리바바:** 알리바바 주가 3.2% 상승.',
  '',
].join('\n');

let tier: BrowserTier;
let svc: RunningService;
let browser: Browser;

beforeAll(async () => {
  tier = await startBrowserTier({ API_KEYS: TEST_API_KEYS });
  ({ svc, browser } = tier);
}, 120_000);

afterAll(async () => {
  await tier?.stop();
});

type Item = { id: string; status: string; entityId: string | null; kind: string | null; name: string | null; relationshipType: string | null; from: string | null; to: string | null; sentence: string | null };

const items = (page: Page) => page.evaluate(() => window.__review!.state.draft!.items) as Promise<Item[]>;
const idle = (page: Page) => page.waitForFunction(() => document.body.dataset.busy === 'false');

/** Waits for the page to finish a step; fails at once with its error line if the step failed. */
async function step(page: Page, until: (items: Item[]) => boolean): Promise<Item[]> {
  await idle(page);
  expect(await page.locator('#message.error').allInnerTexts()).toEqual([]);
  const now = await items(page);
  expect(until(now)).toBe(true);
  return now;
}

describe('the review page', () => {
  it('drafts an issue, marks each item on its sentence, merges, edits, rejects, accepts and commits', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watch(page);
    const res = await page.goto(`${svc.url}/review`);
    // served like the explorer: same-origin-only scripts, no inline code
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.fill('#token', TEST_KEYS.editor);
    await page.press('#token', 'Tab');
    await page.fill('#draft-text', ISSUE);
    await page.fill('#draft-issued', '2025-09-15');
    await page.click('#draft-create');
    await page.locator('#items li.item').first().waitFor();
    let now = await step(page, (x) => x.length > 0);

    // every item with a sentence is marked on exactly that sentence of the text
    const marks = await page.$$eval('#draft-view mark.sentence', (els) => els.map((m) => ({ text: m.textContent ?? '', items: (m as HTMLElement).dataset.items!.split(' ') })));
    for (const item of now.filter((i) => i.sentence)) {
      const mark = marks.find((m) => m.items.includes(item.id));
      expect(mark?.text).toContain(item.sentence);
    }
    // and the text is shown whole, as drafted
    expect(await page.$eval('#draft-view', (el) => el.textContent)).toBe(ISSUE);

    // the new company is merged into Baidu, found by searching for it
    const company = now.find((i) => i.kind === 'COMPANY' && i.status === 'PROPOSED')!;
    expect(company).toBeDefined();
    const row = page.locator(`#items li[data-item-id="${company.id}"]`);
    await row.locator('button.merge').click();
    await row.locator('.merge-search').fill('바이두');
    await row.locator('.merge-search').press('Enter');
    await row.locator('button.merge-target[data-entity-id="company:baidu"]').click();
    now = await step(page, (x) => x.find((i) => i.id === company.id)?.status === 'MERGED');
    const rewritten = now.filter((i) => i.relationshipType && (i.from === 'company:baidu' || i.to === 'company:baidu'));
    expect(now.some((i) => i.from === company.entityId || i.to === company.entityId)).toBe(false);

    // another entity is renamed through the edit form
    const edited = now.find((i) => i.entityId && i.status === 'PROPOSED' && i.kind !== 'COMPANY')!;
    const editRow = page.locator(`#items li[data-item-id="${edited.id}"]`);
    await editRow.locator('button.edit').click();
    await editRow.locator('input[name="name"]').fill('Reviewed in the browser');
    await editRow.locator('button.save').click();
    now = await step(page, (x) => x.find((i) => i.id === edited.id)?.name === 'Reviewed in the browser');

    // one relationship not touching the edited entity is rejected; then the rest is accepted and committed
    const dropped = now.find((i) => i.relationshipType && i.status === 'PROPOSED' && i.from !== edited.entityId && i.to !== edited.entityId && !rewritten.some((r) => r.id === i.id));
    expect(dropped).toBeDefined();
    await page.locator(`#items li[data-item-id="${dropped!.id}"] button.reject`).click();
    await step(page, (x) => x.find((i) => i.id === dropped!.id)?.status === 'REJECTED');
    await page.click('#accept-all');
    // accepting all proposed leaves the rejected one rejected
    await step(page, (x) => x.every((i) => i.status !== 'PROPOSED') && x.find((i) => i.id === dropped!.id)?.status === 'REJECTED');
    await page.click('#commit');
    await page.waitForFunction(() => window.__review!.state.draft?.status === 'COMMITTED' && document.body.dataset.busy === 'false');
    await expect(page.locator('#message').innerText()).resolves.toMatch(/^Committed: [1-9]\d* entities created/);
    await page.screenshot({ path: join(RESULTS, 'review.png'), fullPage: true });

    // the graph has what was accepted, under the edited name, and nothing of the merged company
    const check = await gql<{ edited: { name: string } | null; merged: { id: string } | null }>(svc.url, 'query($e: ID!, $m: ID!) { edited: entity(id: $e) { name } merged: entity(id: $m) { id } }', {
      e: edited.entityId,
      m: company.entityId,
    });
    expect(check.body.data).toEqual({ edited: { name: 'Reviewed in the browser' }, merged: null });
    // the rejected relationship was not written
    const rejectedEnd = await gql<{ neighborhood: { edges: { id: string }[] } }>(svc.url, 'query($id: ID!) { neighborhood(id: $id) { edges { id } } }', { id: dropped!.to });
    expect(rejectedEnd.body.data?.neighborhood.edges.map((e) => e.id)).not.toContain(`${dropped!.from}|${dropped!.relationshipType}|${dropped!.to}`);
    for (const r of rewritten) {
      const around = await gql<{ neighborhood: { edges: { id: string }[] } }>(svc.url, 'query($id: ID!) { neighborhood(id: $id) { edges { id } } }', { id: r.to });
      expect(around.body.data?.neighborhood.edges.map((e) => e.id)).toContain(`${r.from}|${r.relationshipType}|${r.to}`);
    }
    expect({ offHost: problems.offHost, errors: problems.errors }).toEqual({ offHost: [], errors: [] });
    await page.close();
  }, 120_000);
});
