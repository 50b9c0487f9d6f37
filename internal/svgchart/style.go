package svgchart

import "html/template"

// PageCSS is the style of a report page built around these charts (the
// campaign example's and the service's): readable from 1,280 px down,
// printable on A4 (the print rules stack each chart over its table, start
// each <section> on a page and keep a figure on one). It styles the
// charts' classes (.ct title, .tk tick, .ax axis label, .rl row label, .mk
// flagged, .vl value, .ref reference, .hv/.lt heat-map cells, .lg legend,
// .pl point label) and the page's: .keys (key figures), .fig (a chart and
// its table side by side; .wide stacks them), td.n (numbers), tr.flag,
// .note, .sub.
const PageCSS template.CSS = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;margin:0;background:#fff}
main{max-width:1240px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:24px;margin:0 0 2px}h2{font-size:19px;margin:0 0 8px;border-bottom:2px solid #0072B2;padding-bottom:3px}
.sub{color:#555;margin:0 0 14px}
.keys{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:0 0 10px;padding:0}
.keys div{border:1px solid #cfd8e3;border-radius:6px;padding:8px 12px;background:#f5f8fc}
.keys dt{font-size:12px;color:#444;text-transform:uppercase;letter-spacing:.03em}
.keys dd{margin:0;font-size:24px;font-weight:650}.keys small{display:block;color:#555;font-size:12px}
section{margin:26px 0 0}
p{margin:4px 0 8px;max-width:1100px}
.fig{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:18px;align-items:start;margin:12px 0 18px;break-inside:avoid}
.fig.wide{grid-template-columns:minmax(0,1fr)}.fig.wide>div:first-child{max-width:900px}
svg.chart{width:100%;height:auto;display:block}
svg .ct{font-size:15px;font-weight:650;fill:#1a1a1a}svg .tk{font-size:11px;fill:#444}svg .ax{font-size:12px;fill:#222}
svg .rl{font-size:12px;fill:#222}svg .mk{fill:#B00020;font-weight:650}svg .vl{font-size:11px;fill:#333}
svg .ref{font-size:11px;fill:#B00020;font-weight:600}svg .hv{font-size:11px;fill:#1a1a1a}svg .lt{fill:#fff}
svg .lg{font-size:12px;fill:#222}svg .pl{font-size:11px;fill:#222}
table{border-collapse:collapse;width:100%;font-size:12px;margin:0 0 10px}
caption{text-align:left;font-weight:600;padding:0 0 4px;font-size:13px}
th,td{padding:3px 6px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
th{background:#f0f3f7;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}th{overflow-wrap:anywhere}
tr.flag td:first-child{color:#B00020;font-weight:650}
.note{color:#444;font-size:13px}
.flagnote{color:#B00020}
footer{margin-top:30px;color:#666;font-size:12px}
@media (max-width:1000px){.fig{grid-template-columns:minmax(0,1fr)}.keys{grid-template-columns:repeat(2,minmax(0,1fr))}}
@page{size:A4;margin:12mm}
@media print{
 body{font-size:10.5pt}main{max-width:none;padding:0}
 .fig{grid-template-columns:minmax(0,1fr);gap:6px}
 section{break-before:page}section:first-of-type{break-before:auto}
 table{font-size:8.5pt}tr{break-inside:avoid}
 .keys div{background:none}
}
`
