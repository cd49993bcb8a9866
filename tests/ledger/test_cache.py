"""The result cache of verify: hits, misses, what changes a key, damaged entries, concurrent writers, --no-cache."""

from __future__ import annotations

import json
import multiprocessing
import textwrap

import pytest
import sympy

from symcond.cli.main import main
from symcond.ledger import cache as cache_module
from symcond.ledger.cache import ResultCache, default_folder
from symcond.ledger.encode import Unencodable, decode_expr, decode_outcome, encode_outcome
from symcond.ledger.run import load_papers, verify
from symcond.model.paper import Paper
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.report import render_ledger

DEMO = textwrap.dedent('''
    from symcond import Eq, Expect, Paper
    paper = Paper("cachedemo", title="A demo", plain=True)
    x, y, G = paper.symbols("x y G")
    paper.assume("unit", Eq(G, 1))
    paper.equality("eq1", 2 * x * G, x + x, where="Eq. (1)")
    paper.equality("eq2", 2 * x, x, where="Eq. (2)", expect=Expect.refuted("factor 2"))
    paper.inequality("eq3", x, x + y, where="Eq. (3)")
''')


def _papers(tmp_path, text=DEMO):
    path = tmp_path / "demo.py"
    path.write_text(text)
    return load_papers([path])


def _json(ledger):
    data = json.loads(render_ledger(ledger, "json"))
    for claim in data["claims"]:
        claim.pop("seconds")
    return data


def test_second_run_reads_every_verdict_and_prints_the_same_ledger(tmp_path):
    """Cold: every claim decided and stored; warm: every verdict read back, the same JSON apart from the counts."""
    papers = _papers(tmp_path)
    cold = verify(papers, jobs=0, cache=ResultCache(tmp_path / "c"))
    warm = verify(papers, jobs=0, cache=ResultCache(tmp_path / "c"))
    assert cold.summary()["cache"] == {"hits": 0, "misses": 3, "rejected": 0, "stored": 3, "unwritable": 0}
    assert warm.summary()["cache"] == {"hits": 3, "misses": 0, "rejected": 0, "stored": 0, "unwritable": 0}
    cold_json, warm_json = _json(cold), _json(warm)
    assert cold_json.pop("summary").pop("cache") != warm_json["summary"].pop("cache")
    assert warm_json.pop("summary") == verify(papers, jobs=0).summary()
    assert cold_json == warm_json


def test_workers_store_their_verdicts(tmp_path):
    """Verdicts decided in worker processes are stored by the parent, then read with any number of jobs."""
    papers = _papers(tmp_path)
    assert verify(papers, jobs=2, cache=ResultCache(tmp_path / "c")).cache.stored == 3
    assert verify(papers, jobs=0, cache=ResultCache(tmp_path / "c")).cache.hits == 3


def test_without_a_cache_the_summary_is_unchanged(tmp_path):
    """The Python API decides everything by default; its summary has no cache counts."""
    assert "cache" not in verify(_papers(tmp_path), jobs=0).summary()


def _key(paper: Paper, claim_id: str = "eq1", budget: float = 120.0) -> str:
    key = ResultCache("unused").key(paper, paper.claim(claim_id), budget)
    assert key is not None
    return key


def _paper(rhs_factor: int = 1, assumption: int = 1, budget: float = 5.0, dimension: str = "length") -> Paper:
    paper = Paper("keys2026", budget=budget)
    x = paper.declare("xq", dimension, "a length")
    g = paper.declare("g", 1, "a number")
    paper.assume("unit", sympy.Eq(g, assumption))
    paper.equality("eq1", 2 * x * g, rhs_factor * (x + x))
    paper.equality("eq2", x, x)
    return paper


def test_the_key_follows_what_the_verdict_depends_on():
    """A changed claim, assumption, registry entry, budget or hard limit is a miss; an equal paper is a hit."""
    base = _key(_paper())
    assert _key(_paper()) == base
    for changed in (_paper(rhs_factor=2), _paper(assumption=2), _paper(budget=6.0), _paper(dimension="time")):
        assert _key(changed) != base
    assert _key(_paper(), budget=60.0) != base
    assert _key(_paper(), "eq2") != base


def test_changed_versions_are_a_miss(monkeypatch):
    """Another symcond, SymPy or mpmath (or another symcond source tree) never reads an old verdict."""
    base = _key(_paper())
    monkeypatch.setattr(cache_module, "_versions", lambda: "symcond 9.9; sympy 0.1; mpmath 0.1")
    assert _key(_paper()) != base


