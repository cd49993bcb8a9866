"""The small protocol between ``cli.py`` and the modules that implement subcommands.

A subcommand module exposes ``register(subparsers)``, which adds its parser and sets
``handler`` to a function ``(argparse.Namespace) -> CommandResult``.  Only ``cli.py``
prints and exits; a handler returns its text and exit code, or raises a
:class:`~symcond.errors.SymcondError` for bad input (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CommandResult", "counted", "EXIT_OK", "EXIT_FAILS", "EXIT_BAD_INPUT", "EXIT_UNDECIDED", "EXIT_INTERRUPTED"]

EXIT_OK = 0
EXIT_FAILS = 1
EXIT_BAD_INPUT = 2
EXIT_UNDECIDED = 3
#: Interrupted (Ctrl-C, or a derivation file raising KeyboardInterrupt): 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class CommandResult:
    """What a subcommand hands back to the CLI: the text to print and the exit code."""

    text: str
    code: int = EXIT_OK


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one.

    >>> counted(1, "claim"), counted(0, "claim"), counted(2, "sub-band"), counted(3, "TODO")
    ('1 claim', '0 claims', '2 sub-bands', '3 TODOs')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
