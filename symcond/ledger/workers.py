"""Hard time limits: work runs in forked worker processes that are killed when their budget runs out.

``SIGPROF`` CPU-time budgets (:mod:`symcond.budget`) interrupt Python code only: a long call inside
C (a big-integer power, GMP, a SciPy routine) or one that swallows the interruption runs
on.  Here each task runs in a worker process; when its hard budget is spent the worker is
killed with ``SIGKILL`` and replaced, and the task gets a :class:`TaskResult` with status
:attr:`Status.TIMEOUT` that names the last stage the worker announced (every
:func:`~symcond.budget.time_budget` section announces itself, see
:func:`symcond.budget.set_stage_listener`).

Workers are forked, so a task is any zero-argument callable defined before the pool starts
(papers loaded from derivation files, closures); only its index crosses the pipe, and only
the result is pickled.  Tasks run in any order on any worker; results come back in task
order, so the output does not depend on the number of workers.

Why not a library: ``concurrent.futures.ProcessPoolExecutor`` cannot kill one task (a
killed worker breaks the whole pool), and ``pebble`` pickles every task, which closures and
modules loaded from a path are not.  The pool below is ``multiprocessing`` (fork context)
plus ``SIGKILL``, the "plus kill" design, in about a hundred lines.

>>> results = run_tasks([lambda: 6 * 7, lambda: "x" * 3], jobs=2, task_budget=30.0)
>>> [(r.status.value, r.value) for r in results]
[('done', 42), ('done', 'xxx')]
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from multiprocessing.connection import Connection, wait
from typing import Any

from symcond import budget
from symcond.ledger.interrupts import sigint_held, sigint_let_through
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict

__all__ = ["Status", "TaskResult", "as_outcome", "available", "decide_in_worker", "default_jobs", "memory_limit",
           "run_one", "run_tasks"]

#: Seconds a killed worker is given to disappear before the pool moves on.
_REAP = 2.0


class Status(Enum):
    """How a task ended."""

    DONE = "done"
    RAISED = "raised"
    TIMEOUT = "timeout"
    CRASHED = "crashed"
    NOT_RUN = "not-run"


@dataclass(frozen=True)
class TaskResult:
    """The end of one task.

    Attributes
    ----------
    status : Status
        DONE (``value`` holds the return value), RAISED (``error`` is the exception),
        TIMEOUT (killed after its budget), CRASHED (the worker died, ``detail`` says how)
        or NOT_RUN (the run's total budget was spent before the task started).
    stage : str
        The last stage the task announced (empty when none).
    seconds : float
        Wall-clock time of the task, s.
    """

    status: Status
    value: Any = None
    error: BaseException | None = None
    stage: str = ""
    seconds: float = 0.0
    detail: str = ""


def available() -> bool:
    """True where worker processes can be forked (POSIX)."""
    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ----------------------------------------------------------------------------- worker side
def memory_limit(jobs: int) -> int:
    """Bytes of address space one of ``jobs`` workers may use: half the machine's memory, shared.

    A claim that builds an enormous expression then fails with MemoryError in its own worker
    (``undecided``) instead of driving the machine into swap.  At least 2 GiB.
    """
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not POSIX
        total = 8 << 30
    return max(2 << 30, total // (2 * max(1, jobs)))


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - no rlimits here: run without
        pass


def _send_printable(conn: Connection, message: tuple[str, Any], error: Exception) -> None:
    """Send an outcome whose evidence cannot be pickled (objects of a derivation file's own classes)
    with its expressions as printed text; anything else unpicklable is reported as an error."""
    kind, value = message
    if kind == "done" and isinstance(value, Outcome):
        try:
            conn.send(("done", Outcome(value.verdict, value.evidence.portable())))
            return
        except Exception as exc:
            error = exc
    conn.send(("raised", RuntimeError(f"result cannot be sent back: {type(error).__name__}: {error}")))


def _serve(tasks: Sequence[Callable[[], Any]], conn: Connection, limit: int | None = None) -> None:
    """The worker loop: receive a task index, announce stages, send the outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(limit)
    budget.set_stage_listener(lambda stage: conn.send(("stage", stage)))
    while True:
        index = conn.recv()
        if index is None:
            return
        try:
            message: tuple[str, Any] = ("done", tasks[index]())
        except BaseException as exc:  # every failure of user work is reported, never fatal to the worker
            message = ("raised", _portable(exc))
        try:
            conn.send(message)
        except Exception as exc:  # an unpicklable value: its printable form, else report it; keep serving
            _send_printable(conn, message, exc)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` itself when it survives pickling, else a RuntimeError carrying its text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return RuntimeError(text)


# ----------------------------------------------------------------------------- parent side
class _Worker:
    """One forked process and the parent's end of its pipe."""

    def __init__(self, tasks: Sequence[Callable[[], Any]], limit: int | None) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(tasks, child, limit), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.started = 0.0
        self.stage = ""

    def give(self, index: int) -> None:
        self.index, self.started, self.stage = index, time.monotonic(), ""
        self.conn.send(index)

    def kill(self) -> None:
        if self.process.is_alive():
            os.kill(self.process.pid, signal.SIGKILL)  # type: ignore[arg-type]
        self.process.join(_REAP)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(_REAP)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


def run_tasks(tasks: Sequence[Callable[[], Any]], jobs: int, task_budget: float,
              total_budget: float | None = None, on_event: Callable[[int, TaskResult | None], None] | None = None
              ) -> list[TaskResult]:
    """Run every task in up to ``jobs`` worker processes, each within ``task_budget`` s.

    Parameters
    ----------
    tasks : sequence of callables
        Zero-argument callables; their return values must be picklable.
    jobs : int
        Number of worker processes (at least 1).
    task_budget : float
        Hard wall-clock limit of one task, s; the worker is killed when it is spent.
    total_budget : float, optional
        Hard wall-clock limit of the whole run, s: running tasks are killed and the rest
        are not started when it is spent.
    on_event : callable, optional
        Called in this process as ``on_event(index, None)`` when a task starts and
        ``on_event(index, result)`` as soon as it ends (for progress, and to keep results early).

    Returns
    -------
    list of TaskResult
        One per task, in task order.
    """
    results: list[TaskResult | None] = [None] * len(tasks)
    deadline = None if total_budget is None else time.monotonic() + total_budget
    pending = deque(range(len(tasks)))
    idle: list[_Worker] = []
    busy: dict[Connection, _Worker] = {}
    announced: set[int] = set()
    with sigint_held() as hold:  # Ctrl-C: KeyboardInterrupt while waiting, every worker stopped
        try:
            while pending or busy:
                _start(tasks, pending, idle, busy, jobs, on_event)
                with sigint_let_through(hold):
                    ready = _ready(busy, task_budget, deadline)
                _collect(ready, busy, idle, results, task_budget)
                if deadline is not None and time.monotonic() >= deadline:
                    _stop_everything(busy, pending, results, f"the run's total budget of {total_budget:g} s was spent")
                _announce(results, announced, on_event)
        finally:
            if hold is not None:
                hold.open = False  # held, whatever cut the loop short
            for worker in [*idle, *busy.values()]:
                worker.stop() if worker.index is None else worker.kill()
    return [r if r is not None else TaskResult(Status.NOT_RUN) for r in results]


def _stop_everything(busy: dict[Connection, _Worker], pending: deque[int], results: list[TaskResult | None],
                     why: str) -> None:
    """Kill the running tasks and mark the pending ones not run."""
    for worker in list(busy.values()):
        _expire(worker, busy, results, why)
    for index in pending:
        results[index] = TaskResult(Status.NOT_RUN, detail=why)
    pending.clear()


def _announce(results: list[TaskResult | None], announced: set[int],
              on_event: Callable[[int, TaskResult | None], None] | None) -> None:
    """Tell ``on_event`` of the results not told yet."""
    if on_event is None:
        return
    for index, result in enumerate(results):
        if result is not None and index not in announced:
            announced.add(index)
            on_event(index, result)


def _start(tasks: Sequence[Callable[[], Any]], pending: deque[int], idle: list[_Worker],
           busy: dict[Connection, _Worker], jobs: int,
           on_event: Callable[[int, TaskResult | None], None] | None = None) -> None:
    """Give pending tasks to idle workers, forking new ones up to ``jobs``."""
    while pending and len(busy) < max(1, jobs):
        worker = idle.pop() if idle else _Worker(tasks, memory_limit(jobs))
        worker.give(pending.popleft())
        busy[worker.conn] = worker
        if on_event is not None:
            on_event(worker.index, None)  # type: ignore[arg-type]


def _ready(busy: dict[Connection, _Worker], task_budget: float, deadline: float | None) -> list[Any]:
    """The pipes with messages, waiting no longer than the earliest budget."""
    wake = min(w.started + task_budget for w in busy.values())
    if deadline is not None:
        wake = min(wake, deadline)
    timeout = None if wake == float("inf") else max(0.0, wake - time.monotonic())
    return wait(list(busy), timeout=timeout)


def _collect(ready: list[Any], busy: dict[Connection, _Worker], idle: list[_Worker],
             results: list[TaskResult | None], task_budget: float) -> None:
    """Read the messages of the ``ready`` pipes; kill workers whose budget is spent."""
    for conn in ready:
        worker = busy[conn]
        _receive(worker, busy, idle, results)
    now = time.monotonic()
    for worker in list(busy.values()):
        if now - worker.started >= task_budget:
            _expire(worker, busy, results, f"its budget of {task_budget:g} s was spent")


def _receive(worker: _Worker, busy: dict[Connection, _Worker], idle: list[_Worker],
             results: list[TaskResult | None]) -> None:
    """Read every message waiting on one worker's pipe."""
    assert worker.index is not None
    while worker.conn.poll():
        try:
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            _crashed(worker, busy, results)
            return
        if kind == "stage":
            worker.stage = payload
            continue
        seconds = time.monotonic() - worker.started
        status = Status.DONE if kind == "done" else Status.RAISED
        results[worker.index] = TaskResult(status, payload if kind == "done" else None,
                                           payload if kind == "raised" else None, worker.stage, seconds)
        del busy[worker.conn]
        worker.index = None
        idle.append(worker)
        return
    if not worker.process.is_alive():
        _crashed(worker, busy, results)


def _crashed(worker: _Worker, busy: dict[Connection, _Worker], results: list[TaskResult | None]) -> None:
    assert worker.index is not None
    worker.process.join(_REAP)
    code = worker.process.exitcode
    how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited with code {code}"
    results[worker.index] = TaskResult(Status.CRASHED, stage=worker.stage, detail=f"the worker process {how}",
                                       seconds=time.monotonic() - worker.started)
    del busy[worker.conn]
    worker.kill()


def _expire(worker: _Worker, busy: dict[Connection, _Worker], results: list[TaskResult | None],
            why: str) -> None:
    assert worker.index is not None
    results[worker.index] = TaskResult(Status.TIMEOUT, stage=worker.stage, detail=why,
                                       seconds=time.monotonic() - worker.started)
    del busy[worker.conn]
    worker.kill()


def as_outcome(result: TaskResult, what: str) -> Outcome:
    """The verdict of a task that decided a claim: its own outcome, else ``undecided`` saying why.

    A task that raised re-raises here (bad input stays bad input: exit 2 on the command line).
    """
    if result.status is Status.DONE:
        return result.value  # type: ignore[no-any-return]
    during = f" during {result.stage}" if result.stage else ""
    if result.status is Status.RAISED:
        assert result.error is not None
        if isinstance(result.error, (MemoryError, RecursionError)):
            what_ran_out = "memory" if isinstance(result.error, MemoryError) else "recursion depth"
            return Outcome(Verdict.UNDECIDED, Evidence(reason=f"{what} ran out of {what_ran_out}{during}",
                                                       finding=Finding.ABORTED))
        raise result.error
    finding = Finding.ABORTED
    if result.status is Status.TIMEOUT:
        reason = f"{what} was stopped after {result.seconds:.1f} s{during}: {result.detail} (hard limit)"
        finding = Finding.BUDGET_EXCEEDED
    elif result.status is Status.CRASHED:
        reason = f"{what} could not finish: {result.detail}{during}"
    else:
        reason = f"{what} was not started: {result.detail}"
    return Outcome(Verdict.UNDECIDED, Evidence(reason=reason, finding=finding))


def run_one(task: Callable[[], Any], seconds: float) -> TaskResult:
    """``task()`` in a worker process killed after ``seconds`` (in this process where fork is missing)."""
    if not available():  # pragma: no cover - not POSIX
        return TaskResult(Status.DONE, task())
    return run_tasks([task], jobs=1, task_budget=seconds)[0]


def decide_in_worker(task: Callable[[], Outcome], seconds: float, what: str) -> Outcome:
    """The outcome of ``task()`` decided by :func:`run_one`; ``undecided`` when it was stopped."""
    return as_outcome(run_one(task, seconds), what)
