"""The hostile inputs of issue 8, each with what tfdind-lint must do with it.

A case writes one entry (a file, a link, a FIFO, a directory...) into an empty
directory ``hostile/``; the large ones are generated here, at test time.  What the
tool must do is stated exactly:

- ``findings``: the TDL000 findings under ``hostile/``, exactly, as (path, rule, line,
  column, words in the message), and findings of other rules that must still be made
  (a broken document does not hide its neighbours); TDL000 messages must say what is
  wrong and what to do.  A case without ``findings`` must get no TDL000.
- ``skipped``: every file not read under ``hostile/`` as (path, words in the reason).
- ``same_as``: the text (UTF-8, LF) whose findings the case must reproduce at the same
  lines and columns (a BOM, CRLF, UTF-16 or a link change nothing).

``docs/robustness.md`` lists every case by its id (a test checks it).
"""

from __future__ import annotations

import codecs
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A workspace container that runs the agent and is privileged: one TDL412 finding (line 11, column 3).
TF = b"""\
variable "docker_in_docker" {
  default = true
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "docker_container" "workspace" {
  privileged = var.docker_in_docker
  image      = "codercom/enterprise-base:ubuntu"
  env        = ["CODER_AGENT_TOKEN=${coder_agent.main.token}"]
  command    = ["sh", "-c", coder_agent.main.init_script]
}
"""

# The same in a Pod: one TDL412 finding (line 10, column 9).
POD = b"""\
apiVersion: v1
kind: Pod
metadata:
  name: workspace
spec:
  containers:
    - name: dev
      image: codercom/enterprise-base:ubuntu
      securityContext:
        privileged: true
      env:
        - name: CODER_AGENT_TOKEN
          value: token
"""

MANIFEST_HEAD = b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hostile\ndata:\n"


@dataclass(frozen=True)
class Case:
    id: str
    what: str  # the input, for docs/robustness.md
    make: Callable[[Path], None]  # creates the entry inside hostile/
    findings: tuple = ()  # (path, rule, line, column, words)
    skipped: tuple = ()  # (path, words)
    same_as: tuple | None = None  # (name, text): findings must equal those of this plain file
    #: run between discovery and reading (the file that disappears)
    after_discovery: Callable[[Path], None] | None = None
    needs: str = ""  # "fifo", "symlink", "socket", "permissions", "bytes-names": skipped where the platform cannot
    max_mib: int = 300  # peak memory allowed (Python allocations); the limit on file size bounds every case


def write(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    """Write a file (``data`` may be a function: large inputs are generated when the case runs)."""

    def make(directory: Path) -> None:
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data() if callable(data) else data)

    return make


def link(name: str, target: str, also: Callable[[Path], None] | None = None) -> Callable[[Path], None]:
    def make(directory: Path) -> None:
        if also:
            also(directory)
        os.symlink(target, directory / name)

    return make


def link_outside(name: str) -> Callable[[Path], None]:
    """A link to a file two levels up, outside the directory being linted (that file would give a finding)."""

    def make(directory: Path) -> None:
        outside = directory.parent.parent / "outside"
        outside.mkdir(exist_ok=True)
        (outside / "secret.tf").write_bytes(TF)
        os.symlink(os.path.relpath(outside / "secret.tf", directory), directory / name)

    return make


def fifo(name: str) -> Callable[[Path], None]:
    return lambda directory: os.mkfifo(directory / name)


def unix_socket(name: str) -> Callable[[Path], None]:
    def make(directory: Path) -> None:
        here = os.getcwd()
        os.chdir(directory)  # a relative name: socket paths are limited to ~100 bytes
        try:
            server = socket.socket(socket.AF_UNIX)
            server.bind(name)
            server.close()  # the socket file stays
        finally:
            os.chdir(here)

    return make


def unreadable(name: str, data: bytes) -> Callable[[Path], None]:
    def make(directory: Path) -> None:
        write(name, data)(directory)
        os.chmod(directory / name, 0)

    return make


def unlistable(name: str) -> Callable[[Path], None]:
    def make(directory: Path) -> None:
        write(f"{name}/main.tf", TF)(directory)
        os.chmod(directory / name, 0)

    return make


