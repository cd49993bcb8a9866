"""The README's generated blocks are current, its example derivation file runs, its commands parse."""

import json
import re
import shlex
from pathlib import Path

import pytest

from symcond.cli.main import build_parser, main
from symcond.cli.readme import cli_reference, ledger_summary, read_block, replace_block
from symcond.errors import DefinitionError

README = Path(__file__).resolve().parents[2] / "README.md"
STALE = "README block {!r} is stale: run `python -m symcond.cli.readme`"


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _derivation_example() -> str:
    section = _readme().split("## Writing a derivation file", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def _command_lines() -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", _readme(), re.S)
    lines = [ln.strip().removeprefix("$ ") for block in blocks for ln in block.splitlines()]
    return [ln for ln in lines if ln.startswith("symcond ") and "[-h]" not in ln]  # usage lines are not commands


def test_ledger_summary_block_is_current(bundled_ledger):
    """The README's ledger summary equals the one generated from the ledger computed now."""
    assert read_block(_readme(), "ledger-summary") == ledger_summary(bundled_ledger), STALE.format("ledger-summary")


def test_cli_reference_block_is_current():
    """The README's CLI reference equals the one generated from the parser (every subcommand listed)."""
    assert read_block(_readme(), "cli-reference") == cli_reference(), STALE.format("cli-reference")


def test_example_derivation_file_gets_the_verdicts_its_comments_state(tmp_path, capsys):
    """The README's derivation file verifies with exit 0 and each claim gets the verdict written after '# ->'."""
    code = _derivation_example()
    path = tmp_path / "demo2026.py"
    path.write_text(code, encoding="utf-8")
    exit_code = main(["verify", str(path), "--format", "json"])
    verdicts = [c["verdict"] for c in json.loads(capsys.readouterr().out)["claims"]]
    assert exit_code == 0 and verdicts == re.findall(r"# -> (holds-under|holds|fails|undecided)\b", code)


@pytest.mark.parametrize("line", _command_lines())
def test_readme_command_lines_parse(line):
    """Every `symcond ...` line in the README's code blocks is accepted by the current parser."""
    words = shlex.split(line.split("&&")[0], comments=True)
    args = build_parser().parse_args(words[1:])
    assert args.command == words[1]


def test_replace_block_keeps_the_rest():
    """replace_block swaps one block's content and leaves the text around it untouched."""
    text = "top\n<!-- a -->\nold\n<!-- /a -->\nbottom\n"
    assert replace_block(text, "a", "new\n") == "top\n<!-- a -->\nnew\n<!-- /a -->\nbottom\n"


def test_missing_block_is_one_line_error():
    """Asking for a block the README lacks is a one-line DefinitionError naming the markers."""
    with pytest.raises(DefinitionError, match=r"^README has no <!-- nope --> \.\.\. <!-- /nope --> block$"):
        read_block("no markers here", "nope")
