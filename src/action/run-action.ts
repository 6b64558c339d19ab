import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../config/index.js';
import { compareRuns } from '../compare/index.js';
import { dashboardSettings, type BaselineSpec } from '../flows/baseline-source.js';
import { notifyReport, notifyRun } from '../flows/notify-run.js';
import { scheduledReport } from '../flows/period-report.js';
import type { NotifyDeps } from '../notify/index.js';
import { periodTitle, renderPeriodMarkdown } from '../report/period.js';
import { ConfigError, InputError } from '../model/errors.js';
import { gate, type GateResult } from '../compare/gate.js';
import type { Logger } from '../model/logger.js';
import { branchOf, pickMode, type Mode } from '../flows/mode.js';
import { writeJson, writeOutputs } from '../flows/report-files.js';
import type { Redact } from '../model/redact.js';
import { compareAb, compareWithBaseline, measure, recordBaseline, type AbRequest, type TrackRequest } from '../flows/track.js';
import type { Report } from '../model/index.js';
import type { RunnerFacts } from '../github/context.js';
import type { ActionInputs } from './inputs.js';
import { publishComment, type Publisher } from '../github/publish.js';
import type { IssueTracker } from '../github/issue-tracker.js';
import { readReport } from './read-report.js';
import { mergeFlow, shardFlow } from './shard-flows.js';
import { publishedDashboard, publishesDashboard } from './dashboard-link.js';

export interface ActionOutcome {
  mode: Mode;
  report: Report;
  notes: string[];
  reportPath: string;
  /** The run file written (the `run-file` output): the shard's own in mode shard, else the run compared. */
  runFile?: string;
  /** Whether the check fails, and why. Only PR-like modes fail on a verdict. */
  failed: boolean;
  /** The gate's answer at the fail-on level (verdict, reason); `failed` above is what the step does with it. */
  gate: GateResult;
  /** The job summary's markdown when it is not the report's (the scheduled report). */
  summary?: string;
}

export interface ActionEnv {
  workspace: string;
  /** Where report.json and run.json go (RUNNER_TEMP on a runner). */
  outputDir: string;
  /** Applied to report.json and run.json (the log, summary and comment are redacted by main.ts and the publisher). */
  redact?: Redact;
}