# ------------------------------------------------------------------------------------------------
# Generated inputs
# ------------------------------------------------------------------------------------------------


def big_terraform(size: int) -> bytes:
    block = 'resource "docker_container" "w%d" {\n  image = "codercom/enterprise-base:ubuntu"\n  name  = "w%d"\n}\n'
    out, n, i = [], 0, 0
    while n < size:
        piece = block % (i, i)
        out.append(piece)
        n += len(piece)
        i += 1
    return "".join(out).encode()


def long_heredoc(lines: int) -> bytes:
    """A local value written as a heredoc of ``lines`` lines (an interpolation on every 100th)."""
    body = "".join(f"  {i} ${{var.name}}\n" if i % 100 == 0 else f"  line {i}\n" for i in range(lines))
    return ('variable "name" {\n  default = "dev"\n}\n\n'
            f"locals {{\n  banner = <<-EOT\n{body}  EOT\n}}\n").encode()


def deep_hcl(kind: str, depth: int) -> bytes:
    if kind == "list":
        return b"locals {\n  x = " + b"[" * depth + b"1" + b"]" * depth + b"\n}\n"
    if kind == "object":
        return b"locals {\n  x = " + b"{ a = " * depth + b"1" + b" }" * depth + b"\n}\n"
    if kind == "blocks":
        return b"b {\n" * depth + b"}\n" * depth
    if kind == "operators":
        return b"locals {\n  x = " + b"1 + " * depth + b"1\n}\n"
    if kind == "calls":
        return b"locals {\n  x = " + b"max(" * depth + b"1" + b")" * depth + b"\n}\n"
    raise ValueError(kind)


def deep_yaml(kind: str, depth: int) -> bytes:
    if kind == "flow":
        return MANIFEST_HEAD + b"  deep: " + b"[" * depth + b"]" * depth + b"\n"
    if kind == "sequences":
        return MANIFEST_HEAD + b"  deep: |\n    x\nspec:\n  " + b"- " * depth + b"x\n"
    if kind == "mappings":
        return MANIFEST_HEAD + b"".join(b"  " * (i + 1) + b"k:\n" for i in range(depth)) + b"  " * (depth + 1) + b"v\n"
    raise ValueError(kind)


