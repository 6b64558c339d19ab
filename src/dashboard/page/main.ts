/**
 * The dashboard page: overview numbers, search and filters (kept in the URL fragment), one card
 * per benchmark grouped by suite, charts drawn lazily as cards scroll into view, and the detail
 * of one benchmark. Data comes from data/*.js (see load.ts); nothing is fetched from elsewhere.
 */
import { formatChange } from '../../model/format.js';
import { DATA_FILES, type Manifest, type RunsIndex } from '../../report/dashboard-types.js';
import { makeCard, type Card } from './card.js';
import { renderDetail } from './detail.js';
import { el } from './dom.js';
import { loadData } from './load.js';
import { parseState, stateHash, visible, type ViewState } from './state.js';
import { commitOptions } from './commits-view.js';
import { renderSweep } from './sweep.js';

const PAGE = 60;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function start(): Promise<void> {
  const manifest = await loadData<Manifest>(DATA_FILES.manifest);
  let runsP: Promise<RunsIndex> | undefined;
  const runs = () => (runsP ??= loadData<RunsIndex>(DATA_FILES.runs));
  let state = parseState(location.hash);
  overview(
    manifest,
    (id) => setState({ ...state, bench: id }),
    (suite) => setState({ ...state, bench: '', sweep: suite }),
  );
  const controls = setupControls(
    manifest,
    () => state,
    (s) => setState(s),
  );
  // The commit pickers need the run list: loaded after the first paint, not before it.
  void runs()
    .then((r) => controls.commits(r))
    .catch((err: Error) => console.error(err.message));

  let cards: Card[] = [];
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        const card = cards.find((c) => c.root === e.target);
        card?.draw().catch((err: Error) => console.error(err.message));
      }
    },
    { rootMargin: '200px' },
  );

  function setState(s: ViewState, replace = false): void {
    state = s;
    const hash = stateHash(s);
    if (hash !== location.hash && !(hash === '' && location.hash === ''))
      history[replace ? 'replaceState' : 'pushState'](null, '', hash || location.pathname + location.search);
    render();
  }

  function render(): void {
    controls.sync(state);
    for (const c of cards) c.destroy();
    cards = [];
    observer.disconnect();
    const list = $('list');
    const detail = $('detail');
    list.textContent = '';
    detail.textContent = '';
    const bench = state.bench ? manifest.benchmarks.find((b) => b.id === state.bench) : undefined;
    const sweep = !bench && state.sweep ? manifest.sweeps?.find((w) => w.suite === state.sweep) : undefined;
    $('browse').hidden = Boolean(bench ?? sweep);
    detail.hidden = !(bench ?? sweep);
    if (sweep) {
      const back = el('button', { type: 'button', class: 'back' }, '← All benchmarks');
      back.addEventListener('click', () => setState({ ...state, sweep: '' }));
      detail.append(back);
      void runs()
        .then((r) => renderSweep(detail, sweep, manifest, r))
        .then(() => $('detail-title').focus())
        .catch((err: Error) => console.error(err.message));
      return;
    }
    if (state.bench && !bench) list.append(el('p', { class: 'empty' }, `No benchmark ${state.bench} in this dashboard.`));
    if (bench) {
      const back = el('button', { type: 'button', class: 'back' }, '← All benchmarks');
      back.addEventListener('click', () => setState({ ...state, bench: '' }));
      detail.append(back);
      void runs()
        .then((r) => renderDetail(detail, bench, manifest, state, r))
        .then(() => $('detail-title').focus())
        .catch((err: Error) => console.error(err.message));
      return;
    }
    const shown = visible(manifest, state);
    $('count').textContent = `${shown.length} of ${manifest.benchmarks.length} benchmarks`;
    if (shown.length === 0) list.append(el('p', { class: 'empty' }, 'No benchmark matches.'));
    appendCards(list, shown, 0);
  }

  function appendCards(list: HTMLElement, shown: number[], from: number): void {
    const width = Math.max(280, Math.min(560, list.clientWidth - 32));
    let suite = from > 0 ? manifest.benchmarks[shown[from - 1]!]!.suite : -1;
    const group = () => {
      let g = list.lastElementChild as HTMLElement | null;
      if (!g || g.tagName !== 'SECTION') g = list.appendChild(el('section', { class: 'suite-group' }));
      return g.querySelector('.cards') as HTMLElement;
    };
    for (const i of shown.slice(from, from + PAGE)) {
      const b = manifest.benchmarks[i]!;
      if (b.suite !== suite) {
        suite = b.suite;
        list.append(el('section', { class: 'suite-group' }, el('h2', {}, manifest.suites[b.suite] ?? ''), el('div', { class: 'cards' })));
      }
      const card = makeCard(b, { manifest, state, runs, open: (id) => setState({ ...state, bench: id }) }, { width, height: 180 });
      cards.push(card);
      group().append(card.root);
      observer.observe(card.root);
    }
    const rest = shown.length - from - PAGE;
    if (rest > 0) {
      const more = el('button', { type: 'button', class: 'more' }, `Show ${Math.min(rest, PAGE)} more (${rest} left)`);
      more.addEventListener('click', () => {
        more.remove();
        appendCards(list, shown, from + PAGE);
      });
      list.append(more);
    }
  }

  window.addEventListener('popstate', () => {
    state = parseState(location.hash);
    render();
  });
  window.addEventListener('hashchange', () => {
    state = parseState(location.hash);
    render();
  });
  render();
  document.body.dataset.ready = 'true';
}