/** Everything one action run works from: what main.ts read from the runner, and its I/O. */
export interface ActionRun {
  inputs: ActionInputs;
  facts: RunnerFacts;
  env: ActionEnv;
  log: Logger;
  /** Absent without a token. */
  publisher: Publisher | undefined;
  /** What notifications need from the runner: the environment (URLs by name) and the secret mask. Absent: none are sent. */
  notify?: Pick<NotifyDeps, 'env' | 'mask' | 'delivery'>;
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
  if (!branch) throw new InputError('The run has no branch (GITHUB_REF is empty): set it, or run on a push or pull_request event.');
  if (inputs.baseline === 'gh-pages' && inputs.ghPagesBranch === facts.defaultBranch)
    throw new ConfigError(
      `Input 'gh-pages-branch' is '${inputs.ghPagesBranch}', the default branch: history commits would land on it. Name a branch of its own, such as gh-pages.`,
      undefined,
      'gh-pages-branch',
    );
  const config = await loadConfig(resolve(env.workspace, inputs.config));
  const baseline: BaselineSpec = {
    source: inputs.baseline,
    workspace: env.workspace,
    runsToLoad: inputs.history,
    token: inputs.token,
    ghPagesBranch: inputs.ghPagesBranch,
    dataDir: inputs.dataDir,
    ...(publishesDashboard(inputs) && {
      dashboard: {
        dir: inputs.dashboardDir,
        defaultBranch: facts.defaultBranch ?? branch,
        repository: { serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', name: `${facts.owner}/${facts.repo}` },
        ...dashboardSettings(config),
      },
    }),
  };
  if (mode === 'report') return reportFlow(run, config, baseline, facts.defaultBranch ?? branch);
  const req: TrackRequest = {
    config,
    workspace: env.workspace,
    log,
    baseline,
    git: {
      commit: facts.sha,
      ref: facts.ref,
      baseBranch: facts.baseRef ?? facts.defaultBranch ?? branch,
      branch,
    },
    ...(inputs.variant && { variant: inputs.variant }),
    ...(inputs.shard && { shard: { spec: inputs.shard, runId: facts.runId, attempt: facts.runAttempt } }),
    ...(issues && {
      issues: {
        tracker: issues,
        context: { branch, runUrl: facts.runUrl, repoUrl: facts.repoUrl },
      },
    }),
  };
  const ab = (): AbRequest => ({
    baseRef: inputs.abBase || facts.baseSha || requireBase(),
    setup: inputs.abSetup || undefined,
    rounds: inputs.abRounds,
    timeBudget: inputs.abTimeBudget,
  });
  if (mode === 'shard' || (mode === 'ab' && req.shard)) return shardFlow(run, req, mode === 'ab' ? ab() : undefined);
  // A merge continues as the flow its event calls for, with the merged run as the measured one (A/B shards: the A/B flow).
  const merged = mode === 'merge' ? await mergeFlow(run, req) : undefined;
  const flow = merged?.flow ?? mode;
  const current = merged?.run ?? (flow === 'ab' ? undefined : await measure(req));
  const outcome =
    flow === 'ab'
      ? (merged?.ab ?? (await compareAb(req, ab())))
      : flow === 'baseline' && !merged?.partial
        ? await recordBaseline(req, current!)
        : await compareWithBaseline(req, current!);
  if (merged) outcome.notes.push(...merged.notes);
  const paths = await writeOutputs(env.outputDir, outcome.report, outcome.run, env.redact);
  log.info(`Report written to ${paths.report}.`);

  const verdict = gate(outcome.report, inputs.failOn);
  if (flow !== 'baseline' && inputs.comment && facts.prNumber && publisher)
    await publishComment(
      publisher,
      { ...facts, prNumber: facts.prNumber },
      outcome.report,
      outcome.notes,
      withDashboard(inputs, facts),
      log,
    );
  if (run.notify)
    await notifyRun(
      config,
      outcome.report,
      outcome.alerts ?? [],
      { repository: `${facts.owner}/${facts.repo}`, branch, commit: facts.sha, prNumber: facts.prNumber, runUrl: facts.runUrl },
      { ...run.notify, urls: inputs.notifyUrls, fromPullRequest: flow !== 'baseline', log },
    );
  // A push records what was merged; failing it would hide the record, so only PR runs gate.
  const failed = flow !== 'baseline' && verdict.failed;
  return { mode, report: outcome.report, notes: outcome.notes, reportPath: paths.report, runFile: paths.run, failed, gate: verdict };
}

/** workflow_run companion: post the report a fork PR's run uploaded. Runs no PR code. */
async function commentFlow({ inputs, facts, env, log, publisher }: ActionRun): Promise<ActionOutcome> {
  const file = resolve(env.workspace, inputs.reportFile || join('track-performance', 'report.json'));
  const report = readReport(
    await readFile(file, 'utf8').catch(() => {
      throw new InputError(`Input 'report-file': cannot read ${file}. Download the PR run's report artifact first.`, file);
    }),
    file,
  );
  const headSha = facts.workflowRun?.headSha ?? facts.sha;
  let prNumber = facts.workflowRun?.prNumbers[0] ?? facts.prNumber;
  if (!prNumber && publisher) prNumber = await publisher.findPullRequest(headSha);
  const notes = [`Measured by the pull request's own workflow run (commit ${headSha.slice(0, 7)}).`];
  if (!prNumber) log.warning(`No pull request found for commit ${headSha}: nothing to comment on.`);
  else if (inputs.comment && publisher)
    await publishComment(publisher, { ...facts, prNumber, runUrl: facts.runUrl }, report, notes, withDashboard(inputs, facts), log);
  // The PR's own run already failed its check (and annotated it): this trusted run only posts.
  return { mode: 'comment', report, notes, reportPath: file, failed: false, gate: gate(report, inputs.failOn) };
}

/**
 * The scheduled report: the history of `branch` over the input's period, to the job summary, to
 * our one issue for this period kind (updated in place), and to the channels. Never fails on
 * an issue or a channel: a warning says what went wrong.
 */
async function reportFlow(run: ActionRun, config: Config, baseline: BaselineSpec, branch: string): Promise<ActionOutcome> {
  const { inputs, facts, env, log, publisher } = run;
  const period = await scheduledReport(baseline, { branch, period: inputs.reportPeriod, now: Date.now(), config, log });
  const reportPath = join(env.outputDir, 'period-report.json');
  await writeJson(reportPath, period);
  log.info(`Report of ${branch} over ${inputs.reportPeriod} written to ${reportPath}.`);
  const markerId = `${inputs.commentId}-report-${inputs.reportPeriod}`;
  if (publisher?.upsertIssue)
    try {
      const done = await publisher.upsertIssue({
        markerId,
        title: periodTitle(period),
        body: renderPeriodMarkdown(period, { markerId, runUrl: facts.runUrl }),
      });
      log.info(`Report issue ${done.action}: ${done.url}`);
    } catch (e) {
      log.warning(`Could not write the report issue: ${(e as Error).message} The report is in the job summary.`);
    }
  if (run.notify)
    await notifyReport(
      config,
      period,
      { repository: `${facts.owner}/${facts.repo}`, runUrl: facts.runUrl },
      { ...run.notify, urls: inputs.notifyUrls, fromPullRequest: false, log },
    );
  const report = compareRuns({ baseline: [], current: [] });
  return {
    mode: 'report',
    report,
    notes: [],
    reportPath,
    failed: false,
    gate: gate(report, inputs.failOn),
    summary: renderPeriodMarkdown(period, { runUrl: facts.runUrl }),
  };
}

function requireBase(): never {
  throw new ConfigError("mode 'ab' needs a base commit: run it on a pull_request event, or set the 'ab-base' input.");
}

/** The comment's settings: its marker id and the dashboard it links to. */
function withDashboard(inputs: ActionInputs, facts: RunnerFacts): { commentId: string; dashboardUrl?: string } {
  const dashboardUrl = publishedDashboard(inputs, facts);
  return { commentId: inputs.commentId, ...(dashboardUrl && { dashboardUrl }) };
}
