"""The ``symcond solve`` subcommand: steady state of Eq. (9) for independent sub-bands.

``register(subparsers)`` adds the parser; its handler returns a
:class:`~symcond.cli.command.CommandResult` and raises a
:class:`~symcond.errors.SymcondError` on bad input (``cli.py`` prints and exits).
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

from symcond.cli.command import EXIT_FAILS, EXIT_OK, CommandResult, counted
from symcond.errors import ParseError
from symcond.kinetic.params import TimeLaw
from symcond.kinetic.result import SubbandResult
from symcond.kinetic.solver import DEFAULT_TOL, solve_subbands
from symcond.parse.tokenize import abbreviate

__all__ = ["MAX_SUBBANDS", "parse_law", "parse_thresholds", "register"]

#: Most sub-bands in one ``--eps-kT`` list.  Real wires have a few to some tens; each band is a
#: solve or a whole simulation of its own (5000 bands of 10 particles ran for half an hour in
#: ``symcond mc``).
MAX_SUBBANDS = 100

_EPILOG = """\
units (see symcond.kinetic.params): energies in k_B T; wave vector x = k / k_T with
k_T = sqrt(2 m k_B T) / hbar; times in tau_el0; field F = e E tau_el0 / (hbar k_T);
density n / k_T; current I / (e k_T v_th), v_th = sqrt(2 k_B T / m); powers in
k_B T k_T / tau_el0; G / G_0 with G_0 = 2 e^2 / h and L from Eq. (10).
tau_in(eps) = ratio * LAW(eps), tau_el(eps) = LAW(eps), eps = band energy in k_B T.

worked example (Figure 1 setting, linear response, two sub-bands at 5 and 17 k_B T):
  $ symcond solve --mu-kT 30 --eps-kT 5,17 --ratio 1
  G/G0 = 3.98734775312  (sum over 2 sub-bands)
  (each degenerate band gives about 4 R/(1+R) = 2 with Eq. (10) taken literally)
more examples:
  symcond solve --mu-kT 30 --eps-kT 5,17 --ratio 0.75
  symcond solve --mu-kT 10 --eps-kT 0 --ratio 1 --field 2 --tau-in-law "1/(1+eps)" --json
exit: 0 converged, 1 tolerance or a built-in check not met, 2 bad input or no steady state
"""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``solve`` subcommand to ``subparsers``."""
    p = subparsers.add_parser(
        "solve", help="solve the kinetic equation (9) of Das & Green (2003): G/G0, I, powers",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG)
    add_physical_arguments(p, ratio_note="inf: no inelastic scattering", field_note="linear-response limit")
    p.add_argument("--tol", type=float, default=DEFAULT_TOL,
                   help=f"relative max-norm tolerance on f (default {DEFAULT_TOL:g})")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_handler)


def add_physical_arguments(p: argparse.ArgumentParser, ratio_note: str, field_note: str) -> None:
    """The physical parameters shared by ``solve`` and ``mc`` (same names, units and defaults)."""
    p.add_argument("--mu-kT", type=float, required=True, metavar="X", help="chemical potential mu / k_B T")
    p.add_argument("--eps-kT", default="0", metavar="E1,E2,...",
                   help="sub-band thresholds eps_i / k_B T, comma-separated (default 0)")
    p.add_argument("--ratio", type=float, default=1.0, metavar="R", help=f"tau_in / tau_el0 (default 1; {ratio_note})")
    p.add_argument("--field", type=float, default=0.0, metavar="F",
                   help=f"F = e E tau_el0 / (hbar k_T) (default 0: {field_note})")
    p.add_argument("--tau-in-law", metavar="EXPR", help="shape of tau_in in eps (default 1)")
    p.add_argument("--tau-el-law", metavar="EXPR", help="tau_el / tau_el0 in eps (default 1)")


def _handler(args: argparse.Namespace) -> CommandResult:
    """Solve every sub-band and format the sums."""
    result = solve_subbands(
        args.mu_kT, parse_thresholds(args.eps_kT), ratio=args.ratio, field=args.field,
        tau_in_law=parse_law(args.tau_in_law, "tau_in_law"),
        tau_el_law=parse_law(args.tau_el_law, "tau_el_law"), tol=args.tol,
    )
    code = EXIT_OK if result.success else EXIT_FAILS
    if args.json:
        return CommandResult(json.dumps(_json(result, args), sort_keys=True), code)
    return CommandResult(_text(result), code)


def parse_thresholds(text: str) -> list[float]:
    """Return the thresholds of a comma-separated list such as ``"5,17"``.

    Examples
    --------
    >>> parse_thresholds("5, 17")
    [5.0, 17.0]
    """
    items = text.split(",")
    if len(items) > MAX_SUBBANDS:
        raise ParseError(f"'--eps-kT' may list at most {MAX_SUBBANDS} sub-bands (got {len(items)})")
    try:
        values = [float(item) for item in items]
    except ValueError:
        raise ParseError(f"'--eps-kT' must be comma-separated numbers (got {abbreviate(text)!r})") from None
    if not all(math.isfinite(v) for v in values):
        raise ParseError(f"'--eps-kT' must be finite numbers (got {abbreviate(text)!r})")
    return values


def parse_law(text: str | None, name: str) -> TimeLaw | None:
    """Return a NumPy callable of ``eps`` for an expression, or None for no expression.

    The text is parsed only by :func:`symcond.parse.grammar.parse_expression`, with ``eps`` the
    single allowed name, and compiled by :func:`symcond.numeric.lambdify.lambdify`.

    Examples
    --------
    >>> law = parse_law("1/(1+eps)", "tau_in_law")
    >>> float(law(3.0))
    0.25
    """
    if text is None:
        return None
    import sympy

    from symcond.numeric.lambdify import lambdify
    from symcond.parse.grammar import parse_expression

    eps = sympy.Symbol("eps", positive=True)

    def resolve(symbol: str) -> Any:
        if symbol != "eps":
            raise ParseError(f"'{name}' may use only the name 'eps' (energy in k_B T) (got {symbol!r})")
        return eps

    return lambdify(parse_expression(text, resolve), args=[eps])


def _json(result: SubbandResult, args: argparse.Namespace) -> dict[str, Any]:
    """Return the JSON object: sums, per-band summaries, inputs and units."""
    out = result.summary()
    out["inputs"] = {"mu_kT": args.mu_kT, "eps_kT": parse_thresholds(args.eps_kT),
                     "ratio": args.ratio, "field": args.field, "tau_in_law": args.tau_in_law,
                     "tau_el_law": args.tau_el_law, "tol": args.tol}
    out["units"] = {"density": "k_T", "current": "e k_T v_th",
                    "joule_power": "k_B T k_T / tau_el0", "inelastic_loss": "k_B T k_T / tau_el0",
                    "G_G0": "2 e^2 / h", "mean_energy": "k_B T"}
    return out


def _text(result: SubbandResult) -> str:
    """Return a short human-readable report."""
    lines = [f"G/G0 = {result.G_G0:.12g}  (sum over {counted(len(result.bands), 'sub-band')})"]
    for band in result.bands:
        lines.append(
            f"  eta={band.params.eta:g}: G/G0={band.G_G0:.12g} n/k_T={band.density:.6g} "
            f"I={band.current:.6g} P_joule={band.joule_power:.6g} "
            f"P_inel={band.inelastic_loss:.6g} <eps>={band.mean_energy:.6g}"
        )
        lines.append(f"    {band.message}")
    return "\n".join(lines)
