"""Drafting a derivation file from a paper's LaTeX or Markdown (``symcond draft``).

Layers: :mod:`~symcond.draft.sources` finds display math, :mod:`~symcond.draft.scripts`,
:mod:`~symcond.draft.latex` and :mod:`~symcond.draft.grammar` parse it (a lark grammar the project
controls; no text is ever evaluated), :mod:`~symcond.draft.labels` decides from the whole document
whether ``G^{m}`` is a label or a power, :mod:`~symcond.draft.symbols` maps symbols to the registry
by their LaTeX, :mod:`~symcond.draft.claims` turns relations into claims,
:mod:`~symcond.draft.dimensions` pins dimensions and :mod:`~symcond.draft.writer` writes the file.
Only :mod:`symcond.cli` imports this package.

>>> "paper.equality(\\"eq1\\", R_K, h/e**2" in draft_text(r"$$R_K = h/e^2$$", "k2026", markdown=True)
True
"""

from symcond.draft.writer import draft_text

__all__ = ["draft_text"]
