"""Mutation suite: the engine refutes every really false mutant and never says it holds.

A seeded sample of one fast mutant per claim (plus the turned-around inequality) runs by
default; ``SYMCOND_SOUNDNESS_FULL=1`` decides all of them.  Which mutants are really
false is decided by :mod:`tests.soundness.oracle` (mpmath, 50 digits), not by the engine.
"""

import pytest

from symcond.ledger.run import load_papers
from symcond.model.paper import Paper
from tests.mutate import MutationKind, mutants
from tests.soundness.mutants import (
    FULL,
    is_slow,
    mutation_numbers,
    run,
    sampled_claims,
    summarize,
    write_results,
)


@pytest.fixture(scope="module")
def papers():
    """The bundled papers, loaded once."""
    return load_papers()


@pytest.fixture(scope="module")
def records(papers):
    """The decided mutants of the bundled papers (sample, or all with SYMCOND_SOUNDNESS_FULL=1)."""
    decided = run(papers, FULL)
    numbers = {**summarize(decided, sum(len(mutants(c)) for p in papers for c in p)), "full": FULL}
    write_results("mutation_full" if FULL else "mutation", numbers)
    print(f"\nmutation numbers: {numbers}")
    return decided


def test_no_false_holds(records):
    """No mutant that the numeric oracle refutes is reported holds or holds-under."""
    offenders = [r.describe() for r in records if r.false_holds]
    assert offenders == []


def test_every_really_false_mutant_is_refuted(records):
    """Every mutant refuted numerically without and with the stated assumptions is refuted by the engine."""
    survivors = [r.describe() for r in records if r.really_false and not r.killed]
    assert survivors == []


def test_engine_never_raises_on_a_mutant(records):
    """Deciding a mutant gives a verdict, never an exception."""
    errors = [r.describe() for r in records if r.error]
    assert errors == []


def test_sample_exercises_every_mutation_kind(records):
    """Each kind of slip appears among the really false mutants decided."""
    seen = {r.mutant.kind for r in records if r.really_false}
    assert seen == set(MutationKind)


def test_sample_covers_every_sampled_claim(papers, records):
    """A mutant of every sampled claim with fast mutants (every claim with mutants, full run) is decided."""
    claims = [c for p in papers for c in p] if FULL else [c for _, c in sampled_claims(papers)]
    mutable = {c.id for c in claims if any(FULL or not is_slow(m) for m in mutants(c))}
    assert mutable - {r.mutant.original.id for r in records} == set()


def test_mutation_numbers_on_a_hand_checked_paper():
    """Every mutant of e**2/h = e**2/h is false by inspection; all are killed, none holds."""
    paper = Paper("demo2026")
    e, h = paper.symbols("e h")
    paper.equality("eq1", e**2 / h, e**2 / h)
    numbers = mutation_numbers(full=True, papers=[paper])
    assert numbers["really_false"] == numbers["mutants_generated"] == numbers["killed"] > 10
    assert numbers["false_holds"] == 0 and numbers["kill_rate"] == 1.0
