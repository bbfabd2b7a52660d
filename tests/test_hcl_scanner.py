"""The scanner's and the parser's patterns written for speed read what the plain ones they stand for read."""

from __future__ import annotations

import random
import re

from tfdind_lint.sources.hcl import scanner
from tfdind_lint.sources.hcl.parser import _QUOTED_STOP

# What _QUOTED_STOP is written for: its first characters as a set, searched for at C speed, then lookbehinds.
PLAIN_QUOTED_STOP = re.compile(r'["\\\n\r\udc80-\udcff]|\$\$\{|%%\{|[$%]\{')

ALPHABET = ("$", "%", "{", "}", '"', "\\", "\n", "\r", "\udc80", "\udcff", "\udc7f", "\ud800", "a", " ")


def test_the_quoted_string_stop_finds_what_the_plain_alternation_finds():
    rng = random.Random(17)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(10)))
        for pos in range(len(text) + 1):
            ours, plain = _QUOTED_STOP.search(text, pos), PLAIN_QUOTED_STOP.search(text, pos)
            assert (ours and (ours.span(), ours.group())) == (plain and (plain.span(), plain.group())), (text, pos)


# The token pattern as it was written first, one named group per kind (the rewrite's reference).
PLAIN_TOKEN = re.compile(r"""[ \t]*(?:
    (?P<nl>\n)
  | (?P<ident>[^\W\d][\w-]*)
  | (?P<number>[0-9](?:(?:[0-9.]|[eE][+-]?[0-9])*(?:[0-9]|[eE][+-]?[0-9]))?)
  | (?P<comment>\#[^\n]*|//[^\n]*)
  | (?P<block>/\*)
  | (?P<heredoc><<-?(?:[^\W\d][\w-]*)\n)
  | (?P<punct>\.\.\.|::|==|!=|<=|>=|&&|\|\||=>|~\}|[{}\[\]()=<>+\-*/%!?:,."])
  | (?P<eof>\Z)
  | (?P<invalid>.)
)""", re.VERBOSE | re.DOTALL)


def _plain_token(text: str, pos: int) -> tuple[str, int, int]:
    m = PLAIN_TOKEN.match(text, pos)
    kind = m.lastgroup
    start, end = m.span(kind)
    if kind == "punct":
        return text[start:end], start, end
    if kind == "block":
        close = text.find("*/", end)
        return ("unclosed-comment", start, len(text)) if close < 0 else ("comment", start, close + 2)
    if kind == "ident" or kind == "invalid" and text[start] > "\x7f" and text[start].isidentifier():
        end = scanner._IDENT_REST.match(text, end).end() if kind == "invalid" else end
        while end < len(text) and text[end] > "\x7f" and ("a" + text[end]).isidentifier():
            end = scanner._IDENT_REST.match(text, end + 1).end()
        return "ident", start, end
    return kind, start, end


def _token(text: str, pos: int) -> tuple[str, int, int]:
    """A token as Parser.next reads it."""
    m = scanner.TOKEN.match(text, pos)
    kind = scanner.KINDS[m.lastindex]
    start, end = m.start(1), m.end()
    if kind == scanner.PUNCT:
        return text[start:end], start, end
    if kind in scanner.ODD:
        return scanner.odd(text, kind, m)
    return kind, start, end


TOKEN_ALPHABET = ("a", "Z", "_", "-", "0", "9", ".", "e", "E", "+", " ", "\t", "\n", "#", "/", "*", "<", "-", "=", "!",
                  "&", "|", "~", "}", "{", ":", '"', "\r", "é", "\u0301", "\u2118", "\u0660", "\udc80", "\x00")


def test_the_token_pattern_reads_what_the_plain_one_reads():
    rng = random.Random(19)
    for _ in range(20_000):
        text = "".join(rng.choice(TOKEN_ALPHABET) for _ in range(rng.randrange(12)))
        for pos in range(len(text) + 1):
            assert _token(text, pos) == _plain_token(text, pos), (text, pos)
