"""lazy_re.py: patterns compiled on first use, and guarded ones that answer text lacking their literals at once."""

from __future__ import annotations

import _sre
import ast
import importlib
import os
import pkgutil
import re
import subprocess
import sys

import pytest

import tfdind_lint
from conftest import ROOT
from tfdind_lint import lazy_re
from tfdind_lint.lazy_re import GuardedPattern, LazyPattern


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re():
    pattern = LazyPattern(r"(?P<word>\w+)-(\d+)", re.I)
    assert "search" not in vars(pattern)
    assert pattern.search("x ab-12").group("word") == "ab"
    assert "search" in vars(pattern)
    assert (pattern.pattern, pattern.flags & re.I, pattern.groups) == (r"(?P<word>\w+)-(\d+)", re.I, 2)
    assert pattern.sub("<>", "a-1 b-2") == "<> <>"


def test_a_guarded_pattern_does_not_compile_for_text_without_its_literals(monkeypatch):
    pattern = GuardedPattern(r"(?:^|\s)podman(\s|$)", ("podman",))
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real(*args))
    assert pattern.search("docker run x") is None and pattern.match("docker") is None
    assert pattern.fullmatch("docker") is None and pattern.findall("x") == [] and list(pattern.finditer("x")) == []
    assert compiled == []
    assert pattern.search("sudo podman run").span() == (4, 12)
    assert len(compiled) == 1


@pytest.mark.parametrize("text", ["", "podman", " podman ", "xpodman", "podman\npodman ps", "dockerd", "PODMAN"])
def test_a_guarded_pattern_answers_as_the_compiled_one(text):
    guarded = GuardedPattern(r"(?:^|\s)podman(\s|$)", ("podman",), re.M)
    plain = re.compile(r"(?:^|\s)podman(\s|$)", re.M)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert guarded.findall(text) == plain.findall(text)
    for method in ("search", "match", "fullmatch"):
        got, want = getattr(guarded, method)(text), getattr(plain, method)(text)
        assert (got and got.span()) == (want and want.span())
    assert guarded.sub("-", text) == plain.sub("-", text)


def _guarded_patterns() -> list[tuple[str, GuardedPattern]]:
    found = []
    for info in pkgutil.walk_packages(tfdind_lint.__path__, "tfdind_lint."):
        if info.name.startswith("tfdind_lint.server"):  # needs the lsp extra
            continue
        module = importlib.import_module(info.name)
        found += [(f"{info.name}.{name}", value) for name, value in vars(module).items()
                  if isinstance(value, GuardedPattern)]
    return found


GUARDED = _guarded_patterns()


def _corpus() -> list[str]:
    """Every template, manifest and configuration the tests and examples hold: their lines and whole texts."""
    texts = []
    for directory in ("examples", "tests"):
        for path in sorted((ROOT / directory).rglob("*")):
            if path.is_file() and path.suffix in (".tf", ".yaml", ".yml", ".toml", ".json", ".sh"):
                text = path.read_text(encoding="utf-8", errors="replace")
                texts += [text, *text.splitlines()]
    return texts


def test_the_package_has_guarded_patterns():
    assert {name.rsplit(".", 1)[1] for name, _ in GUARDED} >= {"_SYSTEMD", "STARTS_DOCKER", "_PODMAN", "_DIRECTIVE"}


@pytest.mark.parametrize(("name", "guarded"), GUARDED, ids=[name for name, _ in GUARDED])
def test_each_guarded_pattern_needs_its_literals_on_every_text_of_the_repository(name, guarded):
    """A literal missing from ``needs`` would silence a pattern on text that matches it: none does, on any
    template, manifest or configuration the repository holds (or their lines)."""
    plain = re.compile(*guarded._source)
    binary = isinstance(guarded._source[0], bytes)
    for text in (t.encode("utf-8") if binary else t for t in _corpus()):
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text[:200])
        if not guarded._could_match(text):
            assert plain.search(text) is None, (name, text[:200])


# --- the precompiled table (tfdind_lint/pattern_code/cpXY.py) ---------------------------------------------------

REGENERATE = ("regenerate tfdind_lint/pattern_code/ with each interpreter: "
              "python -c 'from tfdind_lint.lazy_re import write_table; write_table()'")


def _table_module():
    try:
        return importlib.import_module(lazy_re.table_module())
    except ImportError:
        pytest.skip(f"no precompiled patterns for Python {sys.version_info[0]}.{sys.version_info[1]}")


def test_the_flags_are_those_of_re():
    assert (lazy_re.I, lazy_re.M, lazy_re.S, lazy_re.X, lazy_re.A) == (re.I, re.M, re.S, re.X, re.A)
    assert all(type(flag) is int for flag in (lazy_re.I, lazy_re.M, lazy_re.S, lazy_re.X, lazy_re.A))


