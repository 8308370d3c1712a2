/**
 * The fleet report page (`--html`): one self-contained file rendered from the JSON report — the
 * report is already redacted, so the page shows nothing the JSON does not. Everything is rendered
 * here as HTML (readable without scripts); the small inline script only filters, sorts and opens
 * host details. A Content-Security-Policy forbids any network fetch, so the page works from disk.
 */
import { checkFailed, type HostResult } from '../results/host-result';
import type { JsonReport } from './json-report';

const STATUSES = ['ok', 'changed', 'failed', 'unreachable', 'skipped'] as const;

/** Bars drawn in the timing chart: the slowest hosts, so a 50,000-host page stays readable. */
export const CHART_HOSTS = 25;

function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function ms(n: number | undefined): string {
  if (n === undefined) return '–';
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)} s` : `${Math.round(n)} ms`;
}

/** Step → ms, from the timings record and, where a step is not there, the step's own `ms`. */
export function stepTimings(h: HostResult): [string, number][] {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(h.timings ?? {})) if (k !== 'total' && typeof v === 'number') out.set(k, v);
  for (const s of h.steps) if (typeof s.ms === 'number' && !out.has(s.step)) out.set(s.step, s.ms);
  return [...out.entries()];
}

export function hostTotal(h: HostResult): number {
  const t = h.timings?.total;
  return typeof t === 'number' ? t : stepTimings(h).reduce((a, [, v]) => a + v, 0);
}

/** The step a failed or unreachable host stopped at. */
export function failedStep(h: HostResult): string {
  if (h.status !== 'failed' && h.status !== 'unreachable') return '';
  if (h.error) return h.error.step;
  const s = h.steps.find((x) => x.status === 'failed' || x.status === 'unreachable');
  if (s) return s.step;
  return h.checks.some(checkFailed) ? 'verify' : '';
}

/** The diagnosed cause, else (failed or unreachable) the error's class. */
export function hostCause(h: HostResult): string {
  if (h.diagnosis) return h.diagnosis.cause;
  if (h.status === 'failed' || h.status === 'unreachable') return h.error?.name ?? (h.checks.some(checkFailed) ? 'AssertionFailed' : 'unknown');
  return '';
}

function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== '') m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function pre(label: string, lines: readonly string[] | string | undefined): string {
  const text = Array.isArray(lines) ? lines.join('\n') : (lines ?? '');
  return text === '' ? '' : `<h4>${esc(label)}</h4><pre>${esc(text)}</pre>`;
}

function details(h: HostResult): string {
  const parts: string[] = [];
  const what = h.error ? `${h.error.name} at ${h.error.step}: ${h.error.message}` : h.skipReason ? `skipped: ${h.skipReason}` : '';
  if (what) parts.push(`<p class="what">${esc(what)}</p>`);
  const d = h.diagnosis;
  if (d) {
    parts.push(`<h4>Cause</h4><p><strong class="cause">${esc(d.cause)}</strong> — ${esc(d.summary)}</p>`);
    parts.push(pre('Evidence', d.evidence));
    parts.push(`<h4>Remedy</h4><p class="remedy">${esc(d.remedy)}</p>`);
  }
  const bad = h.checks.filter(checkFailed);
  if (bad.length) {
    parts.push(`<h4>Failed checks</h4><ul>${bad.map((c) => `<li><strong>${esc(c.name)}</strong>: ${esc(c.message)}${c.evidence.length ? `<pre>${esc(c.evidence.join('\n'))}</pre>` : ''}</li>`).join('')}</ul>`);
  }
  parts.push(pre('Diff', h.diff));
  parts.push(pre('Commands sent', h.commands));
  if (h.rollback) parts.push(pre('Rolled back', h.rollback));
  const timings = stepTimings(h);
  if (timings.length) {
    const slowest = Math.max(...timings.map(([, v]) => v));
    parts.push(
      `<table class="timings"><caption>Step timings</caption><thead><tr><th scope="col">Step</th><th scope="col">Status</th><th scope="col">Time</th></tr></thead><tbody>${timings
        .map(([k, v]) => {
          const st = h.steps.find((s) => s.step === k);
          return `<tr${v === slowest ? ' class="slowest"' : ''}><th scope="row">${esc(k)}${v === slowest ? ' <span class="tag">slowest</span>' : ''}</th><td>${esc(st?.status ?? '')}${st?.detail ? ` — ${esc(st.detail)}` : ''}</td><td class="num">${ms(v)}</td></tr>`;
        })
        .join('')}</tbody></table>`,
    );
  }
  return parts.join('');
}

function chart(rows: { h: HostResult; total: number }[]): string {
  const top = [...rows].filter((r) => r.total > 0).sort((a, b) => b.total - a.total).slice(0, CHART_HOSTS);
  if (!top.length) return '<p>No timings recorded.</p>';
  const max = top[0]!.total;
  // Fleet-wide: the step that took longest summed over every host.
  const sums = new Map<string, number>();
  for (const { h } of rows) for (const [k, v] of stepTimings(h)) sums.set(k, (sums.get(k) ?? 0) + v);
  const [worst, worstMs] = [...sums.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const body = top
    .map(({ h, total }) => {
      const steps = stepTimings(h);
      const slowest = steps.reduce((a, b) => (b[1] > a[1] ? b : a), ['', -1] as [string, number]);
      const segs = steps
        .map(([k, v]) => `<span class="seg${k === slowest[0] ? ' slow' : ''}" style="width:${((v / max) * 100).toFixed(2)}%" title="${esc(`${k} ${ms(v)}`)}"></span>`)
        .join('');
      return `<tr><th scope="row">${esc(h.host)}</th><td class="num">${ms(total)}</td><td><span class="bar" aria-hidden="true">${segs}</span></td><td>${esc(slowest[0])} ${ms(slowest[1])}</td></tr>`;
    })
    .join('');
  return `<p>Slowest step over the fleet: <strong id="slowest-step">${esc(worst)}</strong> (${ms(worstMs)} summed over all hosts). Highlighted in each bar: that host's slowest step.</p>
