"""The tokens of HCL's native syntax, as hashicorp/hcl's scanner (``hclsyntax/scan_tokens.rl``) defines them.

``token(text, pos)`` reads the token after the blanks at ``pos``: ``(kind, start, end)``.  Templates
(quoted strings, heredoc bodies) are not tokens here: the parser reads them character by character and
calls back into ``token`` for the expressions inside ``${ }`` and ``%{ }``.

Kinds: ``nl``, ``ident``, ``number``, ``comment`` (``#``, ``//`` up to the line break, ``/* */`` whole),
``heredoc`` (``<<MARKER`` or ``<<-MARKER`` and its line break), ``eof``, ``invalid`` (one character no
token starts with), ``unclosed-comment``, and every operator and punctuation mark as itself (``==``,
``{``, ``"``, ``~}`` ...).
"""

from __future__ import annotations

from ...lazy_re import DOTALL, VERBOSE, LazyPattern

# Order matters only where one alternative is a prefix of another (the operators: longest first).
_TOKEN = LazyPattern(r"""[ \t]*(?:
    (?P<nl>\n)
  | (?P<ident>[^\W\d][\w-]*)
  | (?P<number>[0-9](?:(?:[0-9.]|[eE][+-]?[0-9])*(?:[0-9]|[eE][+-]?[0-9]))?)
  | (?P<comment>\#[^\n]*|//[^\n]*)
  | (?P<block>/\*)
  | (?P<heredoc><<-?(?:[^\W\d][\w-]*)\n)
  | (?P<punct>\.\.\.|::|==|!=|<=|>=|&&|\|\||=>|~\}|[{}\[\]()=<>+\-*/%!?:,."])
  | (?P<eof>\Z)
  | (?P<invalid>.)
)""", VERBOSE | DOTALL)

_IDENT_REST = LazyPattern(r"[\w-]*")

NUMBER = LazyPattern(r"[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")


def token(text: str, pos: int) -> tuple[str, int, int]:
    m = _TOKEN.match(text, pos)
    kind = m.lastgroup
    start, end = m.span(kind)
    if kind == "punct":
        return text[start:end], start, end
    if kind == "ident":
        # past what ``\w`` takes, Unicode's ID_Continue has more (combining marks, connector punctuation)
        while end < len(text) and text[end] > "\x7f" and ("a" + text[end]).isidentifier():
            end = _IDENT_REST.match(text, end + 1).end()
        return kind, start, end
    if kind == "block":
        close = text.find("*/", end)
        if close < 0:
            return "unclosed-comment", start, len(text)
        return "comment", start, close + 2
    if kind == "invalid" and text[start] > "\x7f" and text[start].isidentifier():  # an identifier's first letter
        end = _IDENT_REST.match(text, end).end()
        while end < len(text) and text[end] > "\x7f" and ("a" + text[end]).isidentifier():
            end = _IDENT_REST.match(text, end + 1).end()
        return "ident", start, end
    return kind, start, end
