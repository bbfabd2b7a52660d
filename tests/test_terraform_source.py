"""sources/terraform.py: our positioned tree from python-hcl2's parse, exact spans."""

from __future__ import annotations

import textwrap

import pytest

from tfdind_lint.expression import Call, Conditional, Template, Traversal
from tfdind_lint.node import Span
from tfdind_lint.sources import SourceError
from tfdind_lint.sources.terraform import parse_file


def parse(text: str, path: str = "main.tf"):
    return parse_file(path, textwrap.dedent(text).lstrip("\n").encode())


def S(line, column, end_line, end_column, path="main.tf"):
    return Span(path, line, column, end_line, end_column)


def test_attribute_key_value_and_where_spans():
    tf = parse('''
        resource "docker_container" "dind" {
          image      = "docker:dind"
          privileged = true
        }
    ''')
    block = tf.body.blocks[0]
    assert (block.type, block.labels) == ("resource", ("docker_container", "dind"))
    assert block.head == S(1, 1, 1, 35)
    assert block.span == S(1, 1, 4, 2)
    image = block.attr("image")
    assert image.value == "docker:dind"
    assert image.key == S(2, 3, 2, 8)
    assert image.span == S(2, 16, 2, 29)
    privileged = block.attr("privileged")
    assert privileged.value is True
    assert privileged.where == S(3, 3, 3, 20)


def test_nested_and_one_line_blocks():
    tf = parse('''
        resource "kubernetes_pod" "main" {
          spec {
            container { name = "dev" }
            security_context {
              run_as_user = 1000
            }
          }
        }
    ''')
    spec = tf.body.blocks[0].block("spec")
    assert spec.head == S(2, 3, 2, 7)
    assert spec.span == S(2, 3, 7, 4)
    container = spec.block("container")
    assert container.span == S(3, 5, 3, 31)
    assert container.attr("name").where == S(3, 17, 3, 29)
    assert spec.block("security_context").attr("run_as_user").value == 1000


def test_unquoted_labels():
    tf = parse('''
        variable dotfiles_uri {
          default = ""
        }
    ''')
    assert tf.body.blocks[0].labels == ("dotfiles_uri",)


def test_heredoc_keeps_indentation_and_maps_lines():
    tf = parse('''
        resource "coder_agent" "main" {
          startup_script = <<EOT
            echo one
              echo two
          EOT
        }
    ''')
    node = tf.body.blocks[0].attr("startup_script")
    assert node.value == "    echo one\n      echo two\n"
    assert node.span == S(2, 20, 5, 6)
    assert node.lines == ((3, 1), (4, 1))


def test_flush_heredoc_strips_the_common_indent():
    tf = parse('''
        locals {
          script = <<-EOT
            echo one

              echo two
          EOT
        }
    ''')
    node = tf.body.blocks[0].attr("script")
    assert node.value == "echo one\n\n  echo two\n"
    assert node.lines == ((3, 5), (4, 5), (5, 5))


def test_heredoc_closing_marker_with_trailing_whitespace_parses():
    # python-hcl2 8.x rejects this on its own; Terraform accepts it (terraform fmt -check exits 0)
    tf = parse('resource "coder_agent" "main" {\n  startup_script = <<-EOT\n    echo hi\n  EOT  \n  os = "linux"\n}\n')
    block = tf.body.blocks[0]
    assert block.attr("startup_script").value == "echo hi\n"
    assert block.attr("os").where == S(5, 3, 5, 15)


def test_object_entry_after_a_conditional_value_parses():
    # python-hcl2 4.x/6.x reject an object entry that follows a conditional with a binary condition
    tf = parse('''
        locals {
          env = {
            a = var.b == "q" ? local.x : null
            c = var.d
          }
        }
    ''')
    env = tf.body.blocks[0].attr("env").value
    assert list(env) == ["a", "c"]
    assert isinstance(env["a"].value, Conditional)
    assert env["c"].key == S(4, 5, 4, 6)


def test_heredoc_whose_body_mentions_its_marker_mid_line():
    tf = parse('''
        locals {
          s = <<EOF
          echo EOFX EOF
          EOF
        }
    ''')
    assert tf.body.blocks[0].attr("s").value == "  echo EOFX EOF\n"


def test_strings_unquoted_with_escapes_and_template_escapes():
    tf = parse(r'''
        locals {
          a = "tab\there \"q\" \u00e9"
          b = "$${literal} %%{also}"
        }
    ''')
    attrs = tf.body.blocks[0].attributes
    assert attrs["a"].value == 'tab\there "q" \u00e9'
    assert attrs["b"].value == "${literal} %{also}"


