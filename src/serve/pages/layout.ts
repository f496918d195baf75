// **layout** wraps a server page: the HTML report's stylesheet (served as a file), header, no script.
import { escapeHtml as e } from '../../report/html/escape.js';
import { STYLE } from '../../report/html/style.js';
import { DASHBOARD_STYLE } from './dashboard-layout.js';

/** Where the stylesheet is served; the page's Content-Security-Policy allows only it. */
export const STYLESHEET_PATH = '/assets/style.css';

/** The validator's additions to the report's stylesheet: the form, its errors, the results. */
const SERVE_STYLE = `
form.check { display: grid; gap: 1.25rem; max-width: 60rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem 1rem; display: grid; gap: .6rem; }
legend { font-weight: 600; padding: 0 .3rem; }
label { font-weight: 600; } label .muted { font-weight: 400; }
textarea { font: .9rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; width: 100%; padding: .4rem;
  border: 1px solid #98a2b3; border-radius: 4px; }
textarea:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #f79009; outline-offset: 2px; }
.row { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; } .row > div { display: grid; gap: .25rem; }
button.primary { font: inherit; font-weight: 600; background: var(--accent); color: #fff; border: 0;
  border-radius: 4px; padding: .5rem 1.25rem; cursor: pointer; justify-self: start; }
.alert { border: 2px solid #b42318; background: #fef3f2; border-radius: 6px; padding: .75rem 1rem; }
.alert h2 { margin: 0 0 .4rem; border: 0; font-size: 1.1rem; }
.where { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
ul.downloads { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; }
details > summary { cursor: pointer; } .verdict-pass { color: #1a7f37; } .verdict-fail { color: #b42318; }
`;

/** The served stylesheet: the HTML report's, then the validator's and the dashboard's. */
export const SERVE_CSS = STYLE + SERVE_STYLE + DASHBOARD_STYLE;

/** The Content-Security-Policy of every page: our stylesheet, our forms, nothing else. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** A complete page; `body` must already be escaped HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><p class="muted"><a href="/">dcat-harvest validator</a></p><h1>${e(title)}</h1></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}
