"""Mutations of template and manifest files, for the fuzz harness (fuzz_engine.py).

Three families, picked at random for every mutation:

- bytes: delete, flip, duplicate a short range, or insert a token the parsers care about
  (``${``, ``<<EOT``, ``&a``, ``*a``, ``---``, ``!!python/object``, tabs, CR, NUL...);
- lines: delete, duplicate, swap, indent or dedent a line (the YAML typo that turns the
  line below ``kind:`` into its value);
- grammar-aware, by the file's kind: for HCL, duplicate or delete a block, swap an
  attribute's value for a list, an object, a number, null or a template, nest it deeper;
  for YAML, the same on ``key: value`` lines and indented blocks, or on the loaded document as
  for JSON; for JSON, on the parsed document (a value replaced by another type, wrapped deeper,
  a key deleted or duplicated).

Everything is drawn from the ``random.Random`` given, so a seed replays a run.
"""

from __future__ import annotations

import json
import random
import re
import warnings

TOKENS = [
    "${", "%{", "}", "{", "[", "]", "(", ")", '"', "'", "\\", "<<EOT\n", "<<-EOF\n", "\nEOT\n", "EOF", "&a ", "*a",
    "<<: *a\n", "\n---\n", "\n...\n", "!!python/object/apply:os.system ", "!!binary ", "!Ref ", "\t", "\r", "\r\n",
    "\x00", "\x1b", "\ufeff", "\u2028", "é", "#", "//", "/*", "*/", ": ", "- ", "? ", "|\n", ">-\n", "=", ",", "~",
    "null", "true", "0x1F", "1e999", "-", "\n", "  ", "$${", "%%{", "dynamic ", "for x in ", "=>", "...", "?", "!",
]

#: Replacement values by kind of file: a list, a mapping, other scalars, a deeper nesting of the same.
_HCL_VALUES = ['["a", "b"]', "{ a = \"b\" }", "[]", "{}", "null", "true", "1", "-1", '"${var.x}"', "var.x",
               '[{ name = "x" }]', '{ name = { a = 1 } }', '"0"', "1.5", '"%{ if true }x%{ endif }"']
_YAML_VALUES = ["[a, b]", "{a: b}", "[]", "{}", "null", "~", "true", "yes", "1", "-1", "0x10", "1.5", '""', "'x'",
                "[{name: x}]", "{name: {a: 1}}", "&a x", "*a", "!!python/object x", "|\n  line", "[[[]]]", "x: y"]

_HCL_ATTRIBUTE = re.compile(r"^(\s*[A-Za-z_][\w-]*\s*=\s*)(.+?)\s*$")
_YAML_ENTRY = re.compile(r"^(\s*(?:-\s+)?[\"']?[\w./-]+[\"']?:)([ \t]+\S.*)?$")


def mutate(rng: random.Random, data: bytes, kind: str, count: int | None = None) -> tuple[bytes, list[str]]:
    """``data`` with one to three mutations; (result, what was done) for the crasher's record."""
    done = []
    for _ in range(count if count is not None else rng.randint(1, 3)):
        family = rng.choice(("bytes", "lines", "grammar", "grammar"))
        if family == "bytes":
            data, note = _bytes(rng, data)
        elif family == "lines":
            data, note = _lines(rng, data)
        elif kind == "json":
            data, note = _json(rng, data)
        elif kind == "yaml":
            data, note = _yaml(rng, data)
        else:
            data, note = _hcl(rng, data)
        done.append(note)
    return data, done


def _bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    a = rng.randint(0, len(data))
    b = min(len(data), a + rng.randint(1, 24))
    op = rng.choice(("delete", "flip", "duplicate", "insert", "insert", "truncate"))
    if op == "delete":
        return data[:a] + data[b:], f"delete bytes {a}:{b}"
    if op == "flip" and a < len(data):
        new = rng.choice((data[a] ^ (1 << rng.randint(0, 7)), rng.randint(0, 255)))
        return data[:a] + bytes([new]) + data[a + 1:], f"flip byte {a} to {new:#x}"
    if op == "duplicate":
        return data[:b] + data[a:b] + data[b:], f"duplicate bytes {a}:{b}"
    if op == "truncate":
        return data[:a], f"truncate at {a}"
    token = rng.choice(TOKENS)
    return data[:a] + token.encode() + data[a:], f"insert {token!r} at {a}"