@pytest.mark.parametrize("text, indexed", [
    ("docker_container.dind[0].name", True),
    ("docker_container.dind[\"main\"].network_data[0].ip_address", True),
    ("docker_container.dind.0.name", True),  # the legacy index form
    ("docker_container.dind.network_data[0].ip_address", False),  # the index applies to an attribute
    ("docker_container.dind.name", False),
    ("data.coder_workspace.me[0].id", True),
    ("data.coder_workspace.me.names[0]", False),
])
def test_a_reference_is_indexed_when_an_index_follows_its_address(text, indexed):
    tf = parse(f"x = {text}\n")
    (ref,) = tf.body.attributes["x"].value.references()
    assert ref.indexed is indexed


def test_template_parts_and_reference_spans():
    tf = parse('''
        resource "docker_container" "w" {
          env = ["DOCKER_HOST=tcp://${docker_container.dind[0].name}:2375"]
          name = lower("coder-${data.coder_workspace.me.owner}")
        }
    ''')
    block = tf.body.blocks[0]
    item = block.attr("env").value[0]
    assert isinstance(item.value, Template)
    assert item.value.parts[0] == "DOCKER_HOST=tcp://"
    (ref,) = item.value.references()
    assert ref.parts == ("docker_container", "dind", "name")
    assert ref.indexed
    assert ref.span == S(2, 31, 2, 60)
    call = block.attr("name").value
    assert isinstance(call, Call) and call.name == "lower"
    (owner,) = call.references()
    assert owner.text == "data.coder_workspace.me.owner"
    assert owner.address == "data.coder_workspace.me"
    assert owner.attribute == ("owner",)
    assert owner.span == S(3, 25, 3, 54)


def test_references_inside_heredoc_interpolations_have_file_positions():
    tf = parse('''
        resource "kubernetes_pod" "p" {
          command = ["sh", "-c", <<EOF
            sudo -u coder /bin/bash -- <<-'EOT' &
            ${coder_agent.main.init_script}
            EOT
        EOF
          ]
        }
    ''')
    script = tf.body.blocks[0].attr("command").value[2]
    assert isinstance(script.value, Template)
    (ref,) = script.value.references()
    assert ref.text == "coder_agent.main.init_script"
    assert ref.span == S(4, 7, 4, 35)


def test_comments_are_collected_and_never_references():
    tf = parse('''
        # var.a in a comment
        locals {
          x = "y" // var.b
          /* var.c */
        }
    ''')
    assert [c.text for c in tf.comments] == [" var.a in a comment", " var.b", " var.c "]
    assert tf.comments[1].span == S(3, 11, 3, 19)
    assert tf.body.blocks[0].attr("x").value == "y"


def test_iterators_are_not_references():
    tf = parse('''
        locals {
          names = [for p in var.ports : p.name]
        }
        resource "x" "y" {
          dynamic "env" {
            for_each = var.e
            content { name = env.key }
          }
        }
    ''')
    names = tf.body.blocks[0].attr("names").value
    assert [r.text for r in names.references()] == ["var.ports"]
    content = tf.body.blocks[1].blocks[0].block("content")
    value = content.attr("name").value
    assert isinstance(value, Traversal) and value.reference is None


def test_negative_numbers_and_literals():
    tf = parse('''
        locals {
          a = -2
          b = null
          c = false
          d = 1.5
        }
    ''')
    attrs = tf.body.blocks[0].attributes
    assert (attrs["a"].value, attrs["b"].value, attrs["c"].value, attrs["d"].value) == (-2, None, False, 1.5)


def test_redefined_attribute_is_reported_and_the_first_kept():
    tf = parse('''
        locals {
          a = 1
          a = 2
        }
    ''')
    assert tf.body.blocks[0].attr("a").value == 1
    (error,) = tf.errors
    assert error.span == S(3, 3, 3, 4)
    assert "defined twice" in error.message


@pytest.mark.parametrize(
    "text, line, column, message",
    [
        ('resource "a" "b" {\n  x = 1\n', 1, 18, "'{' opened here is never closed"),
        ('locals {\n  x = "abc\n}\n', 2, 7, "Unterminated string"),
        ('locals {\n  x = <<EOT\n  hello\n}\n', 2, 7, "Heredoc <<EOT is never closed"),
        ('locals {\n  x = \n}\n', 2, 7, "a value is missing"),
    ],
)
def test_syntax_errors_read_well(text, line, column, message):
    with pytest.raises(SourceError) as info:
        parse_file("bad.tf", text.encode())
    error = info.value
    assert message in error.message
    assert (error.span.line, error.span.column) == (line, column)


def test_two_attributes_on_one_line_are_an_error_terraform_reports():
    tf = parse('''
        locals {
          x = 1 y = 2
        }
    ''')
    (error,) = tf.errors
    assert "each attribute or block must start on a new line" in error.message
    assert error.span == S(2, 9, 2, 10)
