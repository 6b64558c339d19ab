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
const SPECIAL = /[&<>"'|`*_[\]()~\\!:${}+=@#]/g;

/**
 * Makes untrusted text inert in GitHub markdown and HTML: no markup, no table breaks, no
 * mentions or issue links, no line breaks. Text longer than `maxChars` is cut with `…`.
 */
export function escapeText(text: string, maxChars = 200): string {
  let flat = String(text).replace(CONTROL, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length > maxChars) flat = `${chars.slice(0, maxChars - 1).join('')}…`;
  return flat.replace(SPECIAL, (c) => ENTITY[c] ?? c);
}

/** Plain text for a terminal or an annotation: one line, no control characters. */
export function plainText(text: string, maxChars = 200): string {
  const flat = String(text).replace(CONTROL, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : flat;
}

/** The comment id when none is configured (the action's `comment-id` default). */
export const DEFAULT_MARKER_ID = 'track-performance';

/**
 * The marker id as it appears in the hidden HTML comment: letters, digits, `.`, `_` and `-`
 * only, so that no id can close the comment (`-->`) or hide another id.
 */
export function safeMarkerId(id: string): string {
  const clean = id.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-');
  return clean || DEFAULT_MARKER_ID;
}

/** The hidden marker that identifies our comment: `<!-- track-performance:ID -->`. */
export function marker(id: string): string {
  return `<!-- track-performance:${safeMarkerId(id)} -->`;
}
