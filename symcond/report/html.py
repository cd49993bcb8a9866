"""The ledger as one self-contained HTML page: MathML statements, verdict badges, evidence, steps, figures.

The page needs no network: CSS and a little JavaScript are inline
(:mod:`symcond.report.html_assets`) and figures are SVG ``data:`` URIs.  It has a summary
per paper, filters by verdict and paper (CSS ``:has()``, so they work without the script),
and one table row per claim (``<tr data-claim="paper:id">``) with the statement typeset as
MathML from the claim's own expressions (the statement as printed below it), the verdict
badge, the exact ratio, residual, counterexample and SI dimensions, and a derivation's steps,
each with its own check, behind a ``<details>`` disclosure.  Every string taken from a claim
or paper is escaped (:func:`html.escape`); MathML passes :func:`~symcond.report.html_math.sanitise`.

>>> from symcond.ledger.run import Ledger
>>> page = html_ledger(Ledger(()))
>>> page.startswith("<!DOCTYPE html>") and "0 claims" in page
True
"""

from __future__ import annotations

import base64
import html
import re
import tempfile
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

from symcond import __version__
from symcond.ledger import workers
from symcond.ledger.run import CLAIM_BUDGET, Entry, Ledger
from symcond.model.derivation import Derivation
from symcond.model.paper import Paper
from symcond.model.verdict import PREMISES, Outcome, Verdict, listed
from symcond.report.explain import dimension_text, step_status
from symcond.report.html_assets import CSS, SCRIPT, filter_css
from symcond.report.html_math import (
    Names,
    claim_mathml,
    condition_html,
    display_names,
    expr_mathml,
    reason_html,
    rule_html,
    symbol_mathml,
    unit_html,
)
from symcond.report.plain import counted
from symcond.report.typeset import names_of, unit_name_text
from symcond.usercode import reported

__all__ = ["html_ledger", "step_checks", "figure_images", "Figure"]

#: A drawn figure: key, one-line summary, and the SVG (or why it could not be drawn: empty SVG, message).
Figure = tuple[str, str, bytes, str]
_PREMISE_NAMES = frozenset(v.value for v in PREMISES)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


# --- what the page shows beyond the ledger --------------------------------------------------------
def step_checks(ledger: Ledger, budget: float = CLAIM_BUDGET) -> dict[str, list[Outcome]]:
    """Each derivation's steps checked on their own (:func:`~symcond.prove.derivation.check_steps`),
    by claim id, in worker processes stopped after ``budget`` seconds (then every step ``undecided``)."""
    from symcond.prove.derivation import check_steps

    chosen = [(e.paper, e.claim) for e in ledger.entries if isinstance(e.claim, Derivation)]

    def task(paper: Paper, claim: Derivation) -> list[Outcome]:
        with reported(f"while checking the steps of {claim.id}"):
            outcomes = check_steps(claim, paper.context(claim))
        return [Outcome(o.verdict, o.evidence.portable()) for o in outcomes]

    tasks = [lambda p=p, c=c: task(p, c) for p, c in chosen]
    if not tasks:
        return {}
    results = workers.run_tasks(tasks, workers.default_jobs(), budget) if workers.available() else None
    found: dict[str, list[Outcome]] = {}
    for index, (_, claim) in enumerate(chosen):
        if results is None:  # pragma: no cover - not POSIX
            found[claim.id] = tasks[index]()
        elif results[index].status is workers.Status.DONE:
            found[claim.id] = results[index].value
        else:
            outcome = workers.as_outcome(results[index], f"steps of {claim.id}")
            found[claim.id] = [outcome] * len(claim.steps)
    return found


def _draw(paper: Paper) -> list[Figure]:
    from symcond.figures import figure_specs, render

    drawn: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        for key, spec in figure_specs([paper]).items():
            path = Path(folder) / f"{len(drawn)}.svg"
            render(spec.build(spec.variants, spec.default_points), path)
            drawn.append((key, spec.summary, path.read_bytes(), ""))
    return drawn


