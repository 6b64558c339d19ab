/**
 * Where the published dashboard is, for the PR comment and the job summary to link to: GitHub
 * Pages serves the gh-pages branch at https://OWNER.github.io/REPO/ (a user or organization
 * site, a repository named OWNER.github.io, at https://OWNER.github.io/), and the site sits in
 * its folder there. A `dashboard-url` input overrides (GitHub Enterprise, a custom domain).
 * Pure.
 */
import { DASHBOARD_BENCH_PARAM } from './dashboard-types.js';

/** The dashboard's address: `override` when given, else derived from the repository and folder. */
export function dashboardUrl(o: { owner: string; repo: string; dir: string; override?: string }): string {
  if (o.override) return o.override;
  const host = `${o.owner.toLowerCase()}.github.io`;
  const repo = o.repo.toLowerCase() === host ? '' : `/${encodeURIComponent(o.repo)}`;
  const dir = o.dir
    .split('/')
    .filter((p) => p && p !== '.')
    .map(encodeURIComponent)
    .join('/');
  return `https://${host}${repo}/${dir ? `${dir}/` : ''}`;
}

/** The permalink of one benchmark's detail on the dashboard at `base` (the page keeps its state in the fragment). */
export function benchmarkPermalink(base: string, id: string): string {
  return `${base.replace(/#.*$/, '')}#${new URLSearchParams({ [DASHBOARD_BENCH_PARAM]: id }).toString()}`;
}
