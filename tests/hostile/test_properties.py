"""Property-based tests (hypothesis).

1. Mutations of valid templates, manifests and user data (truncation, inserted bytes, deleted
   and duplicated spans, swapped tokens) never crash the tool: no exception, no
   internal error, every TDL000 message capitalised and positioned inside the file,
   and every output format renders.
2. For arbitrary findings (unicode messages, paths with spaces and non-ASCII
   characters) the SARIF output validates against both schemas (the official one
   committed under ``tests/data/sarif/``; GitHub's from ``../shared/sarif/`` only),
   and the JSON output round-trips.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, shared_file
from sarif_schemas import official_schema
from tfdind_lint.finding import Finding, Related, Severity, Suppressed
from tfdind_lint.formats import Options, render
from tfdind_lint.linter import lint
from tfdind_lint.node import Span
from tfdind_lint.report import Report
from tfdind_lint.settings import RunSettings

PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: What a mutated file is called, by the kind of its original.
NAMES = {".tf.json": "main.tf.json", ".tf": "main.tf", ".yaml": "pod.yaml", ".toml": "user-data.toml"}
SOURCES = sorted(p for p in (ROOT / "tests").rglob("*") if p.name.endswith(tuple(NAMES)) and "hostile" not in p.parts)
TEXTS = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in SOURCES}
TOKEN = re.compile(rb"\s+|[A-Za-z0-9_.-]+|.", re.S)
#: Bytes that matter to the parsers: brackets, quotes, template and heredoc markers, YAML indicators, encodings.
INTERESTING = [b"{", b"}", b"[", b"]", b"(", b")", b'"', b"'", b"${", b"%{", b"}}", b"<<EOT\n", b"<<-EOT\n", b"\nEOT\n",
               b"\\", b"#", b"//", b"/*", b"*/", b"\n", b"\r", b"\r\n", b"\t", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xe2\x80\xae",
               b"---\n", b"...\n", b"&a ", b"*a", b"<<: *a\n", b"!!python/object/apply:os.system ", b"{{ .Values.x }}",
               b": ", b"- ", b"? ", b"|\n", b">-\n", b"=", b"...", b"=>", b"~", b"%%{", b"$${", b"dynamic ", b"for x in "]


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    """(file name, bytes): a corpus file with one to three mutations."""
    name = draw(st.sampled_from(sorted(TEXTS)))
    data = TEXTS[name]
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "insert", "delete", "duplicate", "swap"]))
        a = draw(st.integers(0, len(data)))
        if kind == "truncate":
            data = data[:a]
        elif kind == "insert":
            data = data[:a] + draw(st.sampled_from(INTERESTING) | st.binary(min_size=1, max_size=6)) + data[a:]
        elif kind in ("delete", "duplicate"):
            b = draw(st.integers(a, min(len(data), a + 40)))
            data = data[:a] + data[b:] if kind == "delete" else data[:b] + data[a:b] + data[b:]
        else:
            tokens = TOKEN.findall(data)
            if len(tokens) >= 2:
                i, j = draw(st.integers(0, len(tokens) - 1)), draw(st.integers(0, len(tokens) - 1))
                tokens[i], tokens[j] = tokens[j], tokens[i]
                data = b"".join(tokens)
    return next(NAMES[suffix] for suffix in NAMES if name.endswith(suffix)), data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("mutations")


@PROPERTY
@given(case=mutated())
def test_mutated_inputs_never_crash(case, scratch):
    name, data = case
    for old in scratch.iterdir():
        old.unlink()
    (scratch / name).write_bytes(data)
    settings_ = RunSettings()
    report = lint([str(scratch / name)], settings_)
    assert report.internal_errors == 0, [f.message for f in report.findings if f.rule == "TDL999"]
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for f in report.findings:
        assert 1 <= f.span.line <= lines + 1 and f.span.column >= 1, f
        if f.rule == "TDL000":
            assert f.message[:1].isupper(), f.message
    for fmt in ("text", "json", "sarif"):
        assert render(fmt, report, settings_, Options())


# ------------------------------------------------------------------------------------------------
# Arbitrary findings: SARIF validates, JSON round-trips
# ------------------------------------------------------------------------------------------------

SETTINGS = RunSettings()  # loading the policies once: every example renders with them
POLICIES = SETTINGS.policies
SEGMENT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\\x00"), min_size=1, max_size=12).filter(
    lambda s: s not in (".", ".."))
PATH = st.lists(SEGMENT, min_size=1, max_size=3).map("/".join) | st.lists(SEGMENT, min_size=1, max_size=2).map(
    lambda parts: "/" + "/".join(parts))
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
OPTIONAL = st.just("") | TEXT


@st.composite
def spans(draw, path=None) -> Span:
    line = draw(st.integers(1, 10_000))
    column = draw(st.integers(1, 500))
    end_line = draw(st.integers(line, line + 50))
    end_column = draw(st.integers(column + 1 if end_line == line else 1, 600))
    return Span(path or draw(PATH), line, column, end_line, end_column)


@st.composite
def suppressions(draw) -> Suppressed:
    kind = draw(st.sampled_from(["inline", "file", "annotation", "config", "baseline"]))
    return Suppressed(kind, draw(TEXT), None if kind == "baseline" else draw(spans()),
                      draw(st.none() | st.dates().map(lambda d: d.isoformat())))


@st.composite
def findings(draw) -> Finding:
    rule = draw(st.sampled_from(sorted(POLICIES)))
    return Finding(
        draw(spans()), rule, POLICIES[rule].name, draw(st.sampled_from(list(Severity))), draw(TEXT),
        subject=draw(OPTIONAL), attribute=draw(OPTIONAL),
        related=tuple(draw(st.lists(st.builds(Related, spans(), TEXT), max_size=2))),
        suppressed=draw(st.none() | suppressions()), hint=draw(OPTIONAL),
    )


@st.composite
def reports(draw) -> Report:
    found = sorted(draw(st.lists(findings(), max_size=6)), key=Finding.sort_key)
    return Report(found, sorted({f.span.path for f in found}), draw(st.lists(st.tuples(PATH, TEXT), max_size=2)),
                  internal_errors=sum(f.rule == "TDL999" for f in found))


@pytest.fixture(scope="module")
def official_validator():
    """The official schema, committed under tests/data/sarif/ (there on every supported Python)."""
    return jsonschema.Draft4Validator(official_schema())


@pytest.fixture(scope="module")
def github_validator():
    schema = json.loads(shared_file("sarif/github-codeql-sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _sarif(report: Report, include_suppressed: bool) -> dict:
    options = Options(sarif_include_suppressed=include_suppressed, sarif_category="hostile/é space")
    return json.loads(render("sarif", report, SETTINGS, options))


def test_a_kind_that_is_a_mapping_is_no_internal_error(tmp_path):
    """Found by test_mutated_inputs_never_crash: TDL505's node-label search hashed a mapping ``kind``."""
    (tmp_path / "pod.yaml").write_text(
        "apiVersion: v1\nkind:\n  name: sysbox-with-dind\nmetadata:\n  name: x\nspec:\n"
        "  runtimeClassName: sysbox-runc\n  containers:\n    - name: a\n      image: b\n", encoding="utf-8")
    report = lint([str(tmp_path / "pod.yaml")], RunSettings())
    assert [f.message for f in report.findings if f.rule == "TDL999"] == []


