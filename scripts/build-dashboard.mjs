// Bundles the dashboard page (src/dashboard/page/) into static files: index.html, app.js (the
// page with uPlot inside: no CDN, works from file://) and app.css (uPlot's styles and ours).
// Used by build.mjs (into dist/dashboard/) and by tests that need the site from the source.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const page = 'src/dashboard/page';

/** Writes index.html, app.js and app.css into `outDir`. */
export async function buildDashboardPage(outDir, root = process.cwd()) {
  root = resolve(root);
  outDir = resolve(outDir);
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { app: join(page, 'main.ts') },
    bundle: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'eof',
    outdir: outDir,
    logLevel: 'warning',
  });
  await build({
    absWorkingDir: root,
    entryPoints: { app: join(page, 'style.css') },
    bundle: true,
    minify: true,
    outdir: outDir,
    logLevel: 'warning',
  });
  copyFileSync(join(root, page, 'index.html'), join(outDir, 'index.html'));
}

if (import.meta.url === `file://${process.argv[1]}`) await buildDashboardPage(process.argv[2] ?? 'dist/dashboard');