<table class="chart"><caption>Per-host duration, ${top.length} slowest host(s)</caption>
<thead><tr><th scope="col">Host</th><th scope="col">Total</th><th scope="col">Steps</th><th scope="col">Slowest step</th></tr></thead><tbody>${body}</tbody></table>`;
}

const CSS = `
:root{color-scheme:light}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:1200px;padding:1rem 1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:1.6rem;border-bottom:1px solid #ccc}h4{margin:.6rem 0 .2rem}
.meta{color:#444;margin:.2rem 0}
table{border-collapse:collapse;width:100%;margin:.4rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0}
.counts li{border:1px solid #bbb;border-radius:6px;padding:.4rem .8rem;min-width:6rem}
.counts .n{display:block;font-size:1.5rem;font-weight:700}
.st{display:inline-block;padding:0 .45rem;border-radius:4px;color:#fff;font-weight:600}
.st-ok{background:#0a6b2e}.st-changed{background:#7a4d00}.st-failed{background:#b00020}.st-unreachable{background:#5c1a8a}.st-skipped{background:#4d4d4d}
button.host{font:inherit;background:none;border:0;padding:0;color:#0b57d0;text-decoration:underline;cursor:pointer;text-align:left}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#1a1a1a}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
.controls{display:flex;gap:1rem;align-items:end;flex-wrap:wrap;margin:.5rem 0}
.controls label{display:flex;flex-direction:column;font-weight:600}
select,input{font:inherit;padding:.2rem .3rem;border:1px solid #767676;border-radius:4px}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
tr.detail>td{background:#f6f6f6;border-left:4px solid #0b57d0}
pre{background:#fff;border:1px solid #ccc;padding:.4rem;overflow:auto;max-height:22rem;white-space:pre-wrap;font-size:13px}
.bar{display:flex;height:1rem;width:100%;min-width:12rem;background:#f0f0f0}
.seg{display:block;height:100%;background:#4a6f96;border-right:1px solid #fff}
.seg.slow{background:#b00020}
tr.slowest th,tr.slowest td{font-weight:700}.tag{font-size:.8em;color:#b00020}
.legend .key{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin:0 .2rem 0 .6rem}
`;

const SCRIPT = `
(function(){
  var table=document.getElementById('hosts');var body=table.tBodies[0];
  var statusSel=document.getElementById('f-status');var text=document.getElementById('f-text');var shown=document.getElementById('shown');
  function pairs(){var out=[];var rows=body.rows;for(var i=0;i<rows.length;i++){if(rows[i].classList.contains('host-row'))out.push([rows[i],rows[i].nextElementSibling]);}return out;}
  function apply(){
    var st=statusSel.value;var q=text.value.trim().toLowerCase();var n=0;var all=pairs();
    all.forEach(function(p){var r=p[0];var s=r.getAttribute('data-status');
      var ok=(st==='all'||(st==='bad'?(s==='failed'||s==='unreachable'):s===st))&&(q===''||r.getAttribute('data-search').indexOf(q)>=0);
      r.hidden=!ok;if(!ok){p[1].hidden=true;r.querySelector('button.host').setAttribute('aria-expanded','false');}if(ok)n++;});
    shown.textContent='Showing '+n+' of '+all.length+' host results';
  }
  statusSel.addEventListener('change',apply);text.addEventListener('input',apply);
  body.addEventListener('click',function(e){var b=e.target.closest('button.host');if(!b)return;
    var d=document.getElementById(b.getAttribute('aria-controls'));var open=b.getAttribute('aria-expanded')!=='true';
    b.setAttribute('aria-expanded',String(open));d.hidden=!open;});
  Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-key]'),function(th){
    th.querySelector('button').addEventListener('click',function(){
      var key=th.getAttribute('data-key');var num=th.hasAttribute('data-num');var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-key]'),function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir===1?'ascending':'descending');
      var all=pairs();all.sort(function(a,b){var x=a[0].getAttribute('data-'+key),y=b[0].getAttribute('data-'+key);
        var c=num?(Number(x)-Number(y)):x.localeCompare(y);return c*dir;});
      all.forEach(function(p){body.appendChild(p[0]);body.appendChild(p[1]);});
    });
  });
  apply();
})();
`;

export function renderHtmlReport(report: JsonReport): string {
  const rows = report.plays.flatMap((p) => p.hosts.map((h) => ({ h, play: p.name, total: hostTotal(h) })));
  const hostNames = new Set(rows.map((r) => r.h.host));
  const counts = STATUSES.map((s) => [s, rows.filter((r) => r.h.status === s).length] as const);
  const causes = countBy(rows, (r) => hostCause(r.h));
  const title = `slp-runner ${report.command}${report.playbook ? ` — ${report.playbook}` : ''}`;
  const scope = report.mergedFrom
    ? `merged from ${report.mergedFrom.length} report(s)${report.mergedFrom[0]?.shard ? ` (${report.mergedFrom[0].shard.total} shard(s))` : ''}`
    : report.shard
      ? `shard ${report.shard.index}/${report.shard.total}${report.shard.by ? ` by groups ${report.shard.by}*` : ''}`
      : 'whole fleet';

  const tableRows = rows
    .map(({ h, play, total }, i) => {
      const step = failedStep(h);
      const cause = hostCause(h);
      const search = `${h.host} ${play} ${h.status} ${step} ${cause}`.toLowerCase();
      return `<tr class="host-row" data-host="${esc(h.host)}" data-play="${esc(play)}" data-status="${esc(h.status)}" data-changed="${h.changed ? 1 : 0}" data-step="${esc(step)}" data-cause="${esc(cause)}" data-ms="${Math.round(total)}" data-search="${esc(search)}">
<th scope="row"><button type="button" class="host" aria-expanded="false" aria-controls="d${i}">${esc(h.host)}</button></th><td>${esc(play)}</td><td><span class="st st-${esc(h.status)}">${esc(h.status)}</span></td><td>${h.changed ? 'yes' : 'no'}</td><td>${esc(step)}</td><td>${esc(cause)}</td><td class="num">${ms(total)}</td></tr>
<tr class="detail" id="d${i}" hidden><td colspan="7"><h3>${esc(h.host)} <span class="st st-${esc(h.status)}">${esc(h.status)}</span> <small>(${esc(play)})</small></h3>${details(h)}</td></tr>`;
    })
    .join('\n');

  const sortable = (key: string, label: string, num = false): string =>
    `<th scope="col" data-key="${key}"${num ? ' data-num' : ''}><button type="button">${label}</button></th>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Fleet report: ${esc(report.command)}${report.check ? ' (check mode)' : ''}</h1>
<p class="meta">Playbook <code>${esc(report.playbook ?? '–')}</code>, inventory <code>${esc(report.inventory)}</code>, ${esc(scope)}.</p>
<p class="meta">Started ${esc(report.startedAt)}, took ${ms(report.durationMs)}, exit code ${esc(report.exitCode)}${report.interrupted ? `, interrupted (${esc(report.interrupted)})` : ''}. slp-runner ${esc(report.tool.version)}.</p>
</header>
<main>
<section aria-labelledby="h-outcomes">
<h2 id="h-outcomes">Outcomes</h2>
<ul class="counts">
<li><span class="n" data-count="hosts">${hostNames.size}</span> hosts</li>
${counts.map(([s, n]) => `<li><span class="n" data-count="${s}">${n}</span> <span class="st st-${s}">${s}</span></li>`).join('\n')}
</ul>
</section>
<section aria-labelledby="h-causes">
<h2 id="h-causes">Causes</h2>
${causes.length ? `<table id="causes"><caption>Hosts by diagnosed cause (or error, where none was diagnosed)</caption><thead><tr><th scope="col">Cause</th><th scope="col" class="num">Hosts</th></tr></thead><tbody>${causes.map(([c, n]) => `<tr><th scope="row">${esc(c)}</th><td class="num" data-cause-count="${esc(c)}">${n}</td></tr>`).join('')}</tbody></table>` : '<p>No host failed.</p>'}
</section>
<section aria-labelledby="h-timing">
<h2 id="h-timing">Timing</h2>
<p class="legend">Legend:<span class="key" style="background:#4a6f96"></span>step<span class="key" style="background:#b00020"></span>the host's slowest step</p>
${chart(rows)}
</section>
<section aria-labelledby="h-hosts">
<h2 id="h-hosts">Hosts</h2>
<div class="controls">
<label for="f-status">Status<select id="f-status"><option value="all">all</option><option value="bad">failed or unreachable</option>${STATUSES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
<label for="f-text">Search host, play, step or cause<input id="f-text" type="search"></label>
<p id="shown" aria-live="polite"></p>
</div>
<table id="hosts"><caption>Every host of every play; choose a host name for its details</caption>
<thead><tr>${sortable('host', 'Host')}${sortable('play', 'Play')}${sortable('status', 'Status')}${sortable('changed', 'Changed', true)}${sortable('step', 'Failed step')}${sortable('cause', 'Cause')}${sortable('ms', 'Duration', true)}</tr></thead>
<tbody>
${tableRows}
</tbody></table>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
