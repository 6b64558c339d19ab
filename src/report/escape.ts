/**
 * Escaping for text we did not write (benchmark names, error messages, notes) before it goes
 * into a GitHub comment. GitHub renders markdown, then allows a subset of HTML, then links
 * `@mentions`, `#123` references and `:emoji:`. Numeric character references are literal text in
 * every one of those contexts (a table cell, a list, the inside of an HTML tag's text), so we use
 * them for all punctuation that could start markup, and a zero-width joiner after `@` and `#` so
 * that even the decoded text links no one.
 */

const ZWJ = '\u200D';

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '~': '&#126;',
  '\\': '&#92;',
  '!': '&#33;',
  ':': '&#58;',
  $: '&#36;',
  '{': '&#123;',
  '}': '&#125;',
  '+': '&#43;',
  '=': '&#61;',
  '@': `&#64;${ZWJ}`,
  '#': `&#35;${ZWJ}`,
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]+/g;
const SPECIAL = /[&<>"'|`*_[\]()~\\!:${}+=@#]/g;

/**
 * Invisible characters that reorder or hide text (Trojan Source, CVE-2021-42574): bidi
 * embeddings, overrides and isolates, zero-width spaces and joiners, marks, the BOM. Shown as
 * `\u202E` so that a name cannot look like another.
 */
// The class lists joiners on purpose: they are what it finds, not characters it combines.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/g;

function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Cuts text longer than `maxChars` (code points) with `…`, at the last space in the last third
 * of the budget when there is one, so that no word is cut in half.
 */
export function cutAtWord(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const head = chars.slice(0, Math.max(0, maxChars - 1)).join('');
  const space = head.search(/\s\S*$/);
  const cut = space >= Math.floor((head.length * 2) / 3) ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:]+$/, '')}…`;
}

/**
 * Makes untrusted text inert in GitHub markdown and HTML: no markup, no table breaks, no
 * mentions or issue links, no line breaks, no invisible characters. Text longer than
 * `maxChars` is cut at a word with `…`.
 */
export function escapeText(text: string, maxChars = 200): string {
  const flat = cutAtWord(showInvisible(String(text).replace(CONTROL, ' ')).trim(), maxChars);
  return flat.replace(SPECIAL, (c) => ENTITY[c] ?? c);
}

/** Plain text for a terminal or an annotation: one line, no control or invisible characters, cut at a word. */
export function plainText(text: string, maxChars = 200): string {
  return cutAtWord(showInvisible(String(text).replace(CONTROL, ' ')).trim(), maxChars);
}

/** Several lines for a code block or a terminal: line breaks and tabs kept, other controls and invisibles not; the last `maxChars`. */
export function plainBlock(text: string, maxChars = 6000): string {
  const clean = showInvisible(String(text).replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LINES, ' '));
  return clean.length > maxChars ? `…${clean.slice(-maxChars)}` : clean;
}

/** The comment id when none is configured (the action's `comment-id` default). */
export const DEFAULT_MARKER_ID = 'track-performance';

/**
 * The marker id as it appears in the hidden HTML comment: letters, digits, `.`, `_` and `-`
 * only, so that no id can close the comment (`-->`) or hide another id.
 */
export function safeMarkerId(id: string): string {
  const clean = id
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-');
  return clean || DEFAULT_MARKER_ID;
}

/** The hidden marker that identifies our comment: `<!-- track-performance:ID -->`. */
export function marker(id: string): string {
  return `<!-- track-performance:${safeMarkerId(id)} -->`;
}
