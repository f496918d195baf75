// **style** is the report page's inline stylesheet: readable, printable, visible focus, no web fonts.

export const STYLE = `
:root { --fg: #1d2939; --muted: #555f6d; --line: #d0d5dd; --bg: #fff; --accent: #2f6fb0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2.5rem;
  border-bottom: 1px solid var(--line); padding-bottom: .3rem; } h4 { margin: .8rem 0 .3rem; }
.muted, .where, .iri { color: var(--muted); } .iri { word-break: break-all; font-size: .85rem; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.overview { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .75rem;
  margin: 1.5rem 0 0; padding: 0; }
.cards div { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.cards dt { color: var(--muted); font-size: .85rem; } .cards dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
div.scroll { overflow-x: auto; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #f2f4f7; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
th button, button.link { font: inherit; background: none; border: 0; padding: 0; cursor: pointer;
  color: inherit; text-align: left; } button.link { color: var(--accent); text-decoration: underline; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible {
  outline: 3px solid #f79009; outline-offset: 2px; }
.controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin: .75rem 0; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select { font: inherit; padding: .3rem .4rem; border: 1px solid #98a2b3; border-radius: 4px; }
.pager { display: flex; gap: 1rem; align-items: center; } .pager button { font: inherit; padding: .25rem .8rem; }
.rating { padding: 0 .45rem; border-radius: 3px; color: #fff; font-size: .85rem; }
.rating-excellent { background: #1a7f37; } .rating-good { background: #2f6fb0; }
.rating-sufficient { background: #b26b00; } .rating-bad { background: #b42318; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; }
.sev-violation { color: #b42318; } .sev-warning { color: #b26b00; } .sev-info { color: #2f6fb0; }
tr.detail > td { background: #f9fafb; } table.inner { font-size: .85rem; } tr.lost td, tr.lost th { color: #b42318; }
ul.findings { margin: 0; padding-left: 1.2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; word-break: break-all; }
@media print { .controls, .pager, .skip { display: none; } }
`;
