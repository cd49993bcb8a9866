"""Which stated assumptions a claim needs: runs of a prover core with different active sets.

>>> import sympy
>>> from symcond.model.context import Assumption, Context
>>> from symcond.prove import check_inequality
>>> x, y = sympy.symbols("x y", positive=True)
>>> both = (Assumption("x>y", sympy.Gt(x, y)), Assumption("y>x", sympy.Gt(y, x)))
>>> check_inequality(y, x, Context(assumptions=both), strict=True).evidence.reason
'the assumptions contradict each other: x > y, y > x'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import combinations

from symcond.budget import run_with_budget
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.prove.admissible import check_substitutions, equality_signs, label
from symcond.prove.boundary import guarded
from symcond.prove.consistency import contradiction
from symcond.prove.joint import joint

__all__ = ["decide", "MAX_MINIMISED", "MAX_SUBSET", "MAX_SUBSET_SEARCH", "Core"]

Core = Callable[[tuple[Assumption, ...]], Outcome]

#: Largest subset size tried when the stated assumptions together do not make a claim hold.
MAX_SUBSET = 2
#: Most stated assumptions for which those subsets are tried (about n**2 / 2 runs of the prover).
MAX_SUBSET_SEARCH = 24
#: Largest sufficient set that is minimised, one run of the prover per assumption; a larger
#: one is reported as found, and the verdict says it was not minimised (a chain
#: ``x0 < x1 < ... < x300`` needs all of them anyway).
MAX_MINIMISED = 12


def decide(core: Core, ctx: Context, implicit: Sequence[Assumption] = ()) -> Outcome:
    """Run ``core`` without stated assumptions, then find a minimal set of stated ones it needs.

    Every call of ``core`` is a *run* with a set of active assumptions; ``implicit``
    conditions (the declared signs of substituted symbols,
    :func:`~symcond.prove.admissible.declared_signs`) and the declared signs of active
    stated equalities are active in every run.  The rules:

    * A run speaks only for its active set.  Its ``holds`` rests on admissible points (so
      the active set can be satisfied) and its ``fails`` on a point that satisfies every
      active assumption and the domain of every given, re-checked at ``2 * dps`` digits.
    * The stated assumptions hold together.  A stated equality is a substitution unless a
      given, a registry definition or an earlier active equality already replaces its
      symbol; then it is solved for another symbol or is a condition on the points
      (``x = 1`` with ``x = 2`` makes ``1 = 2``), see :func:`~symcond.prove.joint.joint`.
    * Stated assumptions proved contradictory (with the implicit conditions and the declared
      signs of their atoms, :func:`~symcond.prove.consistency.contradiction`) make the claim
      undecided, naming the contradicting ones.
    * ``holds``: the run without stated assumptions holds (``holds-under`` the implicit
      conditions when there are any).  ``holds-under``: all stated assumptions, else (with at
      most :data:`MAX_SUBSET_SEARCH` of them) a subset of up to :data:`MAX_SUBSET`, make it
      hold; the set is minimised (when it has at most :data:`MAX_MINIMISED` assumptions) and
      named with its implicit conditions.
    * ``fails``: the claim fails in the run of all stated assumptions, so its counterexample
      satisfies every one of them (and of every subset: no subset is searched then, when the
      refutation has its point).  A failure
      seen only without (some of) them is ``undecided``, and the message names them.
    * A run in which SymPy fails is ``undecided`` naming the error
      (:func:`~symcond.prove.boundary.guarded`); the other runs still count.
    """
    check_substitutions(ctx)
    clash = _contradiction(ctx, implicit)
    if clash is not None:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=_contradiction_text(clash), finding=Finding.CONTRADICTION))

    def run(active: Sequence[Assumption]) -> Outcome:
        def work() -> Outcome:
            together = joint(ctx, active)
            return core((*together, *implicit, *equality_signs(together)))

        return guarded(work)

    base = run(())
    if base.verdict is Verdict.HOLDS or not ctx.assumptions:
        return _with_implicit(base, implicit)
    every = run(ctx.assumptions)
    if every.verdict is Verdict.FAILS and every.evidence.counterexample is not None:
        # refuted at a point satisfying every stated assumption, so every subset of them too: no subset can make
        # the claim hold, and searching them (up to n**2 / 2 runs) would only repeat the refutation.  A
        # refutation without a point (an infinite limit) is not known to respect every assumption: search.
        return every
    found = (list(ctx.assumptions), every) if every.verdict is Verdict.HOLDS else _sufficient_subset(run, ctx)
    if found is None:
        return _without_sufficient_set(base, every, ctx)
    needed, last = _minimised(run, *found) if len(found[0]) <= MAX_MINIMISED else found
    if not needed:
        return _with_implicit(last, implicit)
    conditions = (*needed, *equality_signs(joint(ctx, needed)), *implicit)
    unminimised = f" (a set of {len(needed)}, not minimised)" if len(found[0]) > MAX_MINIMISED else ""
    reason = (f"holds only under {', '.join(a.name for a in conditions)}{unminimised};"
              f" without: {base.evidence.reason}")
    return Outcome(Verdict.HOLDS_UNDER, last.evidence.with_(
        conditions=tuple(str(a) for a in conditions), reason=reason, ratio=base.evidence.ratio,
        counterexample=base.evidence.counterexample, finding=Finding.CONDITIONAL))


def _contradiction(ctx: Context, implicit: Sequence[Assumption]) -> tuple[str, ...] | None:
    """Labels of stated assumptions (with the implicit conditions) proved to contradict each other, or None."""
    together = joint(ctx, ctx.assumptions)
    conditions = (*together, *equality_signs(together), *implicit)
    relations = [(label(a), ctx.prepare(a.relation)) for a in conditions]
    return run_with_budget(partial(contradiction, relations), ctx.budget, "consistency of the assumptions")


def _contradiction_text(labels: Sequence[str]) -> str:
    if len(labels) == 1:
        return f"the assumption {labels[0]} can never hold"
    return f"the assumptions contradict each other: {', '.join(labels)}"


def _sufficient_subset(run: Core, ctx: Context) -> tuple[list[Assumption], Outcome] | None:
    """A subset of up to :data:`MAX_SUBSET` stated assumptions under which the claim holds, with its run."""
    stated = ctx.assumptions
    if len(stated) > MAX_SUBSET_SEARCH:
        return None
    for size in range(1, min(MAX_SUBSET, len(stated) - 1) + 1):
        for subset in combinations(stated, size):
            outcome = run(subset)
            if outcome.verdict is Verdict.HOLDS:
                return list(subset), outcome
    return None


def _minimised(run: Core, needed: list[Assumption], last: Outcome) -> tuple[list[Assumption], Outcome]:
    # Try to drop the strongest (equality) assumptions first, so the weakest sufficient set remains.
    for assumption in sorted(needed, key=lambda a: not a.is_equality):
        trial = [a for a in needed if a is not assumption]
        outcome = run(tuple(trial))
        if outcome.verdict is Verdict.HOLDS:
            needed, last = trial, outcome
    return needed, last


def _without_sufficient_set(base: Outcome, every: Outcome, ctx: Context) -> Outcome:
    """No set of stated assumptions makes the claim hold: fails under all of them, else undecided."""
    if every.verdict is Verdict.FAILS:
        return every
    if base.verdict is not Verdict.FAILS:
        return base
    names = ", ".join(label(a) for a in ctx.assumptions)
    return Outcome(Verdict.UNDECIDED, every.evidence.with_(counterexample=None, reason=(
        f"a violating point was found only without (some of) the stated assumptions ({names}); "
        f"under them: {every.evidence.reason}"), finding=Finding.ONLY_WITHOUT_ASSUMPTIONS))


def _with_implicit(outcome: Outcome, implicit: Sequence[Assumption]) -> Outcome:
    """``holds`` becomes ``holds-under`` the implicit conditions, when there are any."""
    if outcome.verdict is not Verdict.HOLDS or not implicit:
        return outcome
    names = tuple(str(a) for a in implicit)
    return Outcome(Verdict.HOLDS_UNDER, outcome.evidence.with_(
        conditions=names, reason=f"holds only under {', '.join(names)}: {outcome.evidence.reason}",
        finding=Finding.CONDITIONAL))
