import type { Browser } from 'playwright-core';
import type { RunningService } from '../../src/http/service';
import { type BrowserTier, startBrowserTier } from '../support/browser';

/**
 * The explorer's "Size by" and "Colour by" in real headless Chromium: after choosing PageRank the
 * node with the highest PageRank in the view is drawn largest, and colouring by community gives
 * the members of one community one colour.
 */
let tier: BrowserTier;
let svc: RunningService;
let browser: Browser;

beforeAll(async () => {
  tier = await startBrowserTier();
  ({ svc, browser } = tier);
}, 180_000);

afterAll(async () => {
  await tier?.stop();
});

it('sizes nodes by PageRank and colours them by community', async () => {
  const page = await browser.newPage();
  await page.goto(`${svc.url}/#company:alibaba`);
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && window.__explorer?.graph.settled === true && window.__explorer.cy.nodes().length > 3);

  await page.selectOption('#size-by', 'pageRank');
  const sized = await page.evaluate(() =>
    window.__explorer!.cy.nodes().map((n) => ({ id: n.id(), pageRank: n.data('pageRank') as number, width: n.numericStyle('width') })),
  );
  const top = [...sized].sort((a, b) => b.pageRank - a.pageRank)[0];
  expect(top.width).toBe(Math.max(...sized.map((s) => s.width)));
  expect(new Set(sized.map((s) => s.width)).size).toBeGreaterThan(1);

  await page.selectOption('#colour-by', 'community');
  const coloured = await page.evaluate(() =>
    window.__explorer!.cy.nodes().map((n) => ({ community: n.data('community') as number, colour: n.style('background-color') as string })),
  );
  expect(coloured.every((c) => Number.isInteger(c.community))).toBe(true);
  const byCommunity = new Map<number, Set<string>>();
  for (const c of coloured) byCommunity.set(c.community, (byCommunity.get(c.community) ?? new Set()).add(c.colour));
  for (const colours of byCommunity.values()) expect(colours.size).toBe(1);
  await page.close();
}, 120_000);
