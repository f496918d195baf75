/**
 * **dcat-harvest/report**: the renderers of validation results and the HTML report of a run.
 *
 * @module dcat-harvest/report
 */
export { RENDERERS } from './renderers.js';
export type { RenderOptions, Renderer } from './renderer.js';
export { renderHtmlReport } from './html/render.js';
export { writeHtmlReport } from './html/write.js';
export type { PaintStyle } from './renderer.js';
