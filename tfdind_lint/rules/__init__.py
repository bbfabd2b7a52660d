"""The rules: one module per built-in rule, found from its policy, imported the first time a run needs it.

A policy ``TDL401`` named ``privileged-sidecar-unacknowledged`` is implemented by
``rules/dind/tdl401_privileged_sidecar_unacknowledged.py``: the group package comes
from the id's hundreds digit (``GROUPS``), the module name from the id and the name.
A rule module holds ``check(ctx, **parameters) -> hits``; a rule that looks across
files (a RuntimeClass defined elsewhere) also has ``collect(unit, **parameters)``,
which reads what the check needs of one unit (picklable and small; the check gets
the extracts back through ``Context.gather``), and ``PROJECT_SCOPED = True``, and is
listed in its group package's ``PROJECT_SCOPED`` (``project_precondition``).  Every
other check is unit-scoped: it sees one Terraform module directory, YAML file or
TOML file at a time (and through ``Context.callers`` / ``configurations`` the
directories joined to it by module calls).  A group's shared code is in its
``helpers`` module.  ``custom.py`` holds the generic checks custom policies bind by
name (``GENERIC``).  TDL000 (parse-error), TDL900 (invalid-suppression), TDL901
(unused-suppression) and TDL999 (internal-error) are produced by the linter itself.
"""

from __future__ import annotations

from .. import quick_import
from ..policy import builtin_policies

#: the hundreds digit of a rule id -> the package of its group
GROUPS = {"0": "general", "1": "sysbox", "2": "envbox", "3": "podman", "4": "dind", "5": "kubernetes",
          "6": "devcontainer"}

#: Rules whose findings the linter produces itself.
BUILTIN = frozenset({"TDL000", "TDL900", "TDL901", "TDL999"})


def module_name(rule: str, name: str) -> str:
    """The module implementing a built-in rule: ``tfdind_lint.rules.dind.tdl401_privileged_sidecar_unacknowledged``."""
    return f"{__name__}.{GROUPS[rule[3]]}.{rule.lower()}_{name.replace('-', '_')}"


def precondition(rule: str):
    """``(helper, parameter names)`` when a built-in rule's check is one loop over ``helper(ctx, *parameters)``, so
    that an empty answer means no finding; else None.

    A group's package (``rules/<group>/__init__.py``, which a run loads anyway) lists its rules that have one in
    ``PRECONDITIONS``, so that asking imports neither the rule's module nor its group's helpers
    (tests/test_preconditions.py checks each against the check's code); where the answer is empty, pieces.py
    neither runs the rule nor imports its module.
    """
    return _declared(rule, "PRECONDITIONS")


def project_precondition(rule: str):
    """``(helper, parameter names)`` of a project-scoped rule (None for any other): its check finds nothing in a run
    where ``helper(ctx, *parameters)`` finds nothing in any unit.

    A group's package lists its project-scoped rules in ``PROJECT_SCOPED``, so that knowing a rule is one needs no
    import of its module (tests/test_preconditions.py checks the list against the modules, and each helper against
    its collector and check); a run checked as one piece gathers nothing for such a rule, nor runs its check, when
    the helper finds nothing there (pieces.py).
    """
    return _declared(rule, "PROJECT_SCOPED")


def _declared(rule: str, table: str):
    group = GROUPS.get(rule[3:4]) if rule.startswith("TDL") else None
    if group is None:
        return None
    package = quick_import.load(f"{__name__}.{group}")
    return vars(package).get(table, {}).get(rule)


def rule_module(rule: str):
    """The module of a built-in rule, imported on first use."""
    return quick_import.load(module_name(rule, builtin_policies()[rule].name))


class _Table:
    """Rule id -> one function of each rule module (``check`` or ``collect``), the module imported when asked for.

    A read-only mapping but for assignment, which replaces that rule's function for this process (the tests make a
    check fail this way).  Not a ``collections.abc.Mapping``: importing ``collections`` costs a one-file run more
    than these few methods.
    """

    def __init__(self, attribute: str):
        self._attribute = attribute
        self._replaced: dict = {}

    def _ids(self):
        return (rule for rule in builtin_policies() if rule not in BUILTIN)

    def __getitem__(self, rule: str):
        if rule in self._replaced:
            return self._replaced[rule]
        if rule in BUILTIN or rule not in builtin_policies():
            raise KeyError(rule)
        function = getattr(rule_module(rule), self._attribute, None)
        if function is None:
            raise KeyError(rule)
        return function

    def __setitem__(self, rule: str, function) -> None:
        self._replaced[rule] = function

    def __delitem__(self, rule: str) -> None:
        del self._replaced[rule]

    def __contains__(self, rule) -> bool:
        if rule in self._replaced:
            return True
        if rule in BUILTIN or rule not in builtin_policies():
            return False
        return self._attribute == "check" or hasattr(rule_module(rule), self._attribute)

    def __iter__(self):
        return (rule for rule in self._ids() if rule in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def get(self, rule: str, default=None):
        try:
            return self[rule]
        except KeyError:
            return default

    def keys(self):
        return list(self)

    def items(self):
        return [(rule, self[rule]) for rule in self]

    def values(self):
        return [self[rule] for rule in self]

    def project_scoped(self, rule: str) -> bool:
        """The rule looks across files: its group's helpers list it (``project_precondition``), so its module is not
        imported to know (tests/test_preconditions.py checks the list against the modules' ``PROJECT_SCOPED``)."""
        return rule not in BUILTIN and rule in builtin_policies() and _declared(rule, "PROJECT_SCOPED") is not None


#: rule id -> check; ``CHECKS.project_scoped(rule)`` says whether it looks across files
CHECKS = _Table("check")
#: project-scoped rule id -> collector: ``collect(unit, **parameters)`` -> what the check reads of one unit
COLLECTORS = _Table("collect")


def __getattr__(name: str):
    if name == "PROJECT_SCOPED":  # for the tests and the documentation; a run asks CHECKS.project_scoped
        return frozenset(rule for rule in CHECKS if CHECKS.project_scoped(rule))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
