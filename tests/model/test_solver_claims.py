"""KineticClaim: solver-backed claims are data, validated when built, and cacheable like every claim."""

from __future__ import annotations

import pickle

import pytest
import sympy

from symcond import KineticClaim, KineticProperty, Paper
from symcond.errors import DefinitionError
from symcond.ledger.cache import ResultCache
from symcond.model.claims import ClaimKind


def _paper():
    paper = Paper("demo2026")
    return paper, paper.declare("u", 1, "reduced band energy", latex="u")


def test_paper_kinetic_builds_a_kinetic_claim():
    paper, u = _paper()
    claim = paper.kinetic("eq9.drude", "drude", energy=u, laws=((1, 1 / (1 + u)),), etas=(0, 5), fields=(0.1, 1))
    assert isinstance(claim, KineticClaim) and claim.kind is ClaimKind.KINETIC
    assert claim.id == "demo2026:eq9.drude" and claim.asserts is KineticProperty.DRUDE
    assert claim.etas == (0.0, 5.0) and claim.fields == (0.1, 1.0) and claim.ratios == (1.0,)
    assert claim.runs == 4 and claim.laws == ((sympy.Integer(1), 1 / (1 + u)),)
    assert r"\tau_{el}/\tau_{el0} = \frac{1}{u + 1}" in claim.statement


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"asserts": "ohmic"}, "kinetic property must be one of"),
    ({"laws": ()}, "at least one pair"),
    ({"laws": ((sympy.Symbol("w"), 1),)}, "may depend on u only"),
    ({"etas": ()}, "non-empty tuple of finite numbers"),
    ({"fields": (float("nan"),)}, "non-empty tuple of finite numbers"),
    ({"ratios": ("a",)}, "'ratios' must be numbers"),
])
def test_a_malformed_kinetic_claim_is_refused(kwargs, message):
    _, u = _paper()
    args = {"asserts": "drude", "laws": ((1, 1),), "etas": (0.0,), **kwargs}
    with pytest.raises(DefinitionError, match=message):
        KineticClaim(args.pop("asserts"), u, id="demo2026:eq9", **args)


def test_a_kinetic_claim_pickles_and_has_a_cache_key(tmp_path):
    """Claims go to worker processes and into the result cache: both need plain data."""
    paper, u = _paper()
    claim = paper.kinetic("eq9", "kubo-greenwood", energy=u, laws=((sympy.sqrt(1 + u), 1),), etas=(0.0,))
    assert pickle.loads(pickle.dumps(claim)) == claim
    cache = ResultCache(tmp_path)
    key = cache.key(paper, claim, 120.0)
    assert key is not None
    other = paper.kinetic("eq9.b", "kubo-greenwood", energy=u, laws=((sympy.sqrt(1 + u), 1),), etas=(1.0,))
    assert cache.key(paper, other, 120.0) != key
