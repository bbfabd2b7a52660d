"""A run cut into pieces that can be checked apart, and checking one piece.

A unit (context.py) is one Terraform module directory, one YAML file or one TOML
file.  Unit checks see one unit, but may look at the directories it calls or is
called by through a local ``module`` block (``Context.callers``,
``Context.configurations``): so a piece is a component of the run's module-call
graph, almost always a single unit.  ``plan`` finds the components from the
files' text before anything is parsed; ``check_piece`` reads a piece, runs the
unit checks on it, and keeps of it only what the rest of the run needs
(``UnitResult``): findings, the suppressions written in its files, the rules that
ran on each file, and what project-scoped checks gather from each unit
(``Context.gather``).  The trees are dropped there, so memory does not grow with
the number of files, and a piece can be checked in another process (parallel.py)
or be taken from the cache (cache.py).
"""

from __future__ import annotations

import os
import posixpath
import sys

from . import suppress
from .context import Context, Unit
from .discover import display_path, is_terraform
from .finding import Finding, Hit, Severity
from .lazy_re import GuardedPattern
from .module import Module
from .node import Span
from .policy import find_policy
from .record import MutableValue, Value
from .rules import BUILTIN, CHECKS, COLLECTORS, precondition, project_precondition
from .sources import SourceError
from .sources.text import read_source
from .workload import from_manifest, from_module

TYPE_CHECKING = False  # typing's, without importing typing (a one-file run: docs/benchmarks.md)
if TYPE_CHECKING:
    from .settings import RunSettings

_FAILED = object()

#: ``source = "./x"`` / ``"source": "../x"``: a local module call (checked against the parsed modules afterwards)
_LOCAL_SOURCE = GuardedPattern(rb'source"?\s*[=:]\s*"(\.\.?/[^"\n]*)"', (b'"./', b'"../'))


#: Young-generation size of the garbage collector for a run: a run allocates millions of short-lived objects
#: that reference counting frees, and Python's default (700) spends its time scanning them (docs/benchmarks.md).
GC_THRESHOLD = (10_000, 10, 10)


#: path -> (reader, bytes, tree) of Terraform files, kept between runs by a long-lived process (the language
#: server, which lints a module again at every edit): a file whose bytes did not change is not parsed again.
_kept: dict | None = None
KEPT_MAX = 1000  # files; past that the kept trees are dropped and kept again as files are read


class keeping_trees:
    """While active, Terraform trees are kept in ``memo`` and reused for files whose bytes are unchanged.

    Trees are never modified once parsed (the model reads them), so a run may share them with the next.
    """

    def __init__(self, memo: dict):
        self.memo = memo

    def __enter__(self):
        global _kept
        if len(self.memo) > KEPT_MAX:
            self.memo.clear()
        self.saved, _kept = _kept, self.memo
        return self

    def __exit__(self, *exc):
        global _kept  # noqa: PLW0603
        _kept = self.saved


def _may_find(found, unit: Unit, project: Context, parameters: dict, answers: dict) -> bool:
    """False when a rule's precondition (``found``: rules.precondition or rules.project_precondition) finds nothing
    in the unit."""
    if found is None:
        return True
    helper, names = found
    arguments = tuple(parameters[name] for name in names)
    key = (helper, repr(arguments))  # the parameters are lists and mappings: not hashable
    if key not in answers:
        answers[key] = next(iter(helper(Context([unit], project), *arguments)), _NOTHING) is not _NOTHING
    return answers[key]


_NOTHING = object()


def tune_collector() -> None:
    """Set the run's garbage-collector thresholds (in this process and in each worker).

    The console script starts with the collector off (cli.run): what start-up made (modules, classes, policies,
    settings) lives until exit, so it is frozen, never scanned again, and the collector is turned on for the run.
    """
    import gc  # noqa: PLC0415

    gc.set_threshold(*GC_THRESHOLD)
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class UnitSpec(Value):
    """One unit to read: ``kind`` terraform (``path`` a directory, ``files`` its files), yaml or toml (``path`` the file)."""

    _fields = ("index", "kind", "path", "files", "complete")

    index: int  # its place in the run: results are put back in this order
    kind: str
    path: str
    files: tuple[str, ...]
    #: False for a module directory with a .tf file discovery did not hand on (a FIFO, a link out of the root)
    complete: bool

    def __init__(self, index: int, kind: str, path: str, files: tuple[str, ...], complete: bool = True):
        self.index = index
        self.kind = kind
        self.path = path
        self.files = files
        self.complete = complete


