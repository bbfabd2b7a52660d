"""The tokens of HCL's native syntax, as hashicorp/hcl's scanner (``hclsyntax/scan_tokens.rl``) defines them.

``TOKEN.match(text, pos)`` reads the token after the blanks at ``pos``: it starts at the empty group 1 and
ends where the match does, and the empty group that closes each alternative says which kind of token it is
(``lastindex``, through ``KINDS``).  The parser reads tokens this way itself (``Parser.next``): a token costs
one match and no call of ours, and only the rare kinds go through ``odd``.  Templates (quoted strings, heredoc
bodies) are not tokens here: the parser reads them character by character and scans again for the expressions
inside ``${ }`` and ``%{ }``.

Kinds: ``nl``, ``ident``, ``number``, ``comment`` (``#``, ``//`` up to the line break, ``/* */`` whole),
``heredoc`` (``<<MARKER`` or ``<<-MARKER`` and its line break), ``eof``, ``invalid`` (one character no
token starts with), ``unclosed-comment``, and every operator and punctuation mark as itself (``==``,
``{``, ``"``, ``~}`` ...).
"""

from __future__ import annotations

from ...lazy_re import DOTALL, VERBOSE, LazyPattern

# The alternatives are tried in order: identifiers first (the most frequent), the operators after the comments
# and heredocs that start like them, longest first.  Each starts with its first character, not a group, so the
# engine passes over those that cannot match at a glance.  An identifier followed by a character past ASCII
# (which Unicode's ID_Continue may take) closes another group, for ``odd`` to finish.
TOKEN = LazyPattern(r"""[ \t]*()(?:
    [^\W\d][\w-]*(?:(?![^\x00-\x7f])()|())
  | \n()
  | \#[^\n]*()
  | //[^\n]*()
  | /\*()
  | <<-?(?:[^\W\d][\w-]*)\n()
  | (?:\.\.\.|::|==|!=|<=|>=|&&|\|\||=>|~\})()
  | [{}\[\]()=<>+\-*/%!?:,."]()
  | [0-9](?:(?:[0-9.]|[eE][+-]?[0-9])*(?:[0-9]|[eE][+-]?[0-9]))?()
  | \Z()
  | .()
)""", VERBOSE | DOTALL)

#: The kind of token each closing group of TOKEN reads, by group number: ``PUNCT`` for the operators (their
#: own kind), and for the ones ``odd`` finishes (``ODD``), what they are before it does.
PUNCT = "punct"
IDENT = 2  # the group of an identifier that needs no more
KINDS = (None, None, "ident", "ident-more", "nl", "comment", "comment", "block", "heredoc", PUNCT, PUNCT, "number",
         "eof", "invalid")
ODD = frozenset(("ident-more", "block", "invalid"))

_IDENT_REST = LazyPattern(r"[\w-]*")

NUMBER = LazyPattern(r"[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")


def odd(text: str, kind: str, match) -> tuple[str, int, int]:
    """The kind, start and end of a token ``match`` of TOKEN read as one of ``ODD``."""
    start, end = match.start(1), match.end()
    if kind == "block":
        close = text.find("*/", end)
        if close < 0:
            return "unclosed-comment", start, len(text)
        return "comment", start, close + 2
    if kind == "ident-more":
        return "ident", start, _ident_end(text, end)
    if text[start] > "\x7f" and text[start].isidentifier():  # an identifier's first letter
        return "ident", start, _ident_end(text, _IDENT_REST.match(text, end).end())
    return kind, start, end


def _ident_end(text: str, end: int) -> int:
    """Past what ``\\w`` takes, Unicode's ID_Continue has more (combining marks, connector punctuation)."""
    while end < len(text) and text[end] > "\x7f" and ("a" + text[end]).isidentifier():
        end = _IDENT_REST.match(text, end + 1).end()
    return end
