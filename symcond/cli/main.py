"""The ``symcond`` command line.  The only module that prints or exits.

Exit codes: 0 holds / everything as expected, 1 fails / unexpected verdicts, 2 bad input,
3 undecided, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from symcond import __version__
from symcond.cli.command import (
    EXIT_BAD_INPUT,
    EXIT_FAILS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNDECIDED,
    CommandResult,
    counted,
)
from symcond.errors import SymcondError
from symcond.ledger.limits import CLAIM_BUDGET
from symcond.usercode import raised_in, user_error

if TYPE_CHECKING:
    from symcond.ledger.cache import ResultCache

__all__ = ["main"]

_EXAMPLES = """\
examples:
  symcond verify                                   # the ledger of the bundled papers
  symcond verify --format json --out ledger.json
  symcond check "e**2*N*tau/(m*L**2)" "e**2*N*Gamma/h_s" \\
      --given "Gamma=l/L" --given "l=v*tau" --given "h_s=m*v*L"
"""


_NUMBER = r"(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
#: A word that is a value, not an option: a negative number, scientific notation included (``-1e4``), or a
#: comma-separated list of numbers starting with one (``-2.5,0,1e1``); argparse knows ``-4`` and ``-.5`` only.
NEGATIVE_NUMBER = re.compile(rf"^-{_NUMBER}(?:,-?{_NUMBER})*$")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``symcond: error: ...``), exit code 2, and negative numbers as values.

    >>> p = _Parser(prog="demo")
    >>> _ = p.add_argument("--mu-kT", type=float)
    >>> p.parse_args(["--mu-kT", "-1e4"]).mu_kT
    -10000.0
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = NEGATIVE_NUMBER

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"symcond: error: {message}\n")


def _check_handler(args: argparse.Namespace) -> CommandResult:
    from symcond.cli.check import Relation, counterexample_text, dimensions_text, outcome_json, registry_text, run_check
    from symcond.model.verdict import Verdict

    run = run_check(args.lhs, args.rhs, Relation(args.relation), args.given, args.assume, args.dim,
                    args.budget, args.total_budget, plain=args.plain)
    outcome = run.outcome
    code = {Verdict.HOLDS: EXIT_OK, Verdict.HOLDS_UNDER: EXIT_OK, Verdict.FAILS: EXIT_FAILS,
            Verdict.UNDECIDED: EXIT_UNDECIDED}[outcome.verdict]
    if args.json:
        return CommandResult(outcome_json(outcome, run.registry), code)
    ev, shown = outcome.evidence, outcome.evidence.shown()
    lines = [f"{outcome.verdict.value}: {ev.reason}"]
    lines += [f"  conditions: {', '.join(ev.conditions)}"] if ev.conditions else []
    lines += [f"  ratio lhs/rhs: {shown.ratio}"] if shown.ratio and outcome.verdict is Verdict.FAILS else []
    lines += [f"  {line}" for line in (counterexample_text(ev), dimensions_text(ev)) if line]
    lines += [f"  {line}" for line in [registry_text(run.registry)] if line]
    return CommandResult("\n".join(lines), code)


def _add_check(sub: argparse._SubParsersAction) -> None:
    from symcond.cli.check import MAX_ASSUMPTIONS

    p = sub.add_parser("check", help="decide one relation between two expressions",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=(
                           "example:\n  symcond check \"e**2*N*tau/(m*L**2)\" \"e**2*N*Gamma/h_s\" "
                           "--given \"Gamma=l/L\" --given \"l=v*tau\" --given \"h_s=m*v*L\"\n"
                           "  symcond check \"2*tau_in/(tau_in+tau_el)\" 1 --relation le --assume "
                           "\"tau_in<=tau_el\"\n  symcond check \"gamma(x + 1)\" \"x*gamma(x)\" --plain\n"
                           "exit: 0 holds, 1 fails, 2 bad input, 3 undecided"))
    p.add_argument("lhs", help="left-hand side (Python syntax, ** for powers)")
    p.add_argument("rhs", help="right-hand side")
    p.add_argument("--relation", choices=[r.lower() for r in ("EQ", "LE", "LT", "GE", "GT")], default="eq")
    p.add_argument("--given", action="append", default=[], metavar="NAME=EXPR", help="a definition to substitute")
    p.add_argument("--assume", action="append", default=[], metavar="COND",
                   help=f"a condition that may be used (at most {MAX_ASSUMPTIONS})")
    p.add_argument("--dim", action="append", default=[], metavar="NAME=DIMENSION",
                   help="declare a symbol's dimension, e.g. v_p=length/time")
    p.add_argument("--budget", type=float, default=5.0, help="CPU seconds per symbolic operation (default 5)")
    p.add_argument("--total-budget", type=float, default=60.0,
                   help="wall-clock seconds for the whole check, a hard limit (default 60)")
    p.add_argument("--plain", action="store_true",
                   help="plain maths: every name is a positive symbol, not the registry's quantity (c is not the"
                        " speed of light); E, I and EulerGamma are the constants")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_check_handler)


def _verify_handler(args: argparse.Namespace) -> CommandResult:
    from symcond.cli.progress import ProgressLine, wanted
    from symcond.files import check_target, write_text
    from symcond.ledger.cache import ResultCache
    from symcond.ledger.run import load_papers, verify
    from symcond.model.verdict import Verdict
    from symcond.report import render_ledger

    if args.total_budget is not None and not args.total_budget > 0:
        raise SymcondError(f"--total-budget must be a positive number of seconds (got {args.total_budget})")
    if args.out is not None:  # a bad --out fails now, not after the ledger is computed
        check_target(args.out, args.force)
    papers = [p for p in load_papers(args.paths, args.total_budget) if not args.paper or p.key in args.paper]
    if args.paper and not papers:
        raise SymcondError(f"no paper with key {', '.join(args.paper)}")
    _check_only([claim.id for paper in papers for claim in paper], args.only)
    cache = None if args.no_cache else ResultCache()
    line = ProgressLine(sys.stderr) if wanted(sys.stderr, sys.stdout, args.format, args.out) else None
    try:
        ledger = verify(papers, args.only, [Verdict(v) for v in args.verdict], args.total_budget, jobs=args.jobs,
                        claim_budget=args.claim_budget, cache=cache, progress=line)
    finally:
        if line is not None:
            line.close()
    color = args.out is None and args.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = render_ledger(ledger, args.format, color)
    if args.format == "text" and cache is not None:
        text += "\n" + _cache_line(cache)
    code = EXIT_OK if ledger.all_as_expected else EXIT_FAILS
    if args.out is not None:
        write_text(args.out, text + "\n", args.force)
        return CommandResult(f"wrote {args.out}: {counted(ledger.summary()['claims'], 'claim')}", code)
    return CommandResult(text, code)


def _check_only(ids: Sequence[str], only: Sequence[str]) -> None:
    """Refuse an ``--only`` that selects no claim, naming the closest ids."""
    from symcond.ledger.selection import close_ids, unmatched

    for pattern in unmatched(ids, only):
        near = f"; closest ids: {', '.join(close_ids(ids, pattern))}" if ids else ""
        raise SymcondError(f"--only {pattern!r} selects no claim{near}")


def _cache_line(cache: ResultCache) -> str:
    """The text ledger's last line: what the result cache did."""
    s = cache.stats
    extra = f", {s.rejected} damaged entries recomputed" if s.rejected else ""
    extra += f", {s.unwritable} could not be written" if s.unwritable else ""
    return f"cache: {s.hits} verdicts read, {s.misses} decided{extra} ({cache.folder})"


