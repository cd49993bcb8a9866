"""Deciding claims: symbolic proof under a time budget, confirmed or refuted numerically."""

from symcond.prove.decide import decide
from symcond.prove.equality import check_equality
from symcond.prove.iff import check_equality_iff
from symcond.prove.inequality import check_inequality
from symcond.prove.limits import check_asymptotic, check_independence, check_limit
from symcond.prove.values import check_dimension, check_numeric_value

__all__ = [
    "check_asymptotic",
    "check_dimension",
    "check_equality",
    "check_equality_iff",
    "check_independence",
    "check_inequality",
    "check_limit",
    "check_numeric_value",
    "decide",
]