def _split(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _lines(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = _split(data)
    i = rng.randrange(len(lines))
    op = rng.choice(("delete", "duplicate", "swap", "indent", "dedent"))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "indent":
        lines[i] = b"  " + lines[i]
    else:
        lines[i] = lines[i][2:] if lines[i].startswith(b"  ") else lines[i].lstrip()
    return b"\n".join(lines), f"{op} line {i + 1}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" -"))


def _yaml(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if rng.random() < 0.3:
        return _yaml_tree(rng, data)
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    entries = [i for i, line in enumerate(lines) if _YAML_ENTRY.match(line)]
    if not entries:
        return _bytes(rng, data)
    i = rng.choice(entries)
    m = _YAML_ENTRY.match(lines[i])
    op = rng.choice(("value", "value", "value", "nest", "block-delete", "block-duplicate", "to-mapping", "to-list"))
    end = i + 1  # the block under a key: the lines indented more deeply
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > _indent(lines[i])):
        end += 1
    pad = " " * (_indent(lines[i]) + 2)
    if op == "value":
        value = rng.choice(_YAML_VALUES)
        if "\n" in value:
            value = value.replace("\n", "\n" + pad)
        lines[i:end] = [f"{m.group(1)} {value}"]
    elif op == "nest":  # the value one level deeper, under a new key or in a list
        if m.group(2):
            lines[i] = f"{m.group(1)}\n{pad}{rng.choice(('name', 'x', 'kind', 'value'))}:{m.group(2)}"
        else:
            lines[i + 1:end] = ["  " + line for line in lines[i + 1:end]]
    elif op == "block-delete":
        del lines[i:end]
    elif op == "block-duplicate":
        lines[end:end] = lines[i:end]
    elif op == "to-mapping":  # `key: value` becomes `key:` with an indented mapping under it
        lines[i] = f"{m.group(1)}\n{pad}name: {(m.group(2) or ' x').strip()}"
    else:
        lines[i] = f"{m.group(1)}\n{pad}- {(m.group(2) or ' x').strip()}"
    return "\n".join(lines).encode(), f"yaml {op} at line {i + 1}"


def _yaml_tree(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """A value anywhere in one document replaced by one of another type (as ``_json``), the stream written as JSON."""
    from ruamel.yaml import YAML

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the seeds include an anchor defined twice
            documents = [d for d in YAML(typ="safe", pure=True).load_all(data.decode("utf-8")) if d is not None]
        if not documents:
            return _bytes(rng, data)
        index = rng.randrange(len(documents))
        mutated, note = _json(rng, json.dumps(documents[index], default=str).encode())
    except Exception:  # noqa: BLE001  (not YAML the safe loader reads: mutate the bytes instead)
        return _bytes(rng, data)
    texts = [json.dumps(d, default=str, indent=2).encode() for d in documents]
    texts[index] = mutated  # bytes: a document without a value to replace gets byte mutations, maybe not UTF-8
    return b"\n---\n".join(texts), f"yaml tree: document {index + 1}, {note}"


def _hcl(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    op = rng.choice(("value", "value", "nest", "block-delete", "block-duplicate", "block-nest"))
    if op in ("value", "nest"):
        attributes = [i for i, line in enumerate(lines) if _HCL_ATTRIBUTE.match(line)]
        if not attributes:
            return _bytes(rng, data)
        i = rng.choice(attributes)
        m = _HCL_ATTRIBUTE.match(lines[i])
        if op == "value":
            lines[i] = m.group(1) + rng.choice(_HCL_VALUES)
        else:
            value = m.group(2)
            lines[i] = m.group(1) + rng.choice((f"[{value}]", f"{{ x = {value} }}", f"[[{value}]]", f"{{ name = [{value}] }}"))
        return "\n".join(lines).encode(), f"hcl {op} at line {i + 1}"
    blocks = _hcl_blocks(lines)
    if not blocks:
        return _bytes(rng, data)
    start, end = rng.choice(blocks)
    if op == "block-delete":
        del lines[start:end + 1]
    elif op == "block-duplicate":
        lines[end + 1:end + 1] = lines[start:end + 1]
    else:  # the block inside another block of the same name
        head = lines[start].strip().split()[0]
        lines[start:end + 1] = [f"{head} {{"] + lines[start:end + 1] + ["}"]
    return "\n".join(lines).encode(), f"hcl {op} at line {start + 1}"


def _hcl_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of every block opened by a line ending in ``{`` and closed by a ``}`` line."""
    found, stack = [], []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.endswith("{") and not stripped.startswith("#"):
            stack.append(i)
        elif stripped == "}" and stack:
            found.append((stack.pop(), i))
    return found


def _json(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    try:
        document = json.loads(data)
    except ValueError:
        return _bytes(rng, data)
    paths = list(_json_paths(document, ()))
    if not paths:
        return _bytes(rng, data)
    path = rng.choice(paths)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    value = parent[last]
    op = rng.choice(("type", "type", "nest", "delete", "duplicate"))
    if op == "type":
        parent[last] = rng.choice(([value, value], {"a": value}, [], {}, None, True, 1, "${var.x}", "x", [{"name": "x"}],
                                   {"name": {"a": 1}}))
    elif op == "nest":
        parent[last] = rng.choice(([value], {"x": value}, [[value]]))
    elif op == "delete":
        del parent[last]
    elif isinstance(parent, list):
        parent.insert(last, value)
    else:
        parent[f"{last}"] = value  # a JSON object cannot hold a key twice: duplicate it in the text below
        text = json.dumps(document, indent=rng.choice((None, 2)))
        key = json.dumps(last)
        at = text.find(key + ":")
        if at >= 0:
            text = text[:at] + f"{key}: {json.dumps(value)}, " + text[at:]
        return text.encode(), f"json duplicate key {'/'.join(map(str, path))}"
    return json.dumps(document, indent=rng.choice((None, 2))).encode(), f"json {op} {'/'.join(map(str, path))}"


def _json_paths(value, path):
    if isinstance(value, dict):
        for key, child in value.items():
            yield path + (key,)
            yield from _json_paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield path + (index,)
            yield from _json_paths(child, path + (index,))
