"""The mutation run: mutants of every claim, their numeric truth, and the engine's verdicts.

``mutation_numbers()`` is what the README generator calls; it returns the counts as a
dict (see :func:`summarize`).  The default run is a seeded sample (one mutant of every claim
but the equalities, of which 40 are sampled) that takes under a minute on one core;
``SYMCOND_SOUNDNESS_FULL=1`` (or ``full=True``) decides every mutant.
``SYMCOND_WRITE_SOUNDNESS=1`` makes the tests write the numbers to
``tests/soundness/results/<name>.json``.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sympy

from symcond.errors import DefinitionError
from symcond.ledger.run import load_papers
from symcond.model.claims import Claim, ClaimKind, Role
from symcond.model.derivation import Derivation
from symcond.model.paper import Paper
from symcond.model.verdict import Outcome, Verdict
from symcond.prove import decide as decide_claim
from tests.mutate import Mutant, MutationKind, mutants, sample
from tests.soundness.judge import judge_mutant, usable
from tests.soundness.oracle import Truth

SEED = 20260420
FULL = os.environ.get("SYMCOND_SOUNDNESS_FULL") == "1"
WRITE = os.environ.get("SYMCOND_WRITE_SOUNDNESS") == "1"
RESULTS = Path(__file__).resolve().parent / "results"
#: Mutants decided per claim in the default (sampled) run.
PER_CLAIM = 1
#: Equality claims sampled in the default run (the other claims are all sampled).
EQUALITY_CLAIMS = 40


@dataclass(frozen=True)
class Record:
    """One decided mutant: its numeric truth and the engine's outcome.

    ``under_conditions`` is the numeric truth under the stated assumptions the engine
    named when it answered ``holds-under`` (None otherwise); ``rejected`` means the engine
    refused the mutant as malformed (a DefinitionError, e.g. a negative value given to a
    positive symbol).
    """

    paper: Paper
    mutant: Mutant
    unconditional: Truth
    assumed: Truth
    outcome: Outcome | None
    under_conditions: Truth | None = None
    rejected: str = ""
    error: str = ""
    seconds: float = 0.0

    @property
    def really_false(self) -> bool:
        """Refuted numerically without assumptions, under all usable ones and under any the engine named."""
        refuted = self.unconditional is Truth.REFUTED and self.assumed is Truth.REFUTED
        return refuted and self.under_conditions is not Truth.CONSISTENT

    @property
    def false_holds(self) -> bool:
        """The engine said holds (holds-under) where the mutant is refuted (under the named assumptions)."""
        if self.outcome is None or not self.outcome.passed:
            return False
        if self.outcome.verdict is Verdict.HOLDS_UNDER and self.under_conditions is not None:
            return self.under_conditions is Truth.REFUTED
        return self.unconditional is Truth.REFUTED

    @property
    def killed(self) -> bool:
        """The engine refuted (or refused as malformed) a really false mutant."""
        refuted = self.outcome is not None and self.outcome.verdict is Verdict.FAILS
        return self.really_false and (refuted or bool(self.rejected))

    def describe(self) -> str:
        """One line for failure messages."""
        verdict = self.error or self.rejected or (self.outcome.verdict.value if self.outcome else "not decided")
        reason = self.outcome.evidence.reason if self.outcome else ""
        return f"{self.mutant.label} -> {verdict} ({reason[:120]})"


def is_slow(mutant: Mutant) -> bool:
    """Mutants whose check compares unevaluated integrals (seconds each): full run only."""
    claim = mutant.focused()
    exprs = claim.expressions() if isinstance(claim, Derivation) else claim.sides()
    return any(sympy.sympify(e).has(sympy.Integral) for e in exprs)


def _asserted(paper: Paper) -> list[Claim]:
    """The claims the paper asserts: a premise (postulate, definition, data) is taken as given, so a mutated
    premise is still a premise -- only its dimensions and consistency are checked, not its truth."""
    return [claim for claim in paper if claim.role is Role.ASSERTED]


def sampled_claims(papers: Iterable[Paper]) -> list[tuple[Paper, Claim]]:
    """Every claim except equalities, plus a seeded sample of ``EQUALITY_CLAIMS`` equality claims."""
    every = [(paper, claim) for paper in papers for claim in _asserted(paper)]
    equalities = [pair for pair in every if pair[1].kind is ClaimKind.EQUALITY]
    chosen = set(map(id, sample(equalities, EQUALITY_CLAIMS, SEED)))
    return [pair for pair in every if pair[1].kind is not ClaimKind.EQUALITY or id(pair) in chosen]


def candidates(papers: Iterable[Paper], full: bool = FULL) -> list[tuple[Paper, Mutant]]:
    """Every mutant (full); else one fast mutant of each :func:`sampled_claims` claim, plus every
    turned-around inequality."""
    if full:
        return [(paper, m) for paper in papers for claim in _asserted(paper) for m in mutants(claim)]
    chosen: list[tuple[Paper, Mutant]] = []
    for paper, claim in sampled_claims(papers):
        found = mutants(claim)
        turned = [m for m in found if m.kind is MutationKind.DIRECTION]
        fast = [m for m in found if not is_slow(m) and m not in turned]
        chosen += [(paper, m) for m in turned + sample(fast, PER_CLAIM, f"{SEED}:{claim.id}")]
    return chosen


def _conditions(outcome: Outcome) -> tuple[str, ...]:
    return tuple(c.split(":", 1)[0].strip() for c in outcome.evidence.conditions)


def decide(paper: Paper, mutant: Mutant) -> Record:
    """Judge ``mutant`` numerically; ask the engine only when it is refuted without assumptions."""
    unconditional = judge_mutant(paper, mutant)
    if unconditional is not Truth.REFUTED:  # neither really false nor a possible false holds
        return Record(paper, mutant, unconditional, Truth.UNKNOWN, None)
    assumed = unconditional if mutant.step is not None else judge_mutant(paper, mutant, usable(paper, mutant.claim))
    started = time.monotonic()
    try:
        outcome = decide_claim(mutant.focused(), paper)
    except DefinitionError as exc:
        return Record(paper, mutant, unconditional, assumed, None, rejected=f"rejected: {exc}")
    except Exception as exc:  # any other exception is an engine bug, reported as an error
        return Record(paper, mutant, unconditional, assumed, None, error=f"{type(exc).__name__}: {exc}")
    seconds = time.monotonic() - started
    named = None
    if outcome.verdict is Verdict.HOLDS_UNDER and mutant.step is None:
        named = judge_mutant(paper, mutant, _conditions(outcome))
    return Record(paper, mutant, unconditional, assumed, outcome, named, seconds=seconds)


def run(papers: Sequence[Paper] | None = None, full: bool = FULL) -> list[Record]:
    """Decide the chosen mutants of ``papers`` (default: the bundled papers)."""
    papers = load_papers() if papers is None else papers
    return [decide(paper, mutant) for paper, mutant in candidates(papers, full)]


def summarize(records: Sequence[Record], generated: int) -> dict[str, Any]:
    """The numbers for the README: counts, kill rate, false holds, per mutation kind."""
    false = [r for r in records if r.really_false]
    killed = [r for r in false if r.killed]
    by_kind = {kind.value: {"really_false": sum(r.mutant.kind is kind for r in false),
                            "killed": sum(r.mutant.kind is kind for r in killed)} for kind in MutationKind}
    return {
        "mutants_generated": generated, "mutants_decided": len(records), "really_false": len(false),
        "killed": len(killed), "kill_rate": round(len(killed) / len(false), 4) if false else None,
        "false_holds": sum(r.false_holds for r in records),
        "undecided": sum(1 for r in false if r.outcome is not None and r.outcome.verdict is Verdict.UNDECIDED),
        "rejected_as_malformed": sum(1 for r in false if r.rejected),
        "errors": sum(1 for r in records if r.error),
        "accidentally_true": sum(1 for r in records if r.unconditional is Truth.CONSISTENT),
        "claims": len({r.mutant.original.id for r in records}),
        "by_kind": by_kind,
        "by_claim_kind": dict(Counter(r.mutant.original.kind.value for r in false)),
        "seconds_engine": round(sum(r.seconds for r in records), 1),
    }


def mutation_numbers(full: bool = FULL, papers: Sequence[Paper] | None = None) -> dict[str, Any]:
    """Run the mutation suite on ``papers`` (default: the bundled ones); :func:`summarize`'s numbers."""
    papers = load_papers() if papers is None else papers
    generated = sum(len(mutants(c)) for p in papers for c in p)
    return {**summarize(run(papers, full), generated), "full": full}


def write_results(name: str, numbers: dict[str, Any]) -> Path | None:
    """Write ``numbers`` to ``results/<name>.json`` when SYMCOND_WRITE_SOUNDNESS=1."""
    if not WRITE:
        return None
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(numbers, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