class UnitResult(MutableValue):
    """What the run keeps of a unit once it has been checked."""

    _fields = ("index", "files", "findings", "comments", "annotations", "ran", "skipped", "internal_errors",
               "failed", "gathered", "gather_errors", "calls", "built")

    index: int
    files: list[str]  # the files read
    findings: list[Finding]  # unsuppressed; suppressions are applied to the whole run
    #: per file: the inline and file-level suppressions of its comments, and the problems with them
    comments: list[tuple[str, list, list]]
    annotations: tuple[list, list]  # the suppressions in Kubernetes annotations, and their problems
    ran: dict[str, frozenset[str]]  # file -> the rules that ran on it
    skipped: list[tuple[str, str]]
    internal_errors: int
    failed: set[str]  # rules whose check raised
    gathered: dict[str, object]  # project-scoped rule -> what its collector found
    gather_errors: dict[str, str]  # project-scoped rule -> the error of its collector
    calls: list[str]  # the directories its module calls through a local source
    built: bool  # its model was built (so checks ran on it)

    def __init__(self, index: int, files: list[str] | None = None, findings: list[Finding] | None = None,
                 comments: list[tuple[str, list, list]] | None = None, annotations: tuple[list, list] = ((), ()),
                 ran: dict[str, frozenset[str]] | None = None, skipped: list[tuple[str, str]] | None = None,
                 internal_errors: int = 0, failed: set[str] | None = None, gathered: dict[str, object] | None = None,
                 gather_errors: dict[str, str] | None = None, calls: list[str] | None = None, built: bool = False):
        self.index = index
        self.files = [] if files is None else files
        self.findings = [] if findings is None else findings
        self.comments = [] if comments is None else comments
        self.annotations = annotations
        self.ran = {} if ran is None else ran
        self.skipped = [] if skipped is None else skipped
        self.internal_errors = internal_errors
        self.failed = set() if failed is None else failed
        self.gathered = {} if gathered is None else gathered
        self.gather_errors = {} if gather_errors is None else gather_errors
        self.calls = [] if calls is None else calls
        self.built = built


def units(discovery) -> list[UnitSpec]:
    """The units of a run, in the order their results are combined."""
    # a module directory with a .tf file not read (a FIFO, a link out of the root) misses declarations
    partial = {os.path.dirname(path) or "." for path, _ in discovery.skipped if is_terraform(path)}
    specs = [UnitSpec(0, "terraform", directory, tuple(files), directory not in partial)
             for directory, files in discovery.terraform.items()]
    specs += [UnitSpec(0, "yaml", path, (path,)) for path in discovery.yaml]
    specs += [UnitSpec(0, "toml", path, (path,)) for path in discovery.toml]
    return [UnitSpec(i, s.kind, s.path, s.files, s.complete) for i, s in enumerate(specs)]


def local_sources(data: bytes) -> list[str]:
    """The local module sources (``./x``, ``../x``) a Terraform file's text seems to call."""
    return [source.decode("utf-8", "replace") for source in _LOCAL_SOURCE.findall(data)]


def plan(specs: list[UnitSpec], sources: dict[int, list[str]]) -> list[list[UnitSpec]]:
    """The pieces: units grouped by local module calls (``sources``: unit index -> ``local_sources``), in run order."""
    parent = {spec.index: spec.index for spec in specs}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    directories = {spec.path: spec.index for spec in specs if spec.kind == "terraform"}
    for spec in specs:
        for source in sources.get(spec.index, ()):
            called = directories.get(posixpath.normpath(posixpath.join(spec.path, source)))
            if called is not None:
                parent[root(called)] = root(spec.index)
    grouped: dict[int, list[UnitSpec]] = {}
    for spec in specs:
        grouped.setdefault(root(spec.index), []).append(spec)
    return sorted(grouped.values(), key=lambda piece: piece[0].index)


def crossing(pieces: list[list[UnitSpec]], results: dict[int, UnitResult]) -> bool:
    """Whether a parsed module calls a directory of the run that ``plan`` put in another piece."""
    piece_of = {spec.index: n for n, piece in enumerate(pieces) for spec in piece}
    directories = {spec.path: spec.index for piece in pieces for spec in piece if spec.kind == "terraform"}
    return any(piece_of[directories[called]] != piece_of[index]
               for index, result in results.items() for called in result.calls if called in directories)


