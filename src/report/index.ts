/**
 * The report's face on GitHub: markdown for the PR comment and the job summary, plain text for
 * terminals, annotations for regressions, trend and scaling reports. Pure: no I/O.
 */
export { renderMarkdown, DEFAULT_MAX_LENGTH, type RenderContext } from './render.js';
export { dashboardUrl, benchmarkPermalink } from './dashboard-link.js';
export { renderConsole, annotations } from './console.js';
export { renderTrendMarkdown, renderTrendText } from './trend.js';
export { DEFAULT_MARKER_ID, escapeText, marker, safeMarkerId } from './escape.js';
export { sparkline, formatValue, formatChange } from '../model/format.js';
