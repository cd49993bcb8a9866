"""The hostile-input corpus of issue 13 as data: each :class:`Case` is one run of the real ``symcond`` CLI.

Categories follow the issue's "What was seen" (each bullet is at least one case, marked ``note="issue 13"``),
then variants of our own, then a seeded random part generated from a token grammar.  A case states what
must not happen (``forbid``: verdicts that would be wrong; ``expect_exit``: the allowed exit codes, which
may include one beyond 0-3 such as 130, interrupted, for a file raising KeyboardInterrupt;
``keep``/``absent``/``written``: the state of files afterwards; ``mention``: text the answer must contain).
What every run must satisfy (exit 0-3 or one of its ``expect_exit``, no internal error, no traceback, one
error line on exit 2, within its budget) is checked by ``tests/soundness/test_hostile_cli.py``, which also
re-checks every ``fails`` counterexample independently.

``{tmp}`` in an argument is the case's own empty folder (also the working directory of the run); files,
links, FIFOs and devices are prepared there by ``files`` and ``setup`` before the run.

>>> cases = corpus()
>>> len(cases) > 300 and cases == corpus()
True
>>> sorted({case.category for case in cases}) == sorted(CATEGORIES)
True
"""

from __future__ import annotations

import math
import os
import random
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.soundness.test_hostile import INJECTIONS, LOOKALIKES

__all__ = ["CATEGORIES", "DEFAULT_BUDGET", "SENTINEL", "VERDICTS", "Case", "corpus"]

VERDICTS = frozenset({"holds", "holds-under", "fails", "undecided"})
HOLDS = frozenset({"holds", "holds-under"})
NOT_UNDECIDED = HOLDS | {"fails"}
FAILS = frozenset({"fails"})
#: Seconds a case may take when it names no ``--total-budget`` (and sets no ``budget_s``).
DEFAULT_BUDGET = 5.0
#: File name, in the case folder, that an executed injection payload would create.
SENTINEL = "pwned"
TMP = "{tmp}"
ISSUE = "issue 13"
RANDOM_SEED = 20260413
RANDOM_CASES = 300

CATEGORIES = (
    "sign-givens", "monotone-assume", "rounding", "contradiction", "registry-given", "budgets",
    "huge-numbers", "internal-errors", "injection", "lookalike", "files", "derivation-files", "random",
)


@dataclass(frozen=True)
class Case:
    """One CLI run and what must not happen in it.

    ``budget_s`` (s) defaults to the value of ``--total-budget`` in ``argv`` when that is a positive
    finite number of seconds, else :data:`DEFAULT_BUDGET`.  ``files`` are (name, text or bytes) written
    into the case folder; ``setup(folder)`` prepares anything else; ``keep`` names paths (relative to the
    folder, or absolute) that must be left exactly as they were; ``written`` names regular files the run
    must create or change; ``absent`` names paths that must not exist afterwards (the :data:`SENTINEL`
    always).
    """

    category: str
    argv: tuple[str, ...]
    budget_s: float | None = None
    forbid: frozenset[str] = frozenset()
    expect_exit: frozenset[int] | None = None
    files: tuple[tuple[str, str | bytes], ...] = ()
    setup: Callable[[Path], None] | None = None
    keep: tuple[str, ...] = ()
    written: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    mention: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES or not self.forbid <= VERDICTS:
            raise ValueError(f"bad case: category {self.category!r}, forbid {sorted(self.forbid)}")
        if self.budget_s is None:
            object.__setattr__(self, "budget_s", _budget_of(self.argv))

    def argv_in(self, folder: Path) -> list[str]:
        """The arguments with ``{tmp}`` replaced by ``folder``."""
        return [arg.replace(TMP, str(folder)) for arg in self.argv]

    def label(self, width: int = 160) -> str:
        """``[category] symcond ARGS  # note``, each argument shortened to ``width`` characters."""
        words = [repr(a) if len(a) <= width else repr(a[:width]) + f"...({len(a)} chars)" for a in self.argv]
        return f"[{self.category}] symcond {' '.join(words)}" + (f"  # {self.note}" if self.note else "")


def _budget_of(argv: Sequence[str]) -> float:
    for i, arg in enumerate(argv):
        text = argv[i + 1] if arg == "--total-budget" and i + 1 < len(argv) else None
        text = arg.partition("=")[2] if arg.startswith("--total-budget=") else text
        try:
            value = float(text) if text is not None else math.nan
        except ValueError:
            continue
        if 0 < value <= 600:
            return value
    return DEFAULT_BUDGET


def check(category: str, lhs: str, rhs: str, relation: str = "eq", given: Iterable[str] = (),
          assume: Iterable[str] = (), dim: Iterable[str] = (), total: float = 5.0, extra: Iterable[str] = (),
          **kw) -> Case:
    """A ``symcond check --json`` case; options are passed as ``--flag=value`` (safe for leading '-')."""
    argv = ["check", "--json", f"--total-budget={total:g}", *extra]
    argv += [] if relation == "eq" else [f"--relation={relation}"]
    argv += [f"--given={g}" for g in given] + [f"--assume={a}" for a in assume] + [f"--dim={d}" for d in dim]
    return Case(category, (*argv, "--", lhs, rhs), **kw)


# --- false holds through sign-changing givens ---------------------------------------------------------------

