"""The ``symcond tables`` subcommand: a paper's printed tables regenerated from its claims.

``register(subparsers)`` adds the parser; its handler returns a
:class:`~symcond.cli.command.CommandResult` and raises a
:class:`~symcond.errors.SymcondError` on bad input (``cli.py`` prints and exits).
"""

from __future__ import annotations

import argparse

from symcond.cli.command import EXIT_FAILS, EXIT_OK, CommandResult, counted
from symcond.errors import DefinitionError

__all__ = ["register"]

_EPILOG = """\
examples:
  symcond tables reggiani2026                         # LaTeX document on stdout
  symcond tables reggiani2026 --format markdown
  symcond tables reggiani2026 --out tables.tex && pdflatex tables.tex
  symcond tables reggiani2026 --out tables.tex --force       # replace tables.tex
exit: 0 when every table verdict matches its recorded expectation, 1 otherwise, 2 bad input
"""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``tables`` subcommand to ``subparsers``."""
    p = subparsers.add_parser(
        "tables", help="regenerate a paper's tables with verdicts, SI values and erratum footnotes",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG)
    p.add_argument("paper", metavar="PAPER", help="paper key, e.g. reggiani2026")
    p.add_argument("--format", choices=["latex", "markdown"], default="latex", help="output format (default latex)")
    p.add_argument("--out", metavar="FILE", help="write the tables to FILE instead of stdout")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    p.add_argument("--snippet", action="store_true", help="LaTeX table environments only, no document wrapper")
    p.add_argument("--derivation", action="append", default=[], metavar="FILE",
                   help="derivation file defining the paper (default: the bundled derivations)")
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> CommandResult:
    """Verify the paper's table claims and render its tables."""
    from symcond.files import check_target, write_text
    from symcond.ledger.run import load_papers, verify
    from symcond.report.table_formats import render_tables
    from symcond.report.tables import table_prefixes, tables_of

    if args.out is not None:  # a bad --out fails now, not after the tables are verified
        check_target(args.out, args.force)
    found = [p for p in load_papers(args.derivation or None) if p.key == args.paper]
    if not found:
        raise DefinitionError(f"no paper with key {args.paper!r}")
    paper = found[0]
    if not tables_of(paper):
        raise DefinitionError(f"paper {paper.key!r} attaches no tables")
    ledger = verify([paper], only=table_prefixes(paper))
    text = render_tables(paper, args.format, ledger, standalone=not args.snippet)
    code = EXIT_OK if ledger.all_as_expected else EXIT_FAILS
    if args.out is not None:
        write_text(args.out, text + "\n", args.force)
        written = f"{counted(len(tables_of(paper)), 'table')}, {counted(len(ledger.entries), 'claim')}"
        return CommandResult(f"wrote {args.out}: {written}", code)
    return CommandResult(text, code)
