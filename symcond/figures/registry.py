"""Registry of reproducible figures, by key ``<paper key>:fig<N>``.

A figure definition module registers a :class:`FigureSpec` when imported; the modules
listed in :data:`DEFINITION_MODULES` are imported on first look-up, so importing the
registry stays cheap.

Examples
--------
>>> "dasgreen2003:fig1" in available_figures()
True
>>> figure_spec("dasgreen2003:fig9")
Traceback (most recent call last):
...
symcond.errors.DefinitionError: no figure 'dasgreen2003:fig9' (have dasgreen2003:fig1)
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from symcond.errors import DefinitionError
from symcond.figures.model import FigureData

__all__ = ["DEFINITION_MODULES", "FigureSpec", "available_figures", "figure_spec", "register_figure"]

#: Modules that define figures; imported on the first look-up.
DEFINITION_MODULES = ("symcond.figures.fig_dasgreen",)

_KEY = re.compile(r"[a-z][a-z0-9_]*:fig\d+[a-z]?\Z")
_FIGURES: dict[str, FigureSpec] = {}


@dataclass(frozen=True)
class FigureSpec:
    """A reproducible figure.

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


def register_figure(spec: FigureSpec) -> FigureSpec:
    """Add ``spec`` to the registry (a key may be registered once) and return it."""
    if spec.key in _FIGURES and _FIGURES[spec.key] is not spec:
        raise DefinitionError(f"figure key {spec.key!r} is registered twice")
    _FIGURES[spec.key] = spec
    return spec


def _load_definitions() -> None:
    """Import every definition module (each registers its figures once)."""
    for name in DEFINITION_MODULES:
        importlib.import_module(name)


def available_figures() -> tuple[str, ...]:
    """Return the registered figure keys, sorted."""
    _load_definitions()
    return tuple(sorted(_FIGURES))


def figure_spec(key: str) -> FigureSpec:
    """Return the figure registered as ``key``."""
    _load_definitions()
    if key not in _FIGURES:
        raise DefinitionError(f"no figure {key!r} (have {', '.join(sorted(_FIGURES))})")
    return _FIGURES[key]
