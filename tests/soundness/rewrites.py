"""A corpus of true rewrites of the equality claims and derivation steps, and how the engine decides them.

For each side ``X`` of an equality claim the corpus holds the identities ``X = r(X)`` for
the rewrites ``r``: expanded, factored, put over a common denominator, with the givens and
registry definitions substituted, and rescaled by a dimensionless 1 in disguise
(``h/(2 pi hbar)``, ``(a**2 + a b)/(a (a + b))`` for two symbols of one dimension, or
``(a + pi a)/(a (1 + pi))``, also multiplied out), with ``h`` written as ``2 pi hbar``, and
with powers of products split.  For claims recorded as holding, the claim with its right
side rewritten is in the corpus too, and so is every derivation step rewritten (decided as the
sub-derivation around that step).  ``completeness_numbers()`` is for the README.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import sympy

from symcond.ledger.run import load_papers
from symcond.model.claims import Claim, ClaimKind, Equality
from symcond.model.derivation import Derivation
from symcond.model.paper import Paper
from symcond.model.verdict import Outcome, Verdict
from symcond.prove import decide as decide_claim
from tests.mutate import sample
from tests.soundness.judge import judge, usable
from tests.soundness.oracle import Truth, compare, prepared, setting

SEED = 20260421
FULL = os.environ.get("SYMCOND_SOUNDNESS_FULL") == "1"
#: Corpus items decided in the default (sampled) run.
SAMPLED = 60
_H, _HBAR = sympy.Symbol("h", positive=True), sympy.Symbol("hbar", positive=True)


@dataclass(frozen=True)
class Rewrite:
    """One true rewrite: the claim to decide, its name and source claim, and for a rewritten
    derivation step the two expressions that must be equal (``old``, ``new``)."""

    paper: Paper
    claim: Claim
    name: str
    source: str
    old: sympy.Expr | None = None
    new: sympy.Expr | None = None

    @property
    def label(self) -> str:
        """``<source claim> <rewrite>``."""
        return f"{self.source} {self.name}"


def _one_in_disguise(paper: Paper, expr: sympy.Expr) -> sympy.Expr | None:
    symbols = sorted(expr.free_symbols, key=lambda s: s.name)
    for a, b in combinations(symbols, 2):
        if paper.registry.dimension(a) is not None and paper.registry.dimension(a) == paper.registry.dimension(b):
            return (a**2 + a * b) / (a * (a + b))
    return (symbols[0] + sympy.pi * symbols[0]) / (symbols[0] * (1 + sympy.pi)) if symbols else None


def rewrites_of(paper: Paper, claim: Claim, expr: sympy.Expr) -> dict[str, sympy.Expr]:
    """The named true rewrites of ``expr`` (those that differ from it structurally)."""
    found: dict[str, sympy.Expr | None] = {
        "expanded": sympy.expand(expr), "factored": sympy.factor(expr), "together": sympy.together(expr),
        "substituted": prepared(expr, {**paper.registry.definitions(), **claim.givens}),
        "times h/(2 pi hbar)": expr * _H / (2 * sympy.pi * _HBAR),
    }
    one = _one_in_disguise(paper, expr)
    found["times 1 in disguise"] = None if one is None else expr * one
    found["times 1 in disguise, expanded"] = None if one is None else sympy.expand(expr * one)
    found["h as 2 pi hbar"] = expr.xreplace({_H: 2 * sympy.pi * _HBAR})
    found["powers split"] = sympy.expand_power_base(sympy.powdenest(expr, force=True), force=True)
    return {name: new for name, new in found.items() if new is not None and new != expr}


def _identity(paper: Paper, claim: Claim, side: str, name: str, old: sympy.Expr, new: sympy.Expr) -> Rewrite:
    twin = Equality(old, new, id=claim.id, givens=claim.givens, assumptions=())
    return Rewrite(paper, twin, f"{side} = {name}({side})", claim.id)


def corpus(papers: Iterable[Paper]) -> list[Rewrite]:
    """Every rewrite of every equality claim and derivation step of ``papers``."""
    items: list[Rewrite] = []
    for paper in papers:
        for claim in paper:
            if claim.kind is ClaimKind.EQUALITY:
                items += _of_claim(paper, claim)
            elif isinstance(claim, Derivation) and claim.expect.verdicts & {Verdict.HOLDS, Verdict.HOLDS_UNDER}:
                items += _of_derivation(paper, claim)
    return items


def _of_derivation(paper: Paper, claim: Derivation) -> list[Rewrite]:
    """Each step rewritten, decided as the sub-derivation from its predecessor through its successor
    (steps next to unevaluated integrals are left out: their rules compare integral forms)."""
    exprs, items = claim.expressions(), []
    for k, step in enumerate(claim.steps, start=1):
        if any(sympy.sympify(e).has(sympy.Integral) for e in exprs[k - 1:k + 2]):
            continue
        for name, new in rewrites_of(paper, claim, step.expr).items():
            steps = (dataclasses.replace(step, expr=new), *claim.steps[k:k + 1])
            sub = dataclasses.replace(claim, start=exprs[k - 1], steps=steps, statement="")
            items.append(Rewrite(paper, sub, f"step {k} = {name}(step {k})", claim.id, step.expr, new))
    return items


def _of_claim(paper: Paper, claim: Claim) -> list[Rewrite]:
    lhs, rhs = claim.sides()
    items = [_identity(paper, claim, side, name, old, new)
             for side, old in (("lhs", lhs), ("rhs", rhs)) for name, new in rewrites_of(paper, claim, old).items()]
    if claim.expect.verdicts & {Verdict.HOLDS, Verdict.HOLDS_UNDER}:
        items.append(Rewrite(paper, Equality(rhs, lhs, id=claim.id, givens=claim.givens,
                                             assumptions=claim.assumptions), "sides exchanged", claim.id))
        items += [Rewrite(paper, Equality(lhs, new, id=claim.id, givens=claim.givens, assumptions=claim.assumptions),
                          f"lhs = {name}(rhs)", claim.id) for name, new in rewrites_of(paper, claim, rhs).items()]
    return items


def numerically_true(item: Rewrite) -> bool:
    """The oracle finds the rewrite true, without or under the assumptions it may use."""
    claim = item.claim
    if item.old is not None and item.new is not None:
        return compare(item.old, item.new, setting(item.paper, claim)) is Truth.CONSISTENT
    return Truth.CONSISTENT in (judge(item.paper, claim), judge(item.paper, claim, usable(item.paper, claim)))


@dataclass(frozen=True)
class Decided:
    """A corpus item with the engine's outcome (or the error it raised)."""

    item: Rewrite
    outcome: Outcome | None
    error: str = ""

    def describe(self) -> str:
        """One line for failure messages."""
        if self.outcome is None:
            return f"{self.item.label} -> {self.error}"
        return f"{self.item.label} -> {self.outcome.verdict.value} ({self.outcome.evidence.reason[:120]})"


