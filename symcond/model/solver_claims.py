"""Solver-backed claims: a property of the kinetic equation (9) of Das & Green, decided by solving it.

A :class:`KineticClaim` is data like every claim: which property, the collision-time laws as SymPy
expressions of the reduced band energy ``u = eps_k / k_B T``, and the points ``(eta, ratio, field)``
at which the independent kinetic solver (:mod:`symcond.kinetic`) is run.  The verdict is computed
by :func:`symcond.prove.decide` (:mod:`symcond.prove.solver_claims`): ``holds`` only when the
measured deviation is within the tolerance derived from the solver's own error estimate at every
run.  Units are those of :mod:`symcond.kinetic.params`: ``tau_in(u) = ratio * tau_in_law(u)``
and ``tau_el(u) = tau_el_law(u)`` in units of ``tau_el0``, ``F = e E tau_el0 / (hbar k_T)``.

>>> u = sympy.Symbol("u", positive=True)
>>> claim = KineticClaim(KineticProperty.DRUDE, u, laws=((sympy.Integer(1), sympy.Integer(1)),),
...                      etas=(0.0,), fields=(0.1, 1.0), id="demo:eq9.drude")
>>> claim.kind.value, claim.runs
('kinetic', 2)
>>> print(claim.statement[:60])
\\text{Eq. (9): } I = n e \\tau_m E/m^* \\text{ at every field}
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import sympy

from symcond.errors import DefinitionError
from symcond.model.claims import Claim, ClaimKind, SymbolNames, build, latex_printer

__all__ = ["KineticClaim", "KineticProperty"]


class KineticProperty(Enum):
    """What a :class:`KineticClaim` asserts about the steady state of Eq. (9)."""

    #: Integrated over the whole band, the field term, the inelastic term (with the solver's ``C``) and the
    #: elastic term of Eq. (9) change the particle number by nothing: ``dn/dt = 0``.
    CONSERVES_NUMBER = "conserves-number"
    #: The current is the Drude/Kubo-Greenwood value ``I = n e tau_m E / m*`` at every field
    #: (``1/tau_m = 1/tau_el + 1/tau_in``; energy-independent times).
    DRUDE = "drude"
    #: The conductivity ``sigma(F) = I / (n F)`` decreases strictly from each field to the next (non-ohmic).
    CONDUCTIVITY_DECREASES = "conductivity-decreases"
    #: The low-current (``F -> 0+``) conductance equals the Kubo-Greenwood formula with ``tau_m(eps)``:
    #: ``G / G_0 = (N / M) Integral x tau_m(x**2) (-df_eq/dx) dx`` (Eq. (10)'s ``L``).
    KUBO_GREENWOOD = "kubo-greenwood"


_WHAT = {
    KineticProperty.CONSERVES_NUMBER: r"dn/dt = 0 \text{ (particle number conserved)}",
    KineticProperty.DRUDE: r"I = n e \tau_m E/m^* \text{ at every field}",
    KineticProperty.CONDUCTIVITY_DECREASES: r"\sigma(E) = I/(nE) \text{ decreases with } E",
    KineticProperty.KUBO_GREENWOOD: r"G(E \to 0) = G_{\mathrm{Kubo-Greenwood}}[\tau_m(\varepsilon)]",
}


@dataclass(frozen=True, kw_only=True)
class KineticClaim(Claim):
    """A property of the steady state of Eq. (9), decided by the kinetic solver at every listed point.

    Attributes
    ----------
    asserts : KineticProperty
        What is asserted.
    energy : sympy.Symbol
        The reduced band energy ``u = eps_k / k_B T`` the laws are written in.
    laws : tuple of (tau_in_law, tau_el_law)
        Collision-time laws, each a SymPy expression of ``energy`` (``tau_in = ratio * tau_in_law``,
        ``tau_el = tau_el_law``, units of ``tau_el0``); every law pair is run at every point.
    etas, ratios, fields : tuple of float
        Reduced chemical potentials, ratios ``tau_in0 / tau_el0`` and fields ``F`` (``0``: the
        linear-response limit); the solver runs at every combination.  For
        ``CONDUCTIVITY_DECREASES`` the fields are in increasing order.
    witness : bool
        Also run the ensemble Monte Carlo (:mod:`symcond.montecarlo`) at nonzero fields as a second,
        statistical witness of the current.
    """

    kind = ClaimKind.KINETIC
    asserts: KineticProperty
    energy: sympy.Symbol
    laws: tuple[tuple[sympy.Expr, sympy.Expr], ...]
    etas: tuple[float, ...]
    ratios: tuple[float, ...] = (1.0,)
    fields: tuple[float, ...] = (0.0,)
    witness: bool = False

    def __init__(self, asserts: KineticProperty | str, energy: sympy.Symbol, *,
                 laws: tuple[tuple[object, object], ...], etas: tuple[float, ...],
                 ratios: tuple[float, ...] = (1.0,), fields: tuple[float, ...] = (0.0,), witness: bool = False,
                 **kw: object) -> None:
        try:
            prop = KineticProperty(asserts)
        except ValueError:
            names = ", ".join(repr(p.value) for p in KineticProperty)
            raise DefinitionError(f"kinetic property must be one of {names} (got {asserts!r})") from None
        pairs = tuple((sympy.sympify(t_in), sympy.sympify(t_el)) for t_in, t_el in laws)
        for pair in pairs:
            extra = set().union(*(e.free_symbols for e in pair)) - {energy}
            if extra:
                raise DefinitionError(f"a kinetic time law may depend on {energy} only (got {sorted(map(str, extra))})")
        build(self, kw, asserts=prop, energy=energy, laws=pairs, etas=_numbers("etas", etas),
              ratios=_numbers("ratios", ratios), fields=_numbers("fields", fields), witness=bool(witness))
        if not pairs:
            raise DefinitionError("a kinetic claim needs at least one pair of time laws")

    @property
    def runs(self) -> int:
        """Number of solver runs: law pairs x etas x ratios x fields."""
        return len(self.laws) * len(self.etas) * len(self.ratios) * len(self.fields)

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        """The inelastic and the elastic time laws (a tuple each, one entry per law pair)."""
        return sympy.Tuple(*(p[0] for p in self.laws)), sympy.Tuple(*(p[1] for p in self.laws))

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        laws = "; ".join(f"\\tau_{{in}}/\\tau_{{in0}} = {tex(t_in)},\\ \\tau_{{el}}/\\tau_{{el0}} = {tex(t_el)}"
                         for t_in, t_el in self.laws)
        return f"\\text{{Eq. (9): }} {_WHAT[self.asserts]}\\ ({laws})"


def _numbers(name: str, values: tuple[float, ...]) -> tuple[float, ...]:
    """``values`` as a non-empty tuple of finite floats."""
    try:
        out = tuple(float(v) for v in values)
    except (TypeError, ValueError):
        raise DefinitionError(f"'{name}' must be numbers (got {values!r})") from None
    if not out or not all(math.isfinite(v) for v in out):
        raise DefinitionError(f"'{name}' must be a non-empty tuple of finite numbers (got {values!r})")
    return out