#: (lhs, rhs, relation, givens, assumptions): false for some real values the givens allow.
SIGN_FALSE = (
    ("sqrt(a**2)", "a", "eq", ["a=b-c"], []), ("abs(a)", "a", "eq", ["a=x-y"], []),
    ("Abs(a)", "a", "eq", ["a=x-y"], []), ("(a**2)**(1/2)", "a", "eq", ["a=b-c"], []),
    ("(a**4)**(1/4)", "a", "eq", ["a=b-c"], []), ("a**4**(1/4)", "a", "eq", ["a=b-c"], []),
    ("log(a**2)", "2*log(a)", "eq", ["a=b-c"], []), ("sqrt(a*b)", "sqrt(a)*sqrt(b)", "eq", ["a=x-y", "b=z-w"], []),
    ("(a**3)**(1/3)", "a", "eq", ["a=b-c"], []), ("(a**6)**(1/6)", "a", "eq", ["a=b-c"], []),
    ("sqrt(a**2*b**2)", "a*b", "eq", ["a=x-y"], []), ("a/Abs(a)", "1", "eq", ["a=x-y"], []),
    ("Max(a, 0)", "a", "eq", ["a=x-y"], []), ("Min(a, -a)", "-a", "eq", ["a=x-y"], []),
    ("Abs(a)", "a", "le", ["a=x-y"], []), ("a", "0", "gt", ["a=x-y"], []), ("a*b", "0", "gt", ["a=x-y"], []),
    ("1/a", "0", "gt", ["a=b-c"], []), ("a**3", "0", "ge", ["a=b-c"], []),
    ("sqrt(a**2)", "a", "eq", ["a=cos(x)"], []), ("sqrt(a**2)", "a", "eq", ["a=log(x)"], []),
    ("sqrt(a**2)", "a", "eq", ["a=x-1"], []), ("sqrt(a**2)", "a", "eq", ["a=1-x"], []),
    ("sqrt(a**2)", "a", "eq", ["a=-x"], []), ("sqrt(a**2)", "a", "eq", ["a=x*y-z"], []),
    ("sqrt(a**2)", "a", "eq", ["a=b", "b=c-d"], []), ("sqrt(a**2)", "a", "eq", ["a=atan(x-2)"], []),
    ("sqrt(a**2)", "a", "eq", ["a=tanh(x-y)"], []), ("sqrt(a**2)", "a", "eq", ["a=sin(x)"], []),
    ("sqrt(a**2)", "a", "eq", ["a=x**3-y"], []), ("sqrt(eta**2)", "eta", "eq", ["eta=(mu-eps_i)/(k_B*T)"], []),
    ("sqrt(v**2)", "v", "eq", ["v=v_F-s"], []), ("Abs(tau)", "tau", "eq", ["tau=tau_in-tau_el"], []),
    ("sqrt(a**2)+sqrt(b**2)", "a+b", "eq", ["a=x-y", "b=y-x"], []), ("Heaviside(a)", "1", "eq", ["a=x-y"], []),
    ("a**(1/2)", "sqrt(Abs(a))", "eq", ["a=x-y"], []), ("sqrt(a**2)", "a", "eq", ["a=b-c"], ["b<2", "c<2"]),
    ("log(a**2)", "2*log(a)", "eq", ["a=b-c"], ["c>b"]),
)
#: True relations under sign-changing givens: a ``fails`` would be as wrong as a false ``holds``.
SIGN_TRUE = (
    ("sqrt(a**2)", "a", "eq", ["a=b-c"], ["b>c"]), ("sqrt(a**2)", "Abs(a)", "eq", ["a=b-c"], []),
    ("Abs(a)", "a", "ge", ["a=x-y"], []), ("a**2", "0", "ge", ["a=x-y"], []),
    ("sqrt(a**2)", "Abs(b-c)", "eq", ["a=b-c"], []), ("log(exp(a))", "a", "eq", ["a=x-y"], []),
    ("exp(a)", "0", "gt", ["a=x-y"], []), ("Max(a, 0)", "(a+Abs(a))/2", "eq", ["a=x-y"], []),
    ("Abs(a)", "-a", "eq", ["a=x-y"], ["x<y"]),
)


#: A plain ``holds`` is false; ``holds-under`` is allowed only because it states the sign it relies on.
SIGN_FORBID = frozenset({"holds"})


def sign_cases() -> list[Case]:
    """False relations (no ``holds``) and true ones (no ``fails``) through givens that change sign.

    ``holds-under`` a condition such as ``a = b - c > 0 (declared positive)`` is not forbidden: it names
    the sign it needs (the harness counts these separately).
    """
    seen = {("sqrt(a**2)", "a", ("a=b-c",)), ("abs(a)", "a", ("a=x-y",))}
    false = [check("sign-givens", lhs, rhs, rel, given, assume, forbid=SIGN_FORBID,
                   note=ISSUE if (lhs, rhs, tuple(given)) in seen and not assume else "")
             for lhs, rhs, rel, given, assume in SIGN_FALSE]
    true = [check("sign-givens", lhs, rhs, rel, given, assume, forbid=FAILS) for lhs, rhs, rel, given, assume
            in SIGN_TRUE]
    return false + true


# --- assumptions through monotone functions ----------------------------------------------------------------

#: (lhs, rhs, relation, assumptions): implied by the assumptions, so ``fails`` is wrong.
MONOTONE_TRUE = (
    ("x", "y", "le", ["exp(x)<=exp(y)"]), ("x", "y", "le", ["log(x)<=log(y)"]), ("x", "y", "le", ["x**3<=y**3"]),
    ("x", "y", "le", ["atan(x)<=atan(y)"]), ("x", "y", "le", ["sqrt(x)<=sqrt(y)"]),
    ("x", "y", "le", ["tanh(x)<=tanh(y)"]), ("x", "y", "le", ["sinh(x)<=sinh(y)"]),
    ("x", "y", "le", ["x**5<=y**5"]), ("x", "y", "le", ["exp(-x)>=exp(-y)"]), ("x", "y", "le", ["1/x>=1/y"]),
    ("x", "y", "le", ["log(1+x)<=log(1+y)"]), ("x", "y", "le", ["x+exp(x)<=y+exp(y)"]),
    ("x", "y", "le", ["2**x<=2**y"]), ("x", "y", "le", ["exp(exp(x))<=exp(exp(y))"]),
    ("x", "y", "le", ["x**(1/3)<=y**(1/3)"]), ("x", "y", "lt", ["exp(x)<exp(y)"]),
    ("y", "x", "ge", ["exp(x)<=exp(y)"]), ("x", "z", "le", ["exp(x)<=exp(y)", "log(y)<=log(z)"]),
    ("x-y", "0", "le", ["exp(x)<=exp(y)"]), ("2*tau_in/(tau_in+tau_el)", "1", "le", ["log(tau_in)<=log(tau_el)"]),
    ("x", "y", "eq", ["exp(x)<=exp(y)", "exp(y)<=exp(x)"]), ("exp(x)", "exp(y)", "le", ["x**3<=y**3"]),
)
#: Not implied: a ``fails`` is right, and its point must satisfy every assumption.
MONOTONE_FALSE = (
    ("x", "y", "le", ["exp(x)<=exp(2*y)"]), ("x", "y", "le", ["log(x)<=log(y)+1"]),
    ("x", "y", "le", ["x**3<=2*y**3"]), ("x", "y", "le", ["atan(x)<=atan(y)+1"]),
    ("x", "y", "le", ["exp(x)<=2*exp(y)"]), ("x", "y", "le", ["sqrt(x)<=sqrt(y)+1"]),
    ("x", "y/2", "le", ["exp(x)<=exp(y)"]), ("x", "y", "lt", ["log(x)<=log(y)"]),
    ("x", "y", "lt", ["exp(x)<=exp(y)", "exp(y)<=exp(x)"]), ("x", "y/2", "le", ["1/x>=1/y"]),
    ("x", "z", "le", ["exp(x)<=exp(y)", "log(y)<=log(z)+1"]), ("x**2", "y", "le", ["atan(x)<=atan(y)"]),
)


