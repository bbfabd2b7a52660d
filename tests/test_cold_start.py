"""Cold start: a run imports only what it needs, and reads the built-in policies without a YAML parser."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import PADDING_TF, ROOT, imported_modules
from tfdind_lint import policy
from tfdind_lint.finding import Severity
from tfdind_lint.resources import data_dir
from tfdind_lint.sources import terraform

HEAVY = ("ruamel", "jsonschema", "sarif_om", "multiprocessing", "concurrent", "pygls", "lsprotocol")


def imported_by(*argv: str) -> set[str]:
    """The top-level packages a command line imports, run in a fresh interpreter."""
    return {name.split(".")[0] for name in imported_modules(*argv, cwd=ROOT)}


def test_linting_terraform_imports_no_yaml_schema_sarif_or_pool():
    modules = imported_by("--no-cache", "examples/dind-docker/good/main.tf")
    assert "tfdind_lint" in modules and not modules & {"lark", "hcl2"}  # our own HCL parser
    assert not modules & set(HEAVY)


def test_a_terraform_file_imports_no_other_reader_and_nothing_for_rare_paths(tmp_path):
    """Each of these costs 1-4 ms of a pre-commit run that does not need it: the other readers, TOML for a
    pyproject.toml that only mentions our table in a comment, shutil (argparse asks it the terminal's width), the
    baseline's module when there is no baseline, the pool, the server."""
    template = tmp_path / "main.tf"
    template.write_bytes((ROOT / "examples/dind-docker/bad/main.tf").read_bytes())
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[project.scripts]\ntfdind-lint = "x:y"\n'
                                             '# settings: see [tool.tfdind-lint] in the docs\n')
    modules = imported_modules("--no-cache", str(template), cwd=tmp_path)
    assert "tfdind_lint.sources.terraform" in modules
    unexpected = {"tfdind_lint.sources.kubernetes", "tfdind_lint.sources.toml", "tfdind_lint.sources.terraform_json",
                  "datetime", "tomllib", "tfdind_lint.server", "shutil", "tfdind_lint.baseline", "tfdind_lint.cache",
                  "tfdind_lint.schema", "concurrent.futures", "multiprocessing", "ruamel.yaml", "jsonschema",
                  # typing (5 ms: TYPE_CHECKING is defined where it is used), decimal (resource quantities), difflib
                  # (did-you-mean suggestions)
                  "typing", "decimal", "difflib",
                  # argparse reads only the command lines quick_arguments.py leaves it; gettext and locale come with it
                  "argparse", "gettext", "locale",
                  # the built-in policies are a Python module (policy_index.py); json is for JSON input and reports
                  "json",
                  # rules and formats are imported with __import__
                  "importlib",
                  # --fix's module (the report's fix markers need only fix.FixSelection)
                  "tfdind_lint.autofix",
                  # the reading of a configuration file: there is none (the pyproject.toml has no table of ours)
                  "tfdind_lint.config_file",
                  # the progress line (stderr is not a terminal) and the checks of files to write (none named)
                  "tfdind_lint.progress", "tfdind_lint.writes",
                  # the other commands (rules, explain, server)
                  "tfdind_lint.commands",
                  # the suppression grammar: the template has no suppression comment nor annotation
                  "tfdind_lint.suppress_syntax",
                  # extension modules (each a shared library to load): the policy index compares bytes, no CRC
                  "zlib"} & modules
    assert unexpected == set()


def test_a_terraform_file_creates_no_dataclass_and_imports_no_dataclasses(tmp_path):
    """The model classes are written on record.py's bases: ``@dataclass`` compiles each generated method when the
    class is created (0.3-1 ms a class), and importing ``dataclasses`` brings ``inspect``, ``ast``, ``dis`` and
    ``tokenize`` (about 15 ms).  A fix or a finding (fix.py, finding.py) is a record too."""
    template = tmp_path / "main.tf"
    template.write_bytes((ROOT / "examples/dind-docker/bad/main.tf").read_bytes())
    modules = imported_modules("--no-cache", str(template), cwd=tmp_path)
    assert "tfdind_lint.finding" in modules and "tfdind_lint.fix" in modules
    assert not modules & {"dataclasses", "inspect", "ast", "dis", "tokenize"}


