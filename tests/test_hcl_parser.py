"""sources/hcl: what Terraform accepts parses, what it rejects is an error at the exact position, recovery.

Every text below was checked with `terraform fmt -check` (Terraform v1.11.4): the accepted ones exit 0 or 3,
the rejected ones 2.  The generated corpus (tests/test_hcl_corpus.py) covers the same classes in bulk.
"""

from __future__ import annotations

import codecs
import textwrap

import pytest

from tfdind_lint.expression import Call, Opaque, Operation, Template
from tfdind_lint.linter import lint
from tfdind_lint.settings import RunSettings
from tfdind_lint.sources import SourceError
from tfdind_lint.sources.terraform import parse_file


def parse(text: str):
    tf = parse_file("main.tf", textwrap.dedent(text).lstrip("\n").encode())
    assert tf.errors == [], [e.message for e in tf.errors]
    return tf


def attrs(text: str) -> dict:
    body = parse(text).body
    return (body.blocks[0] if body.blocks else body).attributes


# ----------------------------------------------------------------------------------------------
# Accepted by Terraform: parses
# ----------------------------------------------------------------------------------------------

def test_identifiers_outside_ascii():
    tf = parse('''
        variable café {
          default = 1
        }
        locals {
          résumé = var.café
          e\u0301t = 1
        }
    ''')
    assert tf.body.blocks[0].labels == ("café",)
    locals_ = tf.body.blocks[1].attributes
    assert list(locals_) == ["résumé", "e\u0301t"]
    assert locals_["résumé"].value.reference.parts == ("var", "café")


def test_comments_between_any_two_tokens():
    tf = parse('''
        resource /*a*/ "x" /*b*/ "y" /*c*/ {
          a /*d*/ = /*e*/ [1, # f
            2 // g
          ]
        }
    ''')
    block = tf.body.blocks[0]
    assert (block.type, block.labels) == ("resource", ("x", "y"))
    assert [n.value for n in block.attr("a").value] == [1, 2]
    assert [c.text for c in tf.comments] == ["a", "b", "c", "d", "e", " f", " g"]


def test_stacked_unary_and_minus_without_blanks():
    a = attrs('''
        locals {
          a = - - 1
          b = !!true
          c = 1-10
          d = length(x)-1
          e = x-1
        }
    ''')
    assert a["a"].value == 1
    assert isinstance(a["b"].value, Operation) and a["b"].value.op == "!"
    assert (a["c"].value.op, [o.value for o in a["c"].value.operands]) == ("-", [1, 10])
    assert a["d"].value.op == "-" and isinstance(a["d"].value.operands[0].value, Call)
    assert a["e"].value.root == "x-1"  # a name may hold '-': Terraform reads `x-1` as one name


def test_line_breaks_inside_brackets_and_interpolations():
    a = attrs('''
        locals {
          a = (x
          + y)
          b = (x
          .y)
          c = [x
          [0]]
          d = "${x
          + y}"
          e = (var.c

            ? 1
            # why
            : 2)
        }
    ''')
    assert a["a"].value.op == "+"
    assert a["b"].value.reference.parts == ("x", "y")
    assert a["c"].value[0].value.steps[0][0] == "index"
    assert isinstance(a["d"].value, Template)
    assert a["e"].span.end_line == 14


def test_strip_markers_and_template_escapes():
    a = attrs('''
        locals {
          a = "x ${~ y ~} z"
          b = "a $${"
          c = "b %%{"
          d = <<EOT
        %{ for v in var.l ~}
        ${v}
        %{ endfor ~}
        EOT
        }
    ''')
    assert a["a"].value.parts[0] == "x" and a["a"].value.parts[2] == "z"
    assert (a["b"].value, a["c"].value) == ("a ${", "b %{")
    assert [p for p in a["d"].value.parts if isinstance(p, str)] == ["\n"]  # `~}` ate the line breaks after it


def test_heredoc_markers_splats_and_function_names():
    a = attrs('''
        locals {
          a = <<_EOT
        hi
        _EOT
          b = x[ * ].id
          c = null(1)
          d = core::upper("a")
          e = provider::aws::arn_parse("x")
        }
    ''')
    assert a["a"].value == "hi\n"
    assert a["b"].value.steps == (("splat", None), ("attr", "id"))
    assert [a[k].value.name for k in "cde"] == ["null", "core::upper", "provider::aws::arn_parse"]


def test_numbers_of_any_length_are_read_or_left_unknown():
    a = attrs(f'''
        locals {{
          a = {"7" * 4301}
          b = 12345678901234567890123
          c = 1.5e3
        }}
    ''')
    assert isinstance(a["a"].value, Opaque)  # beyond Python's int(): unknown, never a crash
    assert (a["b"].value, a["c"].value) == (12345678901234567890123, 1500.0)


@pytest.mark.parametrize("text", [
    "x = " + "[" * 1000 + "1" + "]" * 1000 + "\n",
    "x = " + "{ a = " * 1000 + "1" + " }" * 1000 + "\n",
    "x = " + "(" * 1000 + "1" + ")" * 1000 + "\n",
    "x = " + "1 + " * 1000 + "1\n",
    "b {\n" * 1000 + "}\n" * 1000,
], ids=["lists", "objects", "parentheses", "operands", "blocks"])
def test_a_thousand_levels(text):
    parse_file("main.tf", text.encode())


def test_a_thousand_levels_are_linted(tmp_path, monkeypatch):
    (tmp_path / "main.tf").write_text("locals {\n  x = " + "[" * 1000 + "var.y" + "]" * 1000 + "\n}\n")
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(enabled={"TDL000", "TDL001", "TDL999"}))
    assert [(f.rule, f.span.line) for f in report.findings] == [("TDL001", 2)]