def check_piece(piece: list[UnitSpec], settings: RunSettings, project_rules: frozenset[str],
                whole: bool = False) -> list[UnitResult]:
    """Read, model and check the units of one piece; ``project_rules``: the project-scoped rules to gather for;
    ``whole``: the piece is every unit of the run (so what its units hold is what the run holds)."""
    return _Piece(settings, project_rules, whole).run(piece)


class _Piece:
    def __init__(self, settings: RunSettings, project_rules: frozenset[str], whole: bool = False):
        self.settings = settings
        self.project_rules = project_rules
        self.whole = whole

    def run(self, piece: list[UnitSpec]) -> list[UnitResult]:
        built: list[tuple[Unit | None, UnitResult]] = []
        for spec in piece:
            result = UnitResult(spec.index)
            built.append((self.read(spec, result), result))
        project = Context([unit for unit, _ in built if unit is not None])
        # per unit: (precondition, arguments) -> whether it found anything there, shared by unit and project rules
        answers = {id(unit): {} for unit in project.units}
        gathering = self._gathering(project, answers)
        for unit, result in built:
            if unit is not None:
                result.built = True
                self._check(unit, result, project, answers[id(unit)])
                self._gather(unit, result, gathering)
                self._annotations(unit, result)
                if unit.module is not None:
                    result.calls = [directory for directory, _ in unit.module.local_calls()]
        for unit, _ in built:  # containers point back at their workload: free the piece now, not at the next full GC
            for workload in unit.workloads if unit is not None else ():
                for container in workload.all_containers():
                    container.workload = None
        return [result for _, result in built]

    # reading ----------------------------------------------------------------------------------
    def read(self, spec: UnitSpec, result: UnitResult) -> Unit | None:
        """The unit of a spec, modelled; None when it could not be read (``result`` says why)."""
        return {"terraform": self._terraform, "yaml": self._yaml, "toml": self._toml}[spec.kind](spec, result)

    def _parse(self, parse, path: str, result: UnitResult):
        """Read and parse one file: what ``parse`` returns, or ``_FAILED`` after reporting why (TDL000 / TDL999)."""
        try:
            data = read_source(path)
            if _kept is None or not is_terraform(path):
                return parse(path, data)
            kept = _kept.get(path)
            if kept is not None and kept[0] is parse and kept[1] == data:
                return kept[2]
            tree = parse(path, data)
            _kept[path] = (parse, data, tree)
            return tree
        except SourceError as error:
            self._parse_error(error, result)
        except Exception as exc:  # noqa: BLE001  (a reader bug on odd input must not stop the run)
            self._internal_error(f"while reading {path}", path, exc, result)
        return _FAILED

    def _parse_error(self, error: SourceError, result: UnitResult) -> None:
        span = error.span
        if not span.path:
            return
        result.findings.append(Finding(span, "TDL000", self._name("TDL000"), self.settings.severity("TDL000", span.path),
                                       error.message, subject=span.path))

    def _name(self, rule: str) -> str:
        policy = self.settings.policies.get(rule)
        return policy.name if policy else rule.lower()

    def _comments(self, path: str, comments, text: str, result: UnitResult) -> None:
        try:
            found, trouble = suppress.parse_comments(comments, text.split("\n"), self._resolve, self._suggest)
        except Exception as exc:  # noqa: BLE001  (isolate a failure: the other files' suppressions still apply)
            self._internal_error("while reading suppression comments", path, exc, result)
            return
        result.comments.append((path, found, trouble))

    def _suggest(self, text: str) -> str | None:
        from .suggest import closest, rule_words  # noqa: PLC0415  (only for a suppression naming no rule)

        return closest(text, rule_words(self.settings.policies, groups=False))

    def _resolve(self, text: str) -> str | None:
        policy = find_policy(self.settings.policies, text)
        return policy.id if policy else None

    def _terraform(self, spec: UnitSpec, result: UnitResult) -> Unit | None:
        from .sources import terraform  # noqa: PLC0415  (the HCL parser is imported only when Terraform is read)

        parsed = []
        complete = spec.complete
        for path in spec.files:
            result.files.append(path)
            if path.endswith(".tf.json"):
                from .sources import terraform_json as reader  # noqa: PLC0415
            else:
                reader = terraform
            tf = self._parse(reader.parse_file, path, result)
            if tf is _FAILED:
                complete = False
                continue
            for error in tf.errors:
                self._parse_error(error, result)
            complete = complete and getattr(tf, "complete", True)  # a syntax error left part of it unread
            self._comments(path, tf.comments, tf.text, result)
            parsed.append(tf)
        unit = Unit(spec.path, complete=complete)
        try:
            unit.module = Module.build(spec.path, parsed)
            unit.module.lock = lock_file(spec.path)
            unit.workloads = from_module(unit.module)
        except Exception as exc:  # noqa: BLE001  (a model bug must not lose other files' findings)
            self._internal_error(f"while building the model of the module {spec.path}", spec.files[0], exc, result)
            return None
        return unit

    def _yaml(self, spec: UnitSpec, result: UnitResult) -> Unit | None:
        from .sources import kubernetes  # noqa: PLC0415

        path = spec.path
        limit = sys.getrecursionlimit()  # the YAML reader finds block collections nested too deep by Python's
        sys.setrecursionlimit(min(limit, 1000))  # default limit: a deep Terraform file read before may have raised it
        try:
            yaml = self._parse(kubernetes.parse_file, path, result)
        finally:
            sys.setrecursionlimit(limit)
        if yaml is None:
            return None  # not a Kubernetes manifest: skipped silently
        result.files.append(path)
        if yaml is _FAILED:
            return None
        if yaml.skipped:
            result.skipped.append((path, yaml.skipped))
            return None
        for error in yaml.errors:
            self._parse_error(error, result)
        self._comments(path, yaml.comments, yaml.text, result)
        unit = Unit(path, yaml=yaml)
        for document in yaml.documents:
            try:
                workload = from_manifest(document, path)
            except Exception as exc:  # noqa: BLE001
                self._internal_error("while building the model of a manifest", path, exc, result)
                continue
            if workload is not None:
                unit.workloads.append(workload)
        return unit

    def _toml(self, spec: UnitSpec, result: UnitResult) -> Unit | None:
        from .sources import toml  # noqa: PLC0415

        path = spec.path
        document = self._parse(toml.parse_file, path, result)
        if document is None:
            return None  # not Bottlerocket user data: skipped silently
        result.files.append(path)
        if document is _FAILED:
            return None
        self._comments(path, document.comments, document.text, result)
        return Unit(path, toml=document)

    # checking ---------------------------------------------------------------------------------
    def _check(self, unit: Unit, result: UnitResult, project: Context, answers: dict) -> None:
        settings = self.settings
        ran: dict[str, set[str]] = {f: set() for f in result.files}
        for rule in sorted(rules(settings.policies)):
            policy = settings.policies[rule]
            if policy.custom and kind(unit) not in policy.files:
                continue
            files = [f for f in result.files if settings.is_enabled(rule, f)]
            if not files:
                continue
            for f in files:
                ran[f].add(rule)
            if kind(unit) not in policy.files:
                continue  # a built-in rule reads only the kinds of file its policy names: its module is not imported
            try:
                parameters = settings.params(rule, files[0])
                if not policy.custom and not _may_find(precondition(rule), unit, project, parameters, answers):
                    continue  # its check would loop over nothing (rules.precondition): its module is not imported
                if CHECKS.project_scoped(rule):
                    continue
                check = CHECKS[rule] if not policy.custom else custom_check(policy)
                hits: list[Hit] = list(check(Context([unit], project), **parameters))
            except Exception as exc:  # noqa: BLE001  (isolate a failing check: report it, keep going)
                result.failed.add(rule)
                where = f"the module {unit.path}" if unit.module is not None else unit.path
                self._internal_error(f"in {rule} ({policy.name}) while checking {where}", files[0], exc, result)
                continue
            result.findings += findings(settings, rule, hits)
        for rule in self.project_rules:
            for f in result.files:
                if settings.is_enabled(rule, f):
                    ran[f].add(rule)
        result.ran = {f: frozenset(rules) for f, rules in ran.items()}

    def _gathering(self, project: Context, answers: dict) -> list[str]:
        """The project-scoped rules to collect for: all of them, but in the whole run, not one whose precondition
        (rules.project_precondition) finds nothing in any unit: its check would find nothing in the run."""
        gathering = []
        for rule in sorted(self.project_rules):
            found = project_precondition(rule) if self.whole else None
            parameters = self.settings.params(rule)  # as the collector gets them
            try:
                if found is None or any(_may_find(found, unit, project, parameters, answers[id(unit)])
                                        for unit in project.units):
                    gathering.append(rule)
            except Exception:  # noqa: BLE001  (a failing precondition: its collector runs, and says so as it fails)
                gathering.append(rule)
        return gathering

    def _gather(self, unit: Unit, result: UnitResult, gathering: list[str]) -> None:
        for rule in gathering:
            try:
                result.gathered[rule] = COLLECTORS[rule](unit, **self.settings.params(rule))
            except Exception as exc:  # noqa: BLE001  (reported once for the rule, as a failing project check)
                result.gather_errors[rule] = describe(exc)

    def _annotations(self, unit: Unit, result: UnitResult) -> None:
        key = self.settings.rules(result.files[0]).annotation
        found: list = []
        problems: list = []
        try:
            for node, region in _annotations(unit, key):
                more, trouble = suppress.parse_annotation(node, region, self._resolve, self._suggest)
                found += more
                problems += trouble
        except Exception as exc:  # noqa: BLE001
            self._internal_error("while reading suppression annotations", result.files[0], exc, result)
            return
        result.annotations = (found, problems)

    def _internal_error(self, what: str, path: str, exc: Exception, result: UnitResult) -> None:
        result.internal_errors += 1
        result.findings.append(internal_error(self.settings, what, path, describe(exc)))


