"""The TOML reader: tomllib's values with the positions of a line scanner."""

from __future__ import annotations

import pytest

from tfdind_lint.node import Span, Unknown
from tfdind_lint.sources import UNKNOWN, SourceError
from tfdind_lint.sources.toml import looks_like_user_data, parse_file, parse_text

TEXT = """\
# Bottlerocket user data
[settings.kubernetes]
cluster-name = "coder"  # the cluster
node-labels = { "smarter-device-manager" = "enabled", role = 'ws' }

[settings.kernel.sysctl]
user.max_user_namespaces = 65536
"vm.max_map_count" = "262144"

[settings.kernel]
lockdown = \"\"\"
integrity\"\"\"

[[settings.container-registry.credentials]]
registry = "docker.io"
[[settings.container-registry.credentials]]
registry = "quay.io"
list = [
  1, # one
  2,
]
"""


def span(line, column, end_line, end_column, path="u.toml"):
    return Span(path, line, column, end_line, end_column)


def test_values_and_positions():
    root = parse_text("u.toml", TEXT).root
    name = root.get("settings", "kubernetes", "cluster-name")
    assert name.value == "coder"
    assert name.key == span(3, 1, 3, 13) and name.span == span(3, 16, 3, 23)
    label = root.get("settings", "kubernetes", "node-labels", "smarter-device-manager")
    assert (label.value, label.key, label.span) == ("enabled", span(4, 17, 4, 41), span(4, 44, 4, 53))
    assert root.get("settings", "kubernetes", "node-labels", "role").span == span(4, 62, 4, 66)
    # an unquoted dotted key is a table: TDL305's case
    leaf = root.get("settings", "kernel", "sysctl", "user", "max_user_namespaces")
    assert (leaf.value, leaf.key, leaf.span) == (65536, span(7, 1, 7, 25), span(7, 28, 7, 33))
    assert root.get("settings", "kernel", "sysctl", "user").key == span(7, 1, 7, 25)
    quoted = root.get("settings", "kernel", "sysctl", "vm.max_map_count")
    assert (quoted.value, quoted.where) == ("262144", span(8, 1, 8, 30))
    assert root.get("settings", "kernel", "sysctl").span == span(6, 1, 6, 25)
    assert root.get("settings", "kernel").span == span(10, 1, 10, 18)
    multiline = root.get("settings", "kernel", "lockdown")
    assert (multiline.value, multiline.span) == ("integrity", span(11, 12, 12, 13))
    second = root.get("settings", "container-registry", "credentials", 1)
    assert second.span == span(16, 1, 16, 44)
    assert second.get("registry").span == span(17, 12, 17, 21)
    assert second.get("list").span == span(18, 8, 21, 2)


def test_comments():
    comments = parse_text("u.toml", TEXT).comments
    assert [(c.text, c.span.line, c.span.column) for c in comments] == [
        (" Bottlerocket user data", 1, 1), (" the cluster", 3, 25), (" one", 19, 6)]


def test_offsets_place_embedded_text_in_its_file():
    document = parse_text("nodeclass.yaml", '[settings.kernel]\nsysctl = { "user.max_user_namespaces" = "65536" }\n', 8, 4)
    value = document.root.get("settings", "kernel", "sysctl", "user.max_user_namespaces")
    assert value.key == Span("nodeclass.yaml", 10, 16, 10, 42)
    assert value.span == Span("nodeclass.yaml", 10, 45, 10, 52)


def test_unknown_template_pieces_become_unknown():
    root = parse_text("main.tf", f'[settings.kubernetes]\ncluster-name = "{UNKNOWN}"\nmax-pods = 110\n').root
    assert isinstance(root.get("settings", "kubernetes", "cluster-name").value, Unknown)
    assert root.get("settings", "kubernetes", "max-pods").value == 110


@pytest.mark.parametrize("text, line, column, message", [
    ('[settings.kernel.sysctl]\n"user.max_user_namespaces" = \n', 2, 30, "Invalid TOML: invalid value"),
    ("[settings]\nx = 1\nx = 2\n", 3, 6, "Invalid TOML: cannot overwrite a value"),
    ("[settings\n", 1, 10, "Invalid TOML: expected ']' at the end of a table declaration"),
])
def test_syntax_errors_carry_tomllib_positions(text, line, column, message):
    with pytest.raises(SourceError) as error:
        parse_text("u.toml", text, 2, 0)
    assert error.value.message == message
    assert (error.value.span.line, error.value.span.column) == (line + 2, column)


def test_only_bottlerocket_user_data_is_read():
    assert looks_like_user_data("[settings.kernel.sysctl]\n")
    assert looks_like_user_data('  [ "settings" ]\n')
    assert looks_like_user_data("[[settings.container-registry.credentials]]\n")
    assert not looks_like_user_data('[project]\nname = "x"\n[tool.settings]\n')
    assert not looks_like_user_data("[settingsx]\n")
    assert parse_file("pyproject.toml", b'[project]\nname = "x"\n[broken\n') is None
    assert parse_file("ud.toml", b'\xef\xbb\xbf[settings]\r\nx = "1"\r\n').root.get("settings", "x").span == Span(
        "ud.toml", 2, 5, 2, 8)
