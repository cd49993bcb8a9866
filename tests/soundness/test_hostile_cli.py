"""Issue 13's hostile-input corpus (:mod:`tests.soundness.hostile_corpus`) through the real command line.

Each case runs as ``python -P -m symcond ARGS`` in a subprocess of its own (own folder as working directory,
``NO_COLOR=1``, own process group), two at a time; ``-P`` keeps the working directory off ``sys.path``, as
for the ``symcond`` console script, so a case's ``numbers.py`` cannot shadow the standard library.
Every run must:

* exit with 0, 1, 2 or 3, never print "internal error" or "Traceback";
* on exit 2 print exactly one line on stderr, starting ``symcond: error: ``;
* end within its budget plus :data:`MARGIN_S` (a run still going after budget + margin + 30 s is killed
  with its process group and fails as a timeout), and leave no process of its group running;
* meet its case: no forbidden verdict (``holds`` there is a *false holds*), an allowed exit code, the text
  it must mention, files kept byte for byte, written, or absent, and no injection sentinel file.

Every ``fails`` of ``check --json`` is re-checked without the engine (:mod:`tests.soundness.recheck`): each
assumption, given and definition must hold at the printed point up to the rounding of its printed digits
(an *invalid counterexample* otherwise), and the relation must not hold there beyond rounding.

:data:`MARGIN_S` = 6 s: start-up of the interpreter with SymPy (about 1 s alone, up to 3 s when the two
cores are shared), the worker's start-up and its 1 s hard-kill grace, and scheduling noise.

CI runs a seeded sample stratified by category (:data:`SAMPLE_SIZE` cases; ``SYMCOND_HOSTILE_SEED``);
``SYMCOND_HOSTILE_FULL=1`` runs every case; ``SYMCOND_HOSTILE_ONLY=TEXT`` every case whose label
(``[category] symcond ARGS  # note``) contains TEXT; ``SYMCOND_WRITE_HOSTILE=1`` writes the numbers to
``results/hostile.json`` (``hostile_full.json`` for the full run; never for an ``ONLY`` selection).
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.soundness.hostile_corpus import CATEGORIES, HOLDS, SENTINEL, SIGN_FORBID, Case, corpus
from tests.soundness.mutants import RESULTS
from tests.soundness.recheck import COMPLETIONS, CheckText, Recheck, check_text, recheck

FULL = os.environ.get("SYMCOND_HOSTILE_FULL") == "1"
WRITE = os.environ.get("SYMCOND_WRITE_HOSTILE") == "1"
SEED = int(os.environ.get("SYMCOND_HOSTILE_SEED", "13"))
ONLY = os.environ.get("SYMCOND_HOSTILE_ONLY", "")
SAMPLE_SIZE = 60
MARGIN_S = 6.0
KILL_AFTER_S = 30.0


# --- running one case ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """What one subprocess did: exit code (None: killed at the timeout), output, wall seconds, file states."""

    case: Case
    folder: Path
    code: int | None
    stdout: str
    stderr: str
    seconds: float
    lingering: bool
    before: Mapping[str, Any]


def _state(path: Path) -> Any:
    """What a path is, without opening FIFOs or devices: kind and content (files), target (links), rdev."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(info.st_mode):
        return ("file", path.read_bytes())
    if stat.S_ISDIR(info.st_mode):
        return ("dir", sorted(p.name for p in path.iterdir()))
    return ("special", stat.S_IFMT(info.st_mode), info.st_rdev)


def prepare(case: Case, folder: Path) -> dict[str, Any]:
    """Make the case folder, its files and setup; return the states of the paths the case watches."""
    folder.mkdir(parents=True)
    for name, text in case.files:
        data = text.encode("utf-8") if isinstance(text, str) else text
        (folder / name).write_bytes(data)
    if case.setup is not None:
        case.setup(folder)
    return {name: _state(folder / name) for name in (*case.keep, *case.written)}


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _reap(pgid: int) -> bool:
    """Kill what is left of the process group; True if something was still running after 1 s."""
    deadline = time.monotonic() + 1.0
    while _group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    lingering = _group_alive(pgid)
    if lingering:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return lingering


def run_case(case: Case, folder: Path) -> Run:
    """Run ``python -m symcond`` on the case in ``folder``; kill its process group at the timeout."""
    before = prepare(case, folder)
    env = {**os.environ, "NO_COLOR": "1"}
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-P", "-m", "symcond", *case.argv_in(folder)], cwd=folder, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=case.budget_s + MARGIN_S + KILL_AFTER_S)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    seconds = time.monotonic() - started
    lingering = _reap(proc.pid)
    return Run(case, folder, code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds,
               lingering, before)


# --- judging a run ------------------------------------------------------------------------------------------

