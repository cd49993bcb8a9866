"""Loading derivation files and computing the ledger of verdicts.

Bundled derivations live in the ``derivations/`` folder (installed as
``symcond/derivations``); users may pass their own files.  A derivation file is plain
Python that builds one or more :class:`~symcond.paper.Paper` objects at module level.
"""

from __future__ import annotations

import importlib.util
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from symcond.claims import Claim
from symcond.errors import DefinitionError, SymcondError, UserCodeError
from symcond.paper import Paper
from symcond.verdict import Evidence, Outcome, Verdict

__all__ = ["Entry", "Ledger", "bundled_paths", "find_claim", "load_derivation_module", "load_papers", "verify"]


def bundled_paths() -> list[Path]:
    """The bundled derivation files (installed package first, then a source checkout)."""
    here = Path(__file__).resolve().parent
    for folder in (here / "derivations", here.parent / "derivations"):
        if folder.is_dir():
            return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))
    return []


def load_papers(paths: Sequence[str | Path] | None = None) -> list[Paper]:
    """The papers defined in ``paths`` (default: the bundled derivations).

    Raises
    ------
    UserCodeError
        When a derivation file raises while loading (the message names file and error).
    DefinitionError
        When a path does not exist or defines no paper.
    """
    papers: list[Paper] = []
    for path in [Path(p) for p in paths] if paths else bundled_paths():
        papers.extend(_load_file(path))
    keys = Counter(p.key for p in papers)
    duplicated = [k for k, n in keys.items() if n > 1]
    if duplicated:
        raise DefinitionError(f"paper key {duplicated[0]!r} is defined more than once")
    return papers


def load_derivation_module(path: Path, name: str | None = None) -> ModuleType:
    """Execute a derivation file and return it as a module (user code errors -> UserCodeError).

    Raises
    ------
    DefinitionError
        When the path is not an existing ``.py`` file.
    UserCodeError
        When the file raises (or calls ``sys.exit``) while loading; the message names file and error.
    """
    if not path.is_file() or path.suffix != ".py":
        raise DefinitionError(f"derivation file {str(path)!r} does not exist or is not a .py file")
    spec = importlib.util.spec_from_file_location(name or f"symcond_derivation_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise DefinitionError(f"cannot load derivation file {str(path)!r}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SymcondError as exc:
        raise UserCodeError(f"{path.name}: {exc}") from exc
    except (Exception, SystemExit) as exc:  # user code: report, do not crash or exit
        raise UserCodeError(f"{path.name}: {type(exc).__name__}: {exc}") from exc
    return module


def _load_file(path: Path) -> list[Paper]:
    module = load_derivation_module(path)
    papers = [v for v in vars(module).values() if isinstance(v, Paper)]
    if not papers:
        raise DefinitionError(f"derivation file {path.name} defines no Paper")
    return papers


@dataclass(frozen=True)
class Entry:
    """One claim with its computed outcome."""

    paper: Paper
    claim: Claim
    outcome: Outcome
    seconds: float

    @property
    def as_expected(self) -> bool:
        """True when the verdict matches the recorded expectation."""
        return self.claim.expect.met_by(self.outcome.verdict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of this entry."""
        ev = self.outcome.evidence
        return {
            "id": self.claim.id, "paper": self.paper.key, "where": self.claim.where,
            "statement": self.claim.statement, "kind": self.claim.kind.value,
            "verdict": self.outcome.verdict.value, "conditions": list(ev.conditions), "detail": ev.reason,
            "expected": sorted(v.value for v in self.claim.expect.verdicts), "as_expected": self.as_expected,
            "erratum": self.claim.expect.note or None, "ratio": ev.ratio, "residual": ev.residual,
            "counterexample": None if ev.counterexample is None else dict(ev.counterexample),
            "value": ev.value, "lhs_dimension": ev.lhs_dimension, "rhs_dimension": ev.rhs_dimension,
            "numeric_points": ev.numeric_points, "digits": ev.digits, "step": ev.step,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Ledger:
    """The verdicts of a verify run."""

    entries: tuple[Entry, ...]

    @property
    def all_as_expected(self) -> bool:
        """True when every verdict matches its recorded expectation."""
        return all(e.as_expected for e in self.entries)

    def summary(self) -> dict[str, Any]:
        """Counts per paper and verdict, plus the number of unexpected verdicts."""
        papers: dict[str, Counter[str]] = {}
        for e in self.entries:
            papers.setdefault(e.paper.key, Counter())[e.outcome.verdict.value] += 1
        return {
            "claims": len(self.entries),
            "verdicts": dict(Counter(e.outcome.verdict.value for e in self.entries)),
            "papers": {k: dict(v) for k, v in papers.items()},
            "unexpected": [e.claim.id for e in self.entries if not e.as_expected],
        }


def _selected(claim: Claim, only: Sequence[str]) -> bool:
    return not only or any(claim.id.startswith(prefix) for prefix in only)


def verify(papers: Iterable[Paper], only: Sequence[str] = (), verdicts: Sequence[Verdict] = (),
           total_budget: float | None = None) -> Ledger:
    """Decide every selected claim; claims past ``total_budget`` seconds are ``undecided``."""
    started, entries = time.monotonic(), []
    for paper in papers:
        for claim in paper:
            if not _selected(claim, only):
                continue
            begin = time.monotonic()
            if total_budget is not None and begin - started > total_budget:
                outcome = Outcome(Verdict.UNDECIDED, Evidence(reason=f"verify run budget of {total_budget:g} s spent"))
            else:
                outcome = paper.check(claim)
            entries.append(Entry(paper, claim, outcome, time.monotonic() - begin))
    return Ledger(tuple(e for e in entries if not verdicts or e.outcome.verdict in verdicts))


def find_claim(papers: Iterable[Paper], claim_id: str) -> tuple[Paper, Claim]:
    """The paper and claim with this id (exact), or a DefinitionError naming close ids."""
    everything = [(p, c) for p in papers for c in p]
    for paper, claim in everything:
        if claim.id == claim_id:
            return paper, claim
    near = [c.id for _, c in everything if c.id.startswith(claim_id)]
    hint = f"; did you mean {', '.join(near[:3])}?" if near else ""
    raise DefinitionError(f"no claim with id {claim_id!r}{hint}")
