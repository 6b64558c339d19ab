/**
 * Building elements. Text we did not write (benchmark names, branches, commits) goes in as text
 * nodes only — never through innerHTML — so a name such as `<img onerror=…>` shows as itself.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** A table with a header row and body rows of text cells. */
export function table(caption: string, head: string[], rows: string[][]): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))),
  );
}

/** `e` with one more class. */
export function withClass<T extends HTMLElement>(e: T, name: string): T {
  e.classList.add(name);
  return e;
}