def monotone_cases() -> list[Case]:
    """Assumptions the engine may not reduce: a ``fails`` must carry a point satisfying all of them."""
    true = [check("monotone-assume", lhs, rhs, rel, assume=assume, forbid=FAILS,
                  note=ISSUE if assume == ["exp(x)<=exp(y)"] and rel == "le" and lhs == "x" else "")
            for lhs, rhs, rel, assume in MONOTONE_TRUE]
    return true + [check("monotone-assume", lhs, rhs, rel, assume=assume, forbid=HOLDS)
                   for lhs, rhs, rel, assume in MONOTONE_FALSE]


# --- rounding ---------------------------------------------------------------------------------------------

#: (lhs, rhs, relation): true by a margin far below double precision, so ``fails`` is wrong.
ROUNDING_TRUE = (
    ("x+1e-300", "x", "gt"), ("x*(1+1e-50)", "x", "gt"), ("x+10**-100", "x", "gt"),
    ("exp(x)+1e-200", "exp(x)", "gt"), ("1+1e-30", "1", "gt"), ("x**2+1e-300", "x**2", "gt"),
    ("(x+1e-300)-x", "0", "gt"), ("sqrt(x**2+1e-300)", "x", "gt"),
    ("log(1+1e-100)", "0", "gt"), ("exp(1e-300)", "1", "gt"), ("x+1e300", "1e300", "gt"), ("x*1e300", "x", "gt"),
    ("1e-300*x", "0", "gt"), ("(x+1e-30)**2", "x**2", "gt"), ("x/(1+1e-50)", "x", "lt"), ("x", "x+1e-300", "lt"),
    ("x+1e-300", "x", "ge"), ("1/(x+1e-300)", "1/x", "lt"), ("exp(-1e-300*x)", "1", "lt"),
    ("x+y*1e-300", "x", "gt"), ("tau_in*(1+1e-60)", "tau_in", "gt"), ("x+0." + "0" * 299 + "1", "x", "gt"),
)
#: (lhs, rhs): different by a margin far below double precision, so ``holds`` is wrong.
ROUNDING_FALSE = (
    ("x+1e-300", "x"), ("x*(1+1e-40)", "x"), ("1+1e-30", "1"), ("x+1e-20*y", "x"), ("sqrt(x**2+1e-300)", "x"),
    ("exp(x+1e-200)", "exp(x)"), ("x*(1+1e-17)", "x"),
)


def rounding_cases() -> list[Case]:
    """Differences below double precision: no ``fails`` for true ones, no ``holds`` for false ones."""
    true = [check("rounding", lhs, rhs, rel, forbid=FAILS, note=ISSUE if lhs == "x+1e-300" and rel == "gt" else "")
            for lhs, rhs, rel in ROUNDING_TRUE]
    return true + [check("rounding", lhs, rhs, forbid=HOLDS) for lhs, rhs in ROUNDING_FALSE]


# --- contradictory assumptions ----------------------------------------------------------------------------

#: (lhs, rhs, relation, assumptions) whose contradiction is linear and plain: the answer must name it.
CONTRADICTIONS_NAMED = (
    ("x", "y", "le", ["x>y", "y>x"]), ("x", "2*y", "eq", ["x>y", "y>x"]), ("x", "y", "le", ["x<y", "y<z", "z<x"]),
    ("x", "1", "le", ["x<0"]), ("x", "1", "ge", ["x<=-1"]), ("x", "2", "eq", ["x>1", "x<1"]),
    ("x", "3", "le", ["x>=2", "x<=1"]), ("2*tau_in/(tau_in+tau_el)", "1", "le", ["tau_in>tau_el", "tau_el>tau_in"]),
    ("x", "y", "lt", ["x>=y", "y>x"]), ("x", "y", "le", ["x==1", "x==2"]),
)
#: Contradictions that take more than linear order to see: only a verdict is forbidden.
CONTRADICTIONS_HARD = (
    ("x", "y", "le", ["exp(x)<1"]), ("x", "y", "le", ["x**2<0"]), ("x", "y", "le", ["x>2*y", "y>x"]),
    ("x", "y", "le", ["x<y", "y<x-1"]), ("x", "y", "le", ["log(x)<log(y)", "y<x"]),
    ("x1", "x2", "ge", [f"x{i}<x{i % 10 + 1}" for i in range(1, 11)]), ("x", "y", "le", ["x+y<0"]),
    ("x", "y", "le", ["Abs(x-y)<0"]), ("x", "y", "le", ["x<y", "x>y+1"]),
    ("x", "y", "le", ["1/x<0"]), ("x", "y", "le", ["x*y<0"]), ("x", "y", "le", ["sin(x)>2"]),
    ("x", "y", "le", ["exp(x)+exp(y)<1"]), ("x", "y", "le", ["-x>0"]),
)


