"""One run's settings: what runs on each file, and the options of the run.

The configuration types, from the outside in:

- ``RunSettings`` (here): what one run does.  The API's and the tests' simple form names
  the enabled rules, severities and parameters for every file; the command line's form
  holds a ``config.Configuration``, and the rules are then worked out per path.
- ``config.Configuration``: every configuration file a run uses, and the ``RuleSet`` of each path.
- ``config.ConfigFile``: one configuration file as loaded (its ``rules`` entries are
  ``config.RuleEntry``, its ``overrides`` entries ``config.Override``).
- ``config.RuleSet``: what runs on one file: the result a check and the cache read.
"""

from __future__ import annotations

from .config import Configuration, RuleSet
from .finding import Severity
from .policy import Policy, builtin_policies
from .record import MutableValue

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    import datetime

    from .baseline import Baseline


class RunSettings(MutableValue):
    """What to run: the enabled rules, their severities and parameters.

    Without ``configuration`` the fields below apply to every file (the API's and
    the tests' simple form).  With one (config.py: configuration files plus the
    command line's selection) the rules are worked out per path and ``policies``
    is the configuration's, custom policies included.
    """

    _fields = ("policies", "enabled", "severities", "parameters", "configuration", "baseline", "today", "file_limit")

    policies: dict[str, Policy]
    #: rule ids to run; None = every policy enabled by default
    enabled: set[str] | None
    severities: dict[str, Severity]
    parameters: dict[str, dict]
    configuration: Configuration | None
    #: recorded findings to leave out of the report
    baseline: Baseline | None
    #: the day ``until`` dates of suppressions are compared with (None: today)
    today: datetime.date | None
    #: files larger than this many bytes are not read (None: the configuration's, or the default)
    file_limit: int | None

    def __init__(self, policies: dict[str, Policy] | None = None, enabled: set[str] | None = None,
                 severities: dict[str, Severity] | None = None, parameters: dict[str, dict] | None = None,
                 configuration: Configuration | None = None, baseline: Baseline | None = None,
                 today: datetime.date | None = None, file_limit: int | None = None):
        self.policies = builtin_policies() if policies is None else policies
        self.enabled = enabled
        self.severities = {} if severities is None else severities
        self.parameters = {} if parameters is None else parameters
        self.configuration = configuration
        self.baseline = baseline
        self.today = today
        self.file_limit = file_limit
        self.__post_init__()

    def __post_init__(self):
        if self.configuration is not None:
            self.policies = self.configuration.policies
        self._plain: RuleSet | None = None

    def max_file_size(self) -> int | None:
        if self.file_limit is None and self.configuration is not None:
            return self.configuration.max_file_size
        return self.file_limit

    def rules(self, path: str | None = None) -> RuleSet:
        if self.configuration is not None:
            return self.configuration.rules(path)
        if self._plain is None:
            enabled = self.enabled if self.enabled is not None else {r for r, p in self.policies.items() if p.enabled}
            self._plain = RuleSet(frozenset(enabled), dict(self.severities), dict(self.parameters))
        return self._plain

    def is_enabled(self, rule: str, path: str | None = None) -> bool:
        return rule in self.policies and rule in self.rules(path).enabled

    def severity(self, rule: str, path: str | None = None) -> Severity:
        return self.rules(path).severities.get(rule) or self.policies[rule].severity

    def configured_severity(self, rule: str, path: str | None = None) -> Severity | None:
        """A severity the configuration sets for the rule (it wins over a check's own choice)."""
        return self.rules(path).severities.get(rule)

    def params(self, rule: str, path: str | None = None) -> dict:
        return {**self.policies[rule].parameters, **self.rules(path).parameters.get(rule, {})}

    def excluded(self, path: str) -> bool:
        return self.configuration is not None and self.configuration.excluded(path)
