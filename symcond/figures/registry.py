"""Figure look-up by key ``<paper key>:fig<N>``, through the figures the papers declare.

A paper declares its figures in its derivation file
(:meth:`~symcond.model.paper.Paper.attach_figure`); nothing registers itself on import.  Without
explicit ``papers`` the bundled derivations are loaded (:func:`symcond.ledger.run.load_papers`)
on the first look-up and kept for the next ones.

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

from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from symcond.errors import DefinitionError
from symcond.figures.model import FigureSpec
from symcond.figures.sweep import subband_spec
from symcond.ledger.run import load_papers
from symcond.model.paper import Paper

__all__ = ["available_figures", "figure_spec", "figure_specs"]


def figure_specs(papers: Iterable[Paper]) -> dict[str, FigureSpec]:
    """Return the buildable entry of every figure the ``papers`` declare, by key.

    Raises
    ------
    DefinitionError
        When two figures have the same key (two papers with the same key).
    """
    found: dict[str, FigureSpec] = {}
    for paper in papers:
        for figure in paper.figures:
            key = figure.key(paper)
            if key in found:
                raise DefinitionError(f"figure key {key!r} is declared twice")
            found[key] = subband_spec(key, figure)
    return found


@lru_cache(maxsize=1)
def _bundled() -> Mapping[str, FigureSpec]:
    """The figures of the bundled derivations (loaded once)."""
    return MappingProxyType(figure_specs(load_papers()))


def _specs(papers: Iterable[Paper] | None) -> Mapping[str, FigureSpec]:
    return _bundled() if papers is None else figure_specs(papers)


def available_figures(papers: Iterable[Paper] | None = None) -> tuple[str, ...]:
    """Return the keys of the figures ``papers`` declare (default: the bundled papers), sorted."""
    return tuple(sorted(_specs(papers)))


def figure_spec(key: str, papers: Iterable[Paper] | None = None) -> FigureSpec:
    """Return the figure declared as ``key`` by one of ``papers`` (default: the bundled papers)."""
    specs = _specs(papers)
    if key not in specs:
        raise DefinitionError(f"no figure {key!r} (have {', '.join(sorted(specs))})")
    return specs[key]