def contradiction_cases() -> list[Case]:
    """Assumptions that cannot all hold: ``undecided`` naming the contradiction, never a silent verdict."""
    named = [check("contradiction", lhs, rhs, rel, assume=assume, forbid=NOT_UNDECIDED, mention="contradict",
                   note=ISSUE if assume == ["x>y", "y>x"] and rel == "le" else "")
             for lhs, rhs, rel, assume in CONTRADICTIONS_NAMED]
    return named + [check("contradiction", lhs, rhs, rel, assume=assume, forbid=NOT_UNDECIDED)
                    for lhs, rhs, rel, assume in CONTRADICTIONS_HARD]


# --- givens that restate a registry definition --------------------------------------------------------------

#: (lhs, rhs, givens): true, with givens equal to the registry's definitions: accepted (0) or refused (2).
RESTATED_TRUE = (
    ("c", "1/sqrt(eps0*mu0)", ["c=1/sqrt(eps0*mu0)"]), ("hbar", "h/(2*pi)", ["hbar=h/(2*pi)"]),
    ("mu0*eps0*c**2", "1", ["mu0=1/(eps0*c**2)"]),
    ("alpha", "e**2/(4*pi*eps0*hbar*c)", ["alpha=e**2/(4*pi*eps0*hbar*c)"]),
    ("h", "2*pi*hbar", ["h=2*pi*hbar"]), ("q_P**2", "4*pi*eps0*hbar*c", ["q_P=sqrt(4*pi*eps0*hbar*c)"]),
    ("e**2/(2*eps0*h*c)", "alpha", ["c=1/sqrt(eps0*mu0)"]),
    ("c*hbar", "c*h/(2*pi)", ["c=1/sqrt(eps0*mu0)", "hbar=h/(2*pi)"]),
    ("x*c", "x/sqrt(eps0*mu0)", ["c=1/sqrt(eps0*mu0)"]),
)
#: (lhs, rhs, givens): false (or resting on a given that contradicts the registry): never ``holds``.
RESTATED_FALSE = (
    ("c", "2/sqrt(eps0*mu0)", ["c=1/sqrt(eps0*mu0)"]), ("hbar", "h", ["hbar=h/(2*pi)"]),
    ("hbar", "h/pi", ["hbar=h/pi"]), ("c", "2/sqrt(eps0*mu0)", ["c=2/sqrt(eps0*mu0)"]),
    ("mu0", "2/(eps0*c**2)", ["mu0=2/(eps0*c**2)"]),
)


def registry_cases() -> list[Case]:
    """A --given restating a definition is consistent: never 'substitutions do not terminate'."""
    true = [check("registry-given", lhs, rhs, given=given, forbid=FAILS, expect_exit=frozenset({0, 2}),
                  note=ISSUE if given == ["c=1/sqrt(eps0*mu0)"] and lhs == "c" else "")
            for lhs, rhs, given in RESTATED_TRUE]
    return true + [check("registry-given", lhs, rhs, given=given, forbid=HOLDS) for lhs, rhs, given in RESTATED_FALSE]


# --- budgets ----------------------------------------------------------------------------------------------

MAX_3000 = "Max(" + ",".join(f"x{i}" for i in range(3000)) + ")"
POLY_40 = "(a+b+c+d+1)**40"


def budget_cases() -> list[Case]:
    """Work SIGALRM cannot interrupt: every run ends within its --total-budget plus the margin."""
    chain = [f"x{i}<x{i + 1}" for i in range(200)]
    items = [
        (MAX_3000, "x0", "ge", [], [], 5, ISSUE), (MAX_3000, "x1", "eq", [], [], 5, ""),
        (MAX_3000, "y", "le", [], ["y>x0"], 5, ""), ("2**x", "1", "gt", ["x=10**100"], [], 5, ISSUE),
        ("2**x", "x", "eq", ["x=10**100"], [], 5, ""), ("x0", "x200", "le", [], chain, 5, ISSUE),
        ("x0", "x200", "lt", [], [c.replace("<", "<=") for c in chain], 5, ""),
        ("x200", "x0", "le", [], chain, 5, ""),
        ("x0", "x200+200", "eq", [f"x{i}=x{i + 1}+1" for i in range(200)], [], 5, ""),
        ("exp(exp(exp(x)))", "exp(exp(exp(y)))", "le", [], ["x<=y"], 5, ""),
        ("exp(exp(exp(exp(x))))", "x", "gt", [], [], 5, ""), ("exp(exp(exp(x)))", "1e300", "gt", [], [], 5, ""),
        ("exp(exp(exp(exp(exp(x)))))", "exp(exp(exp(exp(exp(y)))))", "eq", [], [], 5, ""),
        (POLY_40, "((a+b)**2+2*(a+b)*(c+d+1)+(c+d+1)**2)**20", "eq", [], [], 5, ""),
        (POLY_40, "(a+b+c+d+1)**39*a+(a+b+c+d+1)**39*(b+c+d+1)", "eq", [], [], 5, ""),
        ("(x+1)**200", "(x**2+2*x+1)**100", "eq", [], [], 5, ""),
        ("(sin(x)**2+cos(x)**2)**50", "1", "eq", [], [], 5, ""),
        ("sin(x)**40+cos(x)**40", "1", "le", [], [], 5, ""),
        ("gamma(x+1/3)/(gamma(x)*x**(1/3))", "1", "eq", [], [], 5, ""),
        ("+".join(f"exp({i}*x)" for i in range(1, 400)), "+".join(f"exp(x*{i})" for i in range(399, 0, -1)),
         "eq", [], [], 5, ""),
        ("*".join(f"(x+{i})" for i in range(1, 120)), "*".join(f"({i}+x)" for i in range(119, 0, -1)),
         "eq", [], [], 5, ""),
        ("zeta(x)*polylog(3, -exp(x))", "-zeta(x)*polylog(3, -exp(x))", "eq", [], [], 5, ""),
        (POLY_40, "((a+b)**2+2*(a+b)*(c+d+1)+(c+d+1)**2)**20", "eq", [], [], 1, ""),
        (MAX_3000, "x0", "ge", [], [], 2, ""), ("x0", "x200", "le", [], chain, 1, ""),
        ("exp(exp(exp(exp(exp(x)))))", "exp(exp(exp(exp(exp(y)))))", "eq", [], [], 0.5, ""),
    ]
    cases = [check("budgets", lhs, rhs, rel, given, assume, total=total, note=note)
             for lhs, rhs, rel, given, assume, total, note in items]
    cases.append(check("budgets", POLY_40, "((a+b)**2+2*(a+b)*(c+d+1)+(c+d+1)**2)**20", total=3,
                       extra=["--budget=1000"]))
    for total in ("inf", "1e308", "nan", "0", "-1"):  # must be refused (2) or end in the default budget
        cases.append(check("budgets", "x", "x", extra=[f"--total-budget={total}"], budget_s=DEFAULT_BUDGET))
    for budget in ("inf", "nan", "0", "-1", "1e308"):
        cases.append(check("budgets", POLY_40, "((a+b)**2+2*(a+b)*(c+d+1)+(c+d+1)**2)**20", total=3,
                           extra=[f"--budget={budget}"]))
    return cases


