"""Module-level names exported by a bundled derivation file (closed forms for figures).

Bundled derivation files are found by :func:`symcond.ledger.run.bundled_paths` (installed
package or source checkout) and loaded by path, as the ledger loads them; the file
``<paper key>.py`` holds the paper.  A figure then reads the SymPy expressions that the
derivation derived and checked (e.g. ``G_OVER_G0_LITERAL``), instead of retyping them.

Examples
--------
>>> expr = export("dasgreen2003", "G_OVER_G0_PAPER")
>>> sorted(s.name for s in expr.free_symbols)
['R', 'eta']
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType

import sympy

from symcond.errors import DefinitionError
from symcond.ledger.run import bundled_paths, load_derivation_module

__all__ = ["derivation_module", "export", "symbol"]


@lru_cache(maxsize=8)
def derivation_module(paper_key: str) -> ModuleType:
    """Return the loaded bundled derivation module ``<paper_key>.py`` (loaded once).

    Raises
    ------
    DefinitionError
        If no bundled derivation file has that name.
    UserCodeError
        If the file raises while loading.
    """
    paths = {path.stem: path for path in bundled_paths()}
    if paper_key not in paths:
        raise DefinitionError(f"no bundled derivation {paper_key!r} (have {', '.join(sorted(paths))})")
    return load_derivation_module(paths[paper_key], f"symcond_figure_source_{paper_key}")


def export(paper_key: str, name: str) -> sympy.Expr:
    """Return the SymPy expression the derivation ``paper_key`` exports as ``name``.

    Raises
    ------
    DefinitionError
        If the derivation does not define ``name`` or it is not a SymPy expression.
    """
    value = getattr(derivation_module(paper_key), name, None)
    if not isinstance(value, sympy.Expr):
        raise DefinitionError(f"derivation {paper_key!r} must export {name!r} as a SymPy expression (got {value!r})")
    return value


def symbol(expr: sympy.Expr, name: str) -> sympy.Symbol:
    """Return the free symbol of ``expr`` called ``name``.

    Examples
    --------
    >>> x = sympy.Symbol("x")
    >>> symbol(2 * x, "x") is x
    True
    """
    for candidate in expr.free_symbols:
        if isinstance(candidate, sympy.Symbol) and candidate.name == name:
            return candidate
    found = sorted(s.name for s in expr.free_symbols if isinstance(s, sympy.Symbol))
    raise DefinitionError(f"expression must contain the symbol {name!r} (has {found})")
