/**
 * Heavy dependencies bundled into files of their own beside the action and the CLI
 * (scripts/build.mjs, which marks the packages external so that no other bundle holds a copy),
 * imported on first use: a run that never calls one never parses it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `file` from beside the running bundle; from source (tests, tsx), `fromSource()`, the package itself. */
function sideBundle<T>(file: string, fromSource: () => Promise<T>): Promise<T> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return fromSource();
  return import(pathToFileURL(join(dirname(here), file)).href) as Promise<T>;
}

/** The Actions cache client (dist/actions-cache.js: src/store/actions-cache.ts); the Azure SDK is most of it. */
export function actionsCache(): Promise<typeof import('@actions/cache')> {
  return sideBundle('actions-cache.js', () => import('@actions/cache'));
}

/** The GitHub client (dist/github-client.js: src/github/github-bundle.ts): Octokit and undici. */
export function actionsGithub(): Promise<typeof import('@actions/github')> {
  return sideBundle('github-client.js', () => import('@actions/github'));
}
