"""The ``symcond explain`` and ``symcond export`` subcommands.

``register(subparsers)`` adds both parsers; their handlers return a
:class:`~symcond.cli.command.CommandResult` and raise a :class:`~symcond.errors.SymcondError`
on bad input (``cli.py`` prints and exits).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from symcond.cli.command import EXIT_FAILS, EXIT_OK, CommandResult
from symcond.errors import SymcondError

if TYPE_CHECKING:
    from symcond.model.paper import Paper

__all__ = ["register"]

_EXPLAIN_EPILOG = """\
worked example (a refuted claim: the exact factor, the counterexample, the SI dimensions):
  $ symcond explain reggiani2026:eq11
  reggiani2026:eq11  (Eq. (11))  equality
    verdict: fails -- the sides differ by the constant factor lhs/rhs = 2
      exact factor lhs/rhs: 2
      numeric counterexample: c = ..., eps0 = ..., lhs = ..., rhs = ...
    lhs  [SI: S = kg^-1 m^-2 s^3 A^2]
  ...
more examples:
  symcond explain dasgreen2003:eq3            # each step: expression, rule, its own check
  symcond explain eq18 --latex                # a unique local id is enough; LaTeX expressions
  symcond explain dasgreen2003:eq7            # eq7 alone is ambiguous: both papers have one
  symcond explain demo:eq2 --derivation my_paper.py
Expressions print as plain text (Unicode) unless --latex is given.
exit: 0 when the verdict matches the recorded expectation, 1 otherwise, 2 unknown id
"""

_EXPORT_EPILOG = """\
worked example (Eq. (11) of reggiani2026 as two NumPy functions, then used without SymPy):
  $ symcond export reggiani2026:eq11 --to gem.py
  wrote gem.py: eq11_lhs, eq11_rhs from reggiani2026:eq11 (verdict: fails)
  $ python3 -c "import gem; print(gem.eq11_lhs(**gem.CONSTANTS))"
  0.005308837459583421
more examples:
  symcond export dasgreen2003:eq7 --to tkg.py --backend mpmath    # 30 digits by default (dps=...)
  symcond export reggiani2026:eq18 --to nph.c --backend c          # writes nph.c and nph.h
A derivation exports its result, an equality or inequality its two sides (<id>_lhs, <id>_rhs),
a limit its expression and the stated limit; docstrings carry formula, argument units, source,
verdict and precision.
exit: 0 written, 2 unknown id or an expression the back end cannot print
"""


def _derivation_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--derivation", action="append", default=[], metavar="FILE",
                        help="derivation file defining the claim (default: the bundled derivations)")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``explain`` and ``export`` subcommands to ``subparsers``."""
    explain = subparsers.add_parser(
        "explain", help="show the derivation behind a claim step by step, with checks and SI dimensions",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EXPLAIN_EPILOG)
    explain.add_argument("claim", metavar="ID", help="claim id (reggiani2026:eq11) or a unique local id (eq11)")
    explain.add_argument("--latex", action="store_true", help="expressions as LaTeX instead of pretty text")
    _derivation_option(explain)
    explain.set_defaults(handler=_explain_handler)
    export = subparsers.add_parser(
        "export", help="write a claim's expressions as a standalone NumPy/mpmath module or C file",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EXPORT_EPILOG)
    export.add_argument("claim", metavar="ID-or-NAME", help="claim id or a unique local id")
    export.add_argument("--to", required=True, metavar="FILE", help="target file (.py, or .c with a .h beside it)")
    export.add_argument("--force", action="store_true", help="replace the target file(s) if they exist")
    export.add_argument("--backend", choices=["numpy", "mpmath", "c"], default="numpy",
                        help="numpy (float64, vectorised; default), mpmath (arbitrary precision) or c (C99)")
    _derivation_option(export)
    export.set_defaults(handler=_export_handler)


def _papers(wanted: str, derivations: list[str]) -> list[Paper]:
    """The papers of ``derivations`` (default: the bundled ones); an id naming none of them is refused.

    ``table1:row`` may be a unique local id, not paper ``table1``: it is refused only if no claim has it.
    """
    from symcond.ledger.run import load_papers

    papers = load_papers(derivations or None)
    key, sep, _ = wanted.partition(":")
    keys = [p.key for p in papers]
    if not sep or key in keys or any(c.id.partition(":")[2] == wanted for p in papers for c in p):
        return papers
    if derivations:
        raise SymcondError(f"no paper {key!r} in the given derivation files (they define {', '.join(keys)});"
                           " add its file with --derivation FILE")
    raise SymcondError(f"paper {key!r} is not bundled (bundled: {', '.join(keys)}); give its derivation file"
                       " with --derivation FILE")


def _explain_handler(args: argparse.Namespace) -> CommandResult:
    """Explain one claim."""
    from symcond.report.explain import explain, resolve_claim

    paper, claim = resolve_claim(_papers(args.claim, args.derivation), args.claim)
    explanation = explain(paper, claim)
    code = EXIT_OK if claim.expect.met_by(explanation.outcome.verdict) else EXIT_FAILS
    return CommandResult(explanation.text(latex=args.latex), code)


def _export_handler(args: argparse.Namespace) -> CommandResult:
    """Export one claim to a file."""
    from symcond.export.claim import export_claim, export_targets

    export_targets(args.to, args.backend, args.force)  # a bad --to fails before the derivations load
    result = export_claim(_papers(args.claim, args.derivation), args.claim, args.to, args.backend, force=args.force)
    return CommandResult(result.summary(), EXIT_OK)