def rules(policies) -> list[str]:
    """The rules of these policies that a check implements: the built-in ones, and every custom policy."""
    return [rule for rule, policy in policies.items() if policy.custom or rule not in BUILTIN]


def custom_check(policy):
    """The generic check a custom policy binds."""
    from .rules.custom import GENERIC  # noqa: PLC0415

    return GENERIC[policy.check]


def findings(settings: RunSettings, rule: str, hits: list[Hit]) -> list[Finding]:
    """A check's hits as findings: the policy's name, the severity the configuration or the hit gives."""
    policy = settings.policies[rule]
    out = []
    for hit in hits:
        path = hit.span.path
        if not settings.is_enabled(rule, path):
            continue  # an override turns the rule off for this file
        severity = settings.configured_severity(rule, path) or hit.severity or settings.severity(rule, path)
        out.append(Finding(hit.span, rule, policy.name, severity, hit.message, subject=hit.subject,
                           attribute=hit.attribute, related=hit.related, hint=hit.hint, owner=hit.owner, fix=hit.fix))
    return out


def describe(exc: Exception) -> str:
    """An exception as an internal error names it: type, message and where it was raised."""
    import traceback  # noqa: PLC0415  (only for an internal error)

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    location = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return f"{type(exc).__name__}: {exc}{location}"


