"""A declarative figure kind: ``G/G_0`` of independent sub-bands against ``mu / k_B T``.

A :class:`SubbandFigure` names its paper, thresholds, collision-time ratios (with their line
styles), the sweep range, and -- by their exported names in the paper's derivation file --
the closed forms ``G_i/G_0(eta, R)`` of each velocity convention and the mean velocities
they use.  Building it solves the kinetic equation (9) at every point
(:func:`~symcond.figures.subbands.solver_sweep`), evaluates the closed forms, and adds the
finite-temperature Landauer reference.  The solver's conductance uses the velocity named
``solver_velocity``; for another convention it is rescaled by the ratio of the two
velocities, which must be a number (checked symbolically).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy

from symcond.errors import DefinitionError
from symcond.figures.exports import export, symbol
from symcond.figures.model import Curve, Dash, FigureData, Look, Panel, Source
from symcond.figures.registry import FigureSpec
from symcond.figures.subbands import SolverSweep, closed_form_sum, landauer_sum, solver_sweep
from symcond.numeric.lambdify import NumericFunction, lambdify

__all__ = ["RatioLine", "SubbandFigure", "VelocityVariant"]


@dataclass(frozen=True)
class VelocityVariant:
    """One velocity convention: closed form and mean velocity, by exported name."""

    name: str
    closed_form: str
    velocity: str
    title: str


@dataclass(frozen=True)
class RatioLine:
    """One collision-time ratio ``tau_in / tau_el`` and how its curves are drawn."""

    ratio: float
    dash: Dash
    color: str


@dataclass(frozen=True)
class SubbandFigure:
    """``G/G_0 = sum_i G_i/G_0`` against ``mu / k_B T`` (energies in ``k_B T``)."""

    key: str
    title: str
    thresholds: tuple[float, ...]
    ratios: tuple[RatioLine, ...]
    mu_range: tuple[float, float]
    variants: tuple[VelocityVariant, ...]
    solver_velocity: str
    eta_name: str = "eta"
    ratio_name: str = "R"
    default_points: int = 401
    log_row: bool = True

    @property
    def paper(self) -> str:
        """The paper key (the part of ``key`` before the colon)."""
        return self.key.split(":", 1)[0]

    def spec(self, summary: str) -> FigureSpec:
        """Return the registry entry of this figure."""
        return FigureSpec(self.key, summary, tuple(v.name for v in self.variants), self.default_points, self.build)

    def variant(self, name: str) -> VelocityVariant:
        """Return the variant called ``name``."""
        for variant in self.variants:
            if variant.name == name:
                return variant
        raise DefinitionError(f"'variant' must be one of {', '.join(v.name for v in self.variants)} (got {name!r})")

    def mu(self, points: int) -> np.ndarray:
        """Return the sweep abscissae ``mu / k_B T``."""
        if not isinstance(points, int) or points < 2:
            raise DefinitionError(f"'points' must be an integer >= 2 (got {points!r})")
        return np.linspace(*self.mu_range, points)

    def velocity_factor(self, variant: VelocityVariant) -> float:
        """Return ``vbar_solver / vbar_variant``: the factor from the solver's ``G`` to the variant's."""
        ratio = sympy.simplify(export(self.paper, self.solver_velocity) / export(self.paper, variant.velocity))
        if not ratio.is_number or not ratio.is_positive:
            raise DefinitionError(
                f"velocity ratio {self.solver_velocity}/{variant.velocity} must be a positive number (got {ratio})"
            )
        return float(ratio)

    def closed_form(self, variant: VelocityVariant) -> NumericFunction:
        """Return the lambdified ``G_i/G_0(eta, R)`` of ``variant``."""
        expr = export(self.paper, variant.closed_form)
        return lambdify(expr, args=[symbol(expr, self.eta_name), symbol(expr, self.ratio_name)])

    def build(self, variants: tuple[str, ...], points: int) -> FigureData:
        """Return the figure with one panel per variant name in ``variants``."""
        mu = self.mu(points)
        sweeps = {line.ratio: solver_sweep(mu, self.thresholds, line.ratio) for line in self.ratios}
        panels = tuple(self._panel(self.variant(name), mu, sweeps) for name in variants)
        return FigureData(self.key, self.title, panels, "mu_kT", "G_G0", ("ratio", "velocity"),
                          r"$\mu/k_BT$  (chemical potential, units of $k_BT$)",
                          r"$G/G_0$  (conductance, $G_0 = 2e^2/h$)", self.log_row)

    def _panel(self, variant: VelocityVariant, mu: np.ndarray, sweeps: dict[float, SolverSweep]) -> Panel:
        """Return one panel: Landauer reference, then closed form and solver per ratio."""
        landauer = Curve("Landauer, finite $T$: $\\sum_i [1+e^{(\\varepsilon_i-\\mu)/k_BT}]^{-1}$",
                         Source.LANDAUER, mu, landauer_sum(mu, self.thresholds),
                         (("ratio", ""), ("velocity", variant.name)), Look(Dash.DASHED, color="0.55", width=1.0))
        g_i, factor = self.closed_form(variant), self.velocity_factor(variant)
        curves = [landauer]
        for index, line in enumerate(self.ratios):
            curves += self._ratio_curves(line, variant, mu, g_i, factor, sweeps[line.ratio], first=index == 0)
        return Panel(variant.title, tuple(curves))

    def _ratio_curves(self, line: RatioLine, variant: VelocityVariant, mu: np.ndarray, g_i: NumericFunction,
                      factor: float, sweep: SolverSweep, first: bool) -> list[Curve]:
        """Return the closed-form line and the solver markers of one ratio."""
        keys = (("ratio", f"{line.ratio:g}"), ("velocity", variant.name))
        closed = Curve(f"Eq. (11), $\\tau_{{in}}/\\tau_{{el}}$ = {line.ratio:g}", Source.CLOSED_FORM, mu,
                       closed_form_sum(g_i, mu, self.thresholds, line.ratio), keys, Look(line.dash, color=line.color))
        every = max(1, len(mu) // 40)
        markers = Look(None, marker="o", color=line.color, every=every, width=1.0)
        bound = np.where(sweep.success, sweep.tolerance * factor, np.nan)  # NaN: not converged, no bound
        solver = Curve("kinetic solver, Eq. (9)" if first else "", Source.SOLVER, mu, sweep.G_G0 * factor, keys,
                       markers, bound)
        return [closed, solver]