# --- huge numbers -----------------------------------------------------------------------------------------

def huge_number_cases() -> list[Case]:
    """Literals and substituted values beyond every bound: a verdict or one error line, never a crash."""
    literals = ["1e" + "0" * 5000 + "5", "1e-" + "0" * 5000 + "5", "1e" + "0" * 4400 + "1", "9" * 5000,
                "0." + "0" * 5000 + "1", "1" + "0" * 399, "1e999999999999", "1e-999999999999", "1." + "9" * 4400,
                "1e0000000000000000000000000000000000000000000000000000000000000005"]
    cases = [check("huge-numbers", f"x*{lit}", "1", note=ISSUE if lit.startswith("1e0000") else "")
             for lit in literals]
    cases += [check("huge-numbers", "x", "1", given=["x=" + "9" * 5000]),
              check("huge-numbers", "x", "1", "gt", assume=["x>" + "9" * 5000]),
              check("huge-numbers", "x", "1", given=["x=1e" + "0" * 4400 + "1"])]
    substituted = [
        ("x**y", "1", "gt", ["y=10**99"], [], ISSUE), ("x**2", "1", "gt", ["x=10**600"], [], ""),
        ("x*y", "1", "gt", ["x=10**600", "y=10**600"], [], ""), ("x**x", "1", "gt", ["x=1000"], [], ""),
        ("x**x", "1", "gt", ["x=10"], [], ""), ("gamma(x)", "1", "gt", ["x=10**6"], [], ""),
        ("zeta(x)", "1", "gt", ["x=10**9"], [], ""), ("exp(x)", "1", "gt", ["x=10**100"], [], ""),
        ("10**x", "1", "gt", ["x=999"], [], ""), ("x**(1/3)", "1", "gt", ["x=10**999"], [], ""),
        ("x", "1", "gt", [], ["x>10**999"], ""), ("x**4", "1", "gt", ["x=1e308"], [], ""),
        ("x", "1", "lt", ["x=1e-400"], [], ""), ("x**4", "1", "gt", ["x=2**(2**10)"], [], ""),
        ("x", "1", "gt", ["x=y**1000", "y=10**3"], [], ""), ("sqrt(x)", "1", "gt", ["x=10**(10**3)"], [], ""),
        ("x**y**z", "1", "gt", ["y=10", "z=10", "x=10"], [], ""), ("y", "x", "gt", [], ["y>x**1000", "x>10**3"], ""),
        ("exp(exp(x))", "1", "gt", ["x=1000"], [], ""), ("2**x", "1", "gt", ["x=10**100"], [], ISSUE),
    ]
    cases += [check("huge-numbers", lhs, rhs, rel, given, assume, note=note)
              for lhs, rhs, rel, given, assume, note in substituted]
    return cases


# --- internal-error triggers --------------------------------------------------------------------------------

def _physics(command: str, *args: str, bad: bool = True, note: str = "") -> Case:
    """A ``solve``/``mc`` run (20 s: the Monte Carlo kernel compiles on a cold cache); ``bad``: exit 2."""
    return Case("internal-errors", (command, "--mu-kT", "1", *args) if "--mu-kT" not in "".join(args)
                else (command, *args), budget_s=20.0, expect_exit=frozenset({2}) if bad else None, note=note)


