"""Special functions of semiconductor statistics.

* :func:`fermi_dirac` -- complete Fermi–Dirac integral F_j(eta) in double precision
  (vectorised NumPy, compiled with numba for large arrays; relative error < 1e-15, at most
  4.4e-16 on the test sweep, for orders -3/2 ... 3).
* :func:`fermi_dirac_mp` -- the same at arbitrary precision with mpmath (reference).
* :func:`polylog_negative` -- Li_s(z) for real z <= 0 through F_{s-1}.

The SymPy function ``FermiDirac`` and the ``lambdify`` mappings live in
:mod:`symcond.special.sympy_fd`, kept apart so that importing this package does not
import SymPy.

>>> from symcond.special import fermi_dirac
>>> round(fermi_dirac(0.5, 10.0), 12)
24.084656964638
"""

from symcond.special.fermi_dirac import SUPPORTED_ORDERS, fermi_dirac, polylog_negative
from symcond.special.reference import fermi_dirac_mp

__all__ = ["SUPPORTED_ORDERS", "fermi_dirac", "fermi_dirac_mp", "polylog_negative"]