function overview(m: Manifest, open: (id: string) => void, openSweep: (suite: string) => void): void {
  const o = m.overview;
  const fig = (label: string, value: string, cls = '') =>
    el('div', { class: `figure ${cls}` }, el('span', { class: 'value' }, value), el('span', { class: 'label' }, label));
  const main = m.branches.find((b) => b.name === m.defaultBranch);
  $('overview').append(
    fig('benchmarks', String(o.benchmarks)),
    fig(`regressions, last ${m.windowDays} days`, String(o.regressions), o.regressions ? 'bad' : ''),
    fig(`improvements, last ${m.windowDays} days`, String(o.improvements), o.improvements ? 'good' : ''),
    fig(`runs of ${m.defaultBranch}`, String(main?.runs ?? 0)),
    checksFigure(m),
  );
  if (o.worst.length) {
    const list = el('ol', {});
    for (const w of o.worst) {
      const b = m.benchmarks[w.b]!;
      const link = el('button', { type: 'button', class: 'link' }, b.id);
      link.addEventListener('click', () => open(b.id));
      list.append(el('li', {}, link, ` ${formatChange(w.change)}`));
    }
    $('overview').append(el('div', { class: 'worst' }, el('h2', {}, 'Worst movers'), list));
  }
  if (m.sweeps?.length) {
    const list = el('ul', {});
    for (const w of m.sweeps) {
      const link = el('button', { type: 'button', class: 'link' }, w.suite);
      link.addEventListener('click', () => openSweep(w.suite));
      list.append(
        el('li', {}, link, ` ${w.levels} levels${w.knee !== undefined ? `, efficiency under the floor from N = ${w.knee}` : ''}`),
      );
    }
    $('overview').append(el('div', { class: 'sweeps' }, el('h2', {}, 'Scaling sweeps'), list));
  }
  const missed = o.checks?.missed ?? [];
  if (missed.length) {
    const list = el('ol', {});
    for (const c of missed) {
      const b = c.b === undefined ? undefined : m.benchmarks[c.b];
      const link = b ? el('button', { type: 'button', class: 'link' }, c.name) : el('span', {}, c.name);
      if (b) link.addEventListener('click', () => open(b.id));
      list.append(el('li', { class: `check ${c.status}` }, link, ` ${CHECK_WORD[c.status]}: ${c.message}`));
    }
    $('overview').append(el('div', { class: 'missed' }, el('h2', {}, 'Targets and thresholds not met'), list));
  }
  $('generated').textContent =
    `Built ${m.generated.slice(0, 16).replace('T', ' ')} UTC from ${m.branches.length} branch histor${m.branches.length === 1 ? 'y' : 'ies'}.`;
}