def test_a_terraform_file_imports_neither_re_nor_enum_nor_functools_nor_collections(tmp_path):
    """The package's patterns are compiled by ``_sre`` from precompiled code (lazy_re.py, pattern_code/): importing
    ``re`` and running its compiler, with ``enum``, ``functools`` and ``collections``, cost a one-file run more
    than all its rules (docs/benchmarks.md).  ``fnmatch`` imports re: it is imported where a glob is matched.
    A YAML or TOML file still imports them all: ruamel.yaml and tomllib import re themselves."""
    if sys.implementation.name != "cpython" or not (3, 10) <= sys.version_info[:2] <= (3, 13):
        pytest.skip("patterns are precompiled for CPython 3.10 to 3.13; others compile them with re")
    template = tmp_path / "main.tf"
    template.write_bytes((ROOT / "examples/dind-docker/bad/main.tf").read_bytes())
    modules = imported_modules("--no-cache", str(template), cwd=tmp_path)
    assert "tfdind_lint.pattern_code" in modules  # patterns were compiled, from the table
    # types (SimpleNamespace), operator (attrgetter) and bisect (bisect_right) too: their C halves, or their
    # objects, are at hand without them
    assert not modules & {"re", "enum", "functools", "fnmatch", "sre_compile", "sre_parse", "collections",
                          "collections.abc", "types", "operator", "bisect"}


def test_a_pyproject_table_is_still_found_after_the_cheap_look(tmp_path):
    """The look that spares TOML parsing still finds every way of writing the table (and passes over comments)."""
    from tfdind_lint.config import _MENTIONS_TABLE

    found = ['[tool.tfdind-lint]\n', '  [ tool . "tfdind-lint" ]\n', '[[tool.tfdind-lint.overrides]]\n',
             'tool.tfdind-lint.select = ["TDL4"]\n', '[tool]\n"tfdind-lint" = {}\n', '\ufeff[tool.tfdind-lint]\n']
    passed_over = ['# see [tool.tfdind-lint]\n', 'name = "tfdind-lint"\n', 'x = 1  # tool.tfdind-lint.select\n']
    assert [bool(_MENTIONS_TABLE.search(text)) for text in found] == [True] * len(found)
    assert [bool(_MENTIONS_TABLE.search(text)) for text in passed_over] == [False] * len(passed_over)


def test_version_imports_no_parser():
    modules = imported_by("--version")
    assert not modules & {"hcl2", "lark", *HEAVY}


def test_yaml_is_read_with_ruamel():
    assert "ruamel" in imported_by("--no-cache", "examples/sysbox-kubernetes/good/runtimeclass.yaml")


def test_a_run_reads_no_policy_texts():
    """Help and sources (three quarters of the policies' data) are read by explain, SARIF and the documentation."""
    assert "tfdind_lint.policy_texts" not in imported_modules("--no-cache", "examples/dind-docker/bad/main.tf", cwd=ROOT)
    assert "tfdind_lint.policy_texts" in imported_modules("--no-cache", "--format", "sarif", "examples/dind-docker/bad/main.tf",
                                                          cwd=ROOT)


def test_index_policies_read_their_texts_on_first_use():
    indexed = policy.builtin_policies()["TDL401"]
    from_file = policy.load_directory(data_dir("policies"))["TDL401"]
    assert indexed.help == from_file.help and indexed.help.startswith("## What it does")
    assert indexed.sources == from_file.sources and indexed.sources[0].url.startswith("https://")


def test_the_policy_index_is_fresh():
    """tfdind_lint/policy_index.py must match policies/*.yaml: regenerate it with
    `python -c 'from tfdind_lint.policy import write_index; write_index()'` after editing a policy."""
    directory = data_dir("policies")
    assert policy._read_index(directory) is not None, "tfdind_lint/policy_index.py is stale: " + (test_the_policy_index_is_fresh.__doc__ or "")
    from_files = policy.load_directory(directory)
    from_index = policy.builtin_policies.__wrapped__()  # not a result kept by another test
    assert all(p._help is None and p._sources is None for p in from_index.values())  # read on first use
    assert list(from_index) == sorted(from_files) and from_index == dict(sorted(from_files.items()))
    for rule, indexed in from_index.items():
        for field in policy.Policy._fields:  # parameters too, which equality leaves out; the same types too
            value, expected = getattr(indexed, field), getattr(from_files[rule], field)
            assert value == expected and type(value) is type(expected), (rule, field, value, expected)


def copy_policies(directory):
    for path in data_dir("policies").glob("*.yaml"):
        (directory / path.name).write_bytes(path.read_bytes())
    return directory


