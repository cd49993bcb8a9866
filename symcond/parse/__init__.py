"""The restricted grammar for user-supplied expressions: tokenizer, precedence parser and resource caps.

The modules, each importing only those listed before it:

* :mod:`~symcond.parse.tokenize`: characters to tokens (names, numbers, operators);
* :mod:`~symcond.parse.caps`: the resource limits on numbers, exponents and nesting;
* :mod:`~symcond.parse.functions`: constants, whitelisted functions and the limits on calls;
* :mod:`~symcond.parse.precedence`: the precedence-climbing parser of one expression;
* :mod:`~symcond.parse.grammar`: the entry points for expressions, relations and assignments;
* :mod:`~symcond.parse.substitute`: substitution into a parsed expression under the same limits.

>>> parse_relation("x**2 <= 2*y")
x**2 <= 2*y
>>> x = positive_symbol("x")
>>> bounded_xreplace(parse_expression("x**2/2"), {x: parse_expression("3")})
9/2
"""

from symcond.parse.grammar import (
    DEFAULT_FUNCTIONS,
    is_identifier,
    parse_assignment,
    parse_expression,
    parse_relation,
    positive_symbol,
)
from symcond.parse.substitute import bounded_xreplace

__all__ = [
    "DEFAULT_FUNCTIONS",
    "bounded_xreplace",
    "is_identifier",
    "parse_assignment",
    "parse_expression",
    "parse_relation",
    "positive_symbol",
]
