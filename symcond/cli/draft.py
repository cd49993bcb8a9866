"""The ``symcond draft`` subcommand: a derivation file drafted from a paper's LaTeX or Markdown.

``register(subparsers)`` adds the parser; its handler returns a
:class:`~symcond.cli.command.CommandResult` and raises a
:class:`~symcond.errors.SymcondError` on bad input (``cli.py`` prints and exits).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from symcond.cli.command import CommandResult, counted
from symcond.errors import DefinitionError

__all__ = ["register"]

_EPILOG = """\
examples:
  symcond draft paper.tex                          # the drafted derivation file on stdout
  symcond draft notes.md --key notes2026 --out notes2026.py && symcond verify notes2026.py
exit: 0 drafted, 2 bad input (unreadable file, existing --out without --force)
"""
#: Largest source read, in bytes.
MAX_SOURCE_BYTES = 5_000_000


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``draft`` subcommand to ``subparsers``."""
    p = subparsers.add_parser("draft", help="draft a derivation file from a paper's LaTeX or Markdown",
                              formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG)
    p.add_argument("file", metavar="FILE", help="a .tex or Markdown (.md) source")
    p.add_argument("--key", help="paper key (default: from the file name)")
    p.add_argument("--out", metavar="FILE.py", help="write the derivation file here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    p.set_defaults(handler=_handler)


def _key(path: Path) -> str:
    key = re.sub(r"[^a-z0-9_]", "_", path.stem.lower()).strip("_")
    return key if re.match(r"[a-z]", key) else f"paper_{key}"


def _handler(args: argparse.Namespace) -> CommandResult:
    from symcond.draft import draft_text
    from symcond.files import check_target, write_text

    if args.out is not None:
        check_target(args.out, args.force)
    path = Path(args.file)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise DefinitionError(f"{args.file}: larger than {MAX_SOURCE_BYTES} bytes")
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise DefinitionError(f"cannot read {args.file}: {reason}") from None
    markdown = path.suffix.lower() in (".md", ".markdown")
    text = draft_text(source, args.key or _key(path), markdown=markdown)
    if args.out is not None:
        write_text(args.out, text, args.force)
        claims = sum(line.startswith("paper.") and not line.startswith("paper = ") for line in text.splitlines())
        todos = sum(line.startswith("# TODO") for line in text.splitlines())
        return CommandResult(f"wrote {args.out}: {counted(claims, 'claim')}, {counted(todos, 'TODO')}")
    return CommandResult(text.rstrip("\n"))
