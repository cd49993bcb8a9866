"""The JSON ledger of the bundled papers is pinned: a refactoring must leave every field unchanged.

The golden file was written by ``symcond verify --format json`` before the move to the layered
tree (issue 14); per-claim timings are left out.  After an intended change of a verdict or a
statement, regenerate it with ``SYMCOND_UPDATE_GOLDEN=1 python -m pytest tests/ledger/test_golden.py``
and say why in the commit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from symcond.ledger.cache import ResultCache, cacheable
from symcond.ledger.run import Ledger, load_papers, verify
from symcond.report.ledger_formats import render_ledger

GOLDEN = Path(__file__).with_name("golden") / "ledger.json"


def _without_timings(text: str) -> dict:
    """The JSON ledger without what depends on the run: per-claim seconds and the result cache's counts."""
    data = json.loads(text)
    for claim in data["claims"]:
        claim.pop("seconds", None)
    data["summary"].pop("cache", None)
    return data


def test_json_ledger_equals_the_golden_file(bundled_ledger: Ledger):
    """Every claim's JSON record (verdict, evidence, statement, expectation) equals the pinned one."""
    now = _without_timings(render_ledger(bundled_ledger, "json"))
    if os.environ.get("SYMCOND_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(now, indent=2, ensure_ascii=False) + "\n")
    pinned = json.loads(GOLDEN.read_text())
    changed = sorted(c["id"] for c, p in zip(now["claims"], pinned["claims"], strict=False) if c != p)
    assert [c["id"] for c in now["claims"]] == [c["id"] for c in pinned["claims"]]
    assert changed == []
    assert now["summary"] == pinned["summary"]


def test_verdicts_read_from_the_cache_give_the_golden_ledger(bundled_ledger: Ledger, bundled_cache: Path):
    """The bundled ledger stored every verdict (none came from the cache); read back, they print the same ledger."""
    assert bundled_ledger.cache is not None and bundled_ledger.cache.hits == 0
    warm = verify(load_papers(), cache=ResultCache(bundled_cache))
    assert warm.cache is not None
    assert warm.cache.hits == bundled_ledger.cache.stored == sum(1 for e in warm.entries if cacheable(e.outcome))
    assert warm.cache.rejected == 0
    assert _without_timings(render_ledger(warm, "json")) == json.loads(GOLDEN.read_text())
