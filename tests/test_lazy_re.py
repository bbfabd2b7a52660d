"""lazy_re.py: patterns compiled on first use, and guarded ones that answer text lacking their literals at once."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import tfdind_lint
from conftest import ROOT
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
