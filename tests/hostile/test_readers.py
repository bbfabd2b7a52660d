"""Unit tests of the reading helpers behind the hostile cases, with exact values."""

from __future__ import annotations

import codecs
import os

import pytest

from harness import needs
from tfdind_lint.discover import discover, printable, skip_reason
from tfdind_lint.sources import SourceError
from tfdind_lint.sources.kubernetes import MAX_DEPTH, _bracket_depth_exceeded, parse_file
from tfdind_lint.sources.terraform import _open_brackets
from tfdind_lint.sources.terraform import parse_file as parse_terraform
from tfdind_lint.sources.text import _position, decode, read_source


@pytest.mark.parametrize(("data", "offset", "expected"), [
    (b"abc", 2, (1, 3)),
    (b"a\nb\r\nc\rd", 7, (4, 1)),  # LF, CRLF and a lone CR are one line break each
    ("\u00e9\u00e9x".encode(), 4, (1, 3)),  # columns count characters, not bytes
])
def test_position_of_a_byte(data, offset, expected):
    assert _position(data, offset) == expected


def test_decode_keeps_lines_where_the_user_sees_them():
    assert decode(codecs.BOM_UTF8 + b"a\r\nb\rc\n", "f") == "a\nb\nc\n"
    assert decode(codecs.BOM_UTF16_LE + "a\r\nb".encode("utf-16-le"), "f") == "a\nb"
    assert decode(codecs.BOM_UTF16_BE + "a\nb".encode("utf-16-be"), "f") == "a\nb"


@pytest.mark.parametrize(("data", "message", "where"), [
    (b"ab\ncd\x00", "Binary content: a NUL byte at line 2, column 3; this is not a text file "
                    "(exclude it, or rename it if it is not Terraform or YAML)", (2, 3)),
    ("x = 1\n".encode("utf-16-le"), "This looks like UTF-16 without a byte-order mark; save the file as UTF-8", (1, 1)),
    (b"ok\n\xc3\xa9\xff", "Not valid UTF-8: byte 0xff at line 2, column 2; save the file as UTF-8", (2, 2)),
    (codecs.BOM_UTF16_LE + "a\x00".encode("utf-16-le"), "Binary content: a NUL byte at line 1, column 2; this is not a "
                                                         "text file (exclude it, or rename it if it is not Terraform or YAML)", (1, 2)),
])
def test_decode_refuses_with_a_position(data, message, where):
    with pytest.raises(SourceError) as caught:
        decode(data, "f")
    assert caught.value.message == message
    assert (caught.value.span.line, caught.value.span.column) == where


def test_read_source_size_limit(tmp_path):
    path = tmp_path / "f.tf"
    path.write_bytes(b"x" * 10)
    assert read_source(str(path), limit=10) == b"x" * 10
    with pytest.raises(SourceError) as caught:
        read_source(str(path), limit=9)
    assert caught.value.message == ("File too large to lint: 10 bytes, over the limit of 9 bytes; raise the limit with "
                                    "`max-file-size: 1KiB` in the configuration or `--max-file-size 1KiB`, split the "
                                    "file, or exclude it if it is generated")


def test_read_source_never_blocks_on_a_fifo_or_reads_a_directory(tmp_path):
    (tmp_path / "d.tf").mkdir()
    with pytest.raises(SourceError, match="^Cannot read the file: it is not a regular file$"):
        read_source(str(tmp_path / "d.tf"))
    needs("fifo")
    os.mkfifo(tmp_path / "p.tf")
    with pytest.raises(SourceError, match="^Cannot read the file: it is not a regular file$"):
        read_source(str(tmp_path / "p.tf"))  # a blocking open would hang here


def test_skip_reason(tmp_path):
    needs("symlink")
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.tf").write_text("", encoding="utf-8")
    (tmp_path / "out.tf").write_text("", encoding="utf-8")
    os.symlink("a.tf", root / "in.tf")
    os.symlink("../out.tf", root / "out.tf")
    os.symlink("missing.tf", root / "gone.tf")
    real = os.path.realpath(root)
    assert skip_reason(str(root / "a.tf"), real) is None
    assert skip_reason(str(root / "in.tf"), real) is None
    assert skip_reason(str(root / "out.tf"), real) == "a symbolic link to a file outside the linted directory: not followed"
    assert skip_reason(str(root / "gone.tf"), real) is None  # read, so that reading reports it
    assert skip_reason(str(root), str(tmp_path)) == "not a regular file (a directory): not read"


