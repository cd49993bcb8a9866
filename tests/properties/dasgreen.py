"""Closed forms of dasgreen2003, lambdified from its claims, in the kinetic solver's units.

The claims come through the public API (``load_papers`` on the bundled file, then
``paper.claim(id)``); the two velocity conventions of Eq. (10) come from the paper's
declaration of Figure 1 (``paper.figures``).  Solver units
(:mod:`symcond.kinetic.params`): ``n/k_T``, ``F = e E tau_el0/(hbar k_T)``, times in
``tau_el0``, current in ``e k_T v_th``.  Since ``hbar k_T = m v_th``, the Drude current
``I = sigma E`` with ``sigma = n e**2 tau_m/m`` reads ``I/(e k_T v_th) = (n/k_T) F tau_m``:
it is ``sigma`` evaluated at ``e = m = 1``, ``n = n/k_T``, times the dimensionless ``F``.
"""

from __future__ import annotations

from functools import lru_cache

import sympy
from hypothesis import strategies as st

from symcond.ledger.run import bundled_paths, load_papers
from symcond.model.figures import SubbandFigure
from symcond.model.paper import Paper
from symcond.numeric.lambdify import NumericFunction, lambdify

KEY = "dasgreen2003"

#: Reduced chemical potential ``eta = (mu - eps_i)/k_B T``: classical to degenerate.
etas = st.floats(min_value=-30.0, max_value=60.0)
#: ``tau_in / tau_el``.
ratios = st.floats(min_value=0.05, max_value=5.0)
#: ``tau_in / tau_el <= 1``: the stated assumption ``tau_in_le_tau_el`` of Eq. (6).
ratios_le_one = st.floats(min_value=0.05, max_value=1.0)
#: Dimensionless field ``F``, either sign, from weak (1e-3) to strong (30).
fields = st.tuples(st.sampled_from([-1.0, 1.0]), st.floats(min_value=1e-3, max_value=30.0)).map(
    lambda pair: pair[0] * pair[1])


@lru_cache(maxsize=1)
def paper() -> Paper:
    """Return the bundled dasgreen2003 paper (loaded once)."""
    (path,) = [p for p in bundled_paths() if p.stem == KEY]
    (found,) = load_papers([path])
    return found


@lru_cache(maxsize=1)
def figure1() -> SubbandFigure:
    """Return the paper's declaration of Figure 1 (its closed forms and velocities)."""
    (found,) = [f for f in paper().figures if f.number == 1]
    return found


def symbol(expr: sympy.Expr, name: str) -> sympy.Symbol:
    """Return the free symbol of ``expr`` called ``name``."""
    (found,) = [s for s in expr.free_symbols if isinstance(s, sympy.Symbol) and s.name == name]
    return found


def _compile(expr: sympy.Expr, *names: str) -> NumericFunction:
    """Lambdify ``expr`` with its symbols called ``names`` as positional arguments."""
    return lambdify(expr, args=[symbol(expr, name) for name in names])


@lru_cache(maxsize=1)
def drude_conductivity() -> NumericFunction:
    """Return ``sigma(n, e, m_star, tau_el, tau_in)``: Eq. (3) with Matthiessen's rule, Eq. (5)."""
    sigma = paper().claim("eq3").result  # type: ignore[attr-defined]
    sigma = sigma.subs(paper().claim("eq5").givens)
    return _compile(sigma, "n", "e", "m_star", "tau_el", "tau_in")


@lru_cache(maxsize=1)
def transmission() -> NumericFunction:
    """Return ``T_KG(tau_in, tau_el)`` of Eq. (7), with ``L = v_F tau_el`` from Eq. (6)."""
    t_kg = paper().claim("eq7").result  # type: ignore[attr-defined]
    ((tau_el, l_over_vf),) = paper().claim("eq6.elastic_mfp").givens.items()
    length = symbol(l_over_vf, "L")
    (solution,) = sympy.solve(sympy.Eq(tau_el, l_over_vf), length)
    return _compile(sympy.simplify(t_kg.subs(length, solution)), "tau_in", "tau_el")


@lru_cache(maxsize=1)
def eq11_literal() -> NumericFunction:
    """Return ``G_i/G_0(eta, R)`` of Eq. (11) with Eq. (10) taken literally (claim ``eq11``)."""
    return _compile(paper().claim("eq11").result, "eta", "R")  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def eq11_paper() -> NumericFunction:
    """Return the paper-normalised ``G_i/G_0(eta, R)`` (``vbar = 2 <|v| f_eq>/n``)."""
    return _compile(figure1().variant("paper").closed_form, "eta", "R")


@lru_cache(maxsize=1)
def paper_velocity_factor() -> float:
    """Return ``vbar_literal / vbar_paper``: converts the solver's ``G`` to the paper's convention."""
    velocity = figure1().variant("literal").velocity / figure1().variant("paper").velocity
    return float(sympy.simplify(velocity))