def _add_verify(sub: argparse._SubParsersAction) -> None:
    from symcond.model.verdict import Verdict

    p = sub.add_parser("verify", help="decide every claim of the bundled (or given) derivation files",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=(
                           "example:\n  symcond verify --paper dasgreen2003 --format markdown\n"
                           "  symcond verify --format html --out ledger.html\n"
                           "  symcond verify my_paper.py --only mypaper:eq3 --format json\n"
                           "  symcond verify --only =dasgreen2003:eq7 --only reggiani2026:table1  # exact id, prefix\n"
                           "exit: 0 when every verdict matches the recorded expectation, 1 otherwise, 2 bad input\n"
                           "(e.g. an --only that selects no claim: the message names the closest ids)"))
    p.add_argument("paths", nargs="*", help="derivation files (default: the bundled papers)")
    p.add_argument("--format", choices=["text", "json", "markdown", "latex", "html"], default="text")
    p.add_argument("--out", help="write the ledger to this file")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    p.add_argument("--paper", action="append", default=[], metavar="KEY", help="only this paper")
    p.add_argument("--only", action="append", default=[], metavar="ID-PREFIX",
                   help="only claims whose id starts with ID-PREFIX; =ID: only the claim ID itself"
                        " (--only =mypaper:eq1 leaves mypaper:eq12 out)")
    p.add_argument("--verdict", action="append", default=[], choices=[v.value for v in Verdict],
                   help="only claims with this verdict")
    p.add_argument("--total-budget", type=float, default=None, help="seconds for the whole run (hard limit)")
    p.add_argument("--claim-budget", type=float, default=CLAIM_BUDGET,
                   help=f"seconds for one claim, a hard limit (default {CLAIM_BUDGET:g})")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: the cores available; 0: no workers, no hard limits)")
    p.add_argument("--no-cache", action="store_true",
                   help="decide every claim again, neither reading nor writing the result cache ($SYMCOND_CACHE_DIR,"
                        " else $XDG_CACHE_HOME/symcond or ~/.cache/symcond)")
    p.set_defaults(handler=_verify_handler)


