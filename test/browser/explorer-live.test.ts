import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningService } from '../../src/http/service';
import { asRole, TEST_API_KEYS } from '../support/auth';
import { type BrowserTier, explorerSettled, RESULTS, startBrowserTier, watch } from '../support/browser';
import { gql } from '../support/server';

/**
 * The explorer's open view, live, in real headless Chromium against the real service: while a
 * person looks at Alibaba's neighbourhood, another client writes through the API. A new fact
 * linked to Alibaba appears with its edge, deleting it takes both away again, the page is never
 * reloaded, and the top bar says the live connection is up.
 */
let tier: BrowserTier;
let svc: RunningService;
let browser: Browser;
const editor = asRole('editor');

const FACT = 'partnership:live-in-the-browser';
const EDGE = `company:alibaba|PARTY_TO|${FACT}`;
const SOURCE = 'source:china-ai-weekly-b2d2384472f2fb10';

beforeAll(async () => {
  tier = await startBrowserTier({ API_KEYS: TEST_API_KEYS, LIVE_POLL_INTERVAL_MS: '100' });
  ({ svc, browser } = tier);
}, 180_000);

afterAll(async () => {
  await tier?.stop();
});

async function write(query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await gql(svc.url, query, variables, editor);
  expect(res.body.errors).toBeUndefined();
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  for (const deadline = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
  }
}

/** Whether the explorer draws an element with this id. */
const drawn = (page: Page, id: string) => page.evaluate((i) => window.__explorer!.cy.getElementById(i).nonempty(), id);

it('shows a new fact linked into the open view and drops it when deleted, without a reload, with the live indicator on', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watch(page);
  await page.goto(`${svc.url}/#company:alibaba`);
  await page.waitForFunction(() => window.__explorer!.cy.getElementById('company:alibaba').nonempty());
  await explorerSettled(page);
  // the view subscribes once its nodes are drawn; the indicator says so
  await page.locator('#live.online').waitFor();
  await expect(page.locator('#live').innerText()).resolves.toBe('live');
  // and the server has its subscription (a write before that would not be the view's to show)
  await until(() => svc.app.live.background.tailer.listenerCount > 0);
  expect(await drawn(page, FACT)).toBe(false);
  // anything that reloads the page drops this mark
  await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

  // another client records a new partnership and links Alibaba to it
  await write(`mutation($input: EntityInput!) { upsertEntity(input: $input) { created } }`, {
    input: {
      id: FACT,
      name: 'Live in the browser',
      names: [{ lang: 'en', value: 'Live in the browser' }],
      properties: { partnershipType: 'TECHNOLOGY', status: 'ANNOUNCED' },
      provenance: [{ source: SOURCE, section: 'weekly-main-news', sentence: '바이두의 애플과의 파트너십 발표로 주가 상승', basis: 'REPORTED' }],
    },
  });
  await write(`mutation($input: LinkInput!) { link(input: $input) { created } }`, { input: { from: 'company:alibaba', type: 'PARTY_TO', to: FACT, role: 'PARTNER' } });
  await page.waitForFunction(([n, e]) => window.__explorer!.cy.getElementById(n).nonempty() && window.__explorer!.cy.getElementById(e).nonempty(), [FACT, EDGE], { timeout: 60_000 });
  await explorerSettled(page);
  const shown = await page.evaluate((id) => {
    const node = window.__explorer!.cy.getElementById(id);
    return { label: node.data('label') as string, kind: node.data('kind') as string, visible: node.visible() };
  }, FACT);
  expect(shown).toEqual({ label: 'Live in the browser', kind: 'PARTNERSHIP', visible: true });
  await page.screenshot({ path: join(RESULTS, 'explorer-live.png') });

  // then it is deleted: node and edge go
  await write(`mutation($id: ID!) { deleteEntity(id: $id) { deletedIds } }`, { id: FACT });
  await page.waitForFunction(([n, e]) => window.__explorer!.cy.getElementById(n).empty() && window.__explorer!.cy.getElementById(e).empty(), [FACT, EDGE], { timeout: 60_000 });
  expect(await drawn(page, 'company:alibaba')).toBe(true);

  expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
  await expect(page.locator('#live').getAttribute('class')).resolves.toBe('live online');
  expect(problems).toEqual({ offHost: [], failed: [], errors: [] });
  await page.close();
}, 180_000);
