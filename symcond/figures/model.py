"""Values a figure is made of: curves, panels, the figure, its long-form CSV, and its entry.

A figure is data first (:class:`FigureData`), drawn second (:mod:`symcond.figures.render`).
Every curve carries its ``source`` (closed form, solver, reference) and the keys that
identify it (e.g. ``ratio`` and ``velocity``), so the CSV needs no knowledge of the plot.
A :class:`FigureSpec` is the buildable entry of a figure a paper declares
(:mod:`symcond.figures.registry`).

Examples
--------
>>> import numpy as np
>>> c = Curve("R = 1", Source.CLOSED_FORM, np.array([0.0, 1.0]), np.array([0.5, 0.25]),
...           keys=(("ratio", "1"),), look=Look(Dash.SOLID))
>>> panel = Panel("literal", (c,))
>>> data = FigureData("demo:fig1", "A demo", (panel,), "mu_kT", "G_G0", ("ratio",),
...                   "mu / k_B T", "G / G_0")
>>> print(to_csv(data).strip())
mu_kT,ratio,source,G_G0
0.0,1,closed-form,0.5
1.0,1,closed-form,0.25
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np
from numpy.typing import NDArray

from symcond.errors import DefinitionError
from symcond.model.figures import Dash

__all__ = ["Curve", "FigureData", "FigureSpec", "Look", "Panel", "Source", "to_csv"]

FloatArray = NDArray[np.float64]

_KEY = re.compile(r"[a-z][a-z0-9_]*:fig\d+[a-z]?\Z")


class Source(Enum):
    """Where the numbers of a curve come from."""

    CLOSED_FORM = "closed-form"
    SOLVER = "solver"
    LANDAUER = "landauer"


@dataclass(frozen=True)
class Look:
    """How a curve is drawn: a line (``dash``), markers (``marker``), or both.

    ``every`` draws one marker in ``every`` points; ``width`` is the line width in points.
    """

    dash: Dash | None = Dash.SOLID
    marker: str = ""
    color: str = "black"
    every: int = 1
    width: float = 1.5


@dataclass(frozen=True, eq=False)
class Curve:
    """One curve ``y(x)`` with its provenance.

    Attributes
    ----------
    label : str
        Legend text (empty: not in the legend).
    source : Source
        Closed form, solver or reference.
    x, y : ndarray
        Abscissae and ordinates, same length.
    keys : tuple of (str, str)
        Identifying values in CSV column order, e.g. ``(("ratio", "0.75"),)``.
    look : Look
        Line and marker style.
    tolerance : ndarray or None
        Absolute error bound of ``y`` per point (solver curves), same units as ``y``.
    """

    label: str
    source: Source
    x: FloatArray
    y: FloatArray
    keys: tuple[tuple[str, str], ...] = ()
    look: Look = Look()
    tolerance: FloatArray | None = None

    def __post_init__(self) -> None:
        if np.shape(self.x) != np.shape(self.y):
            raise DefinitionError(
                f"curve {self.label!r} must have as many y as x values (got {np.size(self.y)} and {np.size(self.x)})"
            )

    def key(self, name: str) -> str:
        """Return the value of key ``name`` (empty string if the curve has none)."""
        return dict(self.keys).get(name, "")


@dataclass(frozen=True, eq=False)
class Panel:
    """One set of axes: a title and its curves, drawn in order."""

    title: str
    curves: tuple[Curve, ...]


@dataclass(frozen=True, eq=False)
class FigureData:
    """A whole figure: panels side by side, shared axis names and labels.

    ``x_name``/``y_name`` are the CSV column names, ``key_names`` the identifying columns
    between them, ``x_label``/``y_label`` the axis labels (with units).  With ``log_row``
    every panel is drawn again below itself with a logarithmic ``y`` axis.  ``markers`` are
    abscissae marked on every panel (a thin vertical line, the label on the top axis), e.g.
    the sub-band thresholds ``((5.0, "$\\varepsilon_1$"), ...)``.
    """

    key: str
    title: str
    panels: tuple[Panel, ...]
    x_name: str
    y_name: str
    key_names: tuple[str, ...]
    x_label: str
    y_label: str
    log_row: bool = False
    markers: tuple[tuple[float, str], ...] = ()

    def curves(self, source: Source | None = None) -> tuple[Curve, ...]:
        """Return every curve of every panel (only those from ``source`` if given)."""
        return tuple(c for p in self.panels for c in p.curves if source is None or c.source is source)


def to_csv(data: FigureData) -> str:
    """Return the long-form CSV: ``x_name, *key_names, source, y_name``, one row per point.

    Floats are written with ``repr`` so that they read back exactly.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([data.x_name, *data.key_names, "source", data.y_name])
    for curve in data.curves():
        keys = [curve.key(name) for name in data.key_names]
        for x, y in zip(curve.x.tolist(), curve.y.tolist(), strict=True):
            writer.writerow([repr(x), *keys, curve.source.value, repr(y)])
    return out.getvalue()


@dataclass(frozen=True)
class FigureSpec:
    """A buildable figure.

    Attributes
    ----------
    key : str
        ``<paper key>:fig<N>``.
    summary : str
        One line for listings.
    variants : tuple of str
        Names of the alternatives the figure can show, one panel each (at least one).
    default_points : int
        Default number of abscissae.
    build : callable
        ``build(variants, points) -> FigureData``: one panel per requested variant.
    """

    key: str
    summary: str
    variants: tuple[str, ...]
    default_points: int
    build: Callable[[tuple[str, ...], int], FigureData]

    def __post_init__(self) -> None:
        if not _KEY.match(self.key):
            raise DefinitionError(f"figure key must look like '<paper>:fig<N>' (got {self.key!r})")
        if not self.variants:
            raise DefinitionError(f"figure {self.key!r} must have at least one variant (got none)")

    def select(self, variant: str) -> tuple[str, ...]:
        """Return the variants named by ``variant`` (``"both"``/``"all"``: every variant)."""
        if variant in ("both", "all"):
            return self.variants
        if variant not in self.variants:
            raise DefinitionError(
                f"'variant' of {self.key} must be one of {', '.join(self.variants)} or both (got {variant!r})"
            )
        return (variant,)