@dataclass
class Finding:
    """Everything wrong with one run, as (kind, text) reasons, and its counterexample re-check."""

    run: Run
    reasons: list[tuple[str, str]] = field(default_factory=list)
    verdicts: list[str] = field(default_factory=list)
    recheck: Recheck | None = None

    def add(self, kind: str, text: str) -> None:
        self.reasons.append((kind, text))


def _verdicts(run: Run) -> tuple[list[str], dict[str, Any] | None]:
    """Verdicts printed as JSON (``check --json``: one; ``verify --format json``: one per claim)."""
    if run.code not in (0, 1, 3):
        return [], None
    try:
        data = json.loads(run.stdout)
    except ValueError:
        return [], None
    if isinstance(data, dict) and "verdict" in data:
        return [str(data["verdict"])], data
    claims = data.get("claims") if isinstance(data, dict) else None
    return ([str(c.get("verdict")) for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []), None


def _judge_process(f: Finding) -> None:
    run, text = f.run, f.run.stdout + f.run.stderr
    if run.code is None:
        f.add("timeout", f"still running after {run.seconds:.0f} s (budget {run.case.budget_s:g} s): killed")
    elif run.code not in (0, 1, 2, 3) and run.code not in (run.case.expect_exit or ()):
        f.add("exit-code", f"exit {run.code}")
    if "internal error" in text:
        f.add("internal-error", _first_line(text, "internal error"))
    if "Traceback" in text:
        f.add("traceback", _first_line(text, "Traceback"))
    lines = run.stderr.splitlines()
    if run.code == 2 and (len(lines) != 1 or not lines[0].startswith("symcond: error: ")):
        f.add("error-line", f"exit 2 with stderr {run.stderr[:200]!r} (want one 'symcond: error: ' line)")
    if run.code is not None and run.seconds > run.case.budget_s + MARGIN_S:
        f.add("over-budget", f"{run.seconds:.1f} s > budget {run.case.budget_s:g} s + margin {MARGIN_S:g} s")
    if run.lingering:
        f.add("lingering", "processes of the run were still alive 1 s after it exited")


def _first_line(text: str, needle: str) -> str:
    return next((line.strip()[:200] for line in text.splitlines() if needle in line), needle)


def _judge_case(f: Finding) -> None:
    run, case = f.run, f.run.case
    if case.expect_exit is not None and run.code is not None and run.code not in case.expect_exit:
        f.add("unexpected-exit", f"exit {run.code}, expected {sorted(case.expect_exit)}: {_gist(run)}")
    for verdict in f.verdicts:
        if verdict in case.forbid:
            kind = "false-holds" if verdict in HOLDS else f"forbidden-{verdict}"
            f.add(kind, f"verdict {verdict}: {_gist(run)}")
    if case.mention and case.mention not in run.stdout + run.stderr:
        f.add("mention", f"the answer does not mention {case.mention!r}: {_gist(run)}")
    for name in case.keep:
        if _state(run.folder / name) != run.before[name]:
            f.add("file-changed", f"{name} was changed, replaced or removed")
    for name in case.written:
        after = _state(run.folder / name)
        if after is None or after[0] != "file" or not after[1] or after == run.before[name]:
            f.add("file-not-written", f"{name} was not written")
    for name in (*case.absent, SENTINEL):
        if os.path.lexists(run.folder / name):
            f.add("sentinel" if name == SENTINEL else "file-created", f"{name} exists after the run")


def _gist(run: Run) -> str:
    text = (run.stdout.strip() or run.stderr.strip()).replace("\n", " | ")
    return text[:240]


def _judge_counterexample(f: Finding, record: Mapping[str, Any] | None) -> None:
    case = f.run.case
    if case.argv[0] != "check" or f.run.code in (None, 2):
        return
    if record is None:
        f.add("no-json", f"check --json printed no JSON verdict: {_gist(f.run)}")
        return
    point = record.get("counterexample")
    if record.get("verdict") != "fails" or not isinstance(point, dict):
        return
    f.recheck = recheck(check_text(case.argv), {str(k): str(v) for k, v in point.items()})
    if f.recheck.problems:
        f.add("invalid-counterexample", f"{point}: {'; '.join(f.recheck.problems)}")
    if f.recheck.satisfies_relation:
        f.add("counterexample-satisfies-relation", f"the relation holds at {point}")


def judge(run: Run) -> Finding:
    """All reasons the run fails its case (none: it passed)."""
    verdicts, record = _verdicts(run)
    finding = Finding(run, verdicts=verdicts)
    _judge_process(finding)
    _judge_case(finding)
    _judge_counterexample(finding, record)
    return finding


# --- the corpus, the sample, the numbers -------------------------------------------------------------------

def stratified_sample(cases: Sequence[Case], seed: int = SEED, size: int = SAMPLE_SIZE) -> list[Case]:
    """``size`` cases, an equal share of every category (the remainder to seeded categories), corpus order."""
    rng = random.Random(seed)
    by_category = {c: [case for case in cases if case.category == c] for c in CATEGORIES}
    quota = dict.fromkeys(CATEGORIES, size // len(CATEGORIES))
    for category in rng.sample(CATEGORIES, size % len(CATEGORIES)):
        quota[category] += 1
    chosen = {id(case) for c in CATEGORIES for case in rng.sample(by_category[c], min(quota[c], len(by_category[c])))}
    return [case for case in cases if id(case) in chosen]


def run_all(cases: Sequence[Case], root: Path) -> list[Finding]:
    """Run the cases two at a time (each in ``root/NNNN``), then judge them in this thread."""
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda item: run_case(item[1], root / f"{item[0]:04d}"), enumerate(cases)))
    return [judge(run) for run in runs]


