"""The ``symcond symbols`` subcommand: the symbol registry, or the CODATA table, filtered.

Without options it lists every symbol of the default registry (what a derivation file gets
from ``paper.symbols``): name, LaTeX, dimension, value (with its CODATA uncertainty) and
defining relation; the unit is the one CODATA states for a CODATA constant (``ohm``, ``F m^-1``),
else the SI unit of the dimension.  ``--codata`` lists the constants of :mod:`scipy.constants` instead, by
their full CODATA names.  ``--grep`` and ``--dimension`` filter; ``--json`` prints one object.

``register(subparsers)`` adds the parser; its handler returns a
:class:`~symcond.cli.command.CommandResult` and raises a
:class:`~symcond.errors.SymcondError` on bad input (``cli.py`` prints and exits).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sympy

from symcond.cli.command import EXIT_FAILS, EXIT_OK, CommandResult
from symcond.errors import ParseError, SymcondError
from symcond.parse.tokenize import abbreviate
from symcond.quantities.codata import CodataConstant, constant, table, unit_dimension
from symcond.quantities.dimensions import Dim
from symcond.quantities.registry import Quantity, Registry, dimension_from_name

__all__ = ["register", "symbol_records", "codata_records", "render_table"]

_EPILOG = """\
examples:
  symcond symbols                              # every registry symbol: name, LaTeX, dimension, value, definition
  symcond symbols --grep conductance           # a regular expression over names and descriptions (any case)
  symcond symbols --dimension conductance      # a dimension (energy/temperature) or a unit (S, "J K^-1")
  symcond symbols --codata --grep magneton     # the CODATA constants of scipy.constants, by full name
  symcond symbols --codata --dimension length --json
the value of a CODATA constant is followed by its standard uncertainty, or (exact);
codata("...") in a derivation file and Registry.constant("...") take the full names listed by --codata.
exit: 0 when something is listed, 1 when nothing matches, 2 bad input
"""

#: Text columns: record key -> header.
_SYMBOL_COLUMNS = {"name": "name", "latex": "LaTeX", "unit": "unit", "shown": "value",
                   "definition": "definition", "description": "description"}
_CODATA_COLUMNS = {"name": "CODATA name", "symbol": "symbol", "shown": "value", "unit": "unit",
                   "si_unit": "SI dimension"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``symbols`` subcommand to ``subparsers``."""
    p = subparsers.add_parser(
        "symbols", help="list the symbol registry or the CODATA constants: dimension, value, definition",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG)
    p.add_argument("--grep", metavar="REGEX", help="only entries whose name, LaTeX, description or CODATA name match")
    p.add_argument("--dimension", metavar="DIMENSION", help="only entries of this SI dimension")
    p.add_argument("--codata", action="store_true", help="list the CODATA constants of scipy.constants instead")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> CommandResult:
    """Filter the registry (or the CODATA table) and render it."""
    pattern = _pattern(args.grep)
    dimension = _dimension(args.dimension)
    if args.codata:
        records, columns, noun = codata_records(pattern, dimension), _CODATA_COLUMNS, "CODATA constant"
    else:
        records, columns, noun = symbol_records(Registry.default(), pattern, dimension), _SYMBOL_COLUMNS, "symbol"
    code = EXIT_OK if records else EXIT_FAILS
    if args.json:
        key = "constants" if args.codata else "symbols"
        shown = [{k: v for k, v in r.items() if k != "shown"} for r in records]
        return CommandResult(json.dumps({"count": len(records), key: shown}, sort_keys=True), code)
    if not records:
        return CommandResult(f"no {noun} matches{_filters(args)}", code)
    footer = f"{len(records)} {noun}{'s' if len(records) != 1 else ''}{_filters(args)}"
    return CommandResult("\n".join([*render_table(records, columns), footer]), code)


def _filters(args: argparse.Namespace) -> str:
    shown = [f"--{name} {getattr(args, name)!r}" for name in ("grep", "dimension") if getattr(args, name)]
    return f" ({', '.join(shown)})" if shown else ""


