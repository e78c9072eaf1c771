/** The quote browser's stylesheet: readable, high contrast, visible focus. */
export const PAGE_CSS = String.raw`
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #d0d0d0; --accent: #0b57d0; --mark: #ffe08a; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #141414; --muted: #aaa; --line: #444; --accent: #8ab4f8; --mark: #6b5500; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 1; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .5rem 1rem; border-bottom: 1px solid var(--line); }
.top h1 { font-size: 1.25rem; margin: 0; }
.top h1 a { text-decoration: none; color: inherit; }
.top nav { display: flex; gap: 1rem; align-items: center; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
.field { display: flex; flex-direction: column; }
label { font-weight: 600; font-size: .9rem; }
input, select, button { font: inherit; padding: .35rem .5rem; }
button { cursor: pointer; }
.hint { color: var(--muted); font-size: .9rem; flex-basis: 100%; margin: 0; }
#status { min-height: 1.5em; color: var(--muted); }
#status.error, .reason { color: #b3261e; }
ol.quotes, ul.plain { list-style: none; padding: 0; }
ol.quotes > li { border-top: 1px solid var(--line); padding: .75rem 0; }
blockquote { margin: 0 0 .25rem; font-size: 1.05rem; }
.meta { color: var(--muted); font-size: .9rem; }
.meta > * + *::before { content: "·"; display: inline-block; margin: 0 .4em; color: var(--muted); }
.meta > .badge::before { content: none; }
.meta > .badge { margin-left: .4em; }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; font-size: .8rem; }
.doc-text { white-space: pre-wrap; border: 1px solid var(--line); padding: 1rem; max-height: 70vh; overflow: auto; }
mark { background: var(--mark); color: inherit; }
.flag, .merge { border: 1px solid var(--line); padding: .75rem; margin: .5rem 0; }
.flag .actions, .merge .actions { display: flex; gap: .5rem; margin-top: .5rem; }
.flag .confirm, .merge .confirm { border: 2px solid #b3261e; padding: .5rem .75rem; }
button.danger { background: #b3261e; color: #fff; border: 1px solid #b3261e; }
ul.variants { padding-left: 1.25rem; }
ul.mentions { list-style: none; padding-left: .5rem; margin: .25rem 0 .5rem; color: var(--muted); }
span.sentence { color: var(--fg); }
.count { color: var(--muted); margin: 0 0 .25rem; }
.count-badge { display: inline-block; min-width: 1.5em; text-align: center; border-radius: 1em; padding: 0 .4em; font-size: .8rem; background: var(--line); }
.results { display: grid; grid-template-columns: minmax(0, 1fr) 14rem; gap: 1.5rem; }
@media (max-width: 48rem) { .results { grid-template-columns: minmax(0, 1fr); } }
.facets h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
.facets li { margin: .15rem 0; }
.letters { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0 1rem; }
.letters a[aria-current] { font-weight: 700; text-decoration: none; }
li.speaker { padding: .2rem 0; }
.chart { margin: .5rem 0; }
.month-counts { columns: 3 10rem; font-size: .9rem; color: var(--muted); }
.dropzone { border: 2px dashed var(--line); padding: 1.5rem; margin: 1rem 0; text-align: center; }
.dropzone.over { border-color: var(--accent); background: color-mix(in srgb, var(--accent) 10%, transparent); }
.dropzone input[type=file] { display: block; margin: .5rem auto 0; }
ol.uploads { padding-left: 1.25rem; }
li.upload progress { vertical-align: middle; }
#role { margin-left: .5rem; }
`;
