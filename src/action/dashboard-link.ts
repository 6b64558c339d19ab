import { dashboardUrl } from '../report/index.js';
import type { ActionInputs } from './inputs.js';

/** Whether this run publishes the dashboard: the gh-pages store with the `dashboard` input on. */
export function publishesDashboard(inputs: Pick<ActionInputs, 'baseline' | 'dashboard'>): boolean {
  return inputs.baseline === 'gh-pages' && inputs.dashboard;
}

/**
 * The dashboard the comment and the summary link to: the `dashboard-url` input, else the GitHub
 * Pages address of the published one (gh-pages store with the dashboard on); none otherwise.
 */
export function publishedDashboard(
  inputs: Pick<ActionInputs, 'baseline' | 'dashboard' | 'dashboardDir' | 'dashboardUrl'>,
  repo: { owner: string; repo: string },
): string | undefined {
  if (inputs.dashboardUrl) return inputs.dashboardUrl;
  if (!publishesDashboard(inputs) || !repo.owner || !repo.repo) return undefined;
  return dashboardUrl({ owner: repo.owner, repo: repo.repo, dir: inputs.dashboardDir });
}
