"""Model classes written by hand instead of with ``@dataclass``, for the ones every run creates at import.

Python 3.11 compiles each method ``@dataclass`` generates when the class is defined, which made creating the
model classes a large part of a one-file run's import time (docs/benchmarks.md, "Start-up").  A
``Record`` names its fields in ``_fields`` and writes its own ``__init__``; it gets the dataclass's ``repr``.
A ``Value`` also compares and hashes by its fields as a frozen dataclass does (it is never changed after
creation); a ``MutableValue`` compares by its fields and is not hashable, as a plain ``@dataclass``.

The classes the cache stores (``plain.CLASSES``) stay dataclasses: their annotations are its schema.
"""

from __future__ import annotations

import operator


class Record:
    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in self._fields)})"


class Value(Record):
    """Equal when of the same class with equal fields (``_compared``: those that take part, by default all)."""

    __slots__ = ()
    _compared: tuple[str, ...] | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        names = cls._compared or cls._fields
        if not names:  # an abstract base (MutableValue)
            return
        get = operator.attrgetter(*names)
        cls._key = staticmethod(get if len(names) > 1 else lambda value: (get(value),))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) == self._key(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key(self))


class MutableValue(Value):
    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]
