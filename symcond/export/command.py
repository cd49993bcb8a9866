"""Exporting a claim to files: resolve the id, decide the claim, generate and write the code.

``symcond export`` (registered by :mod:`symcond.report.commands`) calls :func:`export_claim`.

>>> from symcond.paper import Paper
>>> paper = Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", e**2 / h, e**2 / h)
>>> sorted(export_files(paper, claim, ExportBackend.NUMPY, "conductance"))
['conductance.py']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from symcond.claims import Claim
from symcond.errors import DefinitionError
from symcond.export.c_module import c_module_sources
from symcond.export.python_module import python_module_source
from symcond.export.spec import ExportBackend, functions_for
from symcond.paper import Paper
from symcond.verdict import Outcome

__all__ = ["ExportResult", "export_files", "export_claim"]


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_claim` wrote."""

    claim_id: str
    verdict: str
    functions: tuple[str, ...]
    paths: tuple[Path, ...]

    def summary(self) -> str:
        """One line for the command line."""
        return (f"wrote {', '.join(map(str, self.paths))}: {', '.join(self.functions)} "
                f"from {self.claim_id} (verdict: {self.verdict})")


def export_files(paper: Paper, claim: Claim, backend: ExportBackend, stem: str,
                 outcome: Outcome | None = None) -> dict[str, str]:
    """File name -> text of the export of ``claim`` (``<stem>.py``, or ``<stem>.c`` and ``<stem>.h``)."""
    specs = functions_for(paper, claim, outcome if outcome is not None else paper.check(claim))
    if backend is ExportBackend.C:
        source, header = c_module_sources(specs, stem)
        return {f"{stem}.c": source, f"{stem}.h": header}
    return {f"{stem}.py": python_module_source(specs, backend)}


def export_claim(papers: Iterable[Paper], wanted: str, to: str | Path,
                 backend: ExportBackend | str = ExportBackend.NUMPY) -> ExportResult:
    """Export the claim ``wanted`` (full or unique local id) to the file ``to``.

    Parameters
    ----------
    papers : iterable of Paper
        Where to look for the claim.
    wanted : str
        Claim id (``reggiani2026:eq11``) or its local part when unique (``eq11``).
    to : str or Path
        Target file; the C back end also writes the header next to it (``.h``).
    backend : ExportBackend or str
        ``numpy``, ``mpmath`` or ``c``.

    Raises
    ------
    DefinitionError
        Unknown claim, missing target folder, or an expression the back end cannot print.
    """
    from symcond.report.explain import resolve_claim

    chosen, target = ExportBackend(backend), Path(to)
    if not target.parent.is_dir():
        raise DefinitionError(f"export target folder {str(target.parent)!r} does not exist")
    paper, claim = resolve_claim(papers, wanted)
    outcome = paper.check(claim)
    files = export_files(paper, claim, chosen, target.stem, outcome)
    paths = []
    for name, text in files.items():
        path = target if Path(name).suffix in (".py", ".c") else target.with_suffix(Path(name).suffix)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    names = tuple(s.name for s in functions_for(paper, claim, outcome))
    return ExportResult(claim.id, outcome.verdict.value, names, tuple(paths))
