"""Code actions on a finding: its fix (``fix_title``), "acknowledge with a reason", and "fix all" for a file.

``PROVIDERS`` lists functions ``provider(finding_rule, line_index, lines, path) -> list[Action]``
(insertions); the server offers every action they return for each diagnostic under the cursor,
after the finding's own fix (fix.py's edits, safe ones preferred).  ``fix_all`` gives the buffer
with every safe fix applied (the ``source.fixAll.tfdind-lint`` action).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: rules that are about the tool's input or itself: acknowledging them means nothing
NOT_ACKNOWLEDGED = frozenset({"TDL000", "TDL900", "TDL901", "TDL999"})

_HEREDOC = re.compile(r"<<-?\s*\"?([A-Za-z_][A-Za-z0-9_-]*)\"?\s*$")
_BLOCK_SCALAR = re.compile(r"^(\s*)(?:-\s+)?[^#\s][^#]*?:\s*[|>][-+0-9]*\s*(?:#.*)?$|^(\s*)-\s*[|>][-+0-9]*\s*$")


@dataclass
class Action:
    title: str
    line: int  # 0-based line where ``text`` is inserted (at column 0)
    text: str  # the inserted text, ending with a line break
    cursor: int  # where the cursor goes, as a character offset in ``text``
    preferred: bool = False


def inside_string(lines: list[str], index: int, yaml: bool) -> bool:
    """Whether 0-based line ``index`` is inside a heredoc (Terraform) or a block scalar (YAML): a comment there is text."""
    if yaml:
        owner_indent = None
        for i in range(index):
            text = lines[i]
            match = _BLOCK_SCALAR.match(text)
            if owner_indent is not None:
                if text.strip() and len(text) - len(text.lstrip()) <= owner_indent:
                    owner_indent = None
                else:
                    continue
            if match:
                owner_indent = len(match.group(1) if match.group(1) is not None else match.group(2))
        line = lines[index] if index < len(lines) else ""
        return owner_indent is not None and (not line.strip() or len(line) - len(line.lstrip()) > owner_indent)
    end = None
    for i in range(index):
        text = lines[i]
        if end is not None:
            if text.strip() == end:
                end = None
            continue
        match = _HEREDOC.search(text)
        if match:
            end = match.group(1)
    return end is not None


def acknowledge(rule: str, line: int, owner_line: int | None, lines: list[str], path: str) -> list[Action]:
    """``# tfdind-lint: ignore[RULE] -- `` on its own line above the finding's (0-based ``line``), indented like it.

    Above the object's first line (``owner_line``) instead when the finding is inside a heredoc or a block
    scalar, where a comment would be part of the text; nothing for ``.tf.json`` (JSON has no comments).
    """
    if rule in NOT_ACKNOWLEDGED or path.endswith(".json") or not lines:
        return []
    yaml = path.endswith((".yaml", ".yml"))
    target = min(line, len(lines) - 1)
    if inside_string(lines, target, yaml):
        if owner_line is None or inside_string(lines, owner_line, yaml):
            return []
        target = owner_line
    text = lines[target]
    indent = text[:len(text) - len(text.lstrip())]
    comment = f"{indent}# tfdind-lint: ignore[{rule}] -- "
    return [Action(f"Acknowledge {rule} with a reason (suppression comment)", target, comment + "\n", len(comment))]


PROVIDERS = [acknowledge]


# fixes -----------------------------------------------------------------------------------------

FIX_ALL = "source.fixAll.tfdind-lint"


def fix_title(finding) -> str | None:
    """The quick fix's title for a finding with a fix: the fix's own, marked when it is unsafe."""
    fix = finding.fix
    if fix is None or finding.suppressed is not None:
        return None
    return f"Fix {finding.rule}: {fix.title}" + ("" if fix.safe else " (unsafe: changes behaviour)")


def fix_all(text: str, findings) -> str | None:
    """The buffer with every safe fix of its findings applied (those that overlap wait: one pass, as an
    editor action is); None when there is nothing to fix."""
    from ..fix import apply  # noqa: PLC0415

    fixes = [f.fix for f in sorted((f for f in findings if f.fix is not None and f.fix.safe and f.suppressed is None),
                                   key=lambda f: f.sort_key())]
    if not fixes:
        return None
    try:
        result, applied = apply(text.encode("utf-8", "surrogatepass"), fixes)
    except UnicodeDecodeError:
        return None
    return result.decode("utf-8", "surrogatepass") if applied else None
