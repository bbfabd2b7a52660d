""""Did you mean": the nearest known word by edit distance, the same everywhere (rule ids and names,
selectors, configuration keys, suppressions, ``explain``)."""

from __future__ import annotations


def distance(a: str, b: str) -> int:
    """Edit distance: insertions, deletions, substitutions and swaps of neighbours (``TLD`` for ``TDL``) cost one."""
    before, previous = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if before is not None and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


def closest(word: str, candidates) -> str | None:
    """The candidate nearest ``word`` (case-insensitive), if it is near enough to be a typo: at most a third
    of the word's letters differ (at least one); else the shortest candidate the word begins (a name cut short,
    ``privileged-sidecar``).  Ties go to the first candidate."""
    text = word.strip().lower()
    if not text:
        return None
    candidates = list(candidates)
    best, best_distance = None, max(1, len(text) // 3) + 1
    for candidate in candidates:
        d = distance(text, candidate.lower())
        if d < best_distance:
            best, best_distance = candidate, d
    if best is None and len(text) >= 4:
        longer = [c for c in candidates if c.lower().startswith(text)]
        best = min(longer, key=len, default=None)
    return best


def did_you_mean(word: str, candidates) -> str:
    """``; did you mean `X`?`` or ""."""
    found = closest(word, candidates)
    return f"; did you mean `{found}`?" if found else ""


def rule_words(policies, groups: bool = True) -> list[str]:
    """What a user may name a rule by: ids, kebab names, then (where selectors are taken) group prefixes (``TDL4``)."""
    words = [*policies, *(p.name for p in policies.values())]
    return words + sorted({p.group for p in policies.values()}) if groups else words
