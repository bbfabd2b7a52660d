"""Coverage-guided fuzzing of the HCL parser with atheris (libFuzzer), outside the test suite.

    pip install -e '.[fuzz]'          # atheris
    nice python scripts/fuzz_parser.py --duration 3600

Each input goes to ``sources/terraform.parse_file`` (the HCL parser) and to the ``.tf.json``
reader.  ``SourceError`` is the expected answer to bad input; any other exception (a
``RecursionError`` caught by the parser's backstop included), or an input
taking longer than ``--timeout`` seconds, is a crash that libFuzzer writes to ``--artifacts``
(and stops).  The corpus starts from every ``.tf`` and ``.tf.json`` file under ``tests/`` and
``examples/``, copied into ``--corpus`` (default ``bench/out/fuzz-parser/corpus``, not committed),
which keeps what the run found.  Arguments after ``--`` go to libFuzzer as they are (for example
``-- -minimize_crash=1 -runs=10000 crash-FILE`` to shrink a crasher).  See docs/robustness.md.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["tfdind_lint"]):
    from tfdind_lint.sources import SourceError
    from tfdind_lint.sources import terraform, terraform_json

#: Tokens of HCL's syntax that random bytes rarely spell: libFuzzer splices them in.
TOKENS = ["${", "%{", "}", "~}", "%{ if ", "%{ for ", "%{ endif }", "%{ endfor }", "<<EOT\n", "<<-EOT\n", "\nEOT\n",
          "[for ", " : ", " => ", "...", "[*]", ".*", "? ", "&&", "||", "!", "==", "#", "//", "/*", "*/", "\\u00e9",
          "\\", "\"", "'", "dynamic \"x\" {", "content {", "locals {", "resource \"a\" \"b\" {", " = ", "null",
          "true", "false", "1e999", "0x", "\t", "\r\n", "\r", "\x00", "\ufeff", "\u2028"]


class BackstopReached(Exception):
    """The parser hit Python's recursion limit: its own depth count (MAX_TREE_DEPTH) should have stopped first."""


class StrictParser(terraform.Parser):
    """terraform.py turns a RecursionError into a "too deep" SourceError as a backstop: here it is a crash."""

    def file(self):
        try:
            return super().file()
        except RecursionError as error:
            raise BackstopReached from error

    def template_node(self, *args, **kwargs):
        try:
            return super().template_node(*args, **kwargs)
        except RecursionError as error:
            raise BackstopReached from error


terraform.Parser = StrictParser


def test_one_input(data: bytes) -> None:
    try:
        terraform.parse_file("main.tf", data)
    except SourceError:
        pass
    try:
        terraform_json.parse_file("main.tf.json", data)
    except SourceError:
        pass


def _dict_entry(token: str) -> str:
    """A libFuzzer dictionary entry: printable ASCII as it is, any other byte (and quote, backslash) as \\xNN."""
    return "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}" for b in token.encode())


def seed(corpus: Path) -> int:
    """Copy every .tf and .tf.json fixture into the corpus (named by content: copying again adds nothing)."""
    corpus.mkdir(parents=True, exist_ok=True)
    count = 0
    for top in ("tests", "examples"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and path.name.endswith((".tf", ".tf.json")) and path.stat().st_size <= 64 * 1024:
                data = path.read_bytes()
                (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
                count += 1
    return count


def main() -> None:
    argv, _, libfuzzer = sys.argv[1:], None, []
    if "--" in argv:
        argv, libfuzzer = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=600, help="seconds to run (-max_total_time; default 600)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "out" / "fuzz-parser" / "corpus")
    parser.add_argument("--artifacts", type=Path, default=ROOT / "bench" / "out" / "fuzz-parser" / "crashes")
    parser.add_argument("--timeout", type=int, default=10, help="seconds an input may take before it is a hang")
    parser.add_argument("--max-len", type=int, default=16384, help="largest input libFuzzer makes (bytes)")
    args = parser.parse_args(argv)
    print(f"{seed(args.corpus)} seed files in {args.corpus}", flush=True)
    args.artifacts.mkdir(parents=True, exist_ok=True)
    dictionary = Path(tempfile.mkdtemp(prefix="fuzz-parser-")) / "hcl.dict"
    dictionary.write_text("".join(f'"{_dict_entry(token)}"\n' for token in TOKENS), encoding="ascii")
    flags = [f"-max_total_time={args.duration}", f"-timeout={args.timeout}", f"-max_len={args.max_len}",
             f"-artifact_prefix={args.artifacts}/", f"-dict={dictionary}", "-print_final_stats=1"]
    if not any(not a.startswith("-") for a in libfuzzer):  # no input files named: fuzz the corpus
        flags.append(str(args.corpus))
    atheris.Setup([sys.argv[0], *flags, *libfuzzer], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
