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
from itertools import combinations, product

from symcond.budget import run_with_budget
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.prove.admissible import check_substitutions, equality_signs, label
from symcond.prove.consistency import contradiction

__all__ = ["decide", "MAX_MINIMISED", "MAX_SUBSET", "MAX_SUBSET_SEARCH", "Core"]

Core = Callable[[tuple[Assumption, ...]], Outcome]

#: Largest subset size tried when no maximal set of stated assumptions makes a claim hold.
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
    * Stated equalities are substitutions, so two for the same symbol (ballistic
      ``Gamma = 1``, diffusive ``Gamma = l/L``) are alternatives, never active together.
      A *maximal set* holds every stated assumption, with one alternative per symbol.
    * A maximal set proved contradictory (with the implicit conditions and the declared
      signs of its atoms, :func:`~symcond.prove.consistency.contradiction`) is dropped;
      when every maximal set is, the claim is undecided, naming the contradicting ones.
    * ``holds``: the run without stated assumptions holds (``holds-under`` the implicit
      conditions when there are any).  ``holds-under``: a maximal set, else (with at most
      :data:`MAX_SUBSET_SEARCH` stated assumptions) a subset of up to :data:`MAX_SUBSET`
      of them, makes it hold; the set is minimised (when it has at most
      :data:`MAX_MINIMISED` assumptions) and named with its implicit conditions.
    * ``fails``: the claim fails in the run of every consistent maximal set, so its
      counterexample satisfies every assumption the claim may use (of one alternative).
      A failure seen only without (some of) the stated assumptions is ``undecided``, and
      the message names them.
    """
    check_substitutions(ctx)
    groups, clash = _consistent_groups(ctx, implicit)
    if not groups:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=_contradiction_text(clash or ()),
                                                   finding=Finding.CONTRADICTION))

    def run(active: Sequence[Assumption]) -> Outcome:
        return core((*active, *implicit, *equality_signs(active)))

    base = run(())
    if base.verdict is Verdict.HOLDS or not ctx.assumptions:
        return _with_implicit(base, implicit)
    found, tried = _sufficient(run, ctx, groups)
    if found is None:
        return _without_sufficient_set(base, tried, ctx)
    needed, last = _minimised(run, *found) if len(found[0]) <= MAX_MINIMISED else found
    if not needed:
        return _with_implicit(last, implicit)
    conditions = (*needed, *equality_signs(needed), *implicit)
    unminimised = f" (a set of {len(needed)}, not minimised)" if len(found[0]) > MAX_MINIMISED else ""
    reason = (f"holds only under {', '.join(a.name for a in conditions)}{unminimised};"
              f" without: {base.evidence.reason}")
    return Outcome(Verdict.HOLDS_UNDER, last.evidence.with_(
        conditions=tuple(str(a) for a in conditions), reason=reason, ratio=base.evidence.ratio,
        counterexample=base.evidence.counterexample, finding=Finding.CONDITIONAL))


def _maximal(assumptions: Sequence[Assumption]) -> list[tuple[Assumption, ...]]:
    """All stated assumptions, with one of the alternative equalities for each symbol."""
    choices: dict[object, list[Assumption]] = {}
    for index, a in enumerate(assumptions):
        key = ("equality", a.relation.lhs) if a.is_equality else index  # type: ignore[attr-defined]
        choices.setdefault(key, []).append(a)
    picks = product(*choices.values())
    return [tuple(a for a in assumptions if a in pick) for pick in picks]


def _coherent(assumptions: Sequence[Assumption]) -> bool:
    symbols = [a.relation.lhs for a in assumptions if a.is_equality]  # type: ignore[attr-defined]
    return len(symbols) == len(set(symbols))


def _consistent_groups(ctx: Context, implicit: Sequence[Assumption]
                       ) -> tuple[list[tuple[Assumption, ...]], tuple[str, ...] | None]:
    """The maximal sets not proved contradictory, and the first contradiction found."""
    kept, first = [], None
    for group in _maximal(ctx.assumptions):
        conditions = (*group, *equality_signs(group), *implicit)
        relations = [(label(a), ctx.prepare(a.relation)) for a in conditions]
        clash = run_with_budget(partial(contradiction, relations), ctx.budget, "consistency of the assumptions")
        if clash is None:
            kept.append(group)
        elif first is None:
            first = clash
    return kept, first


def _contradiction_text(labels: Sequence[str]) -> str:
    if len(labels) == 1:
        return f"the assumption {labels[0]} can never hold"
    return f"the assumptions contradict each other: {', '.join(labels)}"


def _sufficient(run: Core, ctx: Context, groups: list[tuple[Assumption, ...]]
                ) -> tuple[tuple[list[Assumption], Outcome] | None, list[Outcome]]:
    """A set under which the claim holds (a maximal set, else a small subset), and the maximal runs."""
    tried: list[Outcome] = []
    for group in groups:
        outcome = run(group)
        if outcome.verdict is Verdict.HOLDS:
            return (list(group), outcome), tried
        tried.append(outcome)
    stated = ctx.assumptions
    if len(stated) > MAX_SUBSET_SEARCH:
        return None, tried
    for size in range(1, min(MAX_SUBSET, len(stated) - 1) + 1):
        for subset in combinations(stated, size):
            if subset in groups or not _coherent(subset):
                continue
            outcome = run(subset)
            if outcome.verdict is Verdict.HOLDS:
                return (list(subset), outcome), tried
    return None, tried


def _minimised(run: Core, needed: list[Assumption], last: Outcome) -> tuple[list[Assumption], Outcome]:
    # Try to drop the strongest (equality) assumptions first, so the weakest sufficient set remains.
    for assumption in sorted(needed, key=lambda a: not a.is_equality):
        trial = [a for a in needed if a is not assumption]
        outcome = run(tuple(trial))
        if outcome.verdict is Verdict.HOLDS:
            needed, last = trial, outcome
    return needed, last


def _without_sufficient_set(base: Outcome, tried: list[Outcome], ctx: Context) -> Outcome:
    """No set of stated assumptions makes the claim hold: fails under every maximal set, else undecided."""
    if tried and all(o.verdict is Verdict.FAILS for o in tried):
        return tried[0]
    if base.verdict is not Verdict.FAILS and not any(o.verdict is Verdict.FAILS for o in tried):
        return base
    names = ", ".join(label(a) for a in ctx.assumptions)
    other = next(o for o in tried if o.verdict is not Verdict.FAILS)
    reason = (f"a violating point was found only without (some of) the stated assumptions ({names}); "
              f"under them: {other.evidence.reason}")
    return Outcome(Verdict.UNDECIDED, other.evidence.with_(counterexample=None, reason=reason,
                                                           finding=Finding.ONLY_WITHOUT_ASSUMPTIONS))


def _with_implicit(outcome: Outcome, implicit: Sequence[Assumption]) -> Outcome:
    """``holds`` becomes ``holds-under`` the implicit conditions, when there are any."""
    if outcome.verdict is not Verdict.HOLDS or not implicit:
        return outcome
    names = tuple(str(a) for a in implicit)
    return Outcome(Verdict.HOLDS_UNDER, outcome.evidence.with_(
        conditions=names, reason=f"holds only under {', '.join(names)}: {outcome.evidence.reason}",
        finding=Finding.CONDITIONAL))
