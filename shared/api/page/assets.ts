/** The quote browser's files, in one module the page routes import on first use (a lazy chunk of the API bundle). */
export { PAGE_CSS } from './css.ts';
export { PAGE_HTML } from './html.ts';
export { PAGE_JS } from './js.ts';
export { UPLOT_CSS, UPLOT_JS } from './vendor/uplot.generated.ts';
