package main

import (
	"html/template"

	"github.com/influencekit/influencekit/internal/svgchart"
)

// probeJS is the browser test's probe (pageView.Probe): the page's scroll
// width and the boxes of its sections and charts, written into the DOM as
// JSON for --dump-dom to carry out.
const probeJS = `(function(){var r=[];document.querySelectorAll('section,svg.chart').forEach(function(e){var b=e.getBoundingClientRect();` +
	`r.push({id:e.id,kind:e.tagName.toLowerCase(),x:b.left+scrollX,y:b.top+scrollY,w:b.width,h:b.height})});` +
	`var o=document.createElement('pre');o.id='probe';o.hidden=true;var d=document.documentElement,w=[];` +
	`document.querySelectorAll('body *').forEach(function(e){if(w.length<5&&e.getBoundingClientRect().right>d.clientWidth+0.5)` +
	`w.push(e.tagName+(e.id?'#'+e.id:'')+' '+(e.textContent||'').slice(0,40))});` +
	`var ov=[];document.querySelectorAll('table').forEach(function(e){var p=e.parentElement.getBoundingClientRect(),b=e.getBoundingClientRect();` +
	`if(b.right>p.right+0.5||e.scrollWidth>e.clientWidth+0.5)ov.push((e.caption?e.caption.textContent:'table')+': '+Math.round(b.right-p.right)+' px')});` +
	`o.textContent=JSON.stringify({scrollWidth:d.scrollWidth,clientWidth:d.clientWidth,height:d.scrollHeight,boxes:r,wide:w,overflow:ov});` +
	`document.body.appendChild(o)})();`

// pageCSS adds to svgchart.PageCSS what this page needs: a header cell
// breaks only between words (PageCSS's overflow-wrap:anywhere split narrow
// numeric headers: "orde rs", "ROA S").
const pageCSS template.CSS = `th{overflow-wrap:normal}`

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"css":     func() template.CSS { return svgchart.PageCSS },
	"pagecss": func() template.CSS { return pageCSS },
	"js":      func() template.JS { return template.JS(probeJS) },
	"inc":     func(i int) int { return i + 1 },
	"flagged": func(marked []bool, i int) bool { return i < len(marked) && marked[i] },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'{{if .Probe}}; script-src 'unsafe-inline'{{end}}">
<title>{{.Title}}</title>
<style>{{css}}{{pagecss}}</style>
</head>
<body>
<main>
<header>
<h1>{{.Title}}</h1>
<p class="sub">{{.Subtitle}}</p>
{{with .AsOf}}<p class="sub"><strong>{{.}}</strong></p>{{end}}
<dl class="keys">{{range .Keys}}<div><dt>{{.Label}}</dt><dd data-key="{{.Key}}">{{.Value}}</dd><small>{{.Note}}</small></div>{{end}}</dl>
<p>{{.Summary}}</p>
</header>
{{range $i, $s := .Sections}}<section id="{{$s.ID}}" aria-labelledby="{{$s.ID}}-h">
<h2 id="{{$s.ID}}-h">{{inc $i}}. {{$s.Title}}</h2>
{{range $s.Intro}}<p>{{.}}</p>
{{end}}{{range $s.Figures}}<div class="fig{{if .Wide}} wide{{end}}"><div>{{.Chart}}</div><div>{{template "table" .Table}}</div></div>
{{end}}{{range $s.Tables}}{{template "table" .}}{{end}}{{range $s.Notes}}<p class="note">{{.}}</p>
{{end}}</section>
{{end}}<footer>Made by influencekit's examples/campaign -html: one file, no network; every figure is also in the text report and -json.</footer>
</main>
{{if .Probe}}<script>{{js}}</script>{{end}}
</body>
</html>
{{define "table"}}{{if .Head}}<table>{{with .Caption}}<caption>{{.}}</caption>{{end}}
<thead><tr>{{range $j, $h := .Head}}<th{{if index $.Num $j}} class="n"{{end}} scope="col">{{$h}}</th>{{end}}</tr></thead>
<tbody>{{range $i, $r := .Rows}}<tr{{if flagged $.Marked $i}} class="flag"{{end}}>{{range $j, $c := $r}}<td{{if index $.Num $j}} class="n"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody></table>{{range .Notes}}<p class="note">{{.}}</p>
{{end}}{{end}}{{end}}`))