def test_printable():
    assert printable("caf\u00e9.tf") == "caf\u00e9.tf"
    assert printable(os.fsdecode(b"caf\xe9.tf")) == "caf\ufffd.tf"


_POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: dev\n      image: x\n"


@pytest.mark.parametrize(("text", "helm"), [
    (_POD.replace("name: p", 'name: {{ include "workspace.fullname" . }}'), True),
    ("{{- if .Values.dind }}\n" + _POD + "{{- end }}\n", True),
    (_POD + "      args:\n        - {{ .Values.extra }}\n", True),  # a flow mapping for key: not what Kubernetes reads
    ("{{/* a comment */}}\n" + _POD, True),
    (_POD + "      securityContext:\n        {{- toYaml . | nindent 8 }}\n", True),
    # a template inside a quoted string or a block scalar is a value: the file parses and is linted
    (_POD.replace("image: x", 'image: "{{ .Values.image }}"'), False),
    (_POD + "      args: [\"sh\", \"-c\", \"docker ps --format '{{.Names}}'\"]\n", False),
    (_POD + "      args:\n        - docker inspect --format '{{range .Mounts}}{{.Source}}{{end}}' dind\n", False),
    (_POD + "      env:\n        - name: A\n          value: \"{{.Names}}\"\n", False),
    (_POD + "      env:\n        - name: A\n          value: |\n            {{- range .Items }}\n            {{ . }}\n            {{- end }}\n", False),
    (_POD + '      args: ["' + "{{ a " * 50_000 + '"]\n', False),
    # a YAML error away from any template action is a parse error (TDL000), not a template
    (_POD.replace("image: x", 'image: "{{ .Values.image }}"') + "---\n" + _POD + "      args: [\n", False),
])
def test_helm_template_detection(text, helm):
    assert (parse_file("t.yaml", text.encode()).skipped is not None) is helm


def test_helm_chart_templates_are_skipped_by_discovery(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("chart/templates/pod.yaml", "chart/templates/sub/job.yaml", "other/templates/pod.yaml", "chart/pod.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(_POD, encoding="utf-8")
    (tmp_path / "chart" / "Chart.yaml").write_text("apiVersion: v2\nname: chart\nversion: 0.1.0\n", encoding="utf-8")
    found = discover(["."])
    assert found.yaml == ["chart/Chart.yaml", "chart/pod.yaml", "other/templates/pod.yaml"]
    reason = "a template of the Helm chart chart/: render it (helm template) to lint it"
    assert found.skipped == [("chart/templates/pod.yaml", reason), ("chart/templates/sub/job.yaml", reason)]


def test_bracket_depth_hint():
    assert _bracket_depth_exceeded("[" * MAX_DEPTH + "]" * MAX_DEPTH) is None
    assert _bracket_depth_exceeded("a: " + "[" * (MAX_DEPTH + 5)) == 3 + MAX_DEPTH + 1
    assert _bracket_depth_exceeded("[]" * 500) is None


def test_open_brackets():
    text = 'a {\n  b = ["}", "${x}", <<EOT\n]\nEOT\n  # {\n'
    stack, unterminated = _open_brackets(text)
    assert ([text[i] for i in stack], unterminated) == (["{", "["], None)
    assert _open_brackets('a = "x\n') == ([], 4)
    assert _open_brackets("/* a\n") == ([], 0)
    stack, _ = _open_brackets("[" * 50, limit=10)
    assert len(stack) == 11


@pytest.mark.parametrize(("line", "expected"), [
    ('  name = "dev-${var.owner"', 15),  # 1-based column of the `${`
    ('  name = "${a}-${b"', 16),
])
def test_unclosed_interpolation(line, expected):
    with pytest.raises(SourceError) as info:
        parse_terraform("main.tf", f"locals {{\n{line}\n}}\n".encode())
    assert info.value.message.startswith("The interpolation ${ opened here is never closed")
    assert (info.value.span.line, info.value.span.column) == (2, expected)