def internal_error_cases() -> list[Case]:
    """Inputs that once ended in 'internal error' (exit 70): now a verdict or one error line."""
    assumes = ["x<sqrt(-1)", "x<I", "x<log(-1)", "x<sqrt(-4)+1", "x<1/0", "x<0/0", "x<oo", "x>-oo", "x<oo-oo",
               "x<log(0)", "sqrt(-1)<x"]
    cases = [check("internal-errors", "x", "1", "le", assume=[a], note=ISSUE if a == "x<sqrt(-1)" else "")
             for a in assumes]
    cases += [check("internal-errors", "x", "1", given=[g])
              for g in ("x=sqrt(-1)", "x=1/0", "x=log(0)", "x=oo-oo", "x=0/0", "x=-1")]
    sides = [("1/0", "1"), ("0/0", "1"), ("log(0)", "1"), ("oo-oo", "0"), ("oo", "oo"), ("sqrt(-1)", "I"),
             ("0**-1", "1"), ("x/0", "1"), ("(-1)**(1/3)", "0.5"), ("acos(2)", "0"), ("log(-x)", "log(x)"),
             ("Max()", "1"), ("Min(x)", "x"), ("gamma(0)", "1"), ("gamma(-1)", "1"), ("zeta(1)", "1"),
             ("Heaviside(0)", "1/2"), ("tan(pi/2)", "1"), ("x**oo", "1"), ("exp(oo)", "oo"), ("x", "nan")]
    cases += [check("internal-errors", lhs, rhs) for lhs, rhs in sides]
    cases += [check("internal-errors", "sqrt(-1)", "1", "le"),
              check("internal-errors", "x", "1", dim=["x=length", "x=time"]),
              check("internal-errors", "x", "1", dim=["x=length**1000"]),
              check("internal-errors", "x", "1", dim=["x=length**(10**100)"])]
    mc = [("--particles", "1e23"), ("--particles", "100000000000000000000000"), ("--particles", "0"),
          ("--particles", "-1"), ("--particles", "nan"), ("--particles", "inf"), ("--particles", "1.5"),
          ("--time", "nan"), ("--time", "inf"), ("--time", "-1"), ("--seed", "-1"), ("--threads", "-1"),
          ("--mu-kT", "nan"), ("--mu-kT", "1e308"), ("--ratio", "inf", "--field", "1"), ("--eps-kT", "1,2,,3")]
    cases += [_physics("mc", *args, note=ISSUE if args[0] == "--particles" and len(args[1]) > 3 else "")
              for args in mc]
    cases += [_physics("mc", "--particles", "10", "--time", "1e300", bad=False),
              _physics("mc", "--particles", "10", "--seed", str(2**64), bad=False),
              _physics("mc", "--particles", "10", "--threads", "100000", bad=False),
              _physics("mc", "--particles", "10", "--eps-kT", ",".join(["0"] * 5000), bad=False)]
    solve = [("--mu-kT", "nan"), ("--mu-kT", "inf"), ("--mu-kT", "-inf"), ("--mu-kT", "-1e308"), ("--ratio", "-1"),
             ("--tol", "1e-400"), ("--eps-kT", "1e400"), ("--field", "-inf"), ("--ratio", "nan")]
    cases += [_physics("solve", *args) for args in solve]
    cases += [_physics("solve", *args, bad=False) for args in (
        ("--field", "1e300"), ("--eps-kT", ",".join(str(i) for i in range(5000))), ("--tau-in-law", "1/eps"),
        ("--tau-in-law", "exp(-eps*1000)"), ("--tau-in-law", "10**999"), ("--tau-el-law", "exp(eps**10)"),
        ("--tol", "1e308"), ("--mu-kT", "1e300"))]
    return cases


# --- injections and look-alike characters --------------------------------------------------------------------

def injection_cases() -> list[Case]:
    """Every payload in every text argument: exit 2, and the sentinel file never appears."""
    cases = []
    for template in INJECTIONS:
        payload = template.format(s=f"{TMP}/{SENTINEL}")
        cases += [check("injection", payload, "1", expect_exit=frozenset({2})),
                  check("injection", "1", payload, expect_exit=frozenset({2})),
                  check("injection", "x", "1", given=[f"x={payload}"], expect_exit=frozenset({2})),
                  check("injection", "x", "1", assume=[f"x<={payload}"], expect_exit=frozenset({2})),
                  check("injection", "x", "1", dim=[f"x={payload}"], expect_exit=frozenset({2})),
                  Case("injection", ("solve", "--mu-kT", "1", f"--tau-in-law={payload}"), expect_exit=frozenset({2})),
                  Case("injection", ("mc", "--mu-kT", "1", f"--tau-el-law={payload}"), budget_s=20.0,
                       expect_exit=frozenset({2}))]
    return cases


def lookalike_cases() -> list[Case]:
    """Characters that look like ASCII but are not: exit 2 naming the character."""
    cases = []
    for text in LOOKALIKES:
        cases += [check("lookalike", text, "1", expect_exit=frozenset({2}), mention="is not allowed"),
                  check("lookalike", "x", "1", given=[f"x={text}"], expect_exit=frozenset({2})),
                  check("lookalike", "x", "1", "le", assume=[f"x<{text}"], expect_exit=frozenset({2}))]
    return cases


# --- output files ---------------------------------------------------------------------------------------------

PRECIOUS = "precious: must survive\n"


@dataclass(frozen=True)
class _Existing:
    """Setup: a file ``name`` with :data:`PRECIOUS` content (a value, so equal cases compare equal)."""

    name: str

    def __call__(self, folder: Path) -> None:
        (folder / self.name).write_text(PRECIOUS, encoding="utf-8")


def _existing(name: str) -> Callable[[Path], None]:
    return _Existing(name)


def _directory(folder: Path) -> None:
    (folder / "target").mkdir()


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "target")