def figure_images(papers: Sequence[Paper], budget: float = CLAIM_BUDGET) -> dict[str, list[Figure]]:
    """The figures each paper declares, drawn as SVG (every variant, default points) in a worker
    process stopped after ``budget`` seconds; a figure that cannot be drawn carries the reason."""
    found: dict[str, list[Figure]] = {}
    for paper in papers:
        if not paper.figures:
            continue
        result = workers.run_one(partial(_draw, paper), budget)
        if result.status is workers.Status.DONE:
            found[paper.key] = result.value
        else:
            why = str(result.error) if result.error is not None else (result.detail or result.status.value)
            found[paper.key] = [(f"{paper.key}: figures", "", b"", f"not drawn: {why}")]
    return found


# --- the page ------------------------------------------------------------------------------------
def _badge(verdict: str, extra: str = "") -> str:
    return f'<span class="badge v-{_e(verdict)}{extra}">{_e(verdict)}</span>'


def _papers(ledger: Ledger) -> dict[str, tuple[Paper, list[Entry]]]:
    papers: dict[str, tuple[Paper, list[Entry]]] = {}
    for entry in ledger.entries:
        papers.setdefault(entry.paper.key, (entry.paper, []))[1].append(entry)
    return papers


def _shown_order(ledger: Ledger) -> tuple[str, ...]:
    """The computed verdicts, then the premises (postulate, definition, data) that occur, counted apart."""
    return listed(ledger.summary()["verdicts"])


def _summary(ledger: Ledger, papers: Mapping[str, tuple[Paper, list[Entry]]]) -> list[str]:
    order = _shown_order(ledger)
    head = "".join(f'<th class="num{" premise" if v in _PREMISE_NAMES else ""}">{_badge(v)}</th>' for v in order)
    lines = ['<table class="summary"><thead><tr><th>paper</th><th class="num">claims</th>'
             f'{head}<th class="num">unexpected</th></tr></thead><tbody>']
    rows = [(key, paper.title, entries) for key, (paper, entries) in papers.items()]
    rows.append(("all papers", "", list(ledger.entries)))
    for key, title, entries in rows:
        counts = [sum(1 for e in entries if e.outcome.verdict.value == v) for v in order]
        unexpected = sum(1 for e in entries if not e.as_expected)
        cells = "".join(f'<td class="num{" premise" if v in _PREMISE_NAMES else ""}">{n or ""}</td>'
                        for v, n in zip(order, counts, strict=True))
        name = f"<strong>{_e(key)}</strong>" + (f' <span class="muted">{_e(title)}</span>' if title else "")
        lines.append(f'<tr><td>{name}</td><td class="num">{len(entries)}</td>{cells}'
                     f'<td class="num">{unexpected or ""}</td></tr>')
    return [*lines, "</tbody></table>"]


def _filters(ledger: Ledger, papers: Sequence[str]) -> list[str]:
    counts = ledger.summary()["verdicts"]
    order = _shown_order(ledger)
    verdicts = "".join(f'<label><input type="checkbox" id="v-{v}" checked> {_badge(v)} {counts.get(v, 0)}</label> '
                       for v in order)
    choices = "".join(f'<label><input type="radio" name="paper" id="paper-{i}"> {_e(key)}</label> '
                      for i, key in enumerate(papers))
    return ['<div class="filters" role="group" aria-label="filters">',
            f"<fieldset><legend>verdict</legend>{verdicts}</fieldset>",
            '<fieldset><legend>paper</legend><label><input type="radio" name="paper" id="paper-all" checked> all'
            f"</label> {choices}</fieldset>",
            '<label><input type="checkbox" id="only-unexpected"> only unexpected verdicts</label>',
            '<output id="shown" class="muted"></output></div>']


def _dimension(dim: object) -> str | None:
    if dim is None:
        return None
    named, base = dim.unit_name(), str(dim)  # type: ignore[attr-defined]
    if base == "1":
        return "1 (dimensionless)"
    return unit_html(base if named == base else f"{unit_name_text(named)} = {base}")