const CHECK_WORD = { met: 'met', warning: 'missed', failure: 'alert', inconclusive: 'unknown' } as const;

/** Targets and thresholds met on the newest run, or why the build does not know. */
function checksFigure(m: Manifest): HTMLElement {
  const c = m.overview.checks;
  const fig = (value: string, label: string, cls = '') =>
    el('div', { class: `figure checks ${cls}` }, el('span', { class: 'value' }, value), el('span', { class: 'label' }, label));
  if (!c) return fig('—', 'targets and thresholds: unknown (built without the config)');
  const total = c.counts.met + c.counts.warning + c.counts.failure + c.counts.inconclusive;
  if (total === 0)
    return fig('—', c.configured ? 'targets and thresholds: none applies to the newest run' : 'targets and thresholds: none configured');
  const cls = c.counts.failure ? 'bad' : c.counts.warning ? 'warn' : 'good';
  return fig(`${c.counts.met} of ${total}`, `targets and thresholds met, newest run`, cls);
}

function setupControls(m: Manifest, get: () => ViewState, set: (s: ViewState, replace?: boolean) => void) {
  const q = $<HTMLInputElement>('q');
  const suite = $<HTMLSelectElement>('suite');
  const metric = $<HTMLSelectElement>('metric');
  const branch = $<HTMLSelectElement>('branch');
  const regressed = $<HTMLInputElement>('regressed');
  const from = $<HTMLSelectElement>('from');
  const to = $<HTMLSelectElement>('to');
  const log = $<HTMLInputElement>('log');
  const option = (value: string, text: string) => el('option', { value }, text);
  suite.append(...[...m.suites].sort().map((s) => option(s, s)));
  metric.append(...m.metrics.map((s) => option(s, s)));
  branch.append(...m.branches.filter((b) => b.name !== m.defaultBranch).map((b) => option(b.name, b.name)));
  // Each keystroke redraws and replaces the URL, so Back does not step through every letter.
  q.addEventListener('input', () => set({ ...get(), q: q.value }, true));
  suite.addEventListener('change', () => set({ ...get(), suite: suite.value }));
  metric.addEventListener('change', () => set({ ...get(), metric: metric.value }));
  branch.addEventListener('change', () => set({ ...get(), branch: branch.value }));
  regressed.addEventListener('change', () => set({ ...get(), regressed: regressed.checked }));
  from.addEventListener('change', () => set({ ...get(), from: from.value }));
  to.addEventListener('change', () => set({ ...get(), to: to.value }));
  // A permalink's commit (a prefix, say) that is not among the options is kept as an option of its own.
  const pick = (select: HTMLSelectElement, value: string) => {
    if (value && ![...select.options].some((o) => o.value === value)) select.append(option(value, value.slice(0, 7)));
    select.value = value;
  };
  log.addEventListener('change', () => set({ ...get(), log: log.checked }));
  return {
    sync(s: ViewState) {
      if (q.value !== s.q) q.value = s.q;
      suite.value = s.suite;
      metric.value = s.metric;
      branch.value = s.branch;
      regressed.checked = s.regressed;
      log.checked = s.log;
      pick(from, s.from);
      pick(to, s.to);
    },
    commits(r: RunsIndex) {
      const opts = commitOptions(
        r,
        m.branches.map((b) => b.name),
      );
      for (const select of [from, to]) select.append(...opts.map((o) => option(o.value, o.text)));
      pick(from, get().from);
      pick(to, get().to);
    },
  };
}

start().catch((err: Error) => {
  document.body.append(el('p', { class: 'error', role: 'alert' }, `The dashboard could not load its data: ${err.message}`));
});
