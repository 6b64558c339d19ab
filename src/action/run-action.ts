import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import { ConfigError } from '../model/errors.js';
import { gate, type GateResult } from '../compare/gate.js';
import type { Logger } from '../model/logger.js';
import { branchOf, pickMode, type Mode } from '../flows/mode.js';
import { writeOutputs } from '../flows/report-files.js';
import { compareAb, compareWithBaseline, measure, recordBaseline, type TrackRequest } from '../flows/track.js';
import type { Report } from '../model/index.js';
import type { RunnerFacts } from '../github/context.js';
import type { ActionInputs } from './inputs.js';
import { publishComment, type Publisher } from '../github/publish.js';
import type { IssueTracker } from '../github/issue-tracker.js';
import { readReport } from './read-report.js';

export interface ActionOutcome {
  mode: Mode;
  report: Report;
  notes: string[];
  reportPath: string;
  /** Whether the check fails, and why. Only PR-like modes fail on a verdict. */
  failed: boolean;
  /** The gate's answer at the fail-on level (verdict, reason); `failed` above is what the step does with it. */
  gate: GateResult;
}

export interface ActionEnv {
  workspace: string;
  /** Where report.json and run.json go (RUNNER_TEMP on a runner). */
  outputDir: string;
}

/** Everything one action run works from: what main.ts read from the runner, and its I/O. */
export interface ActionRun {
  inputs: ActionInputs;
  facts: RunnerFacts;
  env: ActionEnv;
  log: Logger;
  /** Absent without a token. */
  publisher: Publisher | undefined;
  /** Trend issues on a push; absent without a token. */
  issues?: IssueTracker;
}

/** Runs the flow the event calls for. The action's whole behaviour, minus reading inputs and writing outputs. */
export async function runAction(run: ActionRun): Promise<ActionOutcome> {
  const { inputs, facts, env, log, publisher, issues } = run;
  const mode = pickMode(inputs.mode, facts);
  log.info(`Mode: ${mode} (event ${facts.eventName}${inputs.mode === 'auto' ? '' : ', forced by input'}).`);
  if (mode === 'comment') return commentFlow(run);

  const branch = branchOf(facts.ref);
  if (!branch) throw new ConfigError('The run has no branch (GITHUB_REF is empty): set it, or run on a push or pull_request event.');
  if (inputs.baseline === 'gh-pages' && inputs.ghPagesBranch === facts.defaultBranch)
    throw new ConfigError(
      `Input 'gh-pages-branch' is '${inputs.ghPagesBranch}', the default branch: history commits would land on it. Name a branch of its own, such as gh-pages.`,
      undefined,
      'gh-pages-branch',
    );
  const config = await loadConfig(resolve(env.workspace, inputs.config));
  const req: TrackRequest = {
    config,
    workspace: env.workspace,
    log,
    baseline: {
      source: inputs.baseline,
      workspace: env.workspace,
      history: inputs.history,
      token: inputs.token,
      ghPagesBranch: inputs.ghPagesBranch,
      dataDir: inputs.dataDir,
    },
    git: {
      commit: facts.sha,
      ref: facts.ref,
      baseBranch: facts.baseRef ?? facts.defaultBranch ?? branch,
      branch,
    },
    ...(issues && {
      issues: {
        tracker: issues,
        context: { branch, runUrl: facts.runUrl, repoUrl: facts.repoUrl },
      },
    }),
  };
  const outcome =
    mode === 'ab'
      ? await compareAb(req, {
          baseRef: inputs.abBase || facts.baseSha || requireBase(),
          setup: inputs.abSetup || undefined,
          rounds: inputs.abRounds,
          timeBudget: inputs.abTimeBudget,
        })
      : mode === 'baseline'
        ? await recordBaseline(req, await measure(req))
        : await compareWithBaseline(req, await measure(req));
  const paths = await writeOutputs(env.outputDir, outcome.report, outcome.run);
  log.info(`Report written to ${paths.report}.`);

  const verdict = gate(outcome.report, inputs.failOn);
  if (mode !== 'baseline' && inputs.comment && facts.prNumber && publisher)
    await publishComment(publisher, { ...facts, prNumber: facts.prNumber }, outcome.report, outcome.notes, inputs, log);
  // A push records what was merged; failing it would hide the record, so only PR runs gate.
  const failed = mode !== 'baseline' && verdict.failed;
  return { mode, report: outcome.report, notes: outcome.notes, reportPath: paths.report, failed, gate: verdict };
}

/** workflow_run companion: post the report a fork PR's run uploaded. Runs no PR code. */
async function commentFlow({ inputs, facts, env, log, publisher }: ActionRun): Promise<ActionOutcome> {
  const file = resolve(env.workspace, inputs.reportFile || join('track-performance', 'report.json'));
  const report = readReport(
    await readFile(file, 'utf8').catch(() => {
      throw new ConfigError(`Input 'report-file': cannot read ${file}. Download the PR run's report artifact first.`);
    }),
    file,
  );
  const headSha = facts.workflowRun?.headSha ?? facts.sha;
  let prNumber = facts.workflowRun?.prNumbers[0] ?? facts.prNumber;
  if (!prNumber && publisher) prNumber = await publisher.findPullRequest(headSha);
  const notes = [`Measured by the pull request's own workflow run (commit ${headSha.slice(0, 7)}).`];
  if (!prNumber) log.warning(`No pull request found for commit ${headSha}: nothing to comment on.`);
  else if (inputs.comment && publisher)
    await publishComment(publisher, { ...facts, prNumber, runUrl: facts.runUrl }, report, notes, inputs, log);
  // The PR's own run already failed its check (and annotated it): this trusted run only posts.
  return { mode: 'comment', report, notes, reportPath: file, failed: false, gate: gate(report, inputs.failOn) };
}

function requireBase(): never {
  throw new ConfigError("mode 'ab' needs a base commit: run it on a pull_request event, or set the 'ab-base' input.");
}