#: Subcommands implemented outside this module: command name -> module with ``register(subparsers)``.
#: Only the module of the command being run is imported (``--help`` imports all of them).
_PLUGINS: dict[str, str] = {
    "solve": "symcond.cli.solve",
    "tables": "symcond.cli.tables",
    "explain": "symcond.cli.explain_export",
    "export": "symcond.cli.explain_export",
    "mc": "symcond.cli.mc",
    "figure": "symcond.cli.figure",
    "symbols": "symcond.cli.symbols",
    "draft": "symcond.cli.draft",
}
_CORE = {"verify": None, "check": None}


def _subcommands(command: str | None = None) -> list[Callable[[argparse._SubParsersAction], None]]:
    import importlib

    if command in _CORE:  # only its own parser (check's imports the prover, verify's need not)
        return [{"verify": _add_verify, "check": _add_check}[command]]  # type: ignore[index]
    if command in _PLUGINS:  # only its own parser: verify's and check's would import the prover
        return [importlib.import_module(_PLUGINS[command]).register]
    modules = list(dict.fromkeys(_PLUGINS.values()))
    return [_add_verify, _add_check, *(importlib.import_module(name).register for name in modules)]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser: every subcommand, or only what ``command`` needs (faster start-up)."""
    parser = _Parser(prog="symcond", description="Symbolic derivation and verification for conductance physics.",
                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EXAMPLES)
    parser.add_argument("--version", action="version", version=f"symcond {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in _subcommands(command):
        register(sub)
    return parser


def _internal(args: argparse.Namespace, exc: Exception) -> int:
    """A bug in symcond, reported in one line (the traceback with --debug)."""
    if args.debug:
        raise exc
    print(f"symcond: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", file=sys.stderr)
    return 70


def _bad_input(message: str) -> int:
    print(f"symcond: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _failed(args: argparse.Namespace, exc: Exception | SystemExit) -> int:
    """The exit code (and one line on stderr) of a handler that raised ``exc``."""
    if isinstance(exc, SymcondError):
        return _bad_input(str(exc))
    user = user_error(exc)  # raised by a derivation file's code (an object's __str__ while printing, ...)
    if user is not None:
        return _bad_input(str(user))
    if isinstance(exc, SystemExit):  # not from user code: argparse has said why already
        raise exc
    if isinstance(exc, (RecursionError, MemoryError, OverflowError)):
        return _bad_input(f"input too large or too deeply nested ({type(exc).__name__})")
    if isinstance(exc, ValueError) and ("integer string conversion" in str(exc) or "int_max_str_digits" in str(exc)):
        return _bad_input("input too large: a number in the result has more digits than Python prints"
                          f" ({sys.get_int_max_str_digits()})")
    return _internal(args, exc)


def _run(words: list[str]) -> int:
    command = next((w for w in words if not w.startswith("-")), None)
    parser = build_parser(command if command in {**_CORE, **_PLUGINS} else None)
    args = parser.parse_args(words)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        result = args.handler(args)
    except (Exception, SystemExit) as exc:
        return _failed(args, exc)
    try:
        print(result.text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `symcond verify | head`: the reader left, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return result.code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (130 when interrupted, as a shell reports Ctrl-C)."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt as exc:  # Ctrl-C, or a derivation file raising it: no traceback
        where = raised_in(exc)
        print("symcond: interrupted" + (f" (in {where})" if where else ""), file=sys.stderr)
        return EXIT_INTERRUPTED