def summarize(findings: Sequence[Finding], full: bool, seed: int, wall_s: float) -> dict[str, Any]:
    """The numbers for the README: inputs tried, exits, worst wall time against budget, soundness counts."""
    runs = [f.run for f in findings]
    kinds = Counter(kind for f in findings for kind in {k for k, _ in f.reasons})
    over = max(runs, key=lambda r: r.seconds - r.case.budget_s)
    finished = max((r for r in runs if r.code is not None), key=lambda r: r.seconds - r.case.budget_s)
    slowest = max(runs, key=lambda r: r.seconds)
    rechecks = [f.recheck for f in findings if f.recheck is not None]
    return {
        "full": full, "seed": None if full else seed, "cases": len(runs), "margin_s": MARGIN_S,
        "wall_s_total": round(wall_s, 1), "failing_cases": sum(bool(f.reasons) for f in findings),
        "by_category": {c: {"cases": sum(r.case.category == c for r in runs),
                             "failing": sum(bool(f.reasons) for f in findings if f.run.case.category == c)}
                        for c in CATEGORIES},
        "exit_codes": dict(sorted(Counter("timeout" if r.code is None else str(r.code) for r in runs).items())),
        "worst_wall_s": round(slowest.seconds, 2), "worst_wall_case": slowest.case.label(40)[:240],
        "worst_wall_budget_s": slowest.case.budget_s,
        "worst_over_budget_s": round(over.seconds - over.case.budget_s, 2),
        "worst_over_budget_case": over.case.label(40)[:240],
        "worst_finished_over_budget_s": round(finished.seconds - finished.case.budget_s, 2),
        "worst_finished_over_budget_case": finished.case.label(40)[:240],
        "false_holds": kinds["false-holds"], "forbidden_fails": kinds["forbidden-fails"],
        "holds_under_a_declared_sign": sum("holds-under" in f.verdicts for f in findings
                                           if f.run.case.forbid == SIGN_FORBID),
        "counterexamples_checked": len(rechecks), "invalid_counterexamples": kinds["invalid-counterexample"],
        "counterexamples_satisfying_relation": kinds["counterexample-satisfies-relation"],
        "counterexamples_unconfirmed_at_printed_digits": sum(r.unconfirmed for r in rechecks),
        "counterexample_constraints_within_rounding": sum(r.within_rounding for r in rechecks),
        "counterexamples_unverifiable": sum(bool(r.unverifiable) for r in rechecks),
        "counterexamples_completed": sum(r.completed for r in rechecks),
        "internal_errors": kinds["internal-error"], "tracebacks": kinds["traceback"], "timeouts": kinds["timeout"],
        "over_budget": kinds["over-budget"], "failure_kinds": dict(sorted(kinds.items())),
    }


def report(findings: Sequence[Finding]) -> str:
    """Every failing case with its arguments and reasons, grouped by the first reason's kind."""
    failing = sorted((f for f in findings if f.reasons), key=lambda f: f.reasons[0][0])
    lines = [f"{len(failing)} of {len(findings)} hostile cases failed:"]
    for f in failing:
        lines.append(f"{f.run.case.label()}  ({f.run.seconds:.1f} s, exit {f.run.code})")
        lines += [f"    {kind}: {text}" for kind, text in f.reasons]
    return "\n".join(lines)