def _device(folder: Path) -> None:
    """``target`` is a character device like /dev/full (writes fail with ENOSPC), or a link to it."""
    try:
        os.mknod(folder / "target", stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except OSError:
        (folder / "target").symlink_to("/dev/full")


def _dangling(folder: Path) -> None:
    (folder / "target").symlink_to("missing-target")


def _link_to_existing(folder: Path) -> None:
    (folder / "real").write_text(PRECIOUS, encoding="utf-8")
    (folder / "target").symlink_to("real")


def _file_as_parent(folder: Path) -> None:
    (folder / "afile").write_text(PRECIOUS, encoding="utf-8")


def _output_cases(name: str, argv: Sequence[str], budget_s: float | None, suffix: str) -> list[Case]:
    """The same writer (``argv`` ends with its --to/--out/--data flag) aimed at every kind of target."""
    target, two = f"{TMP}/target{suffix}", frozenset({2})

    def case(path: str, **kw) -> Case:
        return Case("files", (*argv, path), budget_s=budget_s, **kw)

    existing, issue = f"target{suffix}", "issue 13: " if name == "export" else ""
    return [
        case(f"{TMP}/new{suffix}", written=(f"new{suffix}",), note="a new file"),
        case(target, setup=_existing(existing), keep=(existing,), expect_exit=two, note=f"{issue}an existing file"),
        Case("files", (*argv, target, "--force"), budget_s=budget_s, setup=_existing(existing), written=(existing,),
             note="an existing file, --force"),
        case(f"{TMP}/target", setup=_directory, keep=("target",), expect_exit=two, note=f"{issue}a directory"),
        case(f"{TMP}/target", setup=_fifo, keep=("target",), expect_exit=two, note=f"{issue}a FIFO"),
        case(f"{TMP}/target", setup=_device, keep=("target",), expect_exit=two, note="a device like /dev/full"),
        case("", expect_exit=two, note=f"{issue}an empty path"),
        case(f"{TMP}/target", setup=_dangling, keep=("target",), absent=("missing-target",), expect_exit=two,
             note=f"{issue}a dangling symlink"),
        case(f"{TMP}/target", setup=_link_to_existing, keep=("target", "real"), expect_exit=two,
             note="a symlink to an existing file"),
        case(f"{TMP}/" + "a" * 5000 + suffix, expect_exit=two, note=f"{issue}a 5000-character name"),
        case(f"{TMP}/" + "/".join(["d" * 200] * 30) + "/x" + suffix, expect_exit=two, note="a 6000-character path"),
        case(f"{TMP}/afile/out{suffix}", setup=_file_as_parent, keep=("afile",), expect_exit=two,
             note="a file as folder"),
        case(f"{TMP}/no/such/folder/out{suffix}", note="a missing folder"),
    ]


def file_cases() -> list[Case]:
    """--to/--out/--data never overwrite without --force, never write into directories, FIFOs or devices."""
    verify = ("verify", "--paper", "dasgreen2003", "--only", "dasgreen2003:eq7", "--total-budget", "20", "--out")
    cases = _output_cases("export", ("export", "dasgreen2003:eq7", "--to"), None, ".py")
    cases += [Case("files", ("export", "dasgreen2003:eq7", "--to", "/dev/full"), keep=("/dev/full",),
                   expect_exit=frozenset({2}), note=ISSUE),
              Case("files", ("export", "reggiani2026:eq18", "--backend", "c", "--to", f"{TMP}/nph.c"),
                   setup=_existing("nph.h"), keep=("nph.h",), absent=("nph.c",), expect_exit=frozenset({2}),
                   note="the header beside exists"),
              Case("files", ("export", "reggiani2026:eq18", "--backend", "c", "--to", f"{TMP}/nph.c"),
                   setup=_existing("nph.c"), keep=("nph.c",), absent=("nph.h",), expect_exit=frozenset({2}),
                   note="the source exists")]
    cases += _output_cases("verify", verify, None, ".txt")
    cases += _output_cases("tables", ("tables", "reggiani2026", "--out"), 40.0, ".tex")
    cases += _output_cases("figure", ("figure", "dasgreen2003:fig1", "--points", "5", "--out"), 20.0, ".png")
    cases += _output_cases("figure-data", ("figure", "dasgreen2003:fig1", "--points", "5", "--data"), 20.0, ".csv")
    return cases


# --- derivation files -------------------------------------------------------------------------------------------

FERMI_HEADER = """\
from sympy import Integral, Rational, polylog
from symcond import Paper, exp, oo, pi, sqrt
paper = Paper("fermiwindow")
k_B, T, mu = paper.symbols("k_B T mu")
E = paper.declare("E", "energy", "band energy", positive=False)
Ep = paper.declare("Ep", "energy", "positive band energy")
w = (E - mu)/(k_B*T)
wp = (Ep - mu)/(k_B*T)
"""
#: (claim line, forbidden verdicts); the Fermi-window integrals of the issue, true and false.
FERMI_CLAIMS = (
    ("paper.equality('eq1', Integral((E-mu)**2*exp(w)/(k_B*T*(exp(w)+1)**2), (E, -oo, oo)), pi**2/3*(k_B*T)**2)",
     FAILS),
    ("paper.equality('eq1', Integral(exp(w)/(k_B*T*(exp(w)+1)**2), (E, -oo, oo)), 1)", FAILS),
    ("paper.equality('eq1', Integral((E-mu)**4*exp(w)/(k_B*T*(exp(w)+1)**2), (E, -oo, oo)), "
     "7*pi**4/15*(k_B*T)**4)", FAILS),
    ("paper.equality('eq1', Integral(1/(exp(wp)+1), (Ep, 0, oo)), k_B*T*log(1+exp(mu/(k_B*T))))", FAILS),
    ("paper.equality('eq1', Integral(sqrt(Ep)/(exp(wp)+1), (Ep, 0, oo)), "
     "-sqrt(pi)/2*(k_B*T)**Rational(3, 2)*polylog(Rational(3, 2), -exp(mu/(k_B*T))))", FAILS),
    ("paper.equality('eq1', Integral((E-mu)**2*exp(w)/(k_B*T*(exp(w)+1)**2), (E, -oo, oo)), pi**2/6*(k_B*T)**2)",
     HOLDS),
    ("paper.inequality('eq1', Integral((E-mu)**2*exp(w)/(k_B*T*(exp(w)+1)**2), (E, -oo, oo)), (k_B*T)**2)", HOLDS),
)
FUNCTION_FILE = """\
from sympy import Function
from symcond import Paper
paper = Paper("hostilefn")
u = paper.declare("u", 1, "a number")
w = paper.declare("w", 1, "another number")
class F(Function):
{body}
paper.equality("eq1", F(u), w)
"""
NUMBERS_FILE = """\
from sympy import Max, Rational
from symcond import Paper
paper = Paper("numbers")
u = paper.declare("u", 1, "a number")
w = paper.declare("w", 1, "another number")
paper.equality("eq1", {lhs}, w)
"""
#: Bodies of a SymPy function that misbehaves only when the claim is decided (on numbers).
DECISION_TIME = (
    "raise ValueError('boom at decision time')", "while True:\n                pass", "import sys; sys.exit(0)",
    "import time; time.sleep(3600)", "return cls(arg + 1)", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)",
    "raise KeyboardInterrupt", "raise SystemExit(3)",
)
#: Module-level code that misbehaves when the file is loaded.
LOAD_TIME = (
    "raise ValueError('boom at load time')", "import sys; sys.exit(0)", "import sys; sys.exit(3)",
    "raise KeyboardInterrupt", "import time; time.sleep(3600)", "", "def broken(:", "while True:\n    pass",
)


def _eval_body(action: str) -> str:
    return f"    @classmethod\n    def eval(cls, arg):\n        if arg.is_Number:\n            {action}"


