"""The lexer and LALR loops of sources/terraform.py give what Lark's own give: the same trees, the same errors.

Both replace internals of Lark for speed (docs/benchmarks.md); these tests parse every
Terraform file of the repository and a set of broken texts with Lark's own parser and
with the fast one, and compare every tree node and every token's type, text and position.
"""

from pathlib import Path

import pytest

from tfdind_lint.sources import hcl_parser, terraform

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for d in ("tests", "examples") for p in (ROOT / d).rglob("*.tf"))

BROKEN = [
    'resource "a" "b" {\n  x = \n}\n',  # a value missing
    'resource "a" "b" {\n  x = "open\n}\n',  # an unterminated string
    'resource "a" "b" {\n  x = 1 +\n',  # the end of input inside an expression
    'locals {\n  x = [1, 2\n}\n',  # a bracket never closed
    'locals {\n  x = 1 ~ 2\n}\n',  # a character no terminal matches
    'locals {\n  x = <<EOT\nbody\n}\n',  # a heredoc never closed
    "}",
    "= 1",
    'x = "${a"\n',  # an interpolation never closed
]


@pytest.fixture(scope="module")
def parsers():
    plain = hcl_parser.load_tables(lazy=False)  # Lark's own, as python-hcl2 loads it (but for positions)
    fast = hcl_parser.load_tables()
    hcl_parser._fast_lexer(fast)
    hcl_parser._fast_parser(fast)
    # both replacements took: a Lark upgrade that silently disabled them would fail here
    assert "lex" in vars(fast.parser.lexer.lexer)
    assert "parse" in vars(fast.parser.parser.parser)
    return plain, fast


def _flatten(tree) -> list:
    """Every node in order: (data, child count) for trees, every token attribute for tokens.

    A run of line breaks and comments is one entry (its text, its start and its end): the fast lexer
    hands the parser consecutive ones as one token, which the grammar reads the same.
    """
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if getattr(node, "data", None) == "new_line_or_comment":
            first, last = node.children[0], node.children[-1]
            out.append(("breaks", "".join(map(str, node.children)), first.start_pos, first.line, first.column,
                        last.end_pos, last.end_line, last.end_column))
        elif hasattr(node, "children"):
            out.append(("tree", str(node.data), len(node.children)))
            stack.extend(reversed(node.children))
        elif node is None:
            out.append(None)
        else:
            out.append(("token", node.type, str(node), node.start_pos, node.end_pos,
                        node.line, node.column, node.end_line, node.end_column))
    return out


def test_the_repository_has_terraform_files_to_compare():
    assert len(FILES) > 100


CONTINUED = """\
locals {
  a = (var.x
    == var.y
    ? 1
    : 2)
  # a comment between
  b = (var.p
    && var.q)
  c = 1
  d = -2
  e = [1,
    2]
  f = (var.n
  + 3)
}
"""


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment", CONTINUED, "a = 1\n\n\n# end"])
def test_same_tree_for_texts_without_blocks(parsers, text):
    plain, fast = parsers
    assert _flatten(fast.parse(text + "\n")) == _flatten(plain.parse(text + "\n"))


#: Valid Terraform that python-hcl2's own post-lexer rejects and the fast lexer reads (see CONTINUED_AFTER_BREAKS)
FIXED_BY_THE_FAST_LEXER = {"tests/policies/TDL000/continued_expressions.tf"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_tree_as_lark(parsers, path):
    plain, fast = parsers
    text = path.read_text(encoding="utf-8", errors="replace")
    if str(path.relative_to(ROOT)) in FIXED_BY_THE_FAST_LEXER:
        with pytest.raises(hcl_parser.exceptions.UnexpectedInput):
            plain.parse(text + "\n")
        fast.parse(text + "\n")
        return
    try:
        expected = _flatten(plain.parse(text + "\n"))
    except Exception as exc:  # noqa: BLE001  (a fixture of a syntax error: the same error)
        with pytest.raises(type(exc)) as raised:
            fast.parse(text + "\n")
        assert (getattr(raised.value, "line", None), getattr(raised.value, "column", None)) == \
            (getattr(exc, "line", None), getattr(exc, "column", None))
        return
    assert _flatten(fast.parse(text + "\n")) == expected


@pytest.mark.parametrize("text", BROKEN)
def test_same_error_as_lark(parsers, text):
    plain, fast = parsers
    with pytest.raises(Exception) as lark_error:  # noqa: PT011
        plain.parse(text + "\n")
    with pytest.raises(type(lark_error.value)) as fast_error:
        fast.parse(text + "\n")
    for attribute in ("line", "column", "char", "token", "expected"):
        assert getattr(fast_error.value, attribute, None) == getattr(lark_error.value, attribute, None), attribute
    assert str(fast_error.value) == str(lark_error.value)


def test_the_fast_paths_are_used_by_a_long_run(monkeypatch):
    """After a few files a process switches to the fast parser; the first files use the fast lexer only."""
    monkeypatch.setattr(hcl_parser, "_parsed", 0)
    calls = []
    monkeypatch.setattr(hcl_parser, "_fast_parser", calls.append)
    for _ in range(5):
        terraform.parse_file("main.tf", b'locals {\n  x = 1\n}\n')
    assert calls == [hcl_parser.get()]


def test_the_lazy_tables_read_only_the_states_a_text_needs():
    parser = hcl_parser.load_tables()
    states = parser.parser.parser.parser.parse_table.states
    assert len(states) == 0 < len(states.raw)
    parser.parse('locals {\n  x = 1\n}\n')
    assert 0 < len(states) < len(states.raw) / 4


CONTINUED_AFTER_BREAKS = [
    "x = (var.p\n\n    && var.q)\n",
    "x = (var.p\n    # why\n    && var.q)\n",
    "x = (var.p\n  // why\n  && var.q)\n",
    "x = (var.n\n  /* why */ + 3)\n",
    "x = (var.c\n\n  ? 1\n\n  : 2)\n",
]


@pytest.mark.parametrize("text", CONTINUED_AFTER_BREAKS)
def test_blank_and_comment_lines_before_a_continuing_operator(parsers, text):
    """Terraform accepts these (terraform fmt parses them); python-hcl2's own post-lexer does not."""
    plain, fast = parsers
    with pytest.raises(hcl_parser.exceptions.UnexpectedInput):
        plain.parse(text)
    tree = fast.parse(text)
    operators = [t for t in tree.scan_values(lambda v: getattr(v, "type", "") in ("DOUBLE_AMP", "PLUS", "QMARK"))]
    assert operators and all(str(t).startswith("\n") for t in operators)  # the breaks went into the operator
    attribute = terraform.parse_file("main.tf", text.encode()).body.attributes["x"]
    assert (attribute.span.line, attribute.span.end_line) == (1, text.count("\n"))
