"""memo.py: functools' cached_property and lru_cache shapes, which a one-file run uses without importing functools."""

from __future__ import annotations

from tfdind_lint.memo import cached_property, once, recent


def test_cached_property_computes_once_per_instance_and_keeps_the_value_in_its_dict():
    calls = []

    class Thing:
        def __init__(self, n):
            self.n = n

        @cached_property
        def double(self):
            """Twice n."""
            calls.append(self.n)
            return self.n * 2

    a, b = Thing(1), Thing(2)
    assert (a.double, a.double, b.double) == (2, 2, 4)
    assert calls == [1, 2] and vars(a)["double"] == 2
    assert Thing.double.__doc__ == "Twice n." and Thing.double.name == "double"
    del a.double
    assert a.double == 2 and calls == [1, 2, 1]


def test_once_keeps_the_first_result_until_cleared():
    calls = []

    @once
    def value():
        """The value."""
        calls.append(1)
        return [len(calls)]

    assert value() is value() and value() == [1]
    value.cache_clear()
    assert value() == [2] and len(calls) == 2
    assert (value.__name__, value.__doc__) == ("value", "The value.")


def test_once_keeps_nothing_when_the_function_raises():
    calls = []

    @once
    def value():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("first")
        return "second"

    try:
        value()
    except OSError:
        pass
    assert value() == "second" and value() == "second" and len(calls) == 2


def test_recent_keeps_the_last_results_and_drops_the_least_recently_used():
    calls = []

    @recent(2)
    def square(x):
        calls.append(x)
        return x * x

    assert [square(2), square(3), square(2)] == [4, 9, 4] and calls == [2, 3]  # 2 is now the most recent
    assert square(4) == 16 and calls == [2, 3, 4]  # drops 3, the least recently used
    assert square(2) == 4 and calls == [2, 3, 4]
    assert square(3) == 9 and calls == [2, 3, 4, 3]
    square.cache_clear()
    assert square(2) == 4 and calls == [2, 3, 4, 3, 2]