def alias_bomb() -> bytes:
    """"Billion laughs": nine levels of nine aliases, 10**9 nodes once expanded."""
    lines = ['  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"  {name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n" + "\n".join(lines).encode() + b"\n"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
ELF = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00"

HELM = b"""\
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "workspace.fullname" . }}
spec:
  containers:
    - name: dev
      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
      {{- with .Values.securityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
"""

GO_TEMPLATE_IN_STRING = POD.replace(
    b"      env:\n", b"      args: [\"sh\", \"-c\", \"docker ps --format '{{.Names}}'\"]\n      env:\n")

MULTI_DOCUMENT = b"""\
apiVersion: v1
kind: ConfigMap
metadata:
  name: first
data:
  a: "1"
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers: [
---
""" + POD

DUPLICATE_KEYS = POD.replace(b"      image: codercom/enterprise-base:ubuntu\n",
                             b"      image: codercom/enterprise-base:ubuntu\n      image: ubuntu:22.04\n")

TAB_INDENT = POD.replace(b"      securityContext:\n        privileged: true\n", b"      securityContext:\n\t  privileged: true\n")

PYTHON_TAGS = MANIFEST_HEAD + b"""\
  a: !!python/object/apply:os.system ["touch PWNED"]
  b: !!python/name:os.system
  c: !!python/object/new:subprocess.Popen [["touch", "PWNED"]]
  d: !!python/module:os
  e: !Ref SomeParameter
  f: !!binary aGVsbG8=
"""


def _utf16(data: bytes, codec: str, bom: bytes) -> bytes:
    return bom + data.decode("utf-8").encode(codec)


# ------------------------------------------------------------------------------------------------
# The cases
# ------------------------------------------------------------------------------------------------

H = "hostile/"
NEVER_CLOSED = "never closed"

CASES = [
    # --- invalid HCL ----------------------------------------------------------------------------
    Case("hcl-unclosed-block", "a resource block whose `}` is missing",
         write("main.tf", b'resource "docker_container" "workspace" {\n  image = "codercom/enterprise-base:ubuntu"\n'),
         findings=((H + "main.tf", "TDL000", 1, 41, "'{' opened here is never closed"),)),
    Case("hcl-unclosed-list", "a list whose `]` is missing inside a block",
         write("main.tf", b'resource "docker_container" "workspace" {\n  env = ["A=1",\n    "B=2"\n}\n'),
         findings=((H + "main.tf", "TDL000", 4, 1, "Unexpected '}': the '[' opened at line 2, column 9 must be closed first"),)),
    Case("hcl-unterminated-string", "a string whose closing quote is missing",
         write("main.tf", b'resource "docker_container" "workspace" {\n  image = "codercom/enterprise-base:ubuntu\n}\n'),
         findings=((H + "main.tf", "TDL000", 2, 11, "Unterminated string: the closing '\"' is missing"),)),
    Case("hcl-unterminated-interpolation", "a `${` never closed inside a string",
         write("main.tf", b'resource "docker_container" "workspace" {\n  name = "dev-${var.owner"\n}\n'),
         findings=((H + "main.tf", "TDL000", 2, 15, "The interpolation ${ opened here is never closed: a '}' is missing"),)),
    Case("hcl-unterminated-heredoc", "a heredoc whose closing marker never comes",
         write("main.tf", b'resource "coder_agent" "main" {\n  startup_script = <<EOT\n    sudo dockerd &\n}\n'),
         findings=((H + "main.tf", "TDL000", 2, 20, "Heredoc <<EOT is never closed: no later line consists of EOT alone"),)),
    Case("hcl-unclosed-comment", "a `/*` comment never closed",
         write("main.tf", b'/* the workspace\nresource "docker_container" "workspace" {\n  image = "x"\n}\n'),
         findings=((H + "main.tf", "TDL000", 1, 1, "Comment /* opened here is never closed"),)),
    Case("hcl-stray-character", "a stray `@` after a value",
         write("main.tf", b'resource "docker_container" "workspace" {\n  image = "x" @\n}\n'),
         findings=((H + "main.tf", "TDL000", 2, 15, "Unexpected '@'"),)),
    Case("hcl-stray-brace", "one `}` too many",
         write("main.tf", b'resource "docker_container" "workspace" {\n  image = "x"\n}\n}\n'),
         findings=((H + "main.tf", "TDL000", 4, 1, "Unexpected '}': nothing is open here to close (one '}' too many?)"),)),
    Case("hcl-missing-value", "`=` with no value",
         write("main.tf", b'resource "docker_container" "workspace" {\n  image =\n}\n'),
         findings=((H + "main.tf", "TDL000", 2, 10, "Unexpected line break: a value is missing after '='"),)),
    Case("hcl-two-attributes-on-a-line", "two attributes on one line",
         write("main.tf", b'resource "docker_container" "workspace" {\n  image = "x" name = "y"\n}\n'),
         findings=((H + "main.tf", "TDL000", 2, 15, "Missing line break: each attribute or block must start on a new line"),)),
    Case("hcl-directive-whitespace", "a template directive padded with 200,000 blanks (a regex backtracking trap)",
         write("main.tf", b'locals {\n  s = <<EOT\n%{ if true' + b" " * 200_000 + b'}yes%{ endif }\nEOT\n}\n')),
    # --- encodings and line endings ----------------------------------------------------------------
    Case("tf-invalid-utf8", "a Latin-1 byte in a string of a .tf file",
         write("main.tf", b'locals {\n  a = "caf\xe9"\n}\n' + TF),
         findings=((H + "main.tf", "TDL000", 2, 11, "Not valid UTF-8: byte 0xe9 at line 2, column 11; save the file as UTF-8"),)),
    Case("tf-invalid-utf8-in-comment", "a Latin-1 byte in a comment (Terraform reads it: comments may hold any byte)",
         write("main.tf", b'# caf\xe9\n' + TF), same_as=("main.tf", b"# cafe\n" + TF)),
    Case("yaml-invalid-utf8", "a Latin-1 byte in a manifest",
         write("pod.yaml", POD.replace(b"name: workspace", b"name: caf\xe9")),
         findings=((H + "pod.yaml", "TDL000", 4, 12, "Not valid UTF-8: byte 0xe9"),)),
    Case("tf-utf8-bom", "UTF-8 with a byte-order mark", write("main.tf", codecs.BOM_UTF8 + TF), same_as=("main.tf", TF)),
    Case("yaml-utf8-bom", "a manifest in UTF-8 with a byte-order mark", write("pod.yaml", codecs.BOM_UTF8 + POD),
         same_as=("pod.yaml", POD)),
    Case("tf-utf16-le", "UTF-16 LE with a byte-order mark (Terraform reads only UTF-8)",
         write("main.tf", _utf16(TF, "utf-16-le", codecs.BOM_UTF16_LE)),
         findings=((H + "main.tf", "TDL000", 1, 1, "Invalid character encoding: this file is UTF-16"),)),
    Case("tf-utf16-be", "UTF-16 BE with a byte-order mark (Terraform reads only UTF-8)",
         write("main.tf", _utf16(TF, "utf-16-be", codecs.BOM_UTF16_BE)),
         findings=((H + "main.tf", "TDL000", 1, 1, "Invalid character encoding: this file is UTF-16"),)),
    Case("yaml-utf16-le", "a manifest in UTF-16 LE with a byte-order mark",
         write("pod.yaml", _utf16(POD, "utf-16-le", codecs.BOM_UTF16_LE)), same_as=("pod.yaml", POD)),
    Case("tf-utf16-no-bom", "UTF-16 without a byte-order mark", write("main.tf", TF.decode().encode("utf-16-le")),
         findings=((H + "main.tf", "TDL000", 1, 1, "looks like UTF-16 without a byte-order mark; save the file as UTF-8"),)),
    Case("tf-crlf", "CRLF line endings", write("main.tf", TF.replace(b"\n", b"\r\n")), same_as=("main.tf", TF)),
    Case("tf-lone-cr", "lone-CR line endings (classic Mac; Terraform rejects them)", write("main.tf", TF.replace(b"\n", b"\r")),
         findings=((H + "main.tf", "TDL000", 1, 30, "Unexpected carriage return: a lone CR is not a line break"),)),
    Case("tf-mixed-line-endings", "LF, CRLF and a lone CR in one file (Terraform rejects the lone CR)",
         write("main.tf", TF.replace(b"}\n\n", b"}\r\n\r", 1).replace(b'"amd64"\n', b'"amd64"\r\n')),
         findings=((H + "main.tf", "TDL000", 4, 1, "Unexpected carriage return"),)),
    Case("yaml-crlf", "a manifest with CRLF line endings", write("pod.yaml", POD.replace(b"\n", b"\r\n")),
         same_as=("pod.yaml", POD)),
    Case("yaml-lone-cr", "a manifest with lone-CR line endings", write("pod.yaml", POD.replace(b"\n", b"\r")),
         same_as=("pod.yaml", POD)),
    Case("tf-nul-byte", "a NUL byte in the middle of a .tf file",
         write("main.tf", TF.replace(b'  arch = "amd64"', b'  arch = "amd\x0064"')),
         findings=((H + "main.tf", "TDL000", 7, 14, "Binary content: a NUL byte at line 7, column 14; this is not a text file"),)),
    Case("tf-binary-png", "a PNG image named main.tf", write("main.tf", PNG),
         findings=((H + "main.tf", "TDL000", 3, 1, "Binary content"),)),
    Case("yaml-binary-elf", "an ELF executable named pod.yaml", write("pod.yaml", ELF),
         findings=((H + "pod.yaml", "TDL000", 1, 8, "Binary content"),)),
    Case("tf-control-characters", "ESC and DEL characters inside a string",
         write("main.tf", TF.replace(b'"linux"', b'"li\x1b[31mnux\x7f"')), same_as=("main.tf", TF)),
    Case("yaml-control-characters", "an ESC character in a manifest",
         write("pod.yaml", POD.replace(b"name: workspace", b"name: work\x1bspace")),
         findings=((H + "pod.yaml", "TDL000", 4, 13, "Invalid YAML: the control character U+001B is not allowed in YAML; remove it"),)),
    # --- empty files --------------------------------------------------------------------------------
    Case("tf-empty", "an empty .tf file (valid Terraform)", write("main.tf", b"")),
    Case("tf-whitespace-only", "a .tf file of blanks and line breaks", write("main.tf", b" \n\t\n\r\n  \n")),
    Case("tf-comments-only", "a .tf file with only comments", write("main.tf", b"# nothing here\n// nor here\n/* at all */\n")),
    Case("yaml-empty", "an empty .yaml file (not a manifest)", write("pod.yaml", b"")),
    Case("yaml-whitespace-only", "a .yaml file of blanks", write("pod.yaml", b"  \n\n\t\n")),
    Case("yaml-empty-documents", "a manifest stream with empty documents", write("pod.yaml", b"---\n---\n" + POD + b"---\n...\n"),
         same_as=("pod.yaml", b"---\n---\n" + POD + b"---\n...\n")),
    # --- size and depth -------------------------------------------------------------------------------
    Case("tf-10mb", "a 10 MB .tf file", write("main.tf", lambda: big_terraform(10 * 1024 * 1024)),
         findings=((H + "main.tf", "TDL000", 1, 1, "File too large to lint: 10.0 MiB, over the limit of 1.0 MiB; raise the limit with `max-file-size: 11MiB`"),)),
    Case("yaml-10mb", "a 10 MB manifest", write("pod.yaml", lambda: POD + b"---\n" + POD * (10 * 1024 * 1024 // len(POD))),
         findings=((H + "pod.yaml", "TDL000", 1, 1, "File too large to lint"),)),
    Case("tf-heredoc-50000-lines", "a heredoc of 50,000 lines", write("main.tf", lambda: long_heredoc(50_000))),
    Case("tf-long-line", "a single 200,000-character string", write("main.tf", b'locals {\n  s = "' + b"a" * 200_000 + b'"\n}\n')),
    Case("tf-deep-lists", "lists nested 5,000 deep", write("main.tf", deep_hcl("list", 5000)),
         findings=((H + "main.tf", "TDL000", 2, 1030, "Nested too deeply to analyse"),)),
    Case("tf-deep-objects", "objects nested 5,000 deep", write("main.tf", deep_hcl("object", 5000)),
         findings=((H + "main.tf", "TDL000", 2, 6145, "Nested too deeply to analyse"),)),
    Case("tf-deep-blocks", "blocks nested 5,000 deep", write("main.tf", deep_hcl("blocks", 5000)),
         findings=((H + "main.tf", "TDL000", 1025, 3, "Nested too deeply to analyse"),)),
    Case("tf-deep-operators", "5,000 chained `+` operators", write("main.tf", deep_hcl("operators", 5000)),
         findings=((H + "main.tf", "TDL000", 2, 7, "Nested too deeply to analyse"),)),
    Case("tf-deep-calls", "function calls nested 5,000 deep", write("main.tf", deep_hcl("calls", 5000)),
         findings=((H + "main.tf", "TDL000", 2, 4102, "Nested too deeply to analyse"),)),
    Case("yaml-deep-flow", "flow sequences nested 5,000 deep in a manifest", write("deep.yaml", deep_yaml("flow", 5000)),
         findings=((H + "deep.yaml", "TDL000", 6, 107, "Nested too deeply to analyse (more than 100 levels"),)),
    Case("yaml-deep-sequences", "block sequences nested 5,000 deep (`- - - ...`)", write("deep.yaml", deep_yaml("sequences", 5000)),
         findings=((H + "deep.yaml", "TDL000", 9, 201, "Nested too deeply to analyse"),)),
    Case("yaml-deep-mappings", "block mappings nested 150 deep", write("deep.yaml", deep_yaml("mappings", 150)),
         findings=((H + "deep.yaml", "TDL000", 105, 201, "Nested too deeply to analyse"),)),
    Case("yaml-alias-bomb", "a YAML alias bomb (billion laughs)", write("bomb.yaml", alias_bomb()),
         findings=((H + "bomb.yaml", "TDL000", 11, 6, "This expands to over 200,000 nodes once its aliases are expanded (an alias bomb?)"),),
         max_mib=20),
    Case("yaml-recursive-alias", "an alias inside its own anchor",
         write("loop.yaml", MANIFEST_HEAD + b"  a: &a [1, *a]\n"),
         findings=((H + "loop.yaml", "TDL000", 6, 6, "An alias refers to the collection it is part of (a recursive structure)"),)),
    Case("yaml-many-documents", "20,000 empty documents around a Pod",
         write("pod.yaml", b"---\n" * 20_000 + POD), same_as=("pod.yaml", b"---\n" * 20_000 + POD)),
    Case("yaml-json-brackets", "a JSON-style manifest with hundreds of brackets",
         write("pod.yaml", b'{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {'
               + b", ".join(b'"k%d": "[{}]"' % i for i in range(300)) + b"}}\n")),
    # --- YAML features -------------------------------------------------------------------------------
    Case("yaml-duplicate-keys", "a duplicate key in a container", write("pod.yaml", DUPLICATE_KEYS),
         findings=((H + "pod.yaml", "TDL000", 9, 7, "Duplicate key 'image' in this mapping (first at line 8); Kubernetes rejects"),
                   (H + "pod.yaml", "TDL412", 11, 9, ""))),
    Case("yaml-tab-indentation", "a tab used for indentation", write("pod.yaml", TAB_INDENT),
         findings=((H + "pod.yaml", "TDL000", 10, 1, "a tab character is used for indentation"),)),
    Case("yaml-python-tags", "`!!python/object/apply` and other custom tags", write("tags.yaml", PYTHON_TAGS)),
    Case("yaml-helm-template", "a Helm chart template (`{{ ... }}`)", write("pod.yaml", HELM),
         skipped=((H + "pod.yaml", "a Helm template ({{ ... }}): render it (helm template) to lint it"),)),
    Case("yaml-go-template-in-string", "a Go template in a quoted argument (`docker ps --format '{{.Names}}'`)",
         write("pod.yaml", GO_TEMPLATE_IN_STRING), same_as=("pod.yaml", GO_TEMPLATE_IN_STRING)),
    Case("yaml-multidocument-one-broken", "three documents, the second broken", write("pods.yaml", MULTI_DOCUMENT),
         findings=((H + "pods.yaml", "TDL000", 13, 15, "Invalid YAML: the '[' opened here is never closed"),
                   (H + "pods.yaml", "TDL412", 24, 9, ""))),
    Case("yaml-not-a-manifest", "broken YAML that is not a Kubernetes manifest (a CI workflow)",
         write("ci.yaml", b"name: ci\non: [push\n")),
    # --- Terraform JSON and Bottlerocket TOML -----------------------------------------------------------
    Case("tf-json-deep", "a `.tf.json` file with arrays nested 5,000 deep",
         write("main.tf.json", b'{"locals": {"x": ' + b"[" * 5000 + b"]" * 5000 + b"}}\n"),
         findings=((H + "main.tf.json", "TDL000", 1, 116, "Nested too deeply to analyse (more than 100 levels of objects"),)),
    Case("tf-json-unterminated", "a `.tf.json` file whose string never closes",
         write("main.tf.json", b'{"locals": {"a": "open}}\n'),
         findings=((H + "main.tf.json", "TDL000", 1, 18, "Unterminated string"),)),
    Case("toml-deep", "Bottlerocket user data with arrays nested 5,000 deep",
         write("user-data.toml", b"[settings.kubernetes]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n"),
         findings=((H + "user-data.toml", "TDL000", 2, 105, "Nested too deeply to analyse (more than 100 levels of arrays"),)),
    Case("toml-invalid", "Bottlerocket user data with a key and no value",
         write("user-data.toml", b"[settings.kubernetes]\nmax-pods =\n"),
         findings=((H + "user-data.toml", "TDL000", 2, 11, "Invalid TOML: invalid value"),)),
    Case("lock-file-fifo", "a FIFO named `.terraform.lock.hcl` next to a template (the lock file is read for provider versions)",
         lambda d: (write("main.tf", TF)(d), os.mkfifo(d / ".terraform.lock.hcl")),
         findings=((H + "main.tf", "TDL412", 11, 3, ""),), needs="fifo"),
    # --- the file system -------------------------------------------------------------------------------
    Case("symlink-loop", "a .tf symlink loop (`a.tf -> b.tf -> a.tf`)",
         link("a.tf", "b.tf", also=link("b.tf", "a.tf")),
         findings=((H + "a.tf", "TDL000", 1, 1, "Cannot read the file: it is a symbolic link that loops back on itself"),
                   (H + "b.tf", "TDL000", 1, 1, "Cannot read the file: it is a symbolic link that loops back on itself")),
         needs="symlink"),
    Case("symlink-directory-loop", "a directory link to its parent (`sub/up -> ..`)",
         link("sub/up", "..", also=write("sub/README.md", b"x")),
         skipped=((H + "sub/up", "a symbolic link to a directory: not followed"),), needs="symlink"),
    Case("symlink-dangling", "a .tf link whose target does not exist", link("gone.tf", "missing.tf"),
         findings=((H + "gone.tf", "TDL000", 1, 1, "Cannot read the file: it is a symbolic link whose target does not exist"),),
         needs="symlink"),
    Case("symlink-outside-root", "a link to a file outside the linted directory (`../../outside/secret.tf`)",
         link_outside("secret.tf"),
         skipped=((H + "secret.tf", "a symbolic link to a file outside the linted directory: not followed"),), needs="symlink"),
    Case("symlink-inside-root", "a link to a file inside the linted directory", link("main.tf", "target.txt", also=write("target.txt", TF)),
         same_as=("main.tf", TF), needs="symlink"),
    Case("directory-named-tf", "a directory named `x.tf`", write("x.tf/main.tf", TF),
         findings=((H + "x.tf/main.tf", "TDL412", 11, 3, ""),)),
    Case("name-not-utf8", "a .tf file whose name is not valid UTF-8 (Latin-1 bytes)", write(os.fsdecode(b"caf\xe9.tf"), TF),
         skipped=((H + "caf\ufffd.tf", "its name is not valid UTF-8"),), needs="bytes-names"),
    Case("fifo-named-tf", "a FIFO named `x.tf`", fifo("x.tf"),
         skipped=((H + "x.tf", "not a regular file (a named pipe): not read"),), needs="fifo"),
    Case("socket-named-yaml", "a UNIX socket named `x.yaml`", unix_socket("x.yaml"),
         skipped=((H + "x.yaml", "not a regular file (a socket): not read"),), needs="socket"),
    Case("removed-after-discovery", "a file removed between discovery and reading", write("main.tf", TF),
         after_discovery=lambda d: os.remove(d / "main.tf"),
         findings=((H + "main.tf", "TDL000", 1, 1, "Cannot read the file: it was removed or renamed while tfdind-lint was running"),)),
    Case("replaced-by-fifo-after-discovery", "a file replaced by a FIFO between discovery and reading", write("main.tf", TF),
         after_discovery=lambda d: (os.remove(d / "main.tf"), os.mkfifo(d / "main.tf")),
         findings=((H + "main.tf", "TDL000", 1, 1, "Cannot read the file: it is not a regular file"),), needs="fifo"),
    Case("unreadable-file", "a file without read permission", unreadable("main.tf", TF),
         findings=((H + "main.tf", "TDL000", 1, 1, "Cannot read the file: permission denied"),), needs="permissions"),
    Case("unlistable-directory", "a directory without read permission", unlistable("private"),
         skipped=((H + "private", "cannot list this directory: permission denied"),), needs="permissions"),
]

BY_ID = {case.id: case for case in CASES}
assert len(BY_ID) == len(CASES), "case ids must be unique"
