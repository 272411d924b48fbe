import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningService } from '../../src/http/service';
import { type BrowserTier, explorerSettled, RESULTS, startBrowserTier, watch } from '../support/browser';

/**
 * The explorer page and GraphiQL, driven in real headless Chromium (Debian's `chromium` package)
 * against the real service and the seed graph: what a person does on the page, checked through the
 * page's own state, plus proof that nothing was fetched from another host.
 */
let tier: BrowserTier;
let svc: RunningService;
let browser: Browser;

beforeAll(async () => {
  tier = await startBrowserTier();
  ({ svc, browser } = tier);
}, 120_000);

afterAll(async () => {
  await tier?.stop();
});

async function nodeCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__explorer!.cy.nodes(':visible').length);
}

/** Waits for the side panel to show the named entity; fails at once with the page's error line if a request failed. */
async function detailsShow(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => !!document.getElementById('details-name')?.textContent?.includes(n) || !!document.querySelector('#message.error'), name);
  expect(await page.locator('#message.error').allInnerTexts()).toEqual([]);
  await explorerSettled(page);
}

/** Searches, picks the hit with the given id, and waits for its neighbourhood and details. */
async function open(page: Page, text: string, id: string, name: string): Promise<void> {
  await page.fill('#search', text);
  await page.locator(`#results button[data-entity-id="${id}"]`).click();
  await detailsShow(page, name);
}

describe('the explorer page', () => {
  it('searches in Korean, expands a node, finds the paths from Apple to Baidu, and loads nothing from other hosts', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watch(page);
    await page.goto(`${svc.url}/`);

    // search "알리바바" and open Alibaba: its neighbourhood is drawn and the panel shows it
    await open(page, '알리바바', 'company:alibaba', 'Alibaba');
    const first = await nodeCount(page);
    expect(first).toBeGreaterThan(2);
    expect(await page.evaluate(() => window.__explorer!.cy.getElementById('company:alibaba').selected())).toBe(true);
    await expect(page.locator('#details dd[lang="ko"]').innerText()).resolves.toContain('알리바바');
    await expect(page.locator('#details dd[lang="zh"]').innerText()).resolves.toContain('阿里巴巴');
    const sentences = await page.locator('#details .source-sentence').allInnerTexts();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.some((s) => s.includes('알리바바'))).toBe(true);

    // double-click the neighbour with the most undrawn neighbours: the graph grows around it
    const target = await page.evaluate(() => {
      const { cy, graph } = window.__explorer!;
      const candidates = cy.nodes(':visible').filter((n) => n.id() !== 'company:alibaba');
      const best = candidates.max((n) => graph.hiddenCount(n.id()));
      const box = cy.container()!.getBoundingClientRect();
      const at = best.ele.renderedPosition();
      return { id: best.ele.id(), hidden: best.value, x: box.left + at.x, y: box.top + at.y };
    });
    expect(target.hidden).toBeGreaterThan(0);
    await page.mouse.dblclick(target.x, target.y);
    await page.waitForFunction((n) => window.__explorer!.cy.nodes(':visible').length > n, first);
    await explorerSettled(page);
    expect(await nodeCount(page)).toBeGreaterThan(first);

    // Apple → "Path from here", Baidu (searched in Korean) → "Path to here": the paths appear
    await open(page, 'Apple', 'company:apple', 'Apple');
    await page.click('#details button[data-action="path-from"]');
    await open(page, '바이두', 'company:baidu', 'Baidu');
    await page.click('#details button[data-action="path-to"]');
    await page.locator('#path-list button.path').first().waitFor();
    await explorerSettled(page);

    const found = await page.evaluate(() => {
      const { cy, state } = window.__explorer!;
      return {
        paths: state.paths.map((p) => ({ length: p.length, ids: p.nodes.map((n) => n.id) })),
        highlighted: cy.nodes('.on-path').map((n) => n.id()),
      };
    });
    expect(found.paths.length).toBeGreaterThan(0);
    for (const p of found.paths) {
      expect(p.ids[0]).toBe('company:apple');
      expect(p.ids[p.ids.length - 1]).toBe('company:baidu');
    }
    // the Apple–Alibaba–Baidu partnership connects them, and it is highlighted
    expect(found.paths.some((p) => p.ids.includes('partnership:apple-intelligence-china'))).toBe(true);
    expect(found.highlighted).toEqual(expect.arrayContaining(['company:apple', 'partnership:apple-intelligence-china', 'company:baidu']));
    await expect(page.locator('#path-list').innerText()).resolves.toMatch(/Apple.*→.*Baidu/);

    // the panel (now on Baidu) quotes the newsletter's Korean sentence
    const baiduSentences = await page.locator('#details .source-sentence[lang="ko"]').allInnerTexts();
    expect(baiduSentences.some((s) => s.includes('바이두'))).toBe(true);

    await page.screenshot({ path: join(RESULTS, 'explorer.png') });
    expect(problems).toEqual({ offHost: [], failed: [], errors: [] });
    await page.close();
  }, 120_000);

  it('hides kinds and out-of-window facts with the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watch(page);
    await page.goto(`${svc.url}/#company:alibaba`);
    await detailsShow(page, 'Alibaba');

    const visibleKinds = () => page.evaluate(() => [...new Set(window.__explorer!.cy.nodes(':visible').map((n) => n.data('kind') as string))]);
    const kinds = await visibleKinds();
    expect(kinds).toContain('PARTNERSHIP');
    await page.uncheck('#kind-PARTNERSHIP');
    // the filter applies on the change event; wait for Cytoscape's style pass rather than racing it
    await page.waitForFunction(() => window.__explorer!.cy.nodes(':visible').filter((n) => n.data('kind') === 'PARTNERSHIP').empty(), undefined, { timeout: 5000 });
    expect(await visibleKinds()).not.toContain('PARTNERSHIP');
    expect(await visibleKinds()).toContain('COMPANY');
    await page.check('#kind-PARTNERSHIP');

    // a window that ends before any fact hides every dated fact, and only those
    const dated = () => page.evaluate(() => window.__explorer!.cy.nodes(':visible').filter((n) => !!n.data('fact') && !!n.data('date')).length);
    expect(await dated()).toBeGreaterThan(0);
    await page.fill('#date-to', '1990-01-01');
    await page.waitForFunction(() => window.__explorer!.cy.nodes(':visible').filter((n) => !!n.data('fact') && !!n.data('date')).empty());
    expect(await page.evaluate(() => window.__explorer!.cy.getElementById('company:alibaba').visible())).toBe(true);

    expect(problems).toEqual({ offHost: [], failed: [], errors: [] });
    await page.close();
  }, 60_000);
});

