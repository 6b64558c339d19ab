import * as core from '@actions/core';
import { join } from 'node:path';
import { annotations, renderMarkdown } from './report/index.js';
import { isUserError } from './model/errors.js';
import { readContext, runnerFacts } from './github/context.js';
import { parseInputs } from './action/inputs.js';
import { octokitPublisher } from './github/publish.js';
import { octokitIssueTracker } from './github/issue-tracker.js';
import { lazyOctokit } from './github/client.js';
import { runAction } from './action/run-action.js';
import { setOutput } from './action/outputs.js';
import { publishedDashboard } from './action/dashboard-link.js';
import type { Logger } from './model/logger.js';
import { redactor, secretValues, type Redact } from './model/redact.js';

/**
 * The token, the notify URLs and the step's secret-looking variables: registered with the runner
 * and replaced in all output. `mask` adds one found later (a URL from a variable the config names).
 */
function secretsRedactor(): { redact: Redact; mask: (secret: string) => void } {
  const secrets = secretValues(process.env, [core.getInput('token'), core.getInput('notify-urls')]);
  for (const s of secrets) core.setSecret(s);
  let current = redactor(secrets);
  const mask = (secret: string): void => {
    if (!secret || secrets.includes(secret)) return;
    core.setSecret(secret);
    secrets.push(secret);
    current = redactor(secrets);
  };
  return { redact: (text) => current(text), mask };
}

const logger = (redact: Redact): Logger => ({
  info: (m) => core.info(redact(m)),
  warning: (m) => core.warning(redact(m)),
  startGroup: (n) => core.startGroup(redact(n)),
  endGroup: core.endGroup,
});

/** The action: reads inputs, runs the flow for the event, maps the outcome to outputs. */
export async function run(): Promise<void> {
  const { redact, mask } = secretsRedactor();
  const log = logger(redact);
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const facts = runnerFacts(readContext());
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const outputDir = join(process.env.RUNNER_TEMP ?? join(workspace, '.track-performance'), 'track-performance');
    // Created on the first GitHub call: a push with nothing to post never loads the client.
    const octokit = inputs.token ? lazyOctokit(inputs.token) : undefined;
    const publisher = octokit && octokitPublisher(octokit, facts.owner, facts.repo, redact);
    const issues = octokit && octokitIssueTracker(octokit, facts.owner, facts.repo, redact);

    const notify = { env: process.env, mask };
    const outcome = await runAction({ inputs, facts, env: { workspace, outputDir, redact }, log, publisher, notify, issues });

    setOutput('verdict', outcome.gate.verdict);
    setOutput('regressions', outcome.report.counts.regression);
    setOutput('report', outcome.reportPath);
    if (outcome.runFile) setOutput('run-file', outcome.runFile);
    // The fork companion posts another run's report: that run already annotated its own check; a shard's merge job annotates for it.
    if (outcome.mode !== 'comment' && outcome.mode !== 'shard')
      for (const a of annotations(outcome.report)) core.error(redact(a.message), { title: redact(a.title) });
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary
        .addRaw(
          redact(
            outcome.summary ??
              (outcome.mode === 'shard'
                ? outcome.notes.join('\n\n')
                : renderMarkdown(outcome.report, {
                    markerId: inputs.commentId,
                    runUrl: facts.runUrl,
                    dashboardUrl: publishedDashboard(inputs, facts),
                    notes: outcome.notes,
                    audience: 'summary',
                  })),
          ),
        )
        .write();
    if (outcome.failed) core.setFailed(redact(`Performance check failed: ${outcome.gate.reason}.`));
    else log.info(`Verdict: ${outcome.gate.verdict} (${outcome.gate.reason}).`);
  } catch (e) {
    core.setFailed(redact(isUserError(e) || !(e instanceof Error) ? String((e as Error).message ?? e) : (e.stack ?? e.message)));
  }
}
