"""Time limits of ``verify``, in a module of their own: the command line reads them without importing the prover.

>>> CLAIM_BUDGET
120.0
"""

from __future__ import annotations

__all__ = ["CLAIM_BUDGET"]

#: Default hard limit of one claim in ``verify``, s (the slowest bundled claim takes about 5 s).
CLAIM_BUDGET = 120.0
