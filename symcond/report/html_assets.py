"""Inline CSS and JavaScript of the HTML ledger (:mod:`symcond.report.html`); nothing is fetched.

Filtering works without JavaScript: each verdict and paper control is a checkbox or radio
button, and CSS ``:has()`` hides the rows they exclude.  The script only counts the rows
shown and keeps the choice in the address (``#fails``) so that a link reopens it.

>>> ".badge.v-fails" in CSS and "addEventListener" in SCRIPT
True
"""

from __future__ import annotations

__all__ = ["CSS", "SCRIPT", "BADGE_COLOURS", "filter_css"]

#: Background colour of each verdict's badge (white bold text on it).
BADGE_COLOURS = {"holds": "#1a7f37", "holds-under": "#0b6e8a", "fails": "#c62828", "undecided": "#b35c00",
                 # premises (taken as given, counted apart): muted slate blues
                 "postulate": "#4c5a8c", "definition": "#5b6472", "data": "#3f6f8f"}

CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
       margin: 0 auto; padding: 1.2rem 1.6rem 3rem; max-width: 1500px; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .2rem; }
.muted, .where, .printed { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .55rem; border-bottom: 1px solid var(--rule); }
th { background: var(--band); font-weight: 600; font-size: .85rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th.premise, td.premise { background: var(--band); }
.summary { width: auto; min-width: 40rem; margin: .6rem 0 1rem; }
.badge { display: inline-block; padding: .12rem .55rem; border-radius: .8rem; color: #fff; font-weight: 700;
         font-size: .82rem; white-space: nowrap; }
""" + "".join(f".badge.v-{v} {{ background: {c}; }}\n" for v, c in BADGE_COLOURS.items()) + """
.unexpected { outline: 3px solid #c62828; outline-offset: 1px; }
table.claims { table-layout: fixed; }
.claims th.id { width: 12%; } .claims th.statement { width: 46%; } .claims th.verdict { width: 8.5rem; }
code, .mono { font: .85rem/1.35 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
td.id code { overflow-wrap: break-word; }
math { font-size: 1.1rem; math-style: normal; }
.eq { margin: .2rem 0; padding: .2rem 0; overflow-x: auto; overflow-y: hidden; }
.printed { font-size: .8rem; margin-top: .2rem; overflow-wrap: anywhere; }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .7rem; margin: .35rem 0 0; }
dl.evidence dt { color: var(--muted); font-size: .82rem; } dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
.reason { margin: 0; }
details { margin-top: .4rem; } summary { cursor: pointer; color: #0b57d0; font-size: .88rem; }
table.steps { margin-top: .3rem; font-size: .9rem; width: 100%; }
table.steps td { padding: .3rem .4rem; overflow-wrap: break-word; }
table.steps td:first-child { white-space: nowrap; }
.step-ok { color: #1a7f37; font-weight: 600; } .step-bad { color: #c62828; font-weight: 600; }
.step-undecided { color: #b35c00; font-weight: 600; }
.filters { position: sticky; top: 0; background: #fffe; padding: .5rem 0; border-bottom: 1px solid var(--rule);
           display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; z-index: 1; }
.filters label { white-space: nowrap; cursor: pointer; } .filters fieldset { border: 0; margin: 0; padding: 0; }
.filters legend { float: left; margin-right: .5rem; font-weight: 600; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { color: var(--muted); font-size: .85rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
"""


def filter_css(papers: int) -> str:
    """Rules hiding what the unchecked filters exclude (``:has()``; no script needed).

    >>> print(filter_css(1).splitlines()[-1])
    body:has(#paper-0:checked) section.paper:not([data-pi="0"]) { display: none; }
    """
    rules = [f'body:has(#v-{v}:not(:checked)) tr[data-verdict="{v}"] {{ display: none; }}' for v in BADGE_COLOURS]
    rules.append('body:has(#only-unexpected:checked) tr[data-expected="yes"] { display: none; }')
    rules += [f'body:has(#paper-{i}:checked) section.paper:not([data-pi="{i}"]) {{ display: none; }}'
              for i in range(papers)]
    return "\n".join(rules)


SCRIPT = """
(function () {
  var inputs = document.querySelectorAll('.filters input');
  function count() {
    var rows = document.querySelectorAll('tr[data-claim]'), shown = 0;
    rows.forEach(function (row) { if (row.offsetParent !== null) shown += 1; });
    var out = document.getElementById('shown');
    if (out) out.textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  function remember() {
    var off = [];
    inputs.forEach(function (i) {
      if (i.type === 'checkbox' && i.id.indexOf('v-') === 0 && !i.checked) off.push(i.id);
    });
    var paper = document.querySelector('input[name=paper]:checked');
    var state = off.join(',') + '|' + (paper ? paper.id : '') + '|' +
                (document.getElementById('only-unexpected').checked ? 'u' : '');
    history.replaceState(null, '', '#' + encodeURIComponent(state));
  }
  function restore() {
    var parts = decodeURIComponent(location.hash.slice(1)).split('|');
    if (parts.length !== 3) return;
    parts[0].split(',').forEach(function (id) { var i = document.getElementById(id); if (i) i.checked = false; });
    var paper = document.getElementById(parts[1]); if (paper) paper.checked = true;
    document.getElementById('only-unexpected').checked = parts[2] === 'u';
  }
  restore();
  inputs.forEach(function (i) { i.addEventListener('change', function () { remember(); count(); }); });
  count();
})();
"""
