"""Terraform JSON syntax (``*.tf.json``): the same positioned tree as ``.tf``, exact positions, readable errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tfdind_lint.expression import Template, Traversal, references_in
from tfdind_lint.linter import lint
from tfdind_lint.module import Module
from tfdind_lint.settings import RunSettings
from tfdind_lint.sources import SourceError, terraform, terraform_json


def parse(text: str, path: str = "main.tf.json"):
    return terraform_json.parse_file(path, text.encode())


def refs(node) -> list[tuple[str, int, int, int]]:
    return [(r.text, r.span.line, r.span.column, r.span.end_column) for r in references_in(node)]


POD = """{
  "resource": {
    "kubernetes_pod": {
      "main": {
        "count": "${data.coder_workspace.me.start_count}",
        "metadata": {
          "name": "coder-${lower(data.coder_workspace.me.name)}",
          "labels": {"app": "dev"}
        },
        "spec": {
          "container": [
            {"name": "dev", "command": ["sh", "-c", "${coder_agent.main.init_script}"]},
            {"name": "sidecar", "image": "docker:dind"}
          ],
          "dynamic": {
            "volume": {
              "for_each": "${var.volumes}",
              "iterator": "vol",
              "content": {"name": "${vol.value}"}
            }
          }
        },
        "depends_on": ["coder_agent.main"]
      }
    }
  }
}
"""


def test_blocks_labels_and_heads():
    tf = parse(POD)
    (resource,) = tf.body.blocks
    assert (resource.type, resource.labels) == ("resource", ("kubernetes_pod", "main"))
    # the head is the innermost label, so every resource points at its own line
    assert (resource.head.line, resource.head.column, resource.head.end_column) == (4, 7, 13)
    assert (resource.span.line, resource.span.end_line) == (4, 24)
    metadata = resource.block("metadata")
    assert metadata.head.line == 6
    assert isinstance(metadata.attr("labels").value, dict), "labels is a map attribute, not a block"
    spec = resource.block("spec")
    containers = spec.blocks_of("container")
    assert [c.attr("name").value for c in containers] == ["dev", "sidecar"]
    assert [(c.head.line, c.head.column) for c in containers] == [(12, 13), (13, 13)]
    (dynamic,) = spec.dynamic("volume")
    assert dynamic.block("content") is not None


def test_attribute_positions_and_templates():
    tf = parse(POD)
    resource = tf.body.blocks[0]
    name = resource.block("metadata").attr("name")
    assert name.key == terraform.Span("main.tf.json", 7, 11, 7, 17)
    assert (name.span.line, name.span.column, name.span.end_column) == (7, 19, 65)
    assert (name.where.column, name.where.end_column) == (11, 65)
    assert isinstance(name.value, Template)
    column = POD.split("\n")[6].index("data.coder_workspace.me.name") + 1
    assert refs(name) == [("data.coder_workspace.me.name", 7, column, column + 28)]
    count = resource.attr("count")
    assert refs(count) == [("data.coder_workspace.me.start_count", 5, 21, 56)]


def test_iterators_are_not_references_and_depends_on_is_an_expression():
    tf = parse(POD)
    resource = tf.body.blocks[0]
    dynamic = resource.block("spec").dynamic("volume")[0]
    assert refs(dynamic.block("content").attr("name")) == []  # vol.value is the iterator
    assert [r[0] for r in refs(dynamic.attr("for_each"))] == ["var.volumes"]
    depends = resource.attr("depends_on")
    assert isinstance(depends.value[0].value, Traversal)
    assert refs(depends) == [("coder_agent.main", 23, 25, 41)]


def test_escapes_keep_columns_exact():
    text = '{"locals": {"s": "\\u00e9\\t\\"${var.a}\\n${var.b}"}}\n'
    tf = parse(text)
    node = tf.body.blocks[0].attr("s")
    line = text.split("\n")[0]
    assert refs(node) == [
        ("var.a", 1, line.index("var.a") + 1, line.index("var.a") + 6),
        ("var.b", 1, line.index("var.b") + 1, line.index("var.b") + 6),
    ]
    assert node.value.parts[0] == 'é\t"'
    assert node.value.parts[2] == "\n"
    # each rendered line knows where it starts in the file
    assert node.lines == ((1, 19), (1, line.index("\\n${var.b}") + 3))


def test_plain_strings_numbers_and_escaped_interpolation():
    tf = parse('{"locals": {"a": "plain", "b": 1e3, "c": -0.5, "d": true, "e": null, "f": "$${literal}", "g": []}}')
    attrs = tf.body.blocks[0].attributes
    assert {k: v.value for k, v in attrs.items() if k != "g"} == {
        "a": "plain", "b": 1000, "c": -0.5, "d": True, "e": None, "f": "${literal}"}
    assert attrs["g"].value == []


def test_attribute_bodies_and_type_specific_maps():
    tf = parse("""{
      "variable": {"tags": {"default": {"team": "x"}, "validation": {"condition": "${true}", "error_message": "x"}}},
      "module": {"m": {"source": "./m", "settings": {"a": 1}}},
      "resource": {"coder_agent": {"main": {"env": {"GIT_AUTHOR_NAME": "x"}, "metadata": {"key": "k"}}},
                   "docker_container": {"c": {"labels": {"label": "a", "value": "b"}}}}
    }""")
    variable, module, agent, container = tf.body.blocks
    assert isinstance(variable.attr("default").value, dict) and variable.block("validation") is not None
    assert isinstance(module.attr("settings").value, dict) and not module.blocks
    assert isinstance(agent.attr("env").value, dict), "coder_agent env is a map"
    assert agent.block("metadata") is not None, "coder_agent metadata is a block"
    assert container.block("labels") is not None, "docker labels is a block"


def test_arrays_of_blocks_and_repeated_block_types():
    tf = parse('{"locals": [{"a": 1}, {"b": 2}], "resource": {"t": {"x": {}}}, "resource": [{"t": {"y": {}}}]}')
    assert [(b.type, b.labels) for b in tf.body.blocks] == [
        ("locals", ()), ("locals", ()), ("resource", ("t", "x")), ("resource", ("t", "y"))]


def test_comment_properties_are_comments():
    tf = parse('{\n  "//": "tfdind-lint: ignore[TDL001] -- kept",\n  "locals": {"//": "note", "a": 1}\n}')
    assert [(c.text, c.span.line, c.span.column) for c in tf.comments] == [
        ("tfdind-lint: ignore[TDL001] -- kept", 2, 3), ("note", 3, 14)]
    assert list(tf.body.blocks[0].attributes) == ["a"]


def test_duplicate_attribute_is_reported():
    tf = parse('{"locals": {"a": 1,\n "a": 2}}')
    assert [(e.span.line, e.span.column) for e in tf.errors] == [(2, 2)]
    assert "defined twice" in tf.errors[0].message


def test_same_module_from_hcl_and_json():
    hcl = terraform.parse_file("main.tf", b'''
variable "ns" {
  default = "coder"
}
locals {
  name = "coder-${var.ns}"
}
resource "kubernetes_pod" "main" {
  count = data.coder_workspace.me.start_count
  metadata {
    name      = local.name
    namespace = var.ns
  }
}
''')
    from_json = parse('''{
  "variable": {"ns": {"default": "coder"}},
  "locals": {"name": "coder-${var.ns}"},
  "resource": {"kubernetes_pod": {"main": {
    "count": "${data.coder_workspace.me.start_count}",
    "metadata": {"name": "${local.name}", "namespace": "${var.ns}"}
  }}}
}''')
    modules = [Module.build(".", [tf]) for tf in (hcl, from_json)]
    for module in modules:
        metadata = module.resources[0].block.block("metadata")
        assert module.value(metadata.attr("name")) == "coder-coder"
        assert module.value(metadata.attr("namespace")) == "coder"
    assert [sorted(u.reference.text for u in m.uses) for m in modules][0] == \
        [sorted(u.reference.text for u in m.uses) for m in modules][1]


@pytest.mark.parametrize("text, message, line, column", [
    ("", "The file is empty", 1, 1),
    ("[]", "must hold one JSON object", 1, 1),
    ('{"locals": {"a": 1,}}', "Trailing comma", 1, 19),
    ('{"locals": {"a": [1, 2,]}}', "Trailing comma", 1, 23),
    ('{\n  "locals": {\n    "a": 1\n', "'{' opened here is never closed", 2, 13),
    ('{"locals": {"a": "open}}', "Unterminated string", 1, 18),
    ('{"locals": {"a": 1} // c\n}', "JSON has no comments", 1, 21),
    ("{'locals': {}}", "double quotes", 1, 2),
    ('{"locals": {"a": "\\x"}}', "Invalid escape", 1, 19),
    ('{"locals": {"a": 01}}', "leading zeros", 1, 18),
    ('{"locals": {"a": 1}} x', "after the end of the JSON object", 1, 22),
    ('{"locals" {}}', "expected ':'", 1, 11),
    ('{"locals": {"a": 1 "b": 2}}', "expected ',' or '}'", 1, 20),
    ('{"locals": {"a": "tab\there"}}', "control character", 1, 22),
])
def test_invalid_json_is_a_source_error_with_its_position(text, message, line, column):
    with pytest.raises(SourceError) as info:
        parse(text)
    assert message in info.value.message
    assert (info.value.span.line, info.value.span.column) == (line, column)


def test_heredoc_interpolation_positions_after_refactor():
    """Heredocs and JSON strings share the template reader: multi-line interpolations keep exact columns."""
    text = b'locals {\n  s = <<-EOT\n    a ${lookup(var.m,\n      "k", local.z)} b\n  EOT\n}\n'
    tf = terraform.parse_file("main.tf", text)
    assert refs(tf.body.blocks[0].attr("s")) == [("var.m", 3, 16, 21), ("local.z", 4, 12, 19)]


def test_linter_reads_json_and_reports_its_errors(tmp_path, monkeypatch):
    (tmp_path / "variables.tf.json").write_text('{"variable": {"image": {"default": "ubuntu"}}}')
    (tmp_path / "main.tf").write_text('resource "docker_image" "x" {\n  name = var.image\n}\n')
    (tmp_path / "broken.tf.json").write_text('{\n  "locals": {"a": 1,}\n}\n')
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(enabled={"TDL000", "TDL001", "TDL008"}))
    assert [(f.rule, f.span.path, f.span.line, f.span.column) for f in report.findings] == [
        ("TDL000", "broken.tf.json", 2, 20)]
    assert report.files == ["broken.tf.json", "main.tf", "variables.tf.json"]


def test_json_comment_suppresses(tmp_path, monkeypatch):
    (tmp_path / "main.tf.json").write_text(
        '{\n  "variable": {\n    "//": "tfdind-lint: ignore[TDL008] -- part of the module interface",\n'
        '    "unused": {\n      "default": 1\n    }\n  }\n}\n')
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(enabled={"TDL008"}))
    assert [(f.rule, f.span.line, f.suppressed and f.suppressed.reason) for f in report.findings] == [
        ("TDL008", 4, "part of the module interface")]


# ----------------------------------------------------------------------------------------------
# Robustness: any JSON object reads; any text reads or is a SourceError
# ----------------------------------------------------------------------------------------------

_SCALARS = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False) | \
    st.text(st.sampled_from("ab $%{}\"\\\n\té.-_"), max_size=12)
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(["resource", "variable", "locals", "docker_container", "x", "//", "dynamic", "content", "name"]),
    inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["resource", "data", "variable", "locals", "module", "terraform", "//", "x"]),
                       _JSON, max_size=4), st.sampled_from([None, 2]))
def test_any_json_object_reads(document, indent):
    tf = parse(json.dumps(document, indent=indent))
    assert tf.body.type == ""


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from('{}[]:,"\\ \n01-eEtrufalsn$.x/u'), max_size=40))
def test_any_text_reads_or_is_a_source_error(text):
    try:
        parse(text)
    except SourceError as error:
        assert error.span.line >= 1 and error.span.column >= 1