describe('GraphiQL at /graphiql', () => {
  it('loads from this service alone and runs a query', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watch(page);
    await page.goto(`${svc.url}/graphiql`);
    // GraphiQL is ready once its editor shows the page's default query
    const editor = page.locator('.graphiql-query-editor .CodeMirror', { hasText: 'query Search' });
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{ __typename }');
    // GraphiQL takes the operation name from the editor 100 ms after typing stops (the tab's title
    // then drops the default query's name "Search"); running before that would ask for "Search"
    await page.locator('.graphiql-tabs', { hasText: '<untitled>' }).waitFor();
    await page.click('.graphiql-execute-button');
    await page.locator('.graphiql-response', { hasText: '"__typename": "Query"' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'graphiql.png') });
    expect(problems).toEqual({ offHost: [], failed: [], errors: [] });
    await page.close();
  }, 60_000);
});

describe('how the pages are served', () => {
  it('sends the pages with a same-origin-only Content-Security-Policy and revalidation', async () => {
    for (const path of ['/', '/graphiql']) {
      const res = await fetch(`${svc.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:/);
    }
  });

  it('serves the hashed bundles as immutable, and 404s an unknown asset', async () => {
    const html = await (await fetch(`${svc.url}/`)).text();
    const assets = [...html.matchAll(/\/assets\/[\w.-]+\.(?:js|css)/g)].map((m) => m[0]);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const res = await fetch(`${svc.url}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    }
    const missing = await fetch(`${svc.url}/assets/nope-AAAAAAAA.js`);
    expect(missing.status).toBe(404);
  });
});
