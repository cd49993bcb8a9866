"""Which claims a ``verify`` run selects: id prefixes, or exact ids written ``=ID``.

>>> ids = ["demo2026:eq1", "demo2026:eq12", "demo2026:eq2"]
>>> [i for i in ids if selects("demo2026:eq1", i)]
['demo2026:eq1', 'demo2026:eq12']
>>> [i for i in ids if selects("=demo2026:eq1", i)]
['demo2026:eq1']
>>> unmatched(ids, ["demo2026:", "=demo2026:eq3"])
['=demo2026:eq3']
>>> close_ids(ids, "=demo2026:eq3")
['demo2026:eq1', 'demo2026:eq2', 'demo2026:eq12']
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

__all__ = ["EXACT", "selects", "unmatched", "close_ids"]

#: The mark of an exact id in a selection: ``=demo2026:eq1`` selects that claim and not ``demo2026:eq12``.
EXACT = "="


def selects(pattern: str, claim_id: str) -> bool:
    """True when ``pattern`` (an id prefix, or ``=ID`` for exactly one id) selects ``claim_id``."""
    if pattern.startswith(EXACT):
        return claim_id == pattern[len(EXACT):]
    return claim_id.startswith(pattern)


def unmatched(ids: Sequence[str], patterns: Sequence[str]) -> list[str]:
    """The patterns, in their order, that select none of ``ids``."""
    return [p for p in patterns if not any(selects(p, i) for i in ids)]


def _likeness(pattern: str, claim_id: str) -> float:
    """How alike ``pattern`` is to the id or its local id, a prefix also to the id's start (0 to 1)."""
    wanted = pattern.removeprefix(EXACT)
    texts = [claim_id, claim_id.partition(":")[2]] + ([] if pattern.startswith(EXACT) else [claim_id[:len(wanted)]])
    return max(difflib.SequenceMatcher(None, wanted, text).ratio() for text in texts)


def close_ids(ids: Sequence[str], pattern: str, n: int = 3) -> list[str]:
    """The ``n`` ids most like ``pattern``, most alike first, ties in the order of ``ids``."""
    ranked = sorted(range(len(ids)), key=lambda k: (-_likeness(pattern, ids[k]), k))
    return [ids[k] for k in ranked[:n]]
