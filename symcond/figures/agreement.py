"""Solver against closed form, point by point, within the solver's own error bound.

Each solver curve of a figure carries an absolute error bound per point (NaN where the
solver did not converge); it is paired with the closed-form curve of the same panel and
keys.  The agreement holds when every point converged and
``|G_solver - G_closed| <= bound`` everywhere; the report gives the worst point.

Examples
--------
>>> from symcond.figures.registry import figure_spec
>>> spec = figure_spec("dasgreen2003:fig1")
>>> results = compare(spec.build(("paper",), 9))
>>> [(a.key("ratio"), a.passed) for a in results]
[('1', True), ('0.75', True), ('0.5', True)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from symcond.errors import DefinitionError
from symcond.figures.model import Curve, FigureData, Panel, Source
from symcond.figures.registry import figure_spec

__all__ = ["Agreement", "check_figure", "compare"]


@dataclass(frozen=True)
class Agreement:
    """Comparison of one solver curve with its closed form (``G`` in units of ``G_0``).

    Attributes
    ----------
    figure, panel : str
        Figure key and panel title.
    keys : tuple of (str, str)
        Identifying keys of the pair (e.g. ratio, velocity).
    points : int
        Number of abscissae compared.
    unconverged : int
        Points where the solver gave no error bound (did not converge).
    max_abs_difference, max_relative_difference : float
        Largest ``|solver - closed|`` and ``|solver - closed| / |closed|``.
    worst_x : float
        Abscissa of the largest ``|solver - closed| / bound``.
    worst_bound_ratio : float
        That largest ratio (``<= 1`` means within the solver's error bound).
    """

    figure: str
    panel: str
    keys: tuple[tuple[str, str], ...]
    points: int
    unconverged: int
    max_abs_difference: float
    max_relative_difference: float
    worst_x: float
    worst_bound_ratio: float

    @property
    def passed(self) -> bool:
        """Whether every point converged and lies within its error bound."""
        return self.unconverged == 0 and self.worst_bound_ratio <= 1.0

    def key(self, name: str) -> str:
        """Return the value of key ``name``."""
        return dict(self.keys).get(name, "")

    def line(self) -> str:
        """Return a one-line human-readable summary."""
        keys = ", ".join(f"{k}={v}" for k, v in self.keys)
        verdict = "agrees" if self.passed else "DISAGREES"
        return (f"{keys}: solver {verdict} with closed form on {self.points} points, max rel. difference "
                f"{self.max_relative_difference:.2g}, worst |diff|/bound {self.worst_bound_ratio:.2g} "
                f"at x={self.worst_x:g}, unconverged {self.unconverged}")


def compare(data: FigureData) -> tuple[Agreement, ...]:
    """Return one :class:`Agreement` per solver curve of ``data``, in drawing order."""
    return tuple(_compare(data.key, panel, curve) for panel in data.panels for curve in panel.curves
                 if curve.source is Source.SOLVER)


def check_figure(key: str, variant: str = "both", points: int | None = None) -> tuple[Agreement, ...]:
    """Build the registered figure ``key`` and compare its solver and closed-form curves."""
    spec = figure_spec(key)
    return compare(spec.build(spec.select(variant), points or spec.default_points))


def _partner(panel: Panel, solver: Curve) -> Curve:
    """Return the closed-form curve of ``panel`` with the same keys as ``solver``."""
    for curve in panel.curves:
        if curve.source is Source.CLOSED_FORM and curve.keys == solver.keys:
            return curve
    raise DefinitionError(f"solver curve {solver.keys} must have a closed-form partner in panel {panel.title!r}")


def _compare(figure: str, panel: Panel, solver: Curve) -> Agreement:
    """Compare ``solver`` with its closed-form partner point by point."""
    closed = _partner(panel, solver)
    if solver.tolerance is None or not np.array_equal(solver.x, closed.x):
        raise DefinitionError(f"solver curve {solver.keys} must have error bounds and the closed form's abscissae")
    diff = np.abs(solver.y - closed.y)
    bound = solver.tolerance
    converged = np.isfinite(bound)
    ratio = np.where(converged, diff / np.where(bound > 0, bound, np.inf), 0.0)
    ratio = np.where(converged & (bound == 0) & (diff > 0), np.inf, ratio)
    scale = np.where(closed.y != 0, np.abs(closed.y), 1.0)
    worst = int(np.argmax(ratio))
    return Agreement(figure, panel.title, solver.keys, len(diff), int(np.sum(~converged)), float(diff.max()),
                     float((diff / scale).max()), float(solver.x[worst]), float(ratio[worst]))