def internal_error(settings: RunSettings, what: str, path: str, description: str) -> Finding:
    """A TDL999 finding on ``path`` (always a file): ``what`` failed (``description``: ``describe(exc)``)."""
    policy = settings.policies.get("TDL999")
    return Finding(
        Span(path, 1, 1, 1, 2), "TDL999", policy.name if policy else "internal-error", Severity.ERROR,
        f"Internal error {what}: {description}. Findings of this step are missing; other rules and files are "
        "unaffected. Please report this bug",
        subject=path,
    )


def kind(unit: Unit) -> str:
    """The kind of file a unit reads, as policies name them in ``files``."""
    return "terraform" if unit.module is not None else "yaml" if unit.yaml is not None else "toml"


def _annotations(unit: Unit, key: str):
    """(annotation value, object it covers) for every suppression annotation of a unit's Kubernetes objects."""
    seen: set[int] = set()
    if unit.yaml is not None:
        for document in unit.yaml.documents:
            node = document.get("metadata", "annotations", key)
            if node is not None:
                seen.add(id(node))
                yield node, document.span
    for workload in unit.workloads:
        region = workload.document.span if workload.origin == "kubernetes" else workload.resource.block.span
        for table in (workload.object_annotations, workload.annotations):
            node = table.get(key) if table is not None else None
            if node is not None and id(node) not in seen:
                seen.add(id(node))
                yield node, region


def lock_file(directory: str):
    """The directory's ``.terraform.lock.hcl`` (the provider versions ``terraform init`` chose), if it reads.

    It is not one of the files linted: a lock file that does not parse is simply not used.
    """
    from .sources import terraform  # noqa: PLC0415

    path = lock_path(directory)
    if not os.path.lexists(path):
        return None
    try:
        return terraform.parse_file(path, read_source(path))  # read_source: a FIFO named so must not block
    except SourceError:
        return None


def lock_path(directory: str) -> str:
    return display_path(os.path.join(directory, ".terraform.lock.hcl"))
