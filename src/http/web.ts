import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Response } from 'express';
import { projectRoot } from '../common/paths';

/**
 * The browser pages: the graph explorer at `/`, the review of drafts at `/review` and GraphiQL at
 * `/graphiql`, all bundled by `npm run build` (scripts/build-web.ts) into public/build/ and served
 * from here, so they load nothing from other hosts: many users' networks (and this project's CI) have no internet.
 */

/**
 * Only this origin may supply scripts, styles, data and frames. `data:` images and fonts are the
 * ones GraphiQL's stylesheet inlines; nothing needs inline scripts or eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGES: Record<string, string> = { '/': 'index.html', '/graphiql': 'graphiql.html', '/review': 'review.html' };

export function mountWebPages(app: Express, buildDir: string = join(projectRoot(), 'public', 'build')): void {
  const security = (res: Response) => {
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
  };

  for (const [route, file] of Object.entries(PAGES)) {
    app.get(route, (_req, res) => {
      security(res);
      const page = join(buildDir, file);
      if (!existsSync(page)) {
        res.status(503).type('text/plain').send('The web pages are not built: run `npm run build` (npm start does it).\n');
        return;
      }
      // the page names the hashed assets of the current build, so it must be revalidated
      res.set('Cache-Control', 'no-cache');
      res.sendFile(page);
    });
  }

  // hashed names (explorer-XXXXXXXX.js): a new build means new names, so they never go stale
  app.use(
    '/assets',
    (_req, res, next) => {
      security(res);
      next();
    },
    express.static(join(buildDir, 'assets'), { immutable: true, maxAge: '365d', index: false, redirect: false }),
    (_req, res) => {
      res.status(404).type('text/plain').send('Not found\n');
    },
  );
}