def test_every_pattern_of_the_package_is_in_the_running_interpreters_table():
    """In a fresh interpreter (this suite makes patterns of its own): every module imported, every LazyPattern and
    GuardedPattern made has its code in the table of this Python version, for this regular-expression engine."""
    module = _table_module()
    assert (module.MAGIC, module.CODESIZE) == (_sre.MAGIC, _sre.CODESIZE), REGENERATE
    code = ("import sys\nfrom tfdind_lint import lazy_re\nlazy_re.import_package()\n"
            "sys.stdout.write(repr(sorted(set(lazy_re.REGISTERED), key=repr)))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    registered = ast.literal_eval(result.stdout)
    assert len(registered) > 50
    missing = [source for source in registered if source not in module.PATTERNS]
    assert missing == [], REGENERATE


def test_each_precompiled_pattern_is_the_one_re_compiles_and_matches_the_same(monkeypatch):
    """Pattern objects are equal when their pattern, flags and code are: the table's code is re's."""
    module = _table_module()
    monkeypatch.setattr(lazy_re, "_TABLE", [])
    texts = [line for line in _corpus()[:400] if len(line) < 2000]
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: pytest.fail(f"{args} compiled by re"))
    for (pattern, flags) in module.PATTERNS:
        ours = lazy_re.compile(pattern, flags)
        theirs = real(pattern, flags)
        assert ours == theirs, (pattern, REGENERATE)
        assert (ours.groups, ours.groupindex, ours.flags) == (theirs.groups, theirs.groupindex, theirs.flags)
        for text in (t.encode("utf-8") if isinstance(pattern, bytes) else t for t in texts):
            assert [m.group(0, *range(1, ours.groups + 1)) for m in ours.finditer(text)] == \
                   [m.group(0, *range(1, theirs.groups + 1)) for m in theirs.finditer(text)], (pattern, text)


def _compiled_by_re(monkeypatch) -> list:
    calls = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: calls.append(args) or real(*args))
    return calls


def test_a_pattern_not_in_the_table_is_compiled_by_re(monkeypatch):
    calls = _compiled_by_re(monkeypatch)
    pattern = LazyPattern(r"(?P<n>\d+) not in the table", lazy_re.I)
    assert pattern.search("x 12 NOT IN THE TABLE").group("n") == "12"
    assert calls == [(r"(?P<n>\d+) not in the table", re.I)]


@pytest.mark.parametrize("mismatch", ["magic", "byte order", "version"])
def test_a_table_of_another_engine_or_version_is_not_used(monkeypatch, mismatch):
    """Another _sre.MAGIC, a big-endian machine, or no table for the running version (Python 3.14): re.compile,
    with the same result."""
    module = _table_module()
    source = next(iter(module.PATTERNS))
    if mismatch == "magic":
        monkeypatch.setattr(module, "MAGIC", module.MAGIC + 1)
    elif mismatch == "byte order":
        monkeypatch.setattr(sys, "byteorder", "big" if sys.byteorder == "little" else "little")
    else:
        monkeypatch.setattr(lazy_re, "table_module", lambda: "tfdind_lint.pattern_code.cp399")
    monkeypatch.setattr(lazy_re, "_TABLE", [])
    calls = _compiled_by_re(monkeypatch)
    assert lazy_re.compile(*source) == re.compile(*source)
    assert calls[0] == source and lazy_re._TABLE == [{}]


def test_the_table_is_used_when_it_matches(monkeypatch):
    module = _table_module()
    monkeypatch.setattr(lazy_re, "_TABLE", [])
    calls = _compiled_by_re(monkeypatch)
    for source in list(module.PATTERNS)[:5]:
        assert lazy_re.compile(*source).pattern == source[0]
    assert calls == [] and lazy_re._TABLE == [module.PATTERNS]


def test_the_table_source_holds_plain_data():
    """What write_table() writes: integers, strings, bytes, tuples and dicts, for this interpreter's engine; the code
    as little-endian words of CODESIZE bytes."""
    namespace = {}
    exec(lazy_re.table_source(), namespace)
    assert (namespace["MAGIC"], namespace["CODESIZE"], namespace["BYTEORDER"]) == (_sre.MAGIC, _sre.CODESIZE, "little")
    for (pattern, flags), (final_flags, code, groups, groupindex, indexgroup) in namespace["PATTERNS"].items():
        assert type(flags) is int and type(final_flags) is int and type(code) is bytes
        assert len(code) % _sre.CODESIZE == 0
        words = [int.from_bytes(code[i:i + _sre.CODESIZE], "little") for i in range(0, len(code), _sre.CODESIZE)]
        assert _sre.compile(pattern, final_flags, words, groups, groupindex, indexgroup) == re.compile(pattern, flags)