def changed_byte(data: bytes) -> bytes:
    """``data`` with one byte of its summary changed (the same length)."""
    at = data.index(b"summary: ") + len(b"summary: ")
    return data[:at] + (b"Y" if data[at:at + 1] == b"X" else b"X") + data[at + 1:]


STALE = {
    "grown": lambda path: path.write_bytes(path.read_bytes() + b"\n"),
    "grown by a NUL byte": lambda path: path.write_bytes(path.read_bytes() + b"\0"),
    "shrunk": lambda path: path.write_bytes(path.read_bytes()[:-1]),
    "emptied": lambda path: path.write_bytes(b""),
    "one byte changed": lambda path: path.write_bytes(changed_byte(path.read_bytes())),
    "removed": lambda path: path.unlink(),
    "a directory instead": lambda path: (path.unlink(), path.mkdir()),
    "another policy file": lambda path: (path.parent / "TDL998-new.yaml").write_bytes(path.read_bytes()),
    "renamed": lambda path: path.rename(path.with_name("TDL001-renamed.yaml")),
}


@pytest.mark.parametrize("change", sorted(STALE))
def test_a_stale_index_is_not_used(tmp_path, change):
    copy_policies(tmp_path)
    assert policy._read_index(tmp_path) is not None
    STALE[change](tmp_path / "TDL001-undeclared-variable.yaml")
    assert policy._read_index(tmp_path) is None


def test_a_file_that_is_no_policy_file_does_not_make_the_index_stale(tmp_path):
    copy_policies(tmp_path)
    (tmp_path / "README.md").write_text("policies\n", encoding="utf-8")
    (tmp_path / "TDL001-undeclared-variable.yaml.orig").write_text("id: TDL001\n", encoding="utf-8")
    assert policy._read_index(tmp_path) is not None


def test_an_index_of_other_fields_is_not_used(tmp_path, monkeypatch):
    copy_policies(tmp_path)
    monkeypatch.setattr(policy, "INDEX_FIELDS", policy.INDEX_FIELDS[:-1])
    assert policy._read_index(tmp_path) is None


def test_a_stale_index_gives_the_policies_of_the_files(tmp_path, monkeypatch):
    path = copy_policies(tmp_path) / "TDL001-undeclared-variable.yaml"
    path.write_bytes(changed_byte(path.read_bytes()))
    monkeypatch.setattr(policy, "data_path", lambda name: str(tmp_path))
    policies = policy.builtin_policies.__wrapped__()
    assert policies["TDL001"].summary == policy.load_directory(tmp_path)["TDL001"].summary
    assert policies["TDL001"].summary != policy.builtin_policies()["TDL001"].summary
    assert policies["TDL001"].help.startswith("## What it does")  # from the file, not policy_texts.py


def test_the_index_is_the_policy_files_as_python_data(tmp_path):
    """What write_index() writes loads back as the files' bytes and each policy's fields as parse_policy makes
    them; their help and sources in the second module."""
    for path in data_dir("policies").glob("TDL00*.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "TDL101-sysbox-runtime-missing.yaml").write_bytes(  # one with parameters
        data_dir("policies").joinpath("TDL101-sysbox-runtime-missing.yaml").read_bytes())
    namespace, texts = {"__name__": "tfdind_lint.policy_index", "__package__": "tfdind_lint"}, {}
    index_text, texts_text = policy.index_sources(tmp_path)
    exec(index_text, namespace)
    exec(texts_text, texts)
    files = sorted(tmp_path.glob("*.yaml"))
    assert namespace["FILES"] == {p.name: p.read_bytes() for p in files}
    assert namespace["FIELDS"] == policy.INDEX_FIELDS
    data = [policy.read_policy_file(p) for p in files]
    parsed = [policy.parse_policy(d, str(p)) for p, d in zip(files, data)]
    assert namespace["POLICIES"] == [(p.name, tuple(getattr(q, field) for field in policy.INDEX_FIELDS))
                                     for p, q in zip(files, parsed)]
    severity = policy.INDEX_FIELDS.index("severity")
    assert all(type(fields[severity]) is Severity for _, fields in namespace["POLICIES"])
    assert namespace["POLICIES"][-1][1][policy.INDEX_FIELDS.index("parameters")]["runtimes"] == ["sysbox-runc"]
    assert texts["TEXTS"] == {d["id"]: (d["help"], d.get("sources", [])) for d in data}
    assert "help" in data[0] and "sources" in data[0]
    assert [name for name, _ in namespace["POLICIES"]][:2] == ["TDL000-parse-error.yaml",
                                                               "TDL001-undeclared-variable.yaml"]