def _evidence(entry: Entry, names: Names) -> str:
    ev, shown, verdict = entry.outcome.evidence, entry.outcome.evidence.shown(), entry.outcome.verdict
    items: list[tuple[str, str]] = []
    if ev.ratio is not None:
        label = "exact ratio lhs/rhs" if not ev.numeric else "ratio computed/printed"
        items.append((label, expr_mathml(ev.ratio, names) if not ev.numeric else f"<code>{_e(shown.ratio)}</code>"))
    if ev.residual is not None:
        items.append(("residual", expr_mathml(ev.residual, names)))
    if ev.value is not None:
        items.append(("value", expr_mathml(ev.value, names) if not ev.numeric else f"<code>{_e(shown.value)}</code>"))
    if ev.conditions:
        items.append(("conditions", ", ".join(condition_html(c, names_of(entry.paper), names) for c in ev.conditions)))
    if shown.counterexample:
        label = "counterexample without them" if verdict is not Verdict.FAILS and ev.conditions else "counterexample"
        units, codata = shown.units or {}, set(shown.constants)
        point = ", ".join(f"{symbol_mathml(k, names)} = <code>{_e(v)}</code>"
                          + (f" {unit_html(units[k])}" if k in units and v != "undefined" else "")
                          + (" (CODATA)" if k in codata else "") for k, v in shown.counterexample.items())
        items.append((label, point))
    lhs, rhs = _dimension(ev.lhs_dimension), _dimension(ev.rhs_dimension)
    if lhs is not None or rhs is not None:
        same = lhs == rhs
        items.append(("SI dimension" if same else "SI dimensions",
                      str(lhs) if same else f"lhs: {lhs or 'unknown'}; rhs: {rhs or 'unknown'}"))
    if ev.step is not None:
        items.append(("first broken step", str(ev.step)))
    expect = entry.claim.expect
    if expect.note:
        items.append(("erratum recorded", reason_html(expect.note, names_of(entry.paper), names)))
    expected = " or ".join(sorted(v.value for v in expect.verdicts))
    items.append(("expected", _e(expected) + ("" if entry.as_expected else " <strong>(unexpected)</strong>")))
    rows = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in items)
    reason, _, runs = ev.reason.partition("; runs: ")
    shown_reason = reason_html(reason, names_of(entry.paper), names)
    if runs:
        shown_reason += f'<details><summary>solver runs</summary><code>{_e(runs)}</code></details>'
    return f'<p class="reason">{shown_reason}</p><dl class="evidence">{rows}</dl>'


def _step_class(outcome: Outcome) -> str:
    return {Verdict.HOLDS: "step-ok", Verdict.HOLDS_UNDER: "step-ok", Verdict.FAILS: "step-bad"}.get(
        outcome.verdict, "step-undecided")


def _steps(entry: Entry, outcomes: Sequence[Outcome] | None, names: Names) -> str:
    claim = entry.claim
    if not isinstance(claim, Derivation):
        return ""
    ctx = entry.paper.context(claim)
    rows = [f'<tr><td>start</td><td>{expr_mathml(claim.start, names)}</td><td></td>'
            f'<td class="mono">{unit_html(dimension_text(ctx, claim.start))}</td><td></td></tr>']
    for i, step in enumerate(claim.steps, start=1):
        rule = rule_html(step.rule, names_of(entry.paper), names)
        rule += f' <span class="muted">({_e(step.note)})</span>' if step.note else ""
        if outcomes is None:
            check = '<span class="muted">not checked here</span>'
        else:
            check = f'<span class="{_step_class(outcomes[i - 1])}">{_e(step_status(outcomes[i - 1]))}</span>'
        rows.append(f"<tr><td>{i}</td><td>{expr_mathml(step.expr, names)}</td><td>{rule}</td>"
                    f'<td class="mono">{unit_html(dimension_text(ctx, step.expr))}</td><td>{check}</td></tr>')
    plural = "step" if len(claim.steps) == 1 else f"{len(claim.steps)} steps"
    return (f"<details><summary>derivation: {plural}, each checked on its own</summary>"
            '<table class="steps"><thead><tr><th>#</th><th>expression</th><th>rule</th><th>SI dimension</th>'
            f'<th>check</th></tr></thead><tbody>{"".join(rows)}</tbody></table></details>')


def _statement(entry: Entry, names: Names) -> str:
    try:
        math = claim_mathml(entry.claim, names)
    except Exception:  # a claim whose expressions cannot be printed shows its statement only
        math = ""
    return f'{math}<div class="printed">as printed: <code>{_e(entry.claim.statement)}</code></div>'


