"""What the per-rule fixtures cover: source forms (true and clean cases) and parameters, as a table.

docs/testing.md holds the table between its ``coverage-table`` comments; regenerate it with
``TFDIND_UPDATE_GOLDEN=1 python -m pytest tests/test_coverage.py``.  A rule's row may have a
hole (a form it reads with no firing or no clean case, a parameter no fixture sets) only
when ``HOLES`` says why, or while ``PENDING`` lists it as not filled yet.

A marker counts for the form of the block it is in: a ``docker_*`` resource is the Docker
provider, a ``kubernetes_*`` one the Kubernetes provider, any other Terraform block is
"Terraform"; a YAML document is "YAML", a TOML file "TOML".  A block or document of a form
without the rule's marker is a clean case of that form.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT, TESTS, markers
from tfdind_lint.config import Configuration
from tfdind_lint.config_file import accepted_parameters
from tfdind_lint.policy import builtin_policies

POLICIES = TESTS / "policies"
DOC = ROOT / "docs" / "testing.md"
START, END = "<!-- coverage-table:start -->", "<!-- coverage-table:end -->"
FORMS = ("Docker", "Kubernetes", "Terraform", "YAML", "TOML")
#: the forms each kind of file a policy reads (``files``) claims
CLAIMS = {"terraform": ("Docker", "Kubernetes"), "yaml": ("YAML",), "toml": ("TOML",)}
#: rules (or groups) of Terraform semantics and suppressions: they read blocks, not workloads, so every
#: Terraform block is one form for them ("Terraform"), whatever its provider; the Dev Containers rules (6xx)
#: point at the coder_* blocks (the dev container, the agent) whichever provider runs the workspace
GENERAL_RULES = ("TDL0", "TDL6", "TDL9")
#: rules that read Terraform blocks other than containers too (node definitions, RuntimeClasses, agent scripts)
TERRAFORM_RULES = ("TDL302", "TDL304", "TDL305", "TDL505", "TDL411", "TDL413", "TDL503")
NODES = "rules of node prerequisites: they read node definitions and manifests, not containers"

#: (rule, form or parameter) -> why that cell may stay empty.  A prefix of a rule id names a group.
HOLES = {
    ("TDL301", "Docker"): "FUSE device-plugin resources exist only in Kubernetes",
    ("TDL302", "Docker"): "FUSE device plugins exist only in Kubernetes",
    ("TDL303", "Docker"): "the AppArmor annotation exists only in Kubernetes",
    **{("TDL304", form): NODES for form in ("Docker", "Kubernetes")},
    **{("TDL305", form): NODES for form in ("Docker", "Kubernetes")},
    ("TDL305", "YAML"): "Bottlerocket user data in YAML is read from Karpenter EC2NodeClass objects (counted as YAML)",
    ("TDL102", "Docker"): "user namespaces of Sysbox pods: Kubernetes only (Docker's Sysbox sets them up itself)",
    ("TDL107", "Docker"): "the CRI-O annotation of Terraform pods: Kubernetes only",
    ("TDL409", "Docker"): "RULES.md scope: Kubernetes only (Docker backs VOLUME with an anonymous volume)",
    ("TDL505", "Docker"): "RuntimeClass objects: Kubernetes only",
    ("TDL505", "Terraform"): "it points at RuntimeClasses and pods (kubernetes_* resources, YAML); other Terraform "
                             "blocks (node groups) only apply the installer's label: clean cases",
    ("TDL504", "Docker"): "shareProcessNamespace is a pod field: Kubernetes only",
    ("TDL506", "Docker"): "hostUsers is a pod field: Kubernetes only",
    ("TDL405", "Kubernetes"): "RULES.md scope: Docker provider only (a pod's containers share one network namespace)",
    ("TDL406", "Kubernetes"): "RULES.md scope: Docker provider only (a sidecar lives and dies with its pod)",
}

#: Holes nobody has filled yet: known, listed so the table shows them; filling one makes the test ask for its
#: removal here.  (rule, form or parameter) -> what is missing.
PENDING: dict[tuple[str, str], str] = {}


def _allowed(rule: str, cell: str) -> str | None:
    for (prefix, name), reason in HOLES.items():
        if name == cell and rule.startswith(prefix):
            return reason
    return None


def _blocks(path: Path) -> list[tuple[str, int, int]]:
    """(form, first line, last line) of each top-level block or document of a fixture file."""
    text = path.read_text(encoding="utf-8").split("\n")
    if path.name.endswith((".yaml", ".yml")):
        starts = [0] + [i for i, line in enumerate(text) if line.startswith("---")]
        ends = starts[1:] + [len(text)]
        return [("YAML", a + 1, b) for a, b in zip(starts, ends) if any(
            l.strip() and not l.lstrip().startswith("#") and not l.startswith("---") for l in text[a:b])]
    if path.suffix == ".toml":
        return [("TOML", 1, len(text))]
    if path.name.endswith(".tf.json"):
        return [("Terraform", 1, len(text))]
    blocks = []
    current = None
    for i, line in enumerate(text, start=1):
        m = re.match(r'(resource|data|terraform|variable|locals|module|output|provider)\b(?:\s+"([^"]+)")?', line)
        if m and current is None:
            kind = m.group(2) or ""
            form = ("Docker" if kind.startswith("docker_") else "Kubernetes" if kind.startswith("kubernetes_")
                    else "Terraform")
            current = (form, i)
            if line.rstrip().endswith("}") and line.count("{") == line.count("}"):
                blocks.append((form, i, i))
                current = None
        elif current is not None and line.startswith("}"):
            blocks.append((current[0], current[1], i))
            current = None
    return blocks


def coverage(rule: str) -> dict:
    """{form: (firing blocks, clean blocks)} and {parameter: fixture directories setting it} for one rule."""
    directory = POLICIES / rule
    marked = defaultdict(set)
    for m in markers(directory):
        if m.rule == rule:
            marked[m.path].add(m.line)
    forms = {form: [0, 0] for form in FORMS}
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or not path.name.endswith((".tf", ".tf.json", ".yaml", ".yml", ".toml")):
            continue
        if path.name == ".tfdind-lint.yaml":
            continue
        lines = marked.get(path.relative_to(ROOT).as_posix(), set())
        for written, first, last in _blocks(path):
            form = "Terraform" if rule.startswith(GENERAL_RULES) and written in ("Docker", "Kubernetes") else written
            fired = any(first <= line <= last for line in lines)
            forms[form][0 if fired else 1] += 1
    parameters = defaultdict(list)
    for config in sorted(directory.rglob(".tfdind-lint.yaml")):
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            sample = next(p for p in config.parent.rglob("*") if p.is_file() and p.name != config.name)
            rules = Configuration([str(config.parent.relative_to(ROOT))]).rules(str(sample.relative_to(ROOT)))
        finally:
            os.chdir(cwd)
        for name in rules.parameters.get(rule, {}):
            parameters[name].append(config.parent.relative_to(directory).as_posix())
    return {"forms": forms, "parameters": dict(parameters)}


def claimed(rule: str, policy) -> list[str]:
    """The forms a rule reads: its policy's ``files``; Terraform's other blocks for the rules that read them."""
    forms = [form for kind in policy.files for form in CLAIMS[kind]]
    if "terraform" in policy.files and rule.startswith(GENERAL_RULES):
        forms = [form for form in forms if form not in ("Docker", "Kubernetes")] + ["Terraform"]
    elif "terraform" in policy.files and rule.startswith(TERRAFORM_RULES):
        forms.append("Terraform")
    return forms


def holes(rule: str, pending: bool = False) -> list[str]:
    """The cells of a rule's row with no case and no reason in ``HOLES`` (nor in ``PENDING`` unless asked)."""
    policy = builtin_policies()[rule]
    found = coverage(rule)
    missing = []
    for form in claimed(rule, policy):
        firing, clean = found["forms"][form]
        if (not firing or not clean) and not _allowed(rule, form) and (pending or (rule, form) not in PENDING):
            missing.append(f"{form}: {'no firing case' if not firing else 'no clean case'}")
    for name in accepted_parameters(policy):
        if name not in found["parameters"] and not _allowed(rule, name) and (pending or (rule, name) not in PENDING):
            missing.append(f"parameter `{name}`: no fixture sets it")
    return missing


