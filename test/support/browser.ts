import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { projectRoot } from '../../src/common/paths';
import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { freshGraph, testDatabase } from './graph';
import { startTestServer } from './server';

/**
 * The browser tier's setup in one place: the pages built from the current web/ sources, the real
 * service on the seed graph, and Debian's headless Chromium driven by playwright-core.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** screenshots the tests leave for a person to look at */
export const RESULTS = join(projectRoot(), 'test-results');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserTier {
  db: Database;
  svc: RunningService;
  browser: Browser;
  /** closes the browser, the service and the database (each only if it was started) */
  stop(): Promise<void>;
}

/**
 * Builds the pages (always, so a test checks the current sources, not a stale bundle), resets the
 * graph to the seed, starts the service with `env` and launches Chromium. Call stop() in afterAll;
 * when a step fails, what was started is stopped before the error is thrown on.
 */
export async function startBrowserTier(env: Record<string, string> = {}): Promise<BrowserTier> {
  const tier: Partial<BrowserTier> = {};
  const stop = async () => {
    await tier.browser?.close();
    await tier.svc?.stop();
    await tier.db?.close();
  };
  try {
    await buildWeb();
    tier.db = testDatabase();
    await freshGraph(tier.db);
    tier.svc = await startTestServer(env);
    tier.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(RESULTS, { recursive: true });
  } catch (err) {
    await stop();
    throw err;
  }
  return { ...(tier as Omit<BrowserTier, 'stop'>), stop };
}

export interface PageProblems {
  /** requests to any host but this machine's */
  offHost: string[];
  /** failed requests and answers of 400 or more */
  failed: string[];
  /** console errors (Content-Security-Policy violations among them) and uncaught exceptions */
  errors: string[];
}

/** Everything that went wrong on a page, or left this machine. */
export function watch(page: Page): PageProblems {
  const problems: PageProblems = { offHost: [], failed: [], errors: [] };
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') problems.offHost.push(req.url());
  });
  page.on('requestfailed', (req) => problems.failed.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failed.push(`${res.url()}: HTTP ${res.status()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.errors.push(err.message));
  return problems;
}

/** Waits until the explorer has no request pending and its layout has stopped moving nodes. */
export async function explorerSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && window.__explorer?.graph.settled === true);
}