def decide(item: Rewrite) -> Decided:
    """The engine's outcome for one rewrite."""
    try:
        return Decided(item, decide_claim(item.claim, item.paper))
    except Exception as exc:  # any exception is an engine bug, reported as an error
        return Decided(item, None, f"{type(exc).__name__}: {exc}")


def chosen(papers: Sequence[Paper], full: bool = FULL) -> list[Rewrite]:
    """The whole corpus (full) or a seeded sample of ``SAMPLED`` items."""
    items = corpus(papers)
    return items if full else sample(items, SAMPLED, SEED)


def summarize(decided: Sequence[Decided], size: int) -> dict[str, Any]:
    """Counts of verdicts and the completeness rate (holds or holds-under)."""
    verdicts = Counter(d.outcome.verdict.value if d.outcome else "error" for d in decided)
    passed = sum(1 for d in decided if d.outcome is not None and d.outcome.passed)
    return {"corpus_size": size, "decided": len(decided), "verdicts": dict(verdicts), "passed": passed,
            "completeness_rate": round(passed / len(decided), 4) if decided else None}


def completeness_numbers(full: bool = FULL, run: Callable[[Rewrite], Decided] = decide) -> dict[str, Any]:
    """Decide the corpus (or its sample) of the bundled papers; return :func:`summarize`'s numbers."""
    papers = load_papers()
    return {**summarize([run(item) for item in chosen(papers, full)], len(corpus(papers))), "full": full}