def test_hostile_corpus_through_the_cli(tmp_path_factory):
    """Every selected case exits 0-3 within budget, without internal errors, false holds or bad points."""
    cases = [c for c in corpus() if ONLY in c.label()] if ONLY else corpus() if FULL else stratified_sample(corpus())
    root = tmp_path_factory.mktemp("hostile")
    started = time.monotonic()
    findings = run_all(cases, root)
    numbers = summarize(findings, FULL, SEED, time.monotonic() - started)
    if WRITE and not ONLY:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / ("hostile_full.json" if FULL else "hostile.json")
        path.write_text(json.dumps(numbers, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (root / "failures.txt").write_text(report(findings) + "\n", encoding="utf-8")
    assert not numbers["failing_cases"], f"{report(findings)}\n(also in {root / 'failures.txt'})"


# --- the harness itself ---------------------------------------------------------------------------------------

def parts(*args: str) -> CheckText:
    """The texts of ``check --json ARGS``."""
    return check_text(("check", "--json", *args))


def test_recheck_rejects_the_issue_counterexample():
    """x = 4.31, y = 1.06 (issue 13) violates exp(x) <= exp(y): invalid."""
    text = parts("--relation=le", "--assume=exp(x)<=exp(y)", "--", "x", "y")
    out = recheck(text, {"x": "4.3105450", "y": "1.0593400"})
    assert out.problems and "exp(x)<=exp(y)" in out.problems[0]


def test_recheck_accepts_a_valid_point():
    """x = 1.5, y = 1 satisfies exp(x) <= exp(2 y) and violates x <= y."""
    out = recheck(parts("--relation=le", "--assume=exp(x)<=exp(2*y)", "--", "x", "y"), {"x": "1.5000000", "y": "1.0"})
    assert (out.problems, out.satisfies_relation, out.unconfirmed, out.unverifiable) == ([], False, False, [])


def test_recheck_allows_only_the_rounding_of_the_printed_digits():
    """x <= y with x = y + 1e-7 is within rounding of 8 digits; with x = y + 1e-6 it is violated."""
    text = parts("--relation=lt", "--assume=x<=y", "--", "x", "y")
    near, far = recheck(text, {"x": "1.0000001", "y": "1.0000000"}), recheck(text, {"x": "1.0000010", "y": "1.0000000"})
    assert (near.problems, near.within_rounding) == ([], 1) and far.problems


def test_recheck_completes_a_point_that_leaves_out_a_free_symbol():
    """A point without z is valid for z > 1 when some positive z (here a drawn one) satisfies it."""
    out = recheck(parts("--relation=le", "--assume=z>1", "--", "x", "y"), {"x": "2.0", "y": "1.0"})
    assert (out.problems, out.completed) == ([], True)


def test_recheck_rejects_a_point_no_value_can_complete():
    """No positive value of the left-out z satisfies z < 0 (nor x == 1 and x == 2 for a left-out x)."""
    out = recheck(parts("--relation=le", "--assume=z<0", "--", "x", "y"), {"x": "2.0", "y": "1.0"})
    assert out.problems[-1].startswith(f"the point gives no value for z, and none of {COMPLETIONS} positive values")
    both = recheck(parts("--relation=le", "--assume=x==1", "--assume=x==2", "--", "x", "y"), {"y": "0.5"})
    assert "--assume 'x==2' does not hold at the point (1.000000000 vs 2.000000000)" in both.problems


def test_recheck_follows_givens_and_checks_given_values():
    """a = x - y is negative at x = 1, y = 2, so a > 0 fails; a printed a that is not x - y is inconsistent."""
    text = parts("--relation=le", "--given=a=x-y", "--assume=a>0", "--", "x", "y")
    assert recheck(text, {"x": "1.0", "y": "2.0"}).problems
    assert any("definition a" in p for p in recheck(text, {"x": "3.0", "y": "2.0", "a": "5.0"}).problems)


def test_recheck_evaluates_sides_that_share_symbols():
    """Gamma - b > Gamma - x needs Gamma too, though it cancels from the difference."""
    text = parts("--assume=Gamma-b>Gamma-x", "--", "z", "-1")
    assert recheck(text, {"Gamma": "4.0017240", "b": "0.35518900", "x": "0.97514100", "z": "0.5"}).problems == []


def test_recheck_flags_a_point_where_the_relation_holds():
    """x = 1, y = 2 does not refute x <= y."""
    assert recheck(parts("--relation=le", "--", "x", "y"), {"x": "1.0", "y": "2.0"}).satisfies_relation


def test_sample_is_seeded_and_covers_every_category():
    """The CI sample has SAMPLE_SIZE cases, every category, and the same cases for the same seed."""
    sample = stratified_sample(corpus())
    assert len(sample) == SAMPLE_SIZE and {c.category for c in sample} == set(CATEGORIES)
    assert sample == stratified_sample(corpus()) != stratified_sample(corpus(), seed=SEED + 1)


def test_case_labels_are_unique():
    """Each case is named by its label alone (SYMCOND_HOSTILE_ONLY selects by it)."""
    labels = [case.label() for case in corpus()]
    assert len(set(labels)) == len(labels)


def test_case_budget_comes_from_total_budget():
    """budget_s is --total-budget when finite and positive, else the default."""
    assert Case("budgets", ("check", "--total-budget=20", "--", "x", "1")).budget_s == 20
    assert Case("budgets", ("check", "--total-budget", "inf", "--", "x", "1")).budget_s == 5
