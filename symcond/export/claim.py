"""Exporting a claim to files: resolve the id, decide the claim, generate and write the code.

``symcond export`` (registered by :mod:`symcond.cli.explain_export`) calls :func:`export_claim`.

>>> from symcond.model.paper import Paper
>>> paper = Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", e**2 / h, e**2 / h)
>>> sorted(export_files(paper, claim, ExportBackend.NUMPY, "conductance"))
['conductance.py']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from symcond.errors import DefinitionError
from symcond.export.c_module import c_module_sources
from symcond.export.python_module import python_module_source
from symcond.export.spec import ExportBackend, functions_for
from symcond.files import check_target, write_files
from symcond.ledger.run import CLAIM_BUDGET
from symcond.ledger.workers import decide_in_worker
from symcond.model.claims import Claim
from symcond.model.paper import Paper
from symcond.model.verdict import Outcome
from symcond.prove import decide

__all__ = ["ExportResult", "export_files", "export_claim", "export_targets"]


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
    specs = functions_for(paper, claim, outcome if outcome is not None else decide(claim, paper))
    if backend is ExportBackend.C:
        source, header = c_module_sources(specs, stem)
        return {f"{stem}.c": source, f"{stem}.h": header}
    return {f"{stem}.py": python_module_source(specs, backend)}


def export_claim(papers: Iterable[Paper], wanted: str, to: str | Path,
                 backend: ExportBackend | str = ExportBackend.NUMPY, *, force: bool = False) -> ExportResult:
    """Export the claim ``wanted`` (full or unique local id) to the file ``to``.

    Every target is checked before the claim is decided and before any file is written;
    each file is written atomically (:mod:`symcond.files`).

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
    force : bool
        Replace existing files (for the C back end: the source and the header).

    Raises
    ------
    DefinitionError
        Unknown claim, a C target ending in ``.h``, or an expression the back end cannot print.
    OutputError
        A target exists (without ``force``), is not a regular file, or cannot be written.
    """
    from symcond.report.explain import resolve_claim

    chosen = ExportBackend(backend)
    targets = _targets(Path(to), chosen)
    export_targets(to, chosen, force)
    paper, claim = resolve_claim(papers, wanted)
    outcome = decide_in_worker(partial(decide, claim, paper), CLAIM_BUDGET, f"claim {claim.id}")
    files = export_files(paper, claim, chosen, Path(to).stem, outcome)
    write_files({targets[Path(name).suffix]: text for name, text in files.items()}, force)
    names = tuple(s.name for s in functions_for(paper, claim, outcome))
    return ExportResult(claim.id, outcome.verdict.value, names, tuple(targets.values()))


def export_targets(to: str | Path, backend: ExportBackend | str = ExportBackend.NUMPY,
                   force: bool = False) -> tuple[Path, ...]:
    """The files an export to ``to`` writes, each checked by :func:`~symcond.files.check_target`.

    Cheap (no claim is decided), so a command can refuse a bad target before loading anything.

    Raises
    ------
    DefinitionError
        A C target ending in ``.h``.
    OutputError
        A target exists (without ``force``), is not a regular file, or its folder is unusable.

    Examples
    --------
    >>> export_targets("nph.c", "c", force=True)
    (PosixPath('nph.c'), PosixPath('nph.h'))
    >>> export_targets("no-such-folder/nph.py")
    Traceback (most recent call last):
    ...
    symcond.errors.OutputError: cannot write 'no-such-folder/nph.py': the folder 'no-such-folder' does not exist
    """
    targets = _targets(Path(to), ExportBackend(backend))
    source = check_target(to, force)  # the text as given: an empty path or a trailing '/' is refused as such
    return (source, *(check_target(path, force) for suffix, path in targets.items() if suffix == ".h"))


def _targets(target: Path, backend: ExportBackend) -> dict[str, Path]:
    """Suffix of a generated file -> the file it is written to (the C header goes beside the source)."""
    if backend is not ExportBackend.C:
        return {".py": target}
    if target.suffix == ".h":
        raise DefinitionError(f"the C back end writes FILE and its header FILE.h: '--to' must not end in .h "
                              f"(got {str(target)!r})")
    return {".c": target, ".h": target.with_suffix(".h")}