def test_the_key_names_the_scipy_that_gives_the_codata_values():
    """A registry constant's value is read from scipy.constants when used, not stored: another SciPy is a miss."""
    from importlib.metadata import version

    assert f"; scipy {version('scipy')};" in cache_module._versions()


def test_a_claim_with_a_class_of_its_own_is_not_cached(tmp_path):
    """A SymPy function defined in the derivation file (code, not data) gets no key; nothing of it runs."""
    papers = _papers(tmp_path)
    odd = type("Odd", (sympy.Function,), {"__module__": "symcond_derivation_demo"})
    x = sympy.Symbol("x", positive=True)
    papers[0].equality("eq4", odd(x), odd(x))
    paper = papers[0]
    assert ResultCache(tmp_path).key(paper, paper.claim("eq4"), 120.0) is None
    ledger = verify(papers, jobs=0, cache=ResultCache(tmp_path / "c"))
    assert ledger.cache.stored == 3 and ledger.cache.misses == 4


def _entry_path(cache: ResultCache, paper: Paper, claim_id: str):
    return cache.path(cache.key(paper, paper.claim(claim_id), 120.0))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "checksum", "foreign", "hostile class", "huge"])
def test_a_damaged_entry_is_rejected_and_recomputed(tmp_path, damage):
    """Unparsable, cut short, edited without its checksum, another claim's, naming a foreign class: decided again."""
    papers = _papers(tmp_path)
    folder = tmp_path / "c"
    verify(papers, jobs=0, cache=ResultCache(folder))
    cache = ResultCache(folder)
    target = _entry_path(cache, papers[0], "eq2")
    good = target.read_bytes()
    entry = json.loads(good)
    if damage == "garbage":
        target.write_bytes(b"\x80\x00not json")
    elif damage == "truncated":
        target.write_bytes(good[: len(good) // 2])
    elif damage == "checksum":
        entry["outcome"]["verdict"] = "holds"
        target.write_text(json.dumps(entry))
    elif damage == "foreign":
        target.write_bytes(_entry_path(cache, papers[0], "eq1").read_bytes())
    elif damage == "hostile class":  # a valid checksum does not make a class outside SymPy/symcond acceptable
        entry["outcome"]["ratio"] = {"f": "os:system", "a": [{"str": "touch /tmp/pwned"}]}
        entry["checksum"] = cache_module._checksum(entry["key"], entry["outcome"])
        target.write_text(json.dumps(entry))
    else:
        target.write_bytes(b" " * (cache_module._MAX_ENTRY + 1))
    ledger = verify(papers, jobs=0, cache=cache)
    assert (ledger.cache.hits, ledger.cache.rejected, ledger.cache.misses, ledger.cache.stored) == (2, 1, 1, 1)
    assert _json(ledger)["claims"] == _json(verify(papers, jobs=0))["claims"]
    assert json.loads(target.read_bytes())["outcome"] == json.loads(good)["outcome"]  # rewritten


@pytest.mark.parametrize("data", [
    {"f": "os:system", "a": []}, {"f": "subprocess:Popen", "a": []}, {"f": "sympy:sympify", "a": [{"str": "1"}]},
    {"f": "sympy.core.add:Add.__init__.__globals__", "a": []}, {"s": "__class__"}, {"S": "x", "as": {"real": "yes"}},
    {"F": [0, "zz", 0, 1], "p": 53}, [1, 2], {"i": 7},
])
def test_decoding_refuses_anything_it_does_not_write(data):
    """Only SymPy/symcond classes (Basic subclasses) are built; any other node is refused, not executed."""
    with pytest.raises(Unencodable):
        decode_expr(data)


def test_undecided_is_never_cached(tmp_path):
    """A budget that ran out, a stopped worker, no proof within the CPU budgets: may depend on the load, not stored."""
    cache, paper = ResultCache(tmp_path), _paper()
    key = _key(paper)
    for finding in (Finding.BUDGET_EXCEEDED, Finding.ABORTED, Finding.NO_PROOF):
        assert not cache.put(key, Outcome(Verdict.UNDECIDED, Evidence(reason="undecided", finding=finding)))
    assert cache.get(key) is None
    assert cache.put(key, Outcome(Verdict.HOLDS, Evidence(reason="proved", finding=Finding.PROVED)))


def test_outcomes_round_trip_exactly():
    """Floats keep their bits and precision, symbols their assumptions, counterexamples their values."""
    x = sympy.Symbol("x", real=True)
    f = sympy.Function("F")
    outcome = Outcome(Verdict.FAILS, Evidence(
        ratio=sympy.Float("1.000262768123456789", 30), residual=sympy.sqrt(x**2 + 1) - f(x) + sympy.pi * sympy.I,
        value=sympy.Integral(sympy.exp(-x), (x, 0, sympy.oo)), numeric=True, finding=Finding.DIFFERENT,
        counterexample={"x": sympy.Rational(217262, 10**6), "lhs": sympy.nan, "rhs": sympy.Float(2) + sympy.I},
        conditions=("a", "b"), step=3, digits=40, numeric_points=6))
    back = decode_outcome(json.loads(json.dumps(encode_outcome(outcome))))
    assert back == outcome and back.evidence.shown() == outcome.evidence.shown()
    assert sympy.srepr(back.evidence.ratio) == sympy.srepr(outcome.evidence.ratio)


def test_counterexample_units_round_trip():
    """A cached counterexample keeps the SI units of its entries and its CODATA coordinates (issue 18.3)."""
    from sympy.physics.units import charge, voltage

    from symcond.model.point import Counterexample
    from symcond.quantities.dimensions import Dim

    point = Counterexample.of({"e": sympy.Rational("1.602176634e-19"), "lhs": sympy.Float("0.5", 30)},
                              {"e": Dim.of(charge), "lhs": Dim.of(voltage)}, {"e"})
    outcome = Outcome(Verdict.FAILS, Evidence(counterexample=point, finding=Finding.DIFFERENT))
    back = decode_outcome(json.loads(json.dumps(encode_outcome(outcome))))
    assert back.evidence.counterexample == point and back.evidence.shown().units == {"e": "C", "lhs": "V"}


def _writer(folder: str, key: str, n: int, seed: int) -> None:
    cache = ResultCache(folder)
    for i in range(n):
        cache.put(key, Outcome(Verdict.FAILS, Evidence(reason=f"writer {seed} round {i}", ratio=sympy.Integer(i))))


def test_concurrent_writers_never_leave_half_an_entry(tmp_path):
    """Processes writing the same entry while it is read: a reader sees a whole entry (or none), never a damaged one."""
    key = _key(_paper())
    ctx = multiprocessing.get_context("fork")
    writers = [ctx.Process(target=_writer, args=(str(tmp_path), key, 40, s)) for s in range(3)]
    for w in writers:
        w.start()
    reader = ResultCache(tmp_path)
    seen = 0
    while any(w.is_alive() for w in writers):
        seen += reader.get(key) is not None
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert reader.stats.rejected == 0 and reader.get(key) is not None
    assert not [p for p in reader.path(key).parent.iterdir() if p.name.endswith(".tmp")]  # no temporary left


def test_folder_comes_from_the_environment(monkeypatch, tmp_path):
    """$SYMCOND_CACHE_DIR, else $XDG_CACHE_HOME/symcond, else ~/.cache/symcond."""
    monkeypatch.setenv("SYMCOND_CACHE_DIR", str(tmp_path / "a"))
    assert default_folder() == tmp_path / "a"
    monkeypatch.delenv("SYMCOND_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert default_folder() == tmp_path / "x" / "symcond"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_folder() == tmp_path / "home" / ".cache" / "symcond"


def test_cli_counts_hits_and_no_cache_bypasses_it(capsys, tmp_path, fresh_result_cache):
    """verify stores into $SYMCOND_CACHE_DIR and says so; --no-cache neither reads nor writes it."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    assert main(["verify", "--jobs", "0", "--no-cache", str(path)]) == 0
    out = capsys.readouterr().out
    assert "cache:" not in out and not list(fresh_result_cache.rglob("*.json"))
    assert main(["verify", "--jobs", "0", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"cache: 0 verdicts read, 3 decided ({fresh_result_cache})"
    assert len(list(fresh_result_cache.rglob("*.json"))) == 3
    assert main(["verify", "--jobs", "0", "--format", "json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["cache"]["hits"] == 3
    assert main(["verify", "--jobs", "0", "--no-cache", "--format", "json", str(path)]) == 0
    assert "cache" not in json.loads(capsys.readouterr().out)["summary"]


def test_an_unwritable_folder_only_costs_the_cache(capsys, tmp_path, monkeypatch):
    """A cache folder that cannot be created: the ledger is computed and printed, the line says so."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("SYMCOND_CACHE_DIR", str(blocker / "cache"))
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    assert main(["verify", "--jobs", "0", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"3 could not be written ({blocker / 'cache'})")
