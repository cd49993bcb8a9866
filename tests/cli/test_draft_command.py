"""The ``symcond draft`` command's report line."""

from __future__ import annotations

from symcond.cli.main import main

PAPER = "Text.\n\n$$ G = \\frac{2 e^2}{h} \\tag{1} $$\n\nThen\n\n$$ G h = 2 e^2 \\tag{2} $$\n"


def test_draft_out_counts_in_the_singular(tmp_path, capsys):
    """One drafted claim is reported as '1 claim', no TODO as '0 TODOs'."""
    source, out = tmp_path / "p.md", tmp_path / "p.py"
    source.write_text(PAPER, encoding="utf-8")
    assert main(["draft", str(source), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out}: 1 claim, 0 TODOs\n"
    assert sum(line.startswith("paper.equality(") for line in out.read_text().splitlines()) == 1