@settings(PROPERTY, max_examples=40)
@given(report=reports(), include_suppressed=st.booleans())
def test_sarif_validates_against_the_official_schema(official_validator, report, include_suppressed):
    official_validator.validate(_sarif(report, include_suppressed))


@settings(PROPERTY, max_examples=40)
@given(report=reports(), include_suppressed=st.booleans())
def test_sarif_validates_against_githubs_schema(github_validator, report, include_suppressed):
    github_validator.validate(_sarif(report, include_suppressed))


def _from_json(item: dict) -> Finding:
    def span(d: dict) -> Span:
        return Span(d["path"], d["line"], d["column"], d["end_line"], d["end_column"])

    return Finding(
        span(item), item["rule"], item["name"], Severity.parse(item["severity"]), item["message"],
        subject=item["subject"], attribute=item["attribute"],
        related=tuple(Related(span(r), r["message"]) for r in item["related"]),
        suppressed=_suppressed_from_json(item["suppressed"]), hint=item["hint"] or "",
    )


def _suppressed_from_json(item: dict | None) -> Suppressed | None:
    if item is None:
        return None
    where = item["location"]
    span = Span(where["path"], where["line"], where["column"], where["end_line"], where["end_column"]) if where else None
    return Suppressed(item["kind"], item["reason"], span, item["until"])


@PROPERTY
@given(report=reports())
def test_json_round_trips(report):
    document = json.loads(render("json", report, SETTINGS, Options()))
    assert [_from_json(item) for item in document["findings"]] == report.findings
    assert [(s["path"], s["reason"]) for s in document["skipped"]] == report.skipped