def _breakable(name: str) -> str:
    """A claim id, escaped, that may wrap after a dot or underscore (``eq1.<wbr>power.<wbr>dimension``) but never
    inside a word.

    >>> _breakable("table1:classical_ballistic.dim")
    'table1:<wbr>classical_<wbr>ballistic.<wbr>dim'
    """
    return re.sub(r"([.:_])(?=.)", r"\1<wbr>", _e(name))


def _row(entry: Entry, index: int, steps: Mapping[str, Sequence[Outcome]] | None, names: Names) -> str:
    claim, verdict = entry.claim, entry.outcome.verdict.value
    local = claim.id.partition(":")[2] or claim.id
    expected = "yes" if entry.as_expected else "no"
    badge = _badge(verdict, "" if entry.as_expected else " unexpected")
    outcomes = None if steps is None else steps.get(claim.id)
    return (f'<tr data-claim="{_e(claim.id)}" data-verdict="{_e(verdict)}" data-expected="{expected}" '
            f'data-pi="{index}"><td class="id"><code>{_breakable(local)}</code>'
            f'<div class="where">{_e(claim.where)}</div>'
            f'<div class="muted">{_e(claim.kind.value)}, {entry.seconds:.1f} s</div></td>'
            f'<td class="statement">{_statement(entry, names)}{_steps(entry, outcomes, names)}</td>'
            f'<td class="verdict">{badge}</td><td class="detail">{_evidence(entry, names)}</td></tr>')


def _figures(figures: Sequence[Figure], paper: Paper, names: Names) -> list[str]:
    out = []
    for key, summary, svg, problem in figures:
        if problem:
            out.append(f'<p class="muted">{_e(key)}: {_e(problem)}</p>')
            continue
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        out.append(f'<figure><img src="{uri}" alt="{_e(key)}"><figcaption><strong>{_e(key)}</strong> '
                   f"{reason_html(summary, names_of(paper), names)}</figcaption></figure>")
    return out


def _section(index: int, paper: Paper, entries: Sequence[Entry], steps: Mapping[str, Sequence[Outcome]] | None,
             figures: Sequence[Figure]) -> list[str]:
    names = display_names(paper)
    title = f"{_e(paper.key)}" + (f": {_e(paper.title)}" if paper.title else "")
    lines = [f'<section class="paper" data-pi="{index}" id="paper-{_e(paper.key)}"><h2>{title}</h2>']
    lines += [f'<p class="muted">{_e(paper.reference)}</p>'] if paper.reference else []
    lines.append('<table class="claims"><thead><tr><th class="id">claim</th><th class="statement">statement</th>'
                 '<th class="verdict">verdict</th><th>evidence</th></tr></thead><tbody>')
    lines += [_row(e, index, steps, names) for e in entries]
    lines.append("</tbody></table>")
    lines += _figures(figures, paper, names)
    return [*lines, "</section>"]


def html_ledger(ledger: Ledger, steps: Mapping[str, Sequence[Outcome]] | None = None,
                figures: Mapping[str, Sequence[Figure]] | None = None) -> str:
    """The ledger as a complete HTML document.

    Parameters
    ----------
    ledger : Ledger
        The verdicts to render.
    steps : mapping, optional
        Each derivation's step outcomes by claim id (:func:`step_checks`); without it the steps
        are listed without their own checks.
    figures : mapping, optional
        Drawn figures by paper key (:func:`figure_images`); none without it.
    """
    papers = _papers(ledger)
    unexpected = ledger.summary()["unexpected"]
    differ = "differs" if len(unexpected) == 1 else "differ"
    lines = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>symcond ledger</title>", f"<style>{CSS}\n{filter_css(len(papers))}</style></head><body>",
             "<header><h1>symcond verification ledger</h1>",
             f'<p class="muted">{counted(len(ledger.entries), "claim")} in {counted(len(papers), "paper")}; '
             f"{counted(len(unexpected), 'verdict')} {differ} from the recorded expectation.</p></header>"]
    lines += _summary(ledger, papers) + _filters(ledger, list(papers))
    for index, (key, (paper, entries)) in enumerate(papers.items()):
        lines += _section(index, paper, entries, steps, (figures or {}).get(key, ()))
    lines.append(f"<footer>Decided by symcond {_e(__version__)}. Statements are typeset from the claims' "
                 "SymPy expressions (MathML); the text as printed in the paper is shown below each.</footer>")
    lines.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(lines)
