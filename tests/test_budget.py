"""Time budgets: interruption, swallowed interruptions, clean disarming."""

import time

from symcond.budget import run_with_budget, time_budget
from symcond.errors import BudgetExceeded


def _busy(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "finished"


def test_budget_interrupts_a_busy_loop():
    """A loop longer than its budget is interrupted (None), well before it would finish."""
    start = time.monotonic()
    assert run_with_budget(lambda: _busy(5.0), 0.05, "busy loop") is None
    assert time.monotonic() - start < 2.5


def test_swallowed_interruption_fires_again():
    """An interruption swallowed once (as in a gc callback) is raised again at the next tick."""

    def stubborn() -> str:
        try:
            return _busy(5.0)
        except BudgetExceeded:
            return _busy(5.0)  # swallowed: carries on as if nothing happened

    start = time.monotonic()
    assert run_with_budget(stubborn, 0.05, "stubborn loop") is None
    assert time.monotonic() - start < 2.5


def test_no_stray_alarm_after_the_budget():
    """Once the body has finished, no further interruption arrives."""
    with time_budget(0.02, "short"):
        pass
    assert _busy(0.1) == "finished"


def test_nested_budgets_keep_the_outer_deadline():
    """An inner budget does not cancel the outer one."""
    def outer() -> str:
        with time_budget(10.0, "inner"):
            pass
        return _busy(5.0)

    assert run_with_budget(outer, 0.1, "outer") is None


def test_no_interruption_inside_gc_callbacks():
    """The budget never raises inside a gc callback (it would be swallowed and reported as unraisable)."""
    import gc

    seen: list[str] = []

    def slow_callback(phase: str, info: dict) -> None:
        try:
            _busy(0.002)
        except BaseException as exc:  # the point is to see any interruption
            seen.append(type(exc).__name__)

    gc.callbacks.append(slow_callback)
    try:
        def churn() -> str:
            while True:
                _busy(0.005)
                gc.collect()

        assert run_with_budget(churn, 0.05, "gc churn") is None
    finally:
        gc.callbacks.remove(slow_callback)
    assert seen == []


def test_interruption_in_a_weakref_callback_is_not_reported():
    """An interruption raised inside a weakref callback (unraisable there) is dropped, not reported."""
    import sys
    import weakref

    reported: list[object] = []
    outer = sys.unraisablehook
    sys.unraisablehook = reported.append

    class Thing:
        pass

    def callback(_ref: object) -> None:
        raise BudgetExceeded("interruption that lands in a weakref callback")

    def body() -> str:
        thing = Thing()
        ref = weakref.ref(thing, callback)
        del thing
        assert ref() is None
        return "done"

    try:
        with time_budget(5.0, "weakref callback"):
            assert body() == "done"
    finally:
        sys.unraisablehook = outer
    assert reported == []
