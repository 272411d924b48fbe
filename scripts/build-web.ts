import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { projectRoot } from '../src/common/paths';

/**
 * Bundles the browser code in web/ (the explorer page and GraphiQL) into public/build/, which the
 * service serves (src/http/web.ts). Everything the pages load comes from this folder, so they
 * work with no internet: no CDN, no web fonts from elsewhere.
 *
 * Asset names carry a content hash, so the server can let browsers cache them for a year; the two
 * HTML pages (written last, each by an atomic rename) are the only files that change names.
 */
export interface WebBuildResult {
  /** public path (/assets/...) → size in bytes, for the report and the tests */
  assets: Record<string, number>;
  ms: number;
}

const PAGES = [
  { template: 'web/explorer/index.html', out: 'index.html' },
  { template: 'web/graphiql/index.html', out: 'graphiql.html' },
  { template: 'web/explorer/review/index.html', out: 'review.html' },
];

export async function buildWeb(root: string = projectRoot()): Promise<WebBuildResult> {
  const started = Date.now();
  const outRoot = join(root, 'public', 'build');
  const assetsDir = join(outRoot, 'assets');
  mkdirSync(assetsDir, { recursive: true });

  const result = await build({
    absWorkingDir: root,
    entryPoints: { explorer: 'web/explorer/main.ts', graphiql: 'web/graphiql/main.ts', review: 'web/explorer/review/main.ts' },
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    target: ['chrome110', 'firefox115', 'safari16'],
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    // React and GraphiQL read process.env.NODE_ENV to drop their development checks
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });

  const logical = logicalNames(result.metafile);
  for (const page of PAGES) {
    let html = readFileSync(join(root, page.template), 'utf8');
    // templates name assets by their logical name (/assets/explorer.js); swap in the hashed file
    html = html.replace(/\/assets\/([\w.-]+\.(?:js|css))/g, (whole, name: string) => {
      const hashed = logical.get(name);
      if (!hashed) throw new Error(`${page.template} refers to /assets/${name}, which the build did not produce`);
      return `/assets/${hashed}`;
    });
    const target = join(outRoot, page.out);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, html);
    renameSync(tmp, target);
  }

  // drop outputs of earlier builds; a concurrent build of the same source writes the same names
  const current = new Set(Object.keys(result.metafile.outputs).map((p) => basename(p)));
  for (const file of readdirSync(assetsDir)) {
    if (!current.has(file)) rmSync(join(assetsDir, file), { force: true });
  }

  const assets: Record<string, number> = {};
  for (const file of current) assets[`/assets/${file}`] = statSync(join(assetsDir, file)).size;
  return { assets, ms: Date.now() - started };
}

/** explorer.js → explorer-ABC123.js and explorer.css → explorer-DEF456.css, from the metafile */
function logicalNames(meta: Metafile): Map<string, string> {
  const names = new Map<string, string>();
  for (const outPath of Object.keys(meta.outputs)) {
    const file = basename(outPath);
    const m = /^(.+)-[A-Z0-9]{8}\.(js|css)$/.exec(file);
    if (m) names.set(`${m[1]}.${m[2]}`, file);
  }
  return names;
}

if (require.main === module) {
  buildWeb()
    .then(({ assets, ms }) => {
      const total = Object.entries(assets)
        .filter(([name]) => !name.endsWith('.map'))
        .reduce((sum, [, size]) => sum + size, 0);
      process.stdout.write(`built the web pages in ${ms} ms (${Math.round(total / 1024)} KiB without source maps)\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`web build failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
