"""module.py: one module per directory, and evaluation per RULES.md's general semantics."""

from __future__ import annotations

import textwrap

from tfdind_lint.module import Module
from tfdind_lint.node import Unknown
from tfdind_lint.sources.terraform import parse_file


def module(**files: str) -> Module:
    parsed = [parse_file(f"m/{name}", textwrap.dedent(text).encode()) for name, text in files.items()]
    return Module.build("m", parsed)


def value_of(m: Module, local: str):
    return m.value(m.locals[local])


M = module(
    variables_tf='''
        variable "image" { default = "codercom/enterprise-base:ubuntu" }
        variable "privileged" { default = true }
        variable "no_default" {
          type      = string
          sensitive = true
          validation {
            condition     = length(var.no_default) > 0
            error_message = "Required."
          }
        }
        variable "ports" { default = [2375, 2376] }
        variable "labels" { default = { team = "infra" } }
    ''',
    main_tf='''
        locals {
          image      = var.image
          tag        = "${local.image}-${var.ports[1]}"
          unknown    = var.no_default
          partial    = "tcp://${var.no_default}:2375"
          chosen     = var.privileged ? "privileged" : "plain"
          not_chosen = var.no_default == "x" ? "a" : "b"
          cycle_a    = local.cycle_b
          cycle_b    = local.cycle_a
          data_ref   = data.coder_workspace.me.name
          call       = lower("ABC")
          compare    = 2 + 3 == 5 && !false
          team       = var.labels.team
          list       = [var.image, var.no_default]
        }
    ''',
)


def test_module_is_the_directory():
    assert set(M.variables) == {"image", "privileged", "no_default", "ports", "labels"}
    assert "tag" in M.locals


def test_literals_variables_locals_and_templates_evaluate():
    assert value_of(M, "image") == "codercom/enterprise-base:ubuntu"
    assert value_of(M, "tag") == "codercom/enterprise-base:ubuntu-2376"
    assert value_of(M, "team") == "infra"
    assert value_of(M, "compare") is True


def test_conditionals_with_a_known_condition_evaluate():
    assert value_of(M, "chosen") == "privileged"
    assert isinstance(value_of(M, "not_chosen"), Unknown)


def test_everything_else_is_unknown_with_its_text_and_references():
    unknown = value_of(M, "unknown")
    assert isinstance(unknown, Unknown) and unknown.text == "var.no_default"
    data = value_of(M, "data_ref")
    assert [r.text for r in data.references] == ["data.coder_workspace.me.name"]
    assert isinstance(value_of(M, "call"), Unknown)  # functions are not evaluated
    assert isinstance(value_of(M, "cycle_a"), Unknown)


def test_partial_templates_keep_their_known_parts():
    partial = value_of(M, "partial")
    assert isinstance(partial, Unknown)
    assert partial.parts[0] == "tcp://" and partial.parts[2] == ":2375"
    assert isinstance(partial.parts[1], Unknown)


def test_lists_mix_known_and_unknown_items():
    items = value_of(M, "list")
    assert items[0] == "codercom/enterprise-base:ubuntu"
    assert isinstance(items[1], Unknown)


def test_uses_record_every_reference_with_its_block():
    texts = {(u.reference.text, u.block.type, u.path) for u in M.uses}
    assert ("var.ports", "locals", ("tag",)) in texts
    assert ("data.coder_workspace.me.name", "locals", ("data_ref",)) in texts


def test_variables_keep_type_sensitivity_and_validations():
    variable = M.variables["no_default"]
    assert variable.default is None
    assert variable.type.value.text == "string"
    assert variable.sensitive is True
    assert [v.attr("error_message").value for v in variable.validations] == ["Required."]
    assert M.variables["image"].sensitive is False
