"""The scans that run over every file's text before parsing, against plain reference implementations."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tfdind_lint.sources.terraform import MAX_TREE_DEPTH, _may_nest_deeper, _open_brackets, _skip_string


def _skip_string_reference(text: str, pos: int) -> int:
    """One character at a time: the definition the fast scanner must agree with."""
    n = len(text)
    depth = 0
    while pos < n:
        c = text[pos]
        if c == "\\":
            pos += 2
            continue
        if c == "\n" and depth == 0:
            return pos
        if depth == 0:
            if c == '"':
                return pos + 1
            if text.startswith("${", pos) or text.startswith("%{", pos):
                if pos > 0 and text[pos - 1] == c:
                    pos += 1
                    continue
                depth = 1
                pos += 2
                continue
        else:
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            elif c == '"':
                pos = _skip_string_reference(text, pos + 1)
                continue
        pos += 1
    return min(pos, n)


STRING_BODIES = st.text(alphabet='ab"\\\n${}%', max_size=40)


@settings(max_examples=3000, deadline=None)
@given(STRING_BODIES)
def test_skip_string_agrees_with_the_reference(body):
    text = '"' + body
    assert _skip_string(text, 1) == _skip_string_reference(text, 1)


def test_skip_string_examples():
    assert _skip_string('"abc" x', 1) == 5
    assert _skip_string('"a${"}"}" x', 1) == 9  # a string inside an interpolation
    assert _skip_string('"a$${ x', 1) == 7  # $${ is an escape: no interpolation, the line ends unclosed
    assert _skip_string('"a\\"b"', 1) == 6
    assert _skip_string('"abc\nd"', 1) == 4  # unclosed: ends at the end of its line
    assert _skip_string('"a${\n"b"}"', 1) == 10  # an interpolation may span lines


def test_the_quick_depth_test_sees_deep_nesting():
    deep = "x = " + "[" * (MAX_TREE_DEPTH + 1) + "]" * (MAX_TREE_DEPTH + 1)
    assert _may_nest_deeper(deep, MAX_TREE_DEPTH)
    assert len(_open_brackets(deep, MAX_TREE_DEPTH)[0]) > MAX_TREE_DEPTH
    shallow = "x = " + "[" * MAX_TREE_DEPTH + "]" * MAX_TREE_DEPTH
    assert not _may_nest_deeper(shallow, MAX_TREE_DEPTH)
    assert not _may_nest_deeper("", MAX_TREE_DEPTH)
