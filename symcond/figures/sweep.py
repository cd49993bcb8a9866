r"""Building a declared :class:`~symcond.model.figures.SubbandFigure`: ``G/G_0`` of independent
sub-bands against ``mu / k_B T``.

Building it solves the kinetic equation at every point
(:func:`~symcond.figures.subbands.solver_sweep`), evaluates the paper's closed forms
``G_i/G_0(eta, R)`` of each velocity convention, and adds the finite-temperature Landauer
reference.  The solver's conductance uses the velocity ``solver_velocity``; for another
convention it is rescaled by the ratio of the two velocities, which must be a number (checked
symbolically).

Examples
--------
>>> import sympy
>>> from symcond.model.figures import Dash, RatioLine, SubbandFigure, VelocityVariant
>>> eta, R, v = sympy.symbols("eta R v", positive=True)
>>> figure = SubbandFigure(
...     number=2, title="Demo, Fig. 2: 1D wire", thresholds=(5, 17), mu_range=(-5.0, 30.0),
...     ratios=(RatioLine(1.0, Dash.SOLID, "black"), RatioLine(0.5, Dash.DOTTED, "tab:red")),
...     variants=(VelocityVariant("half", R / (1 + R) / (1 + sympy.exp(-eta)), 2 * v, "half"),),
...     solver_velocity=v, eta=eta, ratio=R)
>>> print(summary(figure))
G/G0 vs mu/kT, thresholds 5 and 17 kT, tau_in/tau_el = 1, 0.5
>>> print(title(figure))
Demo, Fig. 2: 1D wire, $\varepsilon_1 = 5\,k_BT$, $\varepsilon_2 = 17\,k_BT$
>>> velocity_factor(figure, figure.variant("half"))
0.5
"""

from __future__ import annotations

from functools import partial

import numpy as np
import sympy

from symcond.errors import DefinitionError
from symcond.figures.model import Curve, FigureData, FigureSpec, Look, Panel, Source
from symcond.figures.subbands import SolverSweep, closed_form_sum, landauer_sum, solver_sweep
from symcond.model.figures import Dash, RatioLine, SubbandFigure, VelocityVariant
from symcond.numeric.lambdify import NumericFunction, lambdify

__all__ = ["abscissae", "build", "closed_form", "subband_spec", "summary", "thresholds", "title", "velocity_factor"]


def subband_spec(key: str, figure: SubbandFigure) -> FigureSpec:
    """Return the buildable entry of ``figure``, declared under ``key``."""
    return FigureSpec(key, summary(figure), figure.variant_names, figure.default_points, partial(build, key, figure))


def thresholds(figure: SubbandFigure) -> tuple[float, ...]:
    """Return the sub-band thresholds ``eps_i / k_B T`` as floats."""
    return tuple(float(level) for level in figure.thresholds)


def summary(figure: SubbandFigure) -> str:
    """Return the one-line listing of ``figure``: thresholds and ratios."""
    levels = [f"{level:g}" for level in thresholds(figure)]
    joined = levels[0] if len(levels) == 1 else f"{', '.join(levels[:-1])} and {levels[-1]}"
    return (f"G/G0 vs mu/kT, threshold{'s' if len(levels) > 1 else ''} {joined} kT, "
            f"tau_in/tau_el = {', '.join(f'{line.ratio:g}' for line in figure.ratios)}")


def title(figure: SubbandFigure) -> str:
    """Return the drawn title: the declared heading followed by the thresholds."""
    levels = ", ".join(rf"$\varepsilon_{i} = {level:g}\,k_BT$" for i, level in enumerate(thresholds(figure), 1))
    return f"{figure.title}, {levels}"


def abscissae(figure: SubbandFigure, points: int) -> np.ndarray:
    """Return the sweep abscissae ``mu / k_B T``."""
    if not isinstance(points, int) or points < 2:
        raise DefinitionError(f"'points' must be an integer >= 2 (got {points!r})")
    return np.linspace(*figure.mu_range, points)