def _pattern(text: str | None) -> re.Pattern[str] | None:
    """The ``--grep`` pattern, compiled case-insensitively; ParseError when it is not a regular expression."""
    if text is None:
        return None
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise ParseError(f"--grep {abbreviate(text)!r} is not a regular expression ({exc})") from None


def _dimension(text: str | None) -> Dim | None:
    """The ``--dimension`` filter: dimension names (``energy/temperature``), else a unit (``S``, ``J K^-1``)."""
    if text is None:
        return None
    try:
        return dimension_from_name(text)
    except SymcondError as first:
        try:
            return unit_dimension(text)
        except SymcondError:
            raise ParseError(f"--dimension {abbreviate(text)!r}: {first}") from None


def _matches(pattern: re.Pattern[str] | None, texts: Iterable[str | None]) -> bool:
    return pattern is None or any(pattern.search(t) for t in texts if t)


def symbol_records(registry: Registry, pattern: re.Pattern[str] | None = None,
                   dimension: Dim | None = None) -> list[dict[str, Any]]:
    """One record per registry symbol that matches ``pattern`` and has ``dimension`` (None: any).

    >>> [r["definition"] for r in symbol_records(Registry.default(), re.compile("^G_0$"))]
    ['2*e**2/h']
    """
    return [_symbol_record(q) for q in registry
            if (dimension is None or q.dimension == dimension)
            and _matches(pattern, (q.name, q.latex, q.description, q.codata))]


def _symbol_record(q: Quantity) -> dict[str, Any]:
    entry = constant(q.codata) if q.codata is not None else None
    value = float(q.value) if q.value is not None else None
    si_unit = q.dimension.unit_name() if q.dimension is not None else "unknown"
    return {
        "name": q.name, "latex": q.latex, "description": q.description, "codata": q.codata,
        "dimension": str(q.dimension), "unit": entry.unit if entry is not None else si_unit,
        "value": value,
        "uncertainty": entry.uncertainty if entry is not None else None,
        "definition": sympy.sstr(q.definition) if q.definition is not None else None,
        "shown": _shown(q.value, entry),
    }


def codata_records(pattern: re.Pattern[str] | None = None, dimension: Dim | None = None) -> list[dict[str, Any]]:
    """One record per current CODATA constant that matches ``pattern`` and has ``dimension`` (None: any).

    >>> [r["symbol"] for r in codata_records(re.compile("von Klitzing"))]
    [None, 'R_K']
    """
    symbols = {q.codata: q.name for q in Registry.default() if q.codata is not None}
    return [_codata_record(c, symbols.get(c.name)) for c in sorted(table().values(), key=lambda c: c.name.lower())
            if c.current and (dimension is None or c.dimension == dimension)
            and _matches(pattern, (c.name, c.unit, symbols.get(c.name)))]


def _codata_record(entry: CodataConstant, symbol: str | None) -> dict[str, Any]:
    return {
        "name": entry.name, "symbol": symbol, "value": entry.value, "uncertainty": entry.uncertainty,
        "exact": entry.exact, "unit": entry.unit, "dimension": str(entry.dimension),
        "si_unit": entry.dimension.unit_name(), "shown": _shown(repr(entry.value), entry),
    }


def _shown(value: str | None, entry: CodataConstant | None) -> str:
    """The value as listed: ``6.6743e-11 +/- 1.5e-15``, ``1.602176634e-19 (exact)``, or the bare value."""
    if value is None:
        return ""
    if entry is None:
        return value
    return f"{value} (exact)" if entry.exact else f"{value} +/- {entry.uncertainty!r}"


def render_table(records: Sequence[Mapping[str, Any]], columns: Mapping[str, str]) -> list[str]:
    """Aligned text lines: a header, then one line per record (None shown as blank).

    >>> render_table([{"a": "x", "b": None}, {"a": "long", "b": 2}], {"a": "A", "b": "B"})
    ['A     B', 'x', 'long  2']
    """
    rows = [list(columns.values())] + [["" if r[k] is None else str(r[k]) for k in columns] for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