def test_a_file_over_a_mebibyte():
    tf = parse_file("main.tf", b'x = "' + b"a" * (1024 * 1024) + b'"\ny = <<EOT\n' + b"b\n" * 300_000 + b"EOT\n")
    assert len(tf.body.attributes["x"].value) == 1024 * 1024


def test_bytes_that_are_not_utf8_in_a_comment_are_read():
    tf = parse_file("main.tf", b"# caf\xe9\nx = 1\n")
    assert tf.body.attributes["x"].value == 1
    assert tf.comments[0].text == " caf\ufffd"


# ----------------------------------------------------------------------------------------------
# Rejected by Terraform: an error at the exact position that says what is wrong
# ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "line", "column", "words"), [
    (codecs.BOM_UTF16_LE + "x = 1\n".encode("utf-16-le"), 1, 1, "Invalid character encoding: this file is UTF-16"),
    (codecs.BOM_UTF16_BE + "x = 1\n".encode("utf-16-be"), 1, 1, "Invalid character encoding"),
    ("x = 1\n".encode("utf-16-le"), 1, 1, "UTF-16 without a byte-order mark"),
    (b'x = "caf\xe9"\n', 1, 9, "Not valid UTF-8: byte 0xe9 at line 1, column 9"),
    (b"locals {\r  a = 1\r}\r", 1, 9, "Unexpected carriage return: a lone CR"),
    (b'x = "a\nb"\n', 1, 5, "Unterminated string"),
    (b'x = "\\q"\n', 1, 6, "Invalid escape \\q"),
    (b'x = "\\u12"\n', 1, 6, "\\u must be followed by 4 hexadecimal digits"),
    (b'x = "%{endif}"\n', 1, 6, "Unexpected %{endif}: no %{if} is open here"),
    (b'x = "%{if true}a"\n', 1, 6, "The %{if} directive opened here is never closed"),
    (b"x = <<EOT\n%{ for v in l }\nEOT\n", 2, 1, "The %{for} directive opened here is never closed"),
    (b"locals {\n  a = 1\n  + 2\n}\n", 3, 3, "Unexpected '+': the value before it ended at the line break"),
    (b"x = {\n  a = 1\n  ? 2 : 3\n}\n", 3, 3, "Unexpected '?': the value before it ended at the line break"),
    (b"x = { a = 1 b = 2 }\n", 1, 13, "expected a line break or ',' between the items of an object"),
    (b"b { a = 1, c = 2 }\n", 1, 10, "Invalid single-line block: it can hold only one attribute"),
    (b"b {\n  a = 1 }\n", 2, 9, "Missing line break before '}'"),
    (b"locals {\n  a = 1,\n}\n", 2, 8, "Unexpected ',': attributes are separated by line breaks"),
    (b'resource "a${b}" "c" {\n}\n', 1, 12, "A block label cannot hold a template sequence"),
    (b"x = a.*.b.*.c\n", 1, 11, "Nested splat"),
    (b"x = a.0.1\n", 1, 7, "Invalid legacy index '0.1'"),
    (b"x = 1.2.3\n", 1, 5, "Invalid number '1.2.3'"),
    (b'x = "${}"\n', 1, 6, "Empty interpolation"),
    (b"x = <<EOT\nhi\nEOT", 1, 5, "Heredoc <<EOT is never closed"),
    (b'"a" = 1\n', 1, 1, "an attribute name or block type is not quoted"),
    (b"x = 1 ~\n", 1, 7, "Unexpected '~'"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_what_terraform_rejects(data, line, column, words):
    try:
        tf = parse_file("main.tf", data)
        (error,) = tf.errors
    except SourceError as raised:
        error = raised
    assert words in error.message
    assert (error.span.line, error.span.column) == (line, column)


# ----------------------------------------------------------------------------------------------
# Recovery
# ----------------------------------------------------------------------------------------------

BROKEN_AND_DEFECT = '''\
variable "image" {
  default =
}

resource "coder_agent" "main" {
  os = "linux"
}

resource "docker_container" "workspace" {
  image      = var.image
  privileged = true
  command    = ["sh", "-c", coder_agent.main.init_script]
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
}
'''


def test_reading_resumes_at_the_next_top_level_block():
    tf = parse_file("main.tf", BROKEN_AND_DEFECT.encode())
    assert [(e.span.line, e.span.column) for e in tf.errors] == [(2, 12)]
    assert "a value is missing after '='" in tf.errors[0].message
    assert [b.labels for b in tf.body.blocks] == [("coder_agent", "main"), ("docker_container", "workspace")]
    assert not tf.complete


def test_each_error_is_reported_up_to_a_limit():
    text = 'locals {\n  ok = 1\n}\n' + "".join(f'resource "a" "r{i}" {{\n  x = [\n}}\n\n' for i in range(15))
    tf = parse_file("main.tf", text.encode())
    assert len(tf.errors) == 10
    assert [e.span.line for e in tf.errors[:2]] == [6, 10]
    assert list(tf.body.blocks[0].attributes) == ["ok"]


def test_a_broken_block_and_a_defect_in_another_are_both_reported(tmp_path, monkeypatch):
    (tmp_path / "main.tf").write_text(BROKEN_AND_DEFECT)
    monkeypatch.chdir(tmp_path)
    report = lint(["."], RunSettings(enabled={"TDL000", "TDL001", "TDL412"}))
    # TDL001 (`var.image` undeclared) stays silent: the broken block may declare it
    assert [(f.rule, f.span.line) for f in report.findings] == [("TDL000", 2), ("TDL412", 11)]