def table() -> str:
    """The Markdown table of docs/testing.md."""
    rows = ["| rule | " + " | ".join(FORMS) + " | parameters |", "|---|" + "---|" * len(FORMS) + "---|"]
    for rule, policy in sorted(builtin_policies().items()):
        if not (POLICIES / rule).is_dir():
            continue
        found = coverage(rule)
        cells = []
        for form in FORMS:
            firing, clean = found["forms"][form]
            if form not in claimed(rule, policy):
                cells.append("")
            elif _allowed(rule, form) and not (firing and clean):
                cells.append(f"{firing}/{clean} (n/a)")
            elif not (firing and clean):
                cells.append(f"{firing}/{clean} (pending)")
            else:
                cells.append(f"{firing}/{clean}")
        params = []
        for name in accepted_parameters(policy):
            if name in found["parameters"]:
                params.append(f"`{name}` ✓")
            else:
                params.append(f"`{name}` ({'n/a' if _allowed(rule, name) else 'pending'})")
        rows.append(f"| {rule} | " + " | ".join(cells) + f" | {', '.join(params)} |")
    return "\n".join(rows) + "\n"


RULES = sorted(r for r in builtin_policies() if (POLICIES / r).is_dir())


@pytest.mark.parametrize("rule", RULES)
def test_rule_row_has_no_unexplained_hole(rule):
    assert holes(rule) == [], f"{rule}: add fixtures, or a reason to HOLES in tests/test_coverage.py"


def test_pending_holes_are_still_holes():
    """A filled hole leaves PENDING, so the list only shrinks."""
    filled = []
    for rule, cell in PENDING:
        if not any(h.startswith((f"{cell}:", f"parameter `{cell}`")) for h in holes(rule, pending=True)):
            filled.append((rule, cell))
    assert filled == [], "remove these from PENDING in tests/test_coverage.py"


def test_the_table_in_docs_is_current():
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(START + "\n", 1)
    _, tail = rest.split(END, 1)
    current = head + START + "\n" + table() + END + tail
    if os.environ.get("TFDIND_UPDATE_GOLDEN"):
        DOC.write_text(current, encoding="utf-8")
        text = current
    assert text == current, "docs/testing.md's coverage table is stale; see the module docstring"


def test_a_hole_is_seen():
    """The counter itself: a rule directory's forms and parameters come out of its fixtures."""
    found = coverage("TDL101")
    assert found["forms"]["Docker"][0] >= 2 and found["forms"]["Docker"][1] >= 1
    assert found["parameters"]["docker_default_runtime_is_sysbox"] == ["param_default_runtime_sysbox"]
    assert "docker_default_runtime_is_sysbox" not in coverage("TDL102")["parameters"]
