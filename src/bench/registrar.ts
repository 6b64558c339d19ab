import type { MetricOptions, MetricValue, ScalingReturn, ScalingTaskOptions, Suite, TaskOptions } from '../suite.js';
import { SuiteUsageError } from '../model/errors.js';

export interface RegisteredTask {
  name: string;
  fn: () => unknown;
  options: TaskOptions;
}

export interface RegisteredMetric {
  name: string;
  value: MetricValue;
  options: MetricOptions;
}

export interface RegisteredScaling {
  name: string;
  fn: (n: number) => ScalingReturn | Promise<ScalingReturn>;
  options: ScalingTaskOptions;
}

/** Collects what a suite file registers; nothing runs until the worker has the whole list. */
export class Registrar implements Suite {
  readonly tasks: RegisteredTask[] = [];
  readonly metrics: RegisteredMetric[] = [];
  readonly scalingTasks: RegisteredScaling[] = [];

  add(name: string, fn: () => unknown, options: TaskOptions = {}): Suite {
    checkName('task', name);
    if (typeof fn !== 'function')
      throw new SuiteUsageError(`suite.add(${JSON.stringify(name)}, fn): fn must be a function, got ${typeof fn}`);
    if (this.taken(name))
      throw new SuiteUsageError(`suite.add: ${JSON.stringify(name)} is already the name of a task or metric in this suite`);
    this.tasks.push({ name, fn, options });
    return this;
  }

  metric(name: string, value: MetricValue, options: MetricOptions = {}): Suite {
    checkName('metric', name);
    // A metric of its own becomes a benchmark `suite/name`: its name must not clash.
    if (options.task === undefined && this.taken(name)) {
      throw new SuiteUsageError(`suite.metric: ${JSON.stringify(name)} is already the name of a task or metric in this suite`);
    }
    this.metrics.push({ name, value, options });
    return this;
  }

  scaling(name: string, fn: RegisteredScaling['fn'], options: ScalingTaskOptions = {}): Suite {
    checkName('scaling', name);
    if (typeof fn !== 'function')
      throw new SuiteUsageError(`suite.scaling(${JSON.stringify(name)}, fn): fn must be a function of the level n, got ${typeof fn}`);
    if (this.scalingTasks.some((t) => t.name === name))
      throw new SuiteUsageError(`suite.scaling: ${JSON.stringify(name)} is already the name of a scaling task in this suite`);
    const bad = (options.levels ?? []).find((n) => !Number.isInteger(n) || n < 1);
    if (options.levels !== undefined && (!Array.isArray(options.levels) || options.levels.length === 0 || bad !== undefined))
      throw new SuiteUsageError(
        `suite.scaling(${JSON.stringify(name)}): levels must be a non-empty array of whole numbers ≥ 1, got ${JSON.stringify(options.levels)}`,
      );
    if (options.work !== undefined && !(typeof options.work === 'number' && options.work > 0 && Number.isFinite(options.work)))
      throw new SuiteUsageError(
        `suite.scaling(${JSON.stringify(name)}): work must be a number above 0, got ${JSON.stringify(options.work)}`,
      );
    this.scalingTasks.push({ name, fn, options });
    return this;
  }

  private taken(name: string): boolean {
    return this.tasks.some((t) => t.name === name) || this.metrics.some((m) => m.name === name && m.options.task === undefined);
  }
}

function checkName(what: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new SuiteUsageError(
      `suite.${what === 'task' ? 'add' : what}: the ${what === 'scaling' ? 'scaling task' : what} name must be a non-empty string, got ${JSON.stringify(name)}`,
    );
  }
}

/** Evaluates a metric value (calling it when it is a function) into finite samples. */
export async function metricSamples(value: MetricValue): Promise<number[]> {
  const v = typeof value === 'function' ? await value() : value;
  const samples = Array.isArray(v) ? v : [v];
  if (samples.length === 0 || !samples.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new SuiteUsageError(`expected a finite number or a non-empty array of them, got ${JSON.stringify(v)}`);
  }
  return samples;
}
