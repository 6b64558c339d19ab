import * as core from '@actions/core';

/** The action: reads inputs, runs the flow for the event, maps the outcome to outputs. */
export async function run(): Promise<void> {
  core.info('track-performance: not wired yet');
}
