"""The caches of ``functools`` this package uses, without importing it.

``functools`` imports ``collections`` (with ``operator``, ``keyword`` and ``reprlib``); a one-file run needs only
these three small shapes of it (docs/benchmarks.md, "Start-up").
"""

from __future__ import annotations


class cached_property:
    """``functools.cached_property``: computed on first access and kept in the instance's ``__dict__``."""

    def __init__(self, function):
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


def _wrap(cached, function):
    cached.__name__, cached.__qualname__, cached.__doc__ = function.__name__, function.__qualname__, function.__doc__
    cached.__wrapped__ = function
    return cached


def once(function):
    """``functools.lru_cache(maxsize=1)`` of a function without arguments: its first result is kept
    (``cache_clear()`` forgets it)."""
    kept = []

    def cached():
        if not kept:
            kept.append(function())
        return kept[0]

    cached.cache_clear = kept.clear
    return _wrap(cached, function)


def recent(size: int):
    """``functools.lru_cache(maxsize=size)`` of a function of one hashable argument: the results for the last
    ``size`` arguments are kept, the least recently used dropped first."""

    def decorate(function):
        results: dict = {}

        def cached(argument):
            if argument in results:
                value = results.pop(argument)
            else:
                value = function(argument)
                if len(results) >= size:
                    del results[next(iter(results))]
            results[argument] = value  # last in the dictionary's order: the most recently used
            return value

        cached.cache_clear = results.clear
        return _wrap(cached, function)

    return decorate
