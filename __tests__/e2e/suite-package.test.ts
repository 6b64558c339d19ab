import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// The published package as a user gets it: `npm pack` of this repository (dist/ as committed),
// unpacked into a fresh project's node_modules. Offline, `npm install <tarball>` cannot fetch the
// runtime dependencies, so the unpacked package sees this repository's node_modules instead.
const REPO = resolve(import.meta.dirname, '../..');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const run = promisify(execFile);

interface Exec {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(file: string, args: string[], cwd: string): Promise<Exec> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const SUITE = `import type { Suite, SuiteFunction } from 'track-performance/suite';
import { defineSuite } from 'track-performance/suite';

const words = Array.from({ length: 500 }, (_, i) => 'w' + i);
const set = new Set(words);
const register: SuiteFunction = defineSuite((suite: Suite) => {
  suite.add('lookup', () => set.has('w250'), { beforeEach: () => undefined });
  suite.metric('word count', words.length, { unit: '', direction: 'bigger' });
});
export default register;
`;

// Types that do not fit the API must fail to typecheck, or the test above proves nothing.
const WRONG = `import type { Suite } from 'track-performance/suite';
export default (suite: Suite) => {
  suite.add(42, () => 1);
};
`;

let packed: string[] = [];
let project = '';

beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tp-pack-'));
  const pack = await exec('npm', ['pack', '--json', '--pack-destination', tmp], REPO);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((f) => f.path);

  project = join(tmp, 'project');
  const pkg = join(project, 'node_modules/track-performance');
  mkdirSync(pkg, { recursive: true });
  const untar = await exec('tar', ['-xzf', join(tmp, info.filename), '-C', pkg, '--strip-components=1'], tmp);
  expect(untar.code, untar.stderr).toBe(0);
  symlinkSync(join(REPO, 'node_modules'), join(pkg, 'node_modules'), 'dir');

  mkdirSync(join(project, 'bench'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] },
      include: ['bench'],
    }),
  );
  writeFileSync(join(project, 'bench/api.bench.ts'), SUITE);
  writeFileSync(
    join(project, 'performance-tracker.json'),
    JSON.stringify({
      $schema: './node_modules/track-performance/schema/performance-tracker.schema.json',
      suites: [{ name: 'api', tinybench: 'bench/api.bench.ts', time: 40, warmupTime: 5, passes: 1 }],
    }),
  );
}, 120_000);

describe('the packed package (track-performance/suite)', () => {
  it('ships the suite API and the schema, and no sources', () => {
    expect(packed).toEqual(
      expect.arrayContaining(['dist/suite.js', 'dist/suite.d.ts', 'dist/cli.js', 'schema/performance-tracker.schema.json']),
    );
    expect(packed.filter((p) => p.startsWith('src/'))).toEqual([]);
    // The declaration must stand alone: it may import nothing the package does not ship.
    expect(readFileSync(join(project, 'node_modules/track-performance/dist/suite.d.ts'), 'utf8')).not.toMatch(
      /^(?:import|export)\b[^\n]*\bfrom\b|\bimport\(/m,
    );
  });

  it('typechecks a suite that imports the API, and rejects one that misuses it', async () => {
    const good = await exec(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
    expect(good.stdout + good.stderr).toBe('');
    expect(good.code).toBe(0);

    writeFileSync(join(project, 'bench/wrong.bench.ts'), WRONG);
    const bad = await exec(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/bench\/wrong\.bench\.ts\(3,\d+\): error TS2345/);
    expect(bad.stdout).not.toContain('api.bench.ts');
  }, 120_000);

  it('runs the suite through the installed CLI, which loads the API at run time', async () => {
    const cli = join(project, 'node_modules/track-performance/dist/cli.js');
    const bench = await exec(process.execPath, [cli, 'benchmark', '--out', 'run.json'], project);
    expect(bench.code, bench.stdout + bench.stderr).toBe(0);
    const runFile = JSON.parse(readFileSync(join(project, 'run.json'), 'utf8')) as {
      benchmarks: { suite: string; name: string; samples: number[]; metrics?: Record<string, unknown> }[];
    };
    const lookup = runFile.benchmarks.find((b) => b.name === 'lookup');
    expect(lookup?.suite).toBe('api');
    expect(lookup?.samples.length).toBeGreaterThan(0);
    expect(runFile.benchmarks.find((b) => b.name === 'word count')).toBeDefined();
  }, 120_000);

  it('resolves the schema path the docs give npm users', async () => {
    const check = await exec(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { createRequire } from 'node:module'; console.log(createRequire(process.cwd() + '/x.js').resolve('track-performance/schema/performance-tracker.schema.json'))",
      ],
      project,
    );
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.trim()).toBe(join(project, 'node_modules/track-performance/schema/performance-tracker.schema.json'));
  });
});