def velocity_factor(figure: SubbandFigure, variant: VelocityVariant) -> float:
    """Return ``vbar_solver / vbar_variant``: the factor from the solver's ``G`` to the variant's."""
    ratio = sympy.simplify(figure.solver_velocity / variant.velocity)
    if not ratio.is_number or not ratio.is_positive:
        raise DefinitionError(
            f"velocity ratio {figure.solver_velocity}/{variant.velocity} must be a positive number (got {ratio})"
        )
    return float(ratio)


def closed_form(figure: SubbandFigure, variant: VelocityVariant) -> NumericFunction:
    """Return the lambdified ``G_i/G_0(eta, R)`` of ``variant``."""
    extra = variant.closed_form.free_symbols - {figure.eta, figure.ratio}
    if extra:
        raise DefinitionError(f"closed form of variant {variant.name!r} must depend only on {figure.eta} and "
                              f"{figure.ratio} (also has {', '.join(sorted(str(s) for s in extra))})")
    return lambdify(variant.closed_form, args=[figure.eta, figure.ratio])


def build(key: str, figure: SubbandFigure, variants: tuple[str, ...], points: int) -> FigureData:
    """Return the figure with one panel per variant name in ``variants``."""
    mu, levels = abscissae(figure, points), thresholds(figure)
    sweeps = {line.ratio: solver_sweep(mu, levels, line.ratio) for line in figure.ratios}
    panels = tuple(_panel(figure, figure.variant(name), mu, sweeps) for name in variants)
    markers = tuple((level, rf"$\varepsilon_{i}$") for i, level in enumerate(levels, 1))
    return FigureData(key, title(figure), panels, "mu_kT", "G_G0", ("ratio", "velocity"),
                      r"$\mu/k_BT$  (chemical potential, units of $k_BT$)",
                      r"$G/G_0$  (conductance, $G_0 = 2e^2/h$)", figure.log_row, markers)


def _panel(figure: SubbandFigure, variant: VelocityVariant, mu: np.ndarray, sweeps: dict[float, SolverSweep]) -> Panel:
    """Return one panel: Landauer reference, then closed form and solver per ratio."""
    levels = thresholds(figure)
    landauer = Curve("Landauer, finite $T$: $\\sum_i [1+e^{(\\varepsilon_i-\\mu)/k_BT}]^{-1}$",
                     Source.LANDAUER, mu, landauer_sum(mu, levels),
                     (("ratio", ""), ("velocity", variant.name)), Look(Dash.DASHED, color="0.55", width=1.0))
    g_i, factor = closed_form(figure, variant), velocity_factor(figure, variant)
    curves = [landauer]
    for index, line in enumerate(figure.ratios):
        curves += _ratio_curves(figure, line, variant, mu, g_i, factor, sweeps[line.ratio], first=index == 0)
    return Panel(variant.title, tuple(curves))


def _ratio_curves(figure: SubbandFigure, line: RatioLine, variant: VelocityVariant, mu: np.ndarray,
                  g_i: NumericFunction, factor: float, sweep: SolverSweep, first: bool) -> list[Curve]:
    """Return the closed-form line and the solver markers of one ratio."""
    keys = (("ratio", f"{line.ratio:g}"), ("velocity", variant.name))
    label = f"{figure.closed_form_label}, $\\tau_{{in}}/\\tau_{{el}}$ = {line.ratio:g}"
    closed = Curve(label, Source.CLOSED_FORM, mu, closed_form_sum(g_i, mu, thresholds(figure), line.ratio), keys,
                   Look(line.dash, color=line.color))
    every = max(1, len(mu) // 40)
    markers = Look(None, marker="o", color=line.color, every=every, width=1.0)
    bound = np.where(sweep.success, sweep.tolerance * factor, np.nan)  # NaN: not converged, no bound
    solver = Curve(figure.solver_label if first else "", Source.SOLVER, mu, sweep.G_G0 * factor, keys,
                   markers, bound)
    return [closed, solver]
