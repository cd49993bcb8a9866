"""Selecting claims by id prefix or exact id (``verify --only``)."""

from __future__ import annotations

import pytest

from symcond.ledger.run import verify
from symcond.ledger.selection import close_ids, selects, unmatched
from symcond.model.paper import Paper

IDS = ["demo2026:eq1", "demo2026:eq12", "demo2026:eq2", "other2026:eq1"]


@pytest.mark.parametrize(("pattern", "expected"), [
    ("demo2026:eq1", ["demo2026:eq1", "demo2026:eq12"]),
    ("=demo2026:eq1", ["demo2026:eq1"]),
    ("=demo2026:eq", []),
    ("", IDS),
])
def test_selects(pattern, expected):
    """A prefix selects every id it starts; ``=ID`` selects that id only."""
    assert [i for i in IDS if selects(pattern, i)] == expected


def test_unmatched_keeps_order():
    """Only the patterns that select nothing are reported, in the order given."""
    patterns = ["zzz", "demo2026:", "=demo2026:eq3", "other2026:eq2"]
    assert unmatched(IDS, patterns) == ["zzz", "=demo2026:eq3", "other2026:eq2"]


@pytest.mark.parametrize(("pattern", "first"), [
    ("eq12", "demo2026:eq12"),  # a local id
    ("other2026:eq11", "other2026:eq1"),
    ("=other2026:eq2", "other2026:eq1"),
])
def test_close_ids_first(pattern, first):
    """The most alike id comes first: the local id counts, a typo costs little."""
    assert close_ids(IDS, pattern)[0] == first


def test_close_ids_always_names_some():
    """Even a pattern like no id names the n most alike ids (a user always gets a hint)."""
    assert len(close_ids(IDS, "nosuchid")) == 3


def test_verify_exact_id_leaves_longer_ids_out():
    """``verify(only=["=ID"])`` decides that claim only, not the claims whose id it starts."""
    paper = Paper("demo2026")
    e, h = paper.symbols("e h")
    paper.equality("eq1", e / h, e / h)
    paper.equality("eq12", e / h, e / h)
    assert [x.claim.id for x in verify([paper], only=["=demo2026:eq1"], jobs=0).entries] == ["demo2026:eq1"]
    assert len(verify([paper], only=["demo2026:eq1"], jobs=0).entries) == 2
