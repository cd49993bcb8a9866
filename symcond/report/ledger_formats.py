"""The ledger as text, JSON, Markdown, LaTeX (a ``longtable`` document, see :mod:`symcond.report.latex`) or
a self-contained HTML page (:mod:`symcond.report.html`).

>>> from symcond.ledger.run import Ledger
>>> import json
>>> json.loads(render_ledger(Ledger(()), "json"))["summary"]
{'claims': 0, 'verdicts': {}, 'papers': {}, 'unexpected': []}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from symcond.errors import DefinitionError
from symcond.ledger.run import Entry, Ledger
from symcond.model.verdict import COMPUTED, PREMISES, Finding, Verdict, listed
from symcond.report.plain import counted

__all__ = ["FORMATS", "render_ledger", "detail_line", "paper_lines", "premise_counts", "LedgerView"]

_COLOURS = {"holds": "32", "holds-under": "36", "fails": "31", "undecided": "33", "postulate": "34",
            "definition": "34", "data": "34"}


def detail_line(entry: Entry) -> str:
    """One line: the reason plus the ratio of a refutation (unless the reason states it) and the erratum."""
    ev = entry.outcome.evidence
    parts = [" ".join(ev.reason.split())]
    if entry.outcome.verdict is Verdict.FAILS and ev.ratio is not None and ev.finding is not Finding.CONSTANT_FACTOR:
        parts.append(f"ratio lhs/rhs = {ev.shown().ratio}")
    if entry.claim.expect.note:
        parts.append(f"[erratum: {entry.claim.expect.note}]")
    if not entry.as_expected:
        parts.append("[UNEXPECTED]")
    return "; ".join(p for p in parts if p)


_ORDER = tuple(v.value for v in COMPUTED)
_WHERE_WIDTH = 26


def _paint(text: str, verdict: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[verdict]}m{text}\x1b[0m" if color else text


def paper_lines(ledger: Ledger, color: bool = False) -> list[str]:
    """One summary line per paper: claims, verdict counts in severity order, unexpected verdicts.

    >>> paper_lines(Ledger(()))
    []
    """
    lines = []
    for key, counts in ledger.summary()["papers"].items():
        shown = ", ".join(_paint(f"{counts[v]} {v}", v, color) for v in _ORDER if counts.get(v))
        unexpected = sum(1 for e in ledger.entries if e.paper.key == key and not e.as_expected)
        extra = premise_counts(counts) + (f"; {unexpected} unexpected" if unexpected else "")
        lines.append(f"{key}: {counted(sum(counts.values()), 'claim')}: {shown or 'none computed'}{extra}")
    return lines


def premise_counts(counts: Mapping[str, int]) -> str:
    """The premises among ``counts`` (verdict -> number), counted apart: ``'; premises: 2 postulates, 1 datum'``.

    >>> premise_counts({"holds": 3, "postulate": 2, "data": 1}), premise_counts({"holds": 3})
    ('; premises: 2 postulates, 1 datum', '')
    """
    nouns = {"postulate": ("postulate", None), "definition": ("definition", None), "data": ("datum", "data")}
    shown = [counted(counts[v.value], *nouns[v.value]) for v in PREMISES if counts.get(v.value)]
    return f"; premises: {', '.join(shown)}" if shown else ""


def _fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` characters: padded, or cut with an ellipsis (a long ``where`` keeps the columns).

    >>> _fit("Eq. (3)", 9), _fit("after Eq. (11), Fig. 1", 9)
    ('Eq. (3)  ', 'after Eq…')
    """
    return f"{text:<{width}}" if len(text) <= width else text[:width - 1] + "…"


def _text(ledger: Ledger, color: bool = False) -> str:
    lines = paper_lines(ledger, color)
    width = max((len(e.claim.id) for e in ledger.entries), default=10)
    where = min(_WHERE_WIDTH, max((len(e.claim.where) for e in ledger.entries), default=5))
    for e in ledger.entries:
        verdict = e.outcome.verdict.value
        cells = f"{e.claim.id:<{width}}  {_fit(e.claim.where, where)}  {_paint(f'{verdict:<11}', verdict, color)}"
        lines.append(f"{cells}  {detail_line(e)}")
    unexpected = ledger.summary()["unexpected"]
    differ = "differs" if len(unexpected) == 1 else "differ"
    lines.append(f"{counted(len(ledger.entries), 'claim')}; {counted(len(unexpected), 'verdict')} {differ} from the"
                 " recorded expectation" + (f": {', '.join(unexpected)}" if unexpected else ""))
    return "\n".join(lines)


def _json(ledger: Ledger, color: bool = False) -> str:
    return json.dumps({"claims": [e.to_dict() for e in ledger.entries], "summary": ledger.summary()}, indent=2)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(ledger: Ledger, color: bool = False) -> str:
    summary = ledger.summary()
    verdicts = listed(summary["verdicts"])  # premise columns apart, when there are any
    lines = ["| paper | claims | " + " | ".join(verdicts) + " |", "|---|---:|" + "---:|" * len(verdicts)]
    for key, counts in summary["papers"].items():
        cells = " | ".join(str(counts.get(v, 0)) for v in verdicts)
        lines.append(f"| {key} | {sum(counts.values())} | {cells} |")
    lines += ["", "| id | where | verdict | detail |", "|---|---|---|---|"]
    for e in ledger.entries:
        lines.append(f"| `{e.claim.id}` | {_md_cell(e.claim.where)} | **{e.outcome.verdict.value}** | "
                     f"{_md_cell(detail_line(e))} |")
    return "\n".join(lines)


def _latex(ledger: Ledger, color: bool = False) -> str:
    from symcond.report.latex import latex_ledger

    return latex_ledger(ledger)


def _html(ledger: Ledger, color: bool = False) -> str:
    from symcond.report.html import figure_images, html_ledger, step_checks

    papers = list({e.paper.key: e.paper for e in ledger.entries}.values())
    return html_ledger(ledger, step_checks(ledger), figure_images(papers))


FORMATS: dict[str, Callable[[Ledger, bool], str]] = {"text": _text, "json": _json, "markdown": _markdown,
                                                     "latex": _latex, "html": _html}


def render_ledger(ledger: Ledger, fmt: str = "text", color: bool = False) -> str:
    """Render ``ledger`` in one of :data:`FORMATS`."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise DefinitionError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return renderer(ledger, color)


@dataclass(frozen=True)
class LedgerView:
    """A ledger that Jupyter displays as Markdown tables (and plain text elsewhere).

    >>> LedgerView(Ledger(()))._repr_markdown_().splitlines()[0]
    '| paper | claims | holds | holds-under | fails | undecided |'
    """

    ledger: Ledger

    def __repr__(self) -> str:
        return _text(self.ledger)

    def _repr_markdown_(self) -> str:
        return _markdown(self.ledger)
