"""Model classes written by hand instead of with ``@dataclass``, for the ones every run creates at import.

Python 3.11 compiles each method ``@dataclass`` generates when the class is defined, which made creating the
model classes a large part of a one-file run's import time (docs/benchmarks.md, "Start-up").  A
``Record`` names its fields in ``_fields`` (in the order of its ``__init__``'s parameters) and annotates them
in the class body; it writes its own ``__init__`` and gets the dataclass's ``repr`` (of ``_shown``: by default
all fields).
A ``Value`` also compares and hashes by its fields as a frozen dataclass does (it is never changed after
creation); a ``MutableValue`` compares by its fields and is not hashable, as a plain ``@dataclass``.

The classes the cache stores (``plain.CLASSES``) are read by their ``_fields`` and class annotations: their schema.
"""

from __future__ import annotations

from _operator import attrgetter  # operator's C half: importing operator.py costs a one-file run more


class Record:
    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _shown: tuple[str, ...] | None = None

    def __repr__(self) -> str:
        shown = self._fields if self._shown is None else self._shown
        return f"{type(self).__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"


def replace(record: Record, **changes):
    """A new record of the same class, built by its ``__init__``, with some fields changed (``dataclasses.replace``)."""
    return type(record)(**{name: getattr(record, name) for name in record._fields if name not in changes}, **changes)


class Value(Record):
    """Equal when of the same class with equal fields (``_compared``: those that take part, by default all)."""

    __slots__ = ()
    _compared: tuple[str, ...] | None = None

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            values_of = _values_of(self.__class__)
            return values_of(self) == values_of(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_values_of(self.__class__)(self))


#: Value class -> the function giving the tuple of what an instance of it compares by
_VALUES_OF: dict = {}


def _values_of(cls: type):
    """Made on a class's first comparison, not when the class is made: most classes of a run are never compared,
    and a one-file run makes about 45 of them (docs/benchmarks.md, "Start-up")."""
    values_of = _VALUES_OF.get(cls)
    if values_of is None:
        names = cls._compared or cls._fields
        get = attrgetter(*names)
        values_of = _VALUES_OF[cls] = get if len(names) > 1 else (lambda value: (get(value),))
    return values_of


class MutableValue(Value):
    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]
