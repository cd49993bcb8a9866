r"""Figures as data: a derivation file declares each figure of its paper once and attaches it
(:meth:`symcond.model.paper.Paper.attach_figure`); :mod:`symcond.figures` computes, draws and checks it.

A declaration holds the paper's own expressions and symbols (closed forms, mean velocities, the
variables they depend on) and the numbers of the caption (thresholds, collision-time ratios, range),
so nothing of the derivation is typed twice.  The figure's key is ``<paper key>:fig<number>``.

>>> import sympy
>>> eta, R = sympy.symbols("eta R")
>>> figure = SubbandFigure(
...     number=1, title="A demo, Fig. 1: 1D wire", thresholds=(5, 17), mu_range=(-5.0, 30.0),
...     ratios=(RatioLine(1.0, Dash.SOLID, "black"),),
...     variants=(VelocityVariant("plain", R / (1 + R) / (1 + sympy.exp(-eta)), sympy.Integer(1), "plain"),),
...     solver_velocity=sympy.Integer(1), eta=eta, ratio=R)
>>> class Demo:
...     key = "demo2026"
>>> figure.key(Demo()), figure.variant_names
('demo2026:fig1', ('plain',))
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import sympy

from symcond.errors import DefinitionError
from symcond.model.tables import Keyed

__all__ = ["Dash", "RatioLine", "SubbandFigure", "VelocityVariant"]


class Dash(Enum):
    """Line styles (Matplotlib names)."""

    SOLID = "-"
    DASHED = "--"
    DASHDOT = "-."
    DOTTED = ":"


@dataclass(frozen=True)
class VelocityVariant:
    """One velocity convention, drawn as one panel.

    Attributes
    ----------
    name : str
        Variant name (``--variant``, the CSV column ``velocity``).
    closed_form : sympy.Expr
        ``G_i/G_0`` of one sub-band as a function of the figure's ``eta`` and ``ratio``.
    velocity : sympy.Expr
        The mean velocity ``vbar`` that ``closed_form`` uses.
    title : str
        Panel title (``$...$`` for math).
    """

    name: str
    closed_form: sympy.Expr
    velocity: sympy.Expr
    title: str


@dataclass(frozen=True)
class RatioLine:
    """One collision-time ratio ``tau_in / tau_el`` and how its curves are drawn."""

    ratio: float
    dash: Dash
    color: str


@dataclass(frozen=True, kw_only=True)
class SubbandFigure:
    r"""``G/G_0 = sum_i G_i/G_0`` of independent sub-bands against ``mu / k_B T`` (energies in ``k_B T``).

    Attributes
    ----------
    number : int
        Figure number in the paper.
    title : str
        Heading of the drawing; the thresholds are appended (``, $\varepsilon_1 = 5\,k_BT$, ...``).
    thresholds : tuple of numbers
        Sub-band thresholds ``eps_i / k_B T``.
    ratios : tuple of RatioLine
        Collision-time ratios, one closed-form line and one solver curve each, in drawing order.
    mu_range : (float, float)
        Sweep of ``mu / k_B T``.
    variants : tuple of VelocityVariant
        Velocity conventions, one panel each.
    solver_velocity : sympy.Expr
        The mean velocity of the kinetic solver's ``G`` (rescaled to each variant's velocity).
    eta, ratio : sympy.Symbol
        The closed forms' variables ``(mu - eps_i)/k_B T`` and ``tau_in/tau_el``.
    closed_form_label, solver_label : str
        Legend texts of the closed-form lines (followed by the ratio) and of the solver markers.
    default_points : int
        Default number of abscissae.
    log_row : bool
        Draw every panel again below itself with a logarithmic ``G`` axis.
    """

    number: int
    title: str
    thresholds: tuple[sympy.Expr | float, ...]
    ratios: tuple[RatioLine, ...]
    mu_range: tuple[float, float]
    variants: tuple[VelocityVariant, ...]
    solver_velocity: sympy.Expr
    eta: sympy.Symbol
    ratio: sympy.Symbol
    closed_form_label: str = "closed form"
    solver_label: str = "kinetic solver"
    default_points: int = 401
    log_row: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.number, int) or isinstance(self.number, bool) or self.number < 1:
            raise DefinitionError(f"figure number must be a positive integer (got {self.number!r})")
        names = self.variant_names
        if not names or len(set(names)) != len(names):
            raise DefinitionError(f"figure {self.number} must have variants with distinct names (got {names})")
        if not self.thresholds or not self.ratios:
            raise DefinitionError(f"figure {self.number} must have at least one threshold and one ratio")
        if not self.mu_range[0] < self.mu_range[1]:
            raise DefinitionError(f"figure {self.number}: mu_range must be increasing (got {self.mu_range})")
        if not isinstance(self.eta, sympy.Symbol) or not isinstance(self.ratio, sympy.Symbol):
            raise DefinitionError(f"figure {self.number}: eta and ratio must be symbols (got {self.eta}, {self.ratio})")

    def key(self, paper: Keyed) -> str:
        """The figure's key ``<paper key>:fig<number>``."""
        return f"{paper.key}:fig{self.number}"

    @property
    def variant_names(self) -> tuple[str, ...]:
        """The variants' names, in order."""
        return tuple(v.name for v in self.variants)

    def variant(self, name: str) -> VelocityVariant:
        """Return the variant called ``name``."""
        for variant in self.variants:
            if variant.name == name:
                return variant
        raise DefinitionError(f"'variant' must be one of {', '.join(self.variant_names)} (got {name!r})")