def _verify(name: str, text: str | bytes, forbid: frozenset[str] = frozenset(), note: str = "") -> Case:
    interrupted = b"KeyboardInterrupt" in (text.encode() if isinstance(text, str) else text)
    return Case("derivation-files", ("verify", f"{TMP}/{name}", "--total-budget", "20", "--format", "json"),
                forbid=forbid, files=((name, text),), note=note,
                expect_exit=frozenset({130}) if interrupted else None)  # as if Ctrl-C was pressed


def _gist(code: str, after: str = "") -> str:
    """One line of ``code`` (from ``after`` on) for a case's note."""
    return " ".join((code.partition(after)[2] if after else code).split())[:90]


def derivation_cases() -> list[Case]:
    """Derivation files (trusted code, but bounded): integrals, misbehaving code, odd files; 20 s each."""
    cases = [_verify("fermi.py", FERMI_HEADER + claim + "\n", forbid,
                     note=("issue 13: " if i == 0 else "") + _gist(claim, "paper."))
             for i, (claim, forbid) in enumerate(FERMI_CLAIMS)]
    cases += [_verify("hostilefn.py", FUNCTION_FILE.format(body=_eval_body(action)),
                      note=f"F.eval on numbers: {_gist(action)}") for action in DECISION_TIME]
    cases += [_verify("hostilefn.py", FUNCTION_FILE.format(body=body), note=f"F{_gist(body, 'def ')}") for body in (
        "    def _eval_evalf(self, prec):\n        raise ValueError('boom in evalf')",
        "    def _eval_is_positive(self):\n        while True:\n            pass",
        "    def _sympystr(self, printer):\n        raise ValueError('boom when printed')")]
    loaded = "from symcond import Paper\npaper = Paper('loadtime')\n"
    cases += [_verify("loadtime.py", loaded + code + "\n", note=f"at load: {_gist(code) or 'a paper without claims'}")
              for code in LOAD_TIME]
    cases += [_verify("bignumbers.py", NUMBERS_FILE.format(lhs=lhs), note=f"claim lhs {_gist(lhs)}") for lhs in (
        "u*10**100000", "u**(10**6)", "u + Rational(1, 10**100000)",
        "Max(*[paper.declare(f's{i}', 1, 's') for i in range(3000)])")]
    cases += [_verify("garbage.py", b"\xff\xfe\x00 not utf-8 \x80\x81\n", note="not UTF-8"),
              _verify("bom.py", "\ufeffx = 1\n", note="byte-order mark, no paper"),
              _verify("numbers.py", NUMBERS_FILE.format(lhs="u"), note="named like a standard-library module")]
    return cases


# --- seeded random checks ------------------------------------------------------------------------------------

_SYMBOLS = ("x", "y", "z", "a", "b", "tau_in", "tau_el", "L", "v", "T", "k_B", "hbar", "h", "e", "c", "mu", "eps",
            "N", "Gamma")
_NUMBERS = ("0", "1", "2", "-1", "1/2", "0.5", "3", "10", "1e-300", "1e300", "10**50", "1e-5", "pi", "oo", "2**-1",
            "0.1")
_UNARY = ("sqrt", "exp", "log", "sin", "cos", "atan", "tanh", "Abs", "gamma", "Heaviside")
_EXPONENTS = ("2", "3", "1/2", "-1", "1/3", "x", "y", "0.5", "-2")
_DIMENSIONS = ("length", "time", "velocity", "energy", "mass", "charge", "temperature", "length/time")


def _expression(rng: random.Random, depth: int, names: Sequence[str] = _SYMBOLS) -> str:
    roll = rng.random()
    if depth <= 0 or roll < 0.25:
        return rng.choice(names) if rng.random() < 0.75 else rng.choice(_NUMBERS)
    if roll < 0.45:
        return f"{rng.choice(_UNARY)}({_expression(rng, depth - 1, names)})"
    if roll < 0.52:
        args = ", ".join(_expression(rng, depth - 1, names) for _ in range(rng.randint(2, 3)))
        return f"{rng.choice(('Max', 'Min'))}({args})"
    if roll < 0.57:
        return f"-({_expression(rng, depth - 1, names)})"
    left = _expression(rng, depth - 1, names)
    op = rng.choice(("+", "-", "*", "/", "**"))
    right = rng.choice(_EXPONENTS) if op == "**" else _expression(rng, depth - 1, names)
    return f"({left}{op}{right})" if rng.random() < 0.5 else f"{left}{op}{right}"


def random_cases(seed: int = RANDOM_SEED, count: int = RANDOM_CASES) -> list[Case]:
    """``count`` checks drawn from a token grammar with random --given/--assume/--dim; same seed, same cases."""
    rng = random.Random(seed)
    free = [s for s in _SYMBOLS if s not in ("a", "b")]
    cases = []
    for _ in range(count):
        given = [f"{name}={_expression(rng, 2, free)}" for name in rng.sample(("a", "b"), rng.choice((0, 0, 1, 2)))]
        assume = [f"{_expression(rng, 1)}{rng.choice(('<', '<=', '>', '>=', '=='))}{_expression(rng, 1)}"
                  for _ in range(rng.choice((0, 0, 1, 2, 3)))]
        dim = [f"{name}={rng.choice(_DIMENSIONS)}" for name in rng.sample(("x", "y", "z"), rng.choice((0, 0, 0, 1)))]
        relation = rng.choice(("eq", "eq", "le", "lt", "ge", "gt"))
        cases.append(check("random", _expression(rng, 3), _expression(rng, 3), relation, given, assume, dim,
                           total=3, extra=["--budget=1"]))
    return cases


def corpus() -> list[Case]:
    """Every case, in a fixed order (category by category)."""
    return [*sign_cases(), *monotone_cases(), *rounding_cases(), *contradiction_cases(), *registry_cases(),
            *budget_cases(), *huge_number_cases(), *internal_error_cases(), *injection_cases(), *lookalike_cases(),
            *file_cases(), *derivation_cases(), *random_cases()]

