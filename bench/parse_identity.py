"""Dump everything the Terraform reader makes of a corpus, to show a change to the parser changes none of it.

    python bench/parse_identity.py --out before.txt     # on the code before the change
    python bench/parse_identity.py --out after.txt      # after; then: cmp before.txt after.txt

The corpus: every ``.tf`` and ``.tf.json`` file under tests/ and examples/, every ``.tf`` file of the trees
under bench/out/ (bench/generate.py's, bench/run.py's), and broken texts made from each tests/ and examples/
file (cut short at, or with one character dropped at, a few offsets drawn by a fixed seed), for the errors
and their positions.  Each result is written out whole: every node with its class, value, span, key, name and
lines, every block, reference and expression object field by field, the comments, the errors (message and
span), whether the file was read completely; a file refused as a whole, as its ``SourceError``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from tfdind_lint.sources import (  # noqa: E402
    SourceError,
    terraform,
    terraform_json,
)

BROKEN_PER_FILE = 8  # cuts and drops each


def corpus() -> list[str]:
    files = []
    for top in ("tests", "examples"):
        for directory, dirs, names in os.walk(os.path.join(ROOT, top)):
            dirs.sort()
            files += [os.path.join(directory, n) for n in sorted(names) if n.endswith((".tf", ".tf.json"))]
    out = os.path.join(HERE, "out")
    bench = []
    for directory, dirs, names in os.walk(out):
        dirs.sort()
        bench += [os.path.join(directory, n) for n in sorted(names) if n.endswith(".tf")]
    return files, bench


def _slots(cls: type) -> list[str]:
    names = []
    for klass in reversed(cls.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        names += [slots] if isinstance(slots, str) else list(slots)
    return names


def dump(value, write) -> None:
    """Write ``value`` out whole, with the class of everything in it."""
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        write(f"{kind.__name__}:{value!r}")
    elif isinstance(value, (list, tuple)):
        write(f"{kind.__name__}[")
        for item in value:
            dump(item, write)
            write(",")
        write("]")
    elif kind is dict:
        write("{")
        for key, item in value.items():
            write(f"{key!r}:")
            dump(item, write)
            write(",")
        write("}")
    elif isinstance(value, SourceError):
        write(f"{kind.__name__}({value.message!r},")
        dump(value.span, write)
        write(")")
    else:
        write(f"{kind.__name__}(")
        for name in _slots(kind):
            if name == "text" and kind is terraform.TerraformFile:
                write(f"text=sha256:{hashlib.sha256(value.text.encode('utf-8', 'surrogatepass')).hexdigest()},")
                continue
            write(f"{name}=")
            dump(getattr(value, name), write)
            write(",")
        write(")")


def parse(path: str, data: bytes, write) -> None:
    reader = terraform_json if path.endswith(".tf.json") else terraform
    try:
        result = reader.parse_file(path, data)
    except SourceError as error:
        write("refused ")
        dump(error, write)
    else:
        dump(result, write)
    write("\n")


def broken(data: bytes, rng: random.Random) -> list[tuple[str, bytes]]:
    if len(data) < 2:
        return []
    texts = []
    for _ in range(BROKEN_PER_FILE):
        at = rng.randrange(1, len(data))
        texts.append((f"cut@{at}", data[:at]))
        at = rng.randrange(len(data))
        texts.append((f"drop@{at}", data[:at] + data[at + 1:]))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    files, bench = corpus()
    digest = hashlib.sha256()
    count = 0
    with open(args.out, "w", encoding="utf-8", errors="surrogateescape") as out:
        def write(piece: str) -> None:
            out.write(piece)
            digest.update(piece.encode("utf-8", "surrogatepass"))

        for path in files + bench:
            with open(path, "rb") as handle:
                data = handle.read()
            name = os.path.relpath(path, ROOT)
            write(f"== {name}\n")
            parse(name, data, write)
            count += 1
            if path in bench:
                continue
            rng = random.Random(name)
            for label, text in broken(data, rng):
                write(f"== {name} {label}\n")
                parse(name, text, write)
                count += 1
    print(f"{count} parses of {len(files) + len(bench)} files: sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    sys.setrecursionlimit(200_000)
    threading.stack_size(512 * 1024 * 1024)  # the deepest test files nest a thousand levels
    thread = threading.Thread(target=main)
    thread.start()
    thread.join()
