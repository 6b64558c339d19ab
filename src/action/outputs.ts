/**
 * The step's outputs. A one-line value is appended to $GITHUB_OUTPUT as `name=value`, the form
 * GitHub documents ("Setting an output parameter", docs.github.com/actions/reference/workflows-and-actions/workflow-commands);
 * @actions/core writes every value in the multi-line form, whose random delimiter loads
 * node:crypto (28 M instructions on Node 24, measured by hand under Cachegrind): a run that writes
 * one-line outputs never loads it. A value with a line break, or no $GITHUB_OUTPUT, goes to core.
 */
import * as core from '@actions/core';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

export function setOutput(name: string, value: string | number): void {
  const file = process.env.GITHUB_OUTPUT;
  const text = String(value);
  // The runner reads the line up to its first `=` as the name (the names here are the action.yml's).
  if (!file || /[\r\n]/.test(text)) return core.setOutput(name, value);
  appendFileSync(file, `${name}=${text}${EOL}`, 'utf8');
}
