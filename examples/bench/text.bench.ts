// A tinybench suite in TypeScript: the default export registers tasks (and metrics) on `suite`.
// Each suite file runs in its own Node process; TypeScript works on Node 24 as it is and on older
// Node through the tsx loader.
interface Suite {
  add(name: string, fn: () => unknown, options?: { beforeEach?: () => unknown }): Suite;
  metric(name: string, value: number | (() => number), options?: { unit?: string; direction?: 'smaller' | 'bigger' }): Suite;
}

const words = Array.from({ length: 2_000 }, (_, i) => `word${(i * 7919) % 2_000}`);
const set = new Set(words);
const text = words.join(' ');

/** Run-length encoding: the example's "quality" metric is how well it compresses repetitive text. */
function rle(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out += j - i > 1 ? `${j - i}${s[i]}` : s[i];
    i = j;
  }
  return out;
}

export default (suite: Suite) => {
  suite.add('lookup: Array.includes', () => words.includes('word1999'));
  suite.add('lookup: Set.has', () => set.has('word1999'));
  suite.add('split and join', () => text.split(' ').reverse().join(' '));
  suite.metric(
    'rle compression ratio',
    () => {
      const input = 'aaaaabbbbbcccccddddd'.repeat(50);
      return input.length / rle(input).length;
    },
    { unit: 'ratio', direction: 'bigger' },
  );
};
