import { describe, expect, it } from 'vitest';
import { branchOf, pickMode } from '../../src/flows/mode.js';

describe('pickMode', () => {
  const main = { ref: 'refs/heads/main', defaultBranch: 'main' };
  it('picks the flow from the event', () => {
    expect(pickMode('auto', { ...main, eventName: 'pull_request' })).toBe('pr');
    expect(pickMode('auto', { ...main, eventName: 'push' })).toBe('baseline');
    expect(pickMode('auto', { ...main, eventName: 'workflow_dispatch' })).toBe('baseline');
    expect(pickMode('auto', { ...main, eventName: 'workflow_run' })).toBe('comment');
    expect(pickMode('auto', { ...main, eventName: 'schedule' })).toBe('report');
    expect(pickMode('report', { ...main, eventName: 'workflow_dispatch' })).toBe('report');
  });
  it('compares, and never records, a push to another branch', () => {
    expect(pickMode('auto', { eventName: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' })).toBe('pr');
  });
  it('lets the mode input win', () => {
    expect(pickMode('baseline', { ...main, eventName: 'push' })).toBe('baseline');
    expect(pickMode('pr', { ...main, eventName: 'push' })).toBe('pr');
    expect(pickMode('ab', { ...main, eventName: 'pull_request' })).toBe('ab');
  });
  it('refuses pull_request_target in every mode, where PR code would run with a write token', () => {
    for (const mode of ['auto', 'pr', 'baseline', 'comment', 'ab', 'report'] as const)
      expect(() => pickMode(mode, { ...main, eventName: 'pull_request_target' })).toThrow(/pull_request_target, in any mode/);
  });
  it('refuses mode baseline on every PR-triggered event, saying why', () => {
    for (const eventName of ['pull_request', 'pull_request_review', 'merge_group'])
      expect(() => pickMode('baseline', { ...main, eventName })).toThrow(
        new RegExp(`${eventName} event: a pull request never writes the baseline`),
      );
  });
  it('strips refs/heads/', () => {
    expect(branchOf('refs/heads/feature/x')).toBe('feature/x');
    expect(branchOf('refs/pull/1/merge')).toBe('refs/pull/1/merge');
  });
});
