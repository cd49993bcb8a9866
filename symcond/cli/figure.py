"""The ``symcond figure`` subcommand: a paper's figure recomputed, drawn and checked.

``register(subparsers)`` adds the parser; its handler returns a
:class:`~symcond.cli.command.CommandResult` and raises a
:class:`~symcond.errors.SymcondError` on bad input (``cli.py`` prints and exits).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from symcond.cli.command import EXIT_FAILS, EXIT_OK, CommandResult
from symcond.errors import DefinitionError

if TYPE_CHECKING:
    from symcond.figures.model import FigureData

__all__ = ["register"]

_EPILOG = """\
examples:
  symcond figure                                        # list the figures the papers declare
  symcond figure dasgreen2003:fig1 --out fig1.png --data fig1.csv
  symcond figure dasgreen2003:fig1 --variant paper --out fig1.pdf --force   # replace fig1.pdf
  symcond figure dasgreen2003:fig1 --log --out fig1-log.png   # add logarithmic panels below
A paper declares its figures in its derivation file (Paper.attach_figure); the list gives one
line per figure.  A sub-band figure draws G/G0 against mu/k_B T: the paper's closed forms
(lines), the kinetic solver (markers) and the finite-T Landauer sum (dashed), one panel per
velocity convention (--variant NAME, or both/all), the paper's own reading first; dotted
vertical lines mark the sub-band thresholds.
CSV columns: mu_kT,ratio,velocity,source,G_G0 (source: closed-form | solver | landauer).
exit: 0 when every solver curve agrees with its closed form within the solver's error
bound, 1 otherwise, 2 bad input
"""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``figure`` subcommand to ``subparsers``."""
    p = subparsers.add_parser(
        "figure", help="recompute a paper's figure (solver and closed forms), draw it, check agreement",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG)
    p.add_argument("key", nargs="?", metavar="PAPER:FIG", help="figure key, e.g. dasgreen2003:fig1 (none: list)")
    p.add_argument("--out", metavar="FILE", help="draw the figure to FILE (.png, .pdf or .svg)")
    p.add_argument("--data", metavar="FILE", help="write every curve to FILE as long-form CSV")
    p.add_argument("--force", action="store_true", help="replace the --out and --data files if they exist")
    p.add_argument("--variant", default="both", metavar="NAME",
                   help="which variant to draw, one panel each (default both)")
    p.add_argument("--log", action="store_true",
                   help="draw each panel again below itself with a logarithmic G axis")
    p.add_argument("--points", type=int, default=None, metavar="N",
                   help="number of abscissae, at least 2 (default: the figure's own)")
    p.set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> CommandResult:
    """List the figures, or build one, write the requested files and report agreement."""
    from symcond.figures import available_figures, compare, figure_spec, render, to_csv
    from symcond.files import write_text

    if args.key is None:
        return CommandResult("\n".join(f"{k}: {figure_spec(k).summary}" for k in available_figures()))
    if args.points is not None and args.points < 2:  # 0 is a bad count, not "the figure's own"
        raise DefinitionError(f"'--points' must be an integer >= 2 (got {args.points})")
    _check_targets(args.out, args.data, args.force)
    spec = figure_spec(args.key)
    data = spec.build(spec.select(args.variant), args.points or spec.default_points)
    panels, points = len(data.panels), len(data.panels[0].curves[0].x)
    lines = [f"{data.key}: {panels} panel{'s' * (panels != 1)}, {points} points"]
    if args.out is not None:
        render(data, args.out, force=args.force, log=True if args.log else None)
        lines.append(f"wrote {args.out}")
    if args.data is not None:
        text = to_csv(data)
        write_text(args.data, text, args.force)
        lines.append(f"wrote {args.data} ({text.count(chr(10)) - 1} rows)")
    agreements = compare(data)
    lines += _end_values(data) + ["solver against closed form:"] + [f"  {a.line()}" for a in agreements]
    return CommandResult("\n".join(lines), EXIT_OK if all(a.passed for a in agreements) else EXIT_FAILS)


def _check_targets(out: str | None, data: str | None, force: bool) -> None:
    """Refuse a bad ``--out`` or ``--data`` before the figure is computed."""
    from symcond.figures.render import FORMATS
    from symcond.files import check_target

    if out is not None and Path(out).suffix.lower() not in FORMATS:
        raise DefinitionError(f"'--out' must end in {', '.join(FORMATS)} (got {out!r})")
    checked = [check_target(name, force) for name in (out, data) if name is not None]
    if len(checked) == 2 and os.path.abspath(checked[0]) == os.path.abspath(checked[1]):
        raise DefinitionError(f"'--out' and '--data' must be different files (both are {out!r})")


def _end_values(data: FigureData) -> list[str]:
    """Return one line per curve with its value at the last abscissa (the plateau)."""
    lines = [f"values at {data.x_name} = {data.panels[0].curves[0].x[-1]:g}:"]
    for curve in data.curves():
        keys = " ".join(f"{k}={curve.key(k) or '-'}" for k in data.key_names)
        lines.append(f"  {keys} {curve.source.value}: {data.y_name} = {curve.y[-1]:.10g}")
    return lines