def test_the_index_is_written_from_valid_policy_files_only(tmp_path):
    copy_policies(tmp_path)
    (tmp_path / "TDL998-twice.yaml").write_bytes((tmp_path / "TDL001-undeclared-variable.yaml").read_bytes())
    with pytest.raises(policy.PolicyError, match="duplicate policy id TDL001"):
        policy.index_sources(tmp_path)
    (tmp_path / "TDL998-twice.yaml").write_text("id: TDL998\nname: no-severity\n", encoding="utf-8")
    with pytest.raises(policy.PolicyError, match="invalid policy"):
        policy.index_sources(tmp_path)


def test_the_hcl_parser_imports_only_the_standard_library():
    code = ("import sys\nbefore = set(sys.modules)\nimport tfdind_lint.sources.hcl.parser\n"
            "print(' '.join(sorted({m.split('.')[0] for m in set(sys.modules) - before})))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    imported = set(result.stdout.split())
    assert "tfdind_lint" in imported
    assert imported - {"tfdind_lint"} <= set(sys.stdlib_module_names)


@pytest.mark.parametrize("name", ["main.tf"])
def test_spans_come_from_tokens(name):
    """Without Lark's propagated positions, a multi-line expression still spans from its first to its last token."""
    parsed = terraform.parse_file(name, b'locals {\n  x = [\n    "a",\n    "b",\n  ]\n}\n')
    node = parsed.body.blocks[0].attributes["x"]
    assert (node.span.line, node.span.column, node.span.end_line, node.span.end_column) == (2, 7, 5, 4)


def test_a_console_script_check_freezes_what_start_up_made_and_collects_during_the_run():
    """cli.run turns the collector off for start-up; tune_collector freezes what start-up made and turns it on."""
    code = ("import gc, os, sys\nfrom tfdind_lint import cli\nexit_now = os._exit\n"
            "def report(code):\n"
            "    sys.stderr.write(f'\\nGC {gc.isenabled()} {gc.get_freeze_count() > 1000} {gc.get_threshold()}')\n"
            "    exit_now(code)\n"
            "os._exit = report\ncli.run()\n")
    result = subprocess.run([sys.executable, "-c", code, "--no-cache", "examples/dind-docker/good/main.tf"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.rsplit("\nGC ", 1)[1] == "True True (10000, 10, 10)"


def test_tune_collector_freezes_nothing_when_the_collector_is_on():
    """As in a worker process or a library call: only the console script's start-up is frozen."""
    import gc

    from tfdind_lint.pieces import tune_collector

    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        tune_collector()
        assert gc.isenabled() and gc.get_freeze_count() == frozen and gc.get_threshold() == (10000, 10, 10)
    finally:
        gc.set_threshold(*threshold)


def test_the_language_server_runs_with_the_collector_on(monkeypatch):
    """A long-lived process: the collector cli.run turned off is on again before serving."""
    import gc

    pytest.importorskip("pygls")
    pytest.importorskip("lsprotocol")
    from tfdind_lint import cli, server

    seen = []
    monkeypatch.setattr(server, "main", lambda: seen.append(gc.isenabled()) or 0)
    gc.disable()
    try:
        assert cli.main(["server"]) == 0
    finally:
        gc.enable()
    assert seen == [True]


def test_a_cached_run_imports_neither_tempfile_nor_importlib_nor_the_yaml_library(tmp_path, monkeypatch):
    """The cache writes its entries with os.open (tempfile brings shutil, random, bz2 and lzma), finds the YAML
    library's files for its key without importing it or importlib.util, and hashes without hashlib (OpenSSL),
    on a miss as on a hit."""
    template = tmp_path / "main.tf"
    template.write_bytes((ROOT / "examples/dind-docker/bad/main.tf").read_bytes())
    (tmp_path / "padding.tf").write_text(PADDING_TF, encoding="utf-8")  # a run large enough to use the cache
    monkeypatch.setenv("TFDIND_LINT_CACHE_DIR", str(tmp_path / "cache"))
    for _ in ("miss", "hit"):
        modules = imported_modules(str(template), cwd=tmp_path)
        assert "tfdind_lint.cache" in modules
        assert not modules & {"tempfile", "shutil", "random", "importlib.util", "ruamel", "ruamel.yaml", "hashlib"}
    assert list((tmp_path / "cache").rglob("*"))  # an entry was written
