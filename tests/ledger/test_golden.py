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

from symcond.ledger.run import Ledger
from symcond.report.ledger_formats import render_ledger

GOLDEN = Path(__file__).with_name("golden") / "ledger.json"


def _without_timings(text: str) -> dict:
    data = json.loads(text)
    for claim in data["claims"]:
        claim.pop("seconds", None)
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
