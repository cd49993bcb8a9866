"""The ledger in text, Markdown, JSON and LaTeX, produced from the real ledger of the bundled papers."""

import json
import re
from collections import Counter

import pytest

from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.ledger.run import verify
from symcond.model.paper import Paper
from symcond.model.verdict import Expect
from symcond.report.ledger_formats import FORMATS, LedgerView, render_ledger
from symcond.report.plain import counted

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_text_has_one_summary_line_per_paper_with_true_counts(bundled_ledger):
    """Each paper's summary line states its claim count and verdict counts, counted here independently."""
    lines = render_ledger(bundled_ledger, "text").splitlines()
    for key in {e.paper.key for e in bundled_ledger.entries}:
        counts = Counter(e.outcome.verdict.value for e in bundled_ledger.entries if e.paper.key == key)
        line = next(ln for ln in lines if ln.startswith(f"{key}: "))
        assert line.startswith(f"{key}: {counted(sum(counts.values()), 'claim')}: ")
        assert all(f"{n} {verdict}" in line for verdict, n in counts.items())


def test_text_has_a_row_per_claim_with_id_where_verdict(bundled_ledger):
    """Every claim has a row starting with its id, then its location and verdict."""
    rows = {ln.split()[0]: ln for ln in render_ledger(bundled_ledger, "text").splitlines()[2:-1]}
    for entry in bundled_ledger.entries:
        row = rows[entry.claim.id]
        shown = entry.claim.where if len(entry.claim.where) <= 26 else entry.claim.where[:25] + "…"
        assert f"  {shown}  " in row and f" {entry.outcome.verdict.value} " in row and "\n" not in row


def test_colour_only_when_asked(bundled_ledger):
    """color=True paints each verdict with ANSI codes; color=False output has none and equals the stripped one."""
    plain, painted = render_ledger(bundled_ledger, "text"), render_ledger(bundled_ledger, "text", color=True)
    assert not ANSI.search(plain) and "\x1b[31mfails" in painted and ANSI.sub("", painted) == plain


def test_cli_text_is_uncoloured_when_not_a_tty(capsys):
    """symcond verify writes no escape codes when stdout is not a terminal (pytest captures it)."""
    main(["verify", "--paper", "dasgreen2003", "--only", "dasgreen2003:eq7"])
    assert not ANSI.search(capsys.readouterr().out)


def test_markdown_has_a_row_per_claim(bundled_ledger):
    """The Markdown claim table has one row per claim, each with five cells (pipes in text escaped)."""
    rows = [ln for ln in render_ledger(bundled_ledger, "markdown").splitlines() if ln.startswith("| `")]
    assert len(rows) == len(bundled_ledger.entries)
    assert all(len(re.split(r"(?<!\\)\|", row)) == 6 for row in rows)


def test_json_keeps_its_keys_and_counts(bundled_ledger):
    """JSON lists every claim with the documented keys and a summary that matches the entries."""
    record = json.loads(render_ledger(bundled_ledger, "json"))
    assert set(record) == {"claims", "summary"} and len(record["claims"]) == len(bundled_ledger.entries)
    assert {"id", "paper", "where", "statement", "kind", "verdict", "conditions", "detail", "expected", "as_expected",
            "erratum", "ratio", "residual", "counterexample", "seconds"} <= set(record["claims"][0])
    assert record["summary"]["verdicts"] == dict(Counter(c["verdict"] for c in record["claims"]))


def test_latex_is_a_longtable_document(bundled_ledger):
    """The LaTeX format is a complete document with one longtable per paper and a row per claim."""
    doc = render_ledger(bundled_ledger, "latex")
    papers = {e.paper.key for e in bundled_ledger.entries}
    assert doc.startswith("\\documentclass") and doc.rstrip().endswith("\\end{document}")
    assert doc.count("\\begin{longtable}") == len(papers)
    assert doc.count("\\footnotesize \\texttt{") == len(bundled_ledger.entries)


def test_ledger_view_renders_markdown_in_notebooks(bundled_ledger):
    """LedgerView shows the Markdown ledger in Jupyter and the text ledger as its repr."""
    view = LedgerView(bundled_ledger)
    assert view._repr_markdown_() == render_ledger(bundled_ledger, "markdown")
    assert repr(view) == render_ledger(bundled_ledger, "text")


def test_unknown_format_is_one_line_error(bundled_ledger):
    """An unknown format names the choices in a one-line DefinitionError."""
    with pytest.raises(DefinitionError, match=f"^unknown format 'pdf'; choose one of {', '.join(FORMATS)}$"):
        render_ledger(bundled_ledger, "pdf")


@pytest.mark.parametrize(("argv", "wanted"), [
    (["--only", "reggiani2026:eq1", "--verdict", "fails"],
     lambda c: c["verdict"] == "fails" and c["id"].startswith("reggiani2026:eq1")),
    (["--only", "reggiani2026:table3"], lambda c: c["id"].startswith("reggiani2026:table3")),
    (["--paper", "dasgreen2003", "--only", "dasgreen2003:eq5"], lambda c: c["id"].startswith("dasgreen2003:eq5")),
])
def test_verify_filters_select_exactly(capsys, bundled_ledger, argv, wanted):
    """--verdict, --only and --paper keep exactly the claims of the real ledger that match."""
    main(["verify", "--format", "json", *argv])
    got = [c["id"] for c in json.loads(capsys.readouterr().out)["claims"]]
    expected = [e.to_dict() for e in bundled_ledger.entries]
    assert got == [c["id"] for c in expected if wanted(c)] and got


def _demo_ledger(*wheres: str, refuted: bool = False):
    """A ledger of claims e/h = e/h at the given locations (the first recorded as an erratum when ``refuted``)."""
    paper = Paper("demo2026")
    e, h = paper.symbols("e h")
    for i, where in enumerate(wheres, 1):
        expect = Expect.refuted("demo") if refuted and i == 1 else Expect()
        paper.equality(f"eq{i}", e / h, e / h, where=where, expect=expect)
    return verify([paper], jobs=0)


@pytest.mark.parametrize(("refuted", "last"), [
    (False, "1 claim; 0 verdicts differ from the recorded expectation"),
    (True, "1 claim; 1 verdict differs from the recorded expectation: demo2026:eq1"),
])
def test_text_counts_one_claim_in_the_singular(refuted, last):
    """One claim is '1 claim' in the paper line and the last line; one unexpected verdict 'differs'."""
    lines = render_ledger(_demo_ledger("Eq. (1)", refuted=refuted), "text").splitlines()
    assert lines[0].startswith("demo2026: 1 claim: 1 holds") and lines[-1] == last


def test_long_where_keeps_the_columns_aligned():
    """A 'where' longer than the column is cut with an ellipsis: every row's verdict starts at the same column."""
    long = "after Eq. (11), Fig. 1, the literal reading of the velocity"
    rows = render_ledger(_demo_ledger("Eq. (1)", long, "Eqs. (5)-(7)"), "text").splitlines()[1:-1]
    assert len({row.index(" holds ") for row in rows}) == 1
    assert "  after Eq. (11), Fig. 1, t…  holds " in rows[1]
