"""Validate user data (configuration, custom policies) against the shipped JSON schemas.

Each error names the file, the line and column, and the key path, in words a
user can act on (``unknown key `colour`; did you mean `color`?``) rather than
jsonschema's raw text.  jsonschema is imported here only, and only when there is
something to validate (it costs ~0.1 s to import).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import Any

from .resources import data_dir
from .suggest import closest

#: (keys and list indexes from the document root) -> (line, column) of that key or item
Locate = Callable[[tuple], "tuple[int, int]"]

_TYPES = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false",
          "integer": "a whole number", "number": "a number", "null": "nothing"}


@functools.cache
def _validator(name: str):
    import jsonschema  # noqa: PLC0415  (heavy: only when a config or custom policy exists)

    schema = json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))
    # the draft the schema names: config.schema.json is draft-07, which editors' YAML extensions support fully
    return jsonschema.validators.validator_for(schema)(schema)


def validate(data: Any, schema: str, display: str, locate: Locate) -> list[str]:
    """Messages ``file:line:col: key.path: what is wrong``, in file order; empty when the data is valid."""
    return [message for _, _, _, message in problems(data, schema, display, locate)]


def problems(data: Any, schema: str, display: str, locate: Locate) -> list[tuple[int, int, tuple, str]]:
    """(line, column, keys, message) of every problem, in file order: callers may check the valid parts further."""
    found: set[tuple[int, int, tuple, str]] = set()
    for error in _validator(schema).iter_errors(data):
        for keys, text in _explain(error):
            line, column = locate(keys)
            where = key_path(keys) or "(top level)"
            found.add((line, column, keys, f"{display}:{line}:{column}: {where}: {text}"))
    return sorted(found, key=lambda p: (p[0], p[1], p[3]))


def key_path(keys: tuple) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _explain(error) -> list[tuple[tuple, str]]:
    """(where, readable message) for one jsonschema error."""
    keys = tuple(error.absolute_path)
    kind = error.validator
    value = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance
    description = schema.get("description", "")
    if "propertyNames" in error.relative_schema_path:  # a bad key: jsonschema reports it on its mapping
        return [(keys + (instance,), f"`{instance}` is not a valid key here" + (f": {description}" if description else ""))]
    if kind == "additionalProperties" and isinstance(instance, dict):
        known = sorted(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        extras = [k for k in instance if k not in known and not any(re.search(p, k) for p in patterns)]
        out = []
        for key in extras:
            close = closest(str(key), known)
            hint = f"; did you mean `{close}`?" if close else (f" (known keys: {', '.join(known)})" if known else "")
            out.append((keys + (key,), f"unknown key `{key}`{hint}"))
        return out
    if kind == "required":
        missing = [k for k in value if isinstance(instance, dict) and k not in instance]
        return [(keys, f"missing required key `{k}`") for k in missing]
    if kind == "type":
        expected = [value] if isinstance(value, str) else list(value)
        words = " or ".join(_TYPES.get(t, t) for t in expected)
        return [(keys, f"expected {words}, got {_describe(instance)}")]
    if kind in ("enum", "const"):
        choices = value if kind == "enum" else [value]
        return [(keys, f"{_show(instance)} is not one of: {', '.join(_show(c) for c in choices)}")]
    if kind == "minLength":
        return [(keys, "must not be empty" if value == 1 else f"must be at least {value} characters long")]
    if kind == "maxLength":
        return [(keys, f"must be at most {value} characters long")]
    if kind == "minItems":
        return [(keys, "must list at least one entry" if value == 1 else f"must list at least {value} entries")]
    if kind == "uniqueItems":
        return [(keys, "lists the same entry twice")]
    if kind in ("oneOf", "anyOf") and error.context:
        import jsonschema  # noqa: PLC0415

        return _explain(jsonschema.exceptions.best_match(error.context))
    if description:
        return [(keys, f"{_show(instance)} is not valid: {description}")]
    return [(keys, error.message)]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f"the string {_show(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"`{value}`"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return f"`{text}`"
