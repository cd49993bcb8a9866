"""Generated README sections: what the ledger says about each paper, and the CLI reference.

``python -m symcond.cli.readme`` recomputes the ledger of the bundled papers and rewrites
the ``<!-- ledger-summary -->`` and ``<!-- cli-reference -->`` blocks of ``README.md``;
``--check`` only reports whether they are stale (exit 1).  The test-suite compares the
README with :func:`generated_blocks`, so a stale README fails CI.

>>> print(replace_block("a\\n<!-- x -->\\nold\\n<!-- /x -->\\nb", "x", "new"))
a
<!-- x -->
new
<!-- /x -->
b
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from symcond.errors import DefinitionError
from symcond.ledger.run import Entry, Ledger
from symcond.model.verdict import listed

__all__ = ["ledger_summary", "cli_reference", "replace_block", "read_block", "generated_blocks", "update_readme",
           "README"]

#: The README of a source checkout (``<repo>/README.md``).
README = Path(__file__).resolve().parents[2] / "README.md"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _counts_table(ledger: Ledger) -> list[str]:
    present = ledger.summary()["verdicts"]
    verdicts = listed(present)  # premises apart, last
    lines = ["| paper | claims | " + " | ".join(verdicts) + " | unexpected |",
             "|---|" + "---:|" * (len(verdicts) + 2)]
    for key, counts in ledger.summary()["papers"].items():
        unexpected = sum(1 for e in ledger.entries if e.paper.key == key and not e.as_expected)
        cells = " | ".join(str(counts.get(v, 0)) for v in verdicts)
        lines.append(f"| `{key}` | {sum(counts.values())} | {cells} | {unexpected} |")
    return lines


def _refuted(entry: Entry) -> str:
    ratio = entry.outcome.evidence.shown().ratio
    factor = f" — lhs/rhs = `{ratio}`" if ratio else ""
    note = f": {_md(entry.claim.expect.note)}" if entry.claim.expect.note else " (no erratum recorded)"
    return f"- `{entry.claim.id}` ({_md(entry.claim.where)}){factor}{note}"


def _paper_sections(ledger: Ledger) -> list[str]:
    lines: list[str] = []
    papers = {e.paper.key: e.paper for e in ledger.entries}
    for key, paper in papers.items():
        entries = [e for e in ledger.entries if e.paper.key == key]
        fails = [e for e in entries if e.outcome.verdict.value == "fails"]
        undecided = [e for e in entries if e.outcome.verdict.value == "undecided"]
        lines += ["", f"**{key}** — {_md(paper.title)} ({_md(paper.reference)})."]
        lines += ["", f"Refuted ({len(fails)}):", "", *map(_refuted, fails)] if fails else []
        lines += ["", "Undecided: " + ", ".join(f"`{e.claim.id}`" for e in undecided) + "."] if undecided else []
    return lines


def ledger_summary(ledger: Ledger) -> str:
    """Markdown: verdict counts per paper, then each paper's refuted claims (ratio, erratum) and undecided ids.

    >>> print(ledger_summary(Ledger(())))
    | paper | claims | holds | holds-under | fails | undecided | unexpected |
    |---|---:|---:|---:|---:|---:|---:|
    """
    return "\n".join(_counts_table(ledger) + _paper_sections(ledger))


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(prog=parser.prog, width=110, max_help_position=40)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="")
    return formatter.format_help().strip()


def cli_reference(parser: argparse.ArgumentParser | None = None) -> str:
    """Markdown: one line of purpose and the usage of every ``symcond`` subcommand (``--help`` shows examples)."""
    from symcond.cli.main import build_parser

    parser = parser if parser is not None else build_parser()
    helps = {choice.dest: choice.help for action in parser._actions if isinstance(action, argparse._SubParsersAction)
             for choice in action._choices_actions}
    lines = []
    for name, sub in _subparsers(parser).items():
        lines += [f"- `symcond {name}`: {helps.get(name, '')}", "", "  ```", *(
            "  " + line for line in _usage(sub).splitlines()), "  ```"]
    return "\n".join(lines)


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- {re.escape(name)} -->\n)(.*?)(<!-- /{re.escape(name)} -->)", re.S)


def read_block(text: str, name: str) -> str:
    """The content between ``<!-- name -->`` and ``<!-- /name -->`` (without the final newline)."""
    found = _pattern(name).search(text)
    if found is None:
        raise DefinitionError(f"README has no <!-- {name} --> ... <!-- /{name} --> block")
    return found.group(2).rstrip("\n")


def replace_block(text: str, name: str, content: str) -> str:
    """``text`` with the ``name`` block's content replaced by ``content``."""
    read_block(text, name)
    return _pattern(name).sub(lambda m: m.group(1) + content.rstrip("\n") + "\n" + m.group(3), text, count=1)


def generated_blocks(ledger: Ledger | None = None) -> dict[str, str]:
    """Block name -> generated Markdown (the ledger of the bundled papers unless ``ledger`` is given)."""
    if ledger is None:
        from symcond.ledger.run import load_papers, verify

        ledger = verify(load_papers())
    return {"ledger-summary": ledger_summary(ledger), "cli-reference": cli_reference()}


def update_readme(path: Path, blocks: Mapping[str, str]) -> list[str]:
    """Rewrite the given blocks of the README at ``path``; returns the names of blocks that changed."""
    text = path.read_text(encoding="utf-8")
    changed = [name for name, content in blocks.items() if read_block(text, name) != content.rstrip("\n")]
    for name in changed:
        text = replace_block(text, name, blocks[name])
    path.write_text(text, encoding="utf-8")
    return changed


def _run(argv: Sequence[str] | None = None) -> tuple[str, int]:
    parser = argparse.ArgumentParser(prog="python -m symcond.cli.readme", description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=README, help="README to update (default: the checkout's)")
    parser.add_argument("--check", action="store_true", help="only report stale blocks; exit 1 when any is stale")
    args = parser.parse_args(argv)
    blocks = generated_blocks()
    text = args.readme.read_text(encoding="utf-8")
    stale = [name for name, content in blocks.items() if read_block(text, name) != content.rstrip("\n")]
    if args.check:
        return (f"stale README blocks: {', '.join(stale)}" if stale else "README blocks are up to date"), int(
            bool(stale))
    update_readme(args.readme, blocks)
    return f"updated {args.readme}: {', '.join(stale) or 'nothing changed'}", 0


if __name__ == "__main__":  # the module's own command line (cli.py is the symcond command)
    message, code = _run()
    print(message)
    raise SystemExit(code)
