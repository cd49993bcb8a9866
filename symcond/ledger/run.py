"""Loading derivation files and computing the ledger of verdicts.

Bundled derivations live in the ``derivations/`` folder (installed as
``symcond/derivations``); users may pass their own files.  A derivation file is plain
Python that builds one or more :class:`~symcond.model.paper.Paper` objects at module level.
"""

from __future__ import annotations

import importlib.util
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from symcond import usercode
from symcond.budget import INFINITE, time_budget
from symcond.errors import BudgetExceeded, DefinitionError, SymcondError, UserCodeError
from symcond.ledger import workers
from symcond.ledger.cache import CacheStats, ResultCache
from symcond.ledger.limits import CLAIM_BUDGET
from symcond.ledger.selection import selects
from symcond.model.claims import Claim
from symcond.model.paper import Paper
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict

__all__ = ["CLAIM_BUDGET", "Entry", "Ledger", "Progress", "bundled_paths", "find_claim", "load_derivation_module",
           "load_papers", "verify"]


def bundled_paths() -> list[Path]:
    """The bundled derivation files (installed package first, then a source checkout)."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "derivations", package.parent / "derivations"):
        if folder.is_dir():
            return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))
    return []


def load_papers(paths: Sequence[str | Path] | None = None, budget: float | None = None) -> list[Paper]:
    """The papers defined in ``paths`` (default: the bundled derivations).

    ``budget`` (s) bounds the loading of the files (their own Python code), where a signal
    can interrupt it.

    Raises
    ------
    UserCodeError
        When a derivation file raises while loading, or its loading outlasts ``budget``
        (the message names file and error).
    DefinitionError
        When a path does not exist or defines no paper.
    """
    papers: list[Paper] = []
    for path in [Path(p) for p in paths] if paths else bundled_paths():
        try:
            with time_budget(budget if budget is not None else INFINITE, f"loading {path.name}"):
                papers.extend(_load_file(path))
        except BudgetExceeded as exc:
            raise UserCodeError(f"{path.name}: loading took longer than the budget of {budget:g} s") from exc
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
    setattr(module, usercode.MARK, str(path))  # its code is recognised on tracebacks (symcond.usercode)
    try:
        spec.loader.exec_module(module)
    except SymcondError as exc:
        raise UserCodeError(f"{path.name}: {exc}") from exc
    except (Exception, SystemExit) as exc:  # user code: report, do not crash or exit
        raise UserCodeError(f"{path.name}: {usercode.describe(exc)}") from exc
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
        """The JSON record of this entry (the evidence's values as :meth:`~symcond.model.verdict.Evidence.shown`)."""
        ev = self.outcome.evidence
        shown = ev.shown()
        return {
            "id": self.claim.id, "paper": self.paper.key, "where": self.claim.where,
            "statement": self.claim.statement, "kind": self.claim.kind.value,
            "verdict": self.outcome.verdict.value, "conditions": list(ev.conditions), "detail": ev.reason,
            "expected": sorted(v.value for v in self.claim.expect.verdicts), "as_expected": self.as_expected,
            "erratum": self.claim.expect.note or None, "ratio": shown.ratio, "residual": shown.residual,
            "counterexample": shown.counterexample, "counterexample_units": shown.units,
            "counterexample_codata": list(shown.constants), "value": shown.value,
            "lhs_dimension": shown.lhs_dimension, "rhs_dimension": shown.rhs_dimension,
            "numeric_points": ev.numeric_points, "digits": ev.digits, "step": ev.step,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Ledger:
    """The verdicts of a verify run (``cache``: what the result cache did, None when none was used)."""

    entries: tuple[Entry, ...]
    cache: CacheStats | None = None

    @property
    def all_as_expected(self) -> bool:
        """True when every verdict matches its recorded expectation."""
        return all(e.as_expected for e in self.entries)

    def summary(self) -> dict[str, Any]:
        """Counts per paper and verdict, plus the number of unexpected verdicts."""
        papers: dict[str, Counter[str]] = {}
        for e in self.entries:
            papers.setdefault(e.paper.key, Counter())[e.outcome.verdict.value] += 1
        summary: dict[str, Any] = {
            "claims": len(self.entries),
            "verdicts": dict(Counter(e.outcome.verdict.value for e in self.entries)),
            "papers": {k: dict(v) for k, v in papers.items()},
            "unexpected": [e.claim.id for e in self.entries if not e.as_expected],
        }
        if self.cache is not None:
            summary["cache"] = self.cache.as_dict()
        return summary


def __getattr__(name: str) -> Any:
    """``decide`` (the prover) is imported when first needed: a run whose verdicts all come from the cache skips it."""
    if name == "decide":
        from symcond.prove import decide

        return decide
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _decider() -> Callable[..., Outcome]:
    """:func:`symcond.prove.decide`, or what replaced this module's ``decide`` (tests)."""
    found = globals().get("decide")
    return found if found is not None else __getattr__("decide")  # type: ignore[no-any-return]


def _selected(claim: Claim, only: Sequence[str]) -> bool:
    return not only or any(selects(pattern, claim.id) for pattern in only)


#: ``progress(done, total, running)``: claims finished (read from the cache included), claims selected,
#: and the ids of the claims being decided now; called whenever one starts or ends.
Progress = Callable[[int, int, tuple[str, ...]], None]


def verify(papers: Iterable[Paper], only: Sequence[str] = (), verdicts: Sequence[Verdict] = (),
           total_budget: float | None = None, *, jobs: int | None = None,
           claim_budget: float = CLAIM_BUDGET, cache: ResultCache | None = None,
           progress: Progress | None = None) -> Ledger:
    """Decide every selected claim, each in a worker process with a hard time limit.

    Parameters
    ----------
    papers : iterable of Paper
        The papers whose claims are decided.
    only : sequence of str
        Claim id prefixes to keep, or exact ids written ``=ID`` (empty: every claim);
        see :mod:`symcond.ledger.selection`.
    verdicts : sequence of Verdict
        Keep only entries with one of these verdicts (empty: all).
    total_budget : float, optional
        Hard wall-clock limit of the whole run, s: claims still running are stopped and
        claims not started are ``undecided``.
    jobs : int, optional
        Number of worker processes (default: the cores available); ``0`` decides in this
        process, where budgets interrupt Python code only (no hard limit).
    claim_budget : float
        Hard wall-clock limit of one claim, s; a claim that runs out is ``undecided``,
        naming the stage it was in.  The ledger is the same for any ``jobs``.
    cache : ResultCache, optional
        Read verdicts from it and store new ones (:mod:`symcond.ledger.cache`); the ledger is
        the same with or without it, its summary then counts the hits.  None: decide everything.
    progress : Progress, optional
        Told of every claim that starts or ends (for a progress line on a terminal).
    """
    if total_budget is not None and not total_budget > 0:
        raise DefinitionError(f"the total budget must be a positive number of seconds (got {total_budget})")
    if not claim_budget > 0:
        raise DefinitionError(f"the claim budget must be a positive number of seconds (got {claim_budget})")
    if jobs is not None and jobs < 0:
        raise DefinitionError(f"the number of jobs must be 0 or more (got {jobs})")
    selected = [(paper, claim) for paper in papers for claim in paper if _selected(claim, only)]
    run = _Run(selected, cache, claim_budget, progress)
    todo = [i for i, entry in enumerate(run.entries) if entry is None]
    if jobs == 0 or not workers.available():
        _in_process(run, todo, total_budget)
    else:
        _in_workers(run, todo, jobs or workers.default_jobs(), claim_budget, total_budget)
    entries = [e for e in run.entries if e is not None]
    return Ledger(tuple(e for e in entries if not verdicts or e.outcome.verdict in verdicts),
                  None if cache is None else cache.stats)


class _Run:
    """The entries of one verify run as they come: read from the cache, or decided and stored there."""

    def __init__(self, selected: Sequence[tuple[Paper, Claim]], cache: ResultCache | None, claim_budget: float,
                 progress: Progress | None) -> None:
        self.selected, self.cache, self.progress = selected, cache, progress
        self.entries: list[Entry | None] = [None] * len(selected)
        self.keys: list[str | None] = [None] * len(selected)
        self.running: dict[int, str] = {}
        if cache is not None:
            cache.stats = CacheStats()
            for i, (paper, claim) in enumerate(selected):
                begin = time.monotonic()
                self.keys[i] = cache.key(paper, claim, claim_budget)
                outcome = cache.get(self.keys[i])
                if outcome is not None:
                    self.entries[i] = Entry(paper, claim, outcome, time.monotonic() - begin)
            cache.stats.misses = sum(1 for e in self.entries if e is None)
        self.done = sum(1 for e in self.entries if e is not None)
        self._tell()

    def started(self, i: int) -> None:
        self.running[i] = self.selected[i][1].id
        self._tell()

    def finished(self, i: int, outcome: Outcome | None) -> None:
        """Claim ``i`` ended; ``outcome`` (None: it did not finish on its own) is stored in the cache."""
        if outcome is not None and self.cache is not None:
            self.cache.put(self.keys[i], outcome)
        self.running.pop(i, None)
        self.done += 1
        self._tell()

    def _tell(self) -> None:
        if self.progress is not None:
            self.progress(self.done, len(self.selected), tuple(self.running.values()))


def _in_process(run: _Run, todo: Sequence[int], total_budget: float | None) -> None:
    started, decide = time.monotonic(), _decider() if todo else None
    for i in todo:
        paper, claim = run.selected[i]
        begin = time.monotonic()
        run.started(i)
        if total_budget is not None and begin - started > total_budget:
            outcome = Outcome(Verdict.UNDECIDED, _run_budget_spent(total_budget))
        else:
            outcome = decide(claim, paper)  # type: ignore[misc]
        run.entries[i] = Entry(paper, claim, outcome, time.monotonic() - begin)
        run.finished(i, outcome)


def _in_workers(run: _Run, todo: Sequence[int], jobs: int, claim_budget: float, total_budget: float | None) -> None:
    if not todo:
        return
    decide = _decider()
    tasks = [partial(decide, run.selected[i][1], run.selected[i][0]) for i in todo]

    def on_event(task: int, result: workers.TaskResult | None) -> None:
        if result is None:
            run.started(todo[task])
        else:
            done = result.status is workers.Status.DONE and isinstance(result.value, Outcome)
            run.finished(todo[task], result.value if done else None)

    results = workers.run_tasks(tasks, jobs, claim_budget, total_budget, on_event=on_event)
    for i, result in zip(todo, results, strict=True):
        paper, claim = run.selected[i]
        run.entries[i] = Entry(paper, claim, _outcome(result, claim, total_budget), result.seconds)


def _outcome(result: workers.TaskResult, claim: Claim, total_budget: float | None) -> Outcome:
    """The claim's verdict; a claim cut short by the run's total budget says so first."""
    if result.status is workers.Status.NOT_RUN:
        return Outcome(Verdict.UNDECIDED, _run_budget_spent(total_budget))
    outcome = workers.as_outcome(result, f"claim {claim.id}")
    if result.status is workers.Status.TIMEOUT and result.detail.startswith("the run's total budget"):
        during = f" during {result.stage}" if result.stage else ""
        reason = f"verify run budget of {total_budget:g} s spent: stopped after {result.seconds:.1f} s{during}"
        return Outcome(Verdict.UNDECIDED, Evidence(reason=reason, finding=Finding.BUDGET_EXCEEDED))
    return outcome


def _run_budget_spent(total_budget: float | None) -> Evidence:
    return Evidence(reason=f"verify run budget of {total_budget:g} s spent", finding=Finding.BUDGET_EXCEEDED)


def find_claim(papers: Iterable[Paper], claim_id: str) -> tuple[Paper, Claim]:
    """The paper and claim with this id (exact), or a DefinitionError naming close ids."""
    everything = [(p, c) for p in papers for c in p]
    for paper, claim in everything:
        if claim.id == claim_id:
            return paper, claim
    near = [c.id for _, c in everything if c.id.startswith(claim_id)]
    hint = f"; did you mean {', '.join(near[:3])}?" if near else ""
    raise DefinitionError(f"no claim with id {claim_id!r}{hint}")
