"""Generate the differential HCL corpus and record Terraform's verdict on each file.

    python tests/hcl_corpus/generate.py            # needs `terraform` on PATH; rewrites corpus.jsonl.gz

Every case is a small ``.tf`` text built from the productions of HCL's native syntax
(hashicorp/hcl ``hclsyntax/spec.md``) and the token classes of its scanner (``scan_tokens.rl``):
templates and heredocs of every form, comments and line breaks between tokens, Unicode, encodings
and line endings, big numbers, deep nesting, ``moved``/``import``/``check``/``removed`` blocks,
quoted and expression object keys, and their broken variants; plus mutations of the repository's
real Terraform fixtures (one token deleted or doubled).  ``terraform fmt -check`` parses without
providers or network: exit 2 is a syntax error.  The cases and verdicts are committed as JSON lines
(gzip), so the suite (tests/test_hcl_corpus.py) needs no Terraform.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus.jsonl.gz"
SEED = 19

# ------------------------------------------------------------------------------------------------
# Pieces of the grammar
# ------------------------------------------------------------------------------------------------

NAMES = ["a", "b", "x_1", "foo-bar", "_u", "résumé", "naïve", "ĝis", "e\u0301t", "データ", "for", "in", "if",
         "null", "true", "endfor", "count", "each", "self", "var", "local", "data", "module", "a1-"]
BAD_NAMES = ["1a", "-a", "a.b", "a b", "$a", "'a'", "a@b"]
NUMBERS = ["0", "1", "42", "1.5", "0.25", "1e3", "1E-3", "2.5e+10", "007", "1" * 40, "9" * 400, "1.0" + "0" * 50,
           "12345678901234567890123"]
BAD_NUMBERS = ["1.", "1.2.3", "1e", "1e+", ".5", "0x10", "1_000", "1..2"]
STRING_BODIES = ["", "plain", "with space", "tab\\there", "q\\\"uote", "back\\\\slash", "\\u00e9", "\\U0001F600",
                 "uni é ✓", "$", "%", "a$b", "a%b", "$$", "%%", "$${x}", "%%{x}", "$${", "%%{", "a$${b}c", "}", "{",
                 "~", "#not comment", "//not comment", "/*not*/", "\\n\\r\\t"]
BAD_STRING_BODIES = ["\\q", "\\u12", "\\uD800", "\\U110000", "\\", "line\nbreak", "cr\rhere", "\\x41"]
COMMENTS = ["# c", "// c", "/* c */", "/* multi\nline */", "/**/", "# ${x} not a template", "#"]
OPERATORS = ["+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||"]
BAD_OPERATORS = ["===", "=<", "<>", "&", "|", "^", "**", "!==", "=!"]
FUNCTIONS = ["upper", "max", "null", "true", "for", "if", "core::upper", "provider::aws::arn_parse", "a::b::c::d",
             "length", "try"]
BLOCK_TYPES = ["resource", "data", "locals", "variable", "output", "module", "provider", "terraform", "moved",
               "import", "check", "removed", "dynamic", "lifecycle", "b", "in", "for", "résumé"]


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def pick(self, seq):
        return self.r.choice(seq)

    def odd(self, usual, odd, p: float = 0.1):
        """Mostly one of ``usual``, sometimes one of ``odd`` (the unusual or broken spellings)."""
        return self.r.choice(odd if self.r.random() < p else usual)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    # expressions -----------------------------------------------------------------------------
    def name(self) -> str:
        return self.pick(NAMES)

    def string(self, depth: int) -> str:
        parts = []
        for _ in range(self.r.randint(0, 3)):
            roll = self.r.random()
            if roll < 0.45 or depth > 1:
                parts.append(self.pick(STRING_BODIES))
            elif roll < 0.75:
                open_ = self.odd(["${", "${ "], ["${~", "${\n", "${ # c\n"], 0.3)
                close = self.odd(["}", " }"], ["~}", "\n}", " ~}"], 0.3)
                parts.append(open_ + self.expr(depth + 1) + close)
            elif roll < 0.9:
                parts.append(self.directive(depth))
            elif self.chance(0.3):
                parts.append(self.pick(["${", "%{", "${}", "%{ endif }", "%{ else }", "%{ endfor }"]))  # broken
        return '"' + "".join(parts) + '"'

    def directive(self, depth: int) -> str:
        strip = self.pick(["", "~"])
        strip2 = self.pick(["", "~"])
        body = self.pick(STRING_BODIES[:8])
        if self.chance(0.5):
            other = f"%{{{strip} else {strip2}}}{self.pick(STRING_BODIES[:8])}" if self.chance(0.4) else ""
            return f"%{{{strip} if {self.expr(depth + 1)} {strip2}}}{body}{other}%{{{strip} endif {strip2}}}"
        names = self.pick(["v", "k, v", "k,v"])
        inner = "${v}" if self.chance(0.6) else body
        return f"%{{{strip} for {names} in {self.expr(depth + 1)} {strip2}}}{inner}%{{{strip} endfor {strip2}}}"

    def heredoc(self, depth: int) -> str:
        marker = self.pick(["EOT", "EOF", "_EOT", "END-X", "e", "MARK1", "É"])
        dash = self.pick(["", "-"])
        indent = self.pick(["", "  ", "    ", "\t"])
        lines = []
        for _ in range(self.r.randint(0, 3)):
            roll = self.r.random()
            if roll < 0.5 or depth > 1:
                lines.append(indent + self.pick(["echo hi", "", "  nested", "$${x}", "%%{y}", "a \\n b", "\"quoted\"",
                                                 marker + "X", "x " + marker]))
            elif roll < 0.8:
                lines.append(indent + "${" + self.expr(depth + 1) + "}")
            else:
                lines.append(indent + self.directive(depth))
        closer = self.pick(["", "  ", indent]) + marker + self.odd([""], ["  ", " \t", ";", " x"], 0.2)
        return f"<<{dash}{marker}\n" + "".join(line + "\n" for line in lines) + closer + "\n"

    def collection(self, depth: int) -> str:
        roll = self.r.random()
        sep = self.odd([", ", ",", ",\n", ", # c\n"], ["\n", " ", ",,"], 0.1)
        if roll < 0.35:
            items = [self.expr(depth + 1) for _ in range(self.r.randint(0, 3))]
            trail = self.odd(["", ",", ",\n"], [",,", ", ,"], 0.05) if items else ""
            return "[" + self.pick(["", "\n", " "]) + sep.join(items) + trail + self.pick(["", "\n"]) + "]"
        if roll < 0.7:
            items = []
            for _ in range(self.r.randint(0, 3)):
                key = self.odd([self.name(), '"q r"', '"k"', "(" + self.expr(depth + 1) + ")", "\"${a}\""],
                               ["1", self.name() + ".x", "[1]", "a b"], 0.1)
                items.append(key + self.odd([" = ", "=", ": "], [" :", " =\n", "\n= "], 0.1) + self.expr(depth + 1))
            obj_sep = self.odd(["\n", ", ", ",\n", "\n\n"], [" ", ",\n,", "\n,"], 0.1)
            return "{" + self.pick(["", "\n", " "]) + obj_sep.join(items) + self.pick(["", "\n", ",", " "]) + "}"
        names = self.odd(["v", "k, v", "k,v"], ["v,", "1", "k, v, w"], 0.1)
        cond = self.odd(["", " if v != null"], [" if\n v", " if"], 0.2)
        if roll < 0.85:
            return f"[for {names} in {self.expr(depth + 1)} : {self.expr(depth + 1)}{cond}]"
        group = self.odd([""], ["...", " ..."], 0.3)
        return f"{{for {names} in {self.expr(depth + 1)} : {self.expr(depth + 1)} => {self.expr(depth + 1)}{group}{cond}}}"

    def traversal(self, depth: int) -> str:
        out = self.name()
        for _ in range(self.r.randint(0, 2)):
            out += self.odd([
                "." + self.name(), "[0]", "[" + self.expr(depth + 1) + "]", ".0", ".*", "[*]", "[ * ]",
                ".*.x", "[*].x[0]", "[\"k\"]",
            ], [". *", ".0.1", "\n.x", ".", "[]", "[\n0\n]", ". x", "[*", ".*[0]"], 0.12)
        return out

    def term(self, depth: int) -> str:
        if depth > 2 or (depth > 0 and self.chance(0.4)):
            return self.pick([self.name(), self.pick(NUMBERS), '"s"', "true", "null"])
        roll = self.r.random()
        if roll < 0.12:
            return self.odd(NUMBERS[:-3], NUMBERS[-3:] + BAD_NUMBERS, 0.2)
        if roll < 0.3:
            return self.string(depth) if self.chance(0.93) else '"' + self.pick(BAD_STRING_BODIES) + '"'
        if roll < 0.37:
            return self.heredoc(depth)
        if roll < 0.55:
            return self.collection(depth)
        if roll < 0.65:
            args = [self.expr(depth + 1) for _ in range(self.r.randint(0, 3))]
            tail = self.odd(["", ",", "...", ",\n"], [" ...", "...,", ",,"], 0.1) if args else ""
            return self.pick(FUNCTIONS) + self.odd(["(", "(\n"], [" (", " \n("], 0.1) + ", ".join(args) + tail + ")"
        if roll < 0.72:
            return "(" + self.pick(["", "\n", " "]) + self.expr(depth + 1) + self.pick(["", "\n", " "]) + ")"
        if roll < 0.78:
            return self.odd(["-", "!", "- "], ["!!", "- -", "-!", "--", "+", "- \n"], 0.4) + self.term(depth + 1)
        return self.traversal(depth)

    def expr(self, depth: int = 0) -> str:
        out = self.term(depth)
        roll = self.r.random()
        if roll < 0.3:
            for _ in range(self.r.randint(1, 2)):
                op = self.odd(OPERATORS, BAD_OPERATORS, 0.05)
                out += self.odd([" ", ""], ["\n", " # c\n", " /* c */ "], 0.15) + op + \
                    self.odd([" ", ""], ["\n", " # c\n"], 0.15) + self.term(depth + 1)
        elif roll < 0.4:
            out += self.odd([" ? ", "?"], ["\n? ", " ?\n"], 0.15) + self.expr(depth + 1) + \
                self.odd([" : ", ":"], ["\n: ", " :\n"], 0.15) + self.expr(depth + 1)
        return out

    # bodies -----------------------------------------------------------------------------------
    def attribute(self) -> str:
        name = self.name() if self.chance(0.97) else self.pick(BAD_NAMES + ['"quoted"'])
        return name + self.odd([" = ", "="], [" =\n", " /* c */ = ", " := ", " == "], 0.1) + self.expr()

    def block(self, depth: int = 0) -> str:
        type_ = self.pick(BLOCK_TYPES)
        labels = "".join(self.odd([' "x"', ' "y z"', " bare", ' ""', ' "é"', ' "\\u00e9"'],
                                  [' "${a}"', " /* c */ \"x\"", " 1", ' "a\\q"', ' "$${a}"', "\n"], 0.1)
                         for _ in range(self.r.randint(0, 2)))
        roll = self.r.random()
        if roll < 0.15:
            return f"{type_}{labels} {{}}"
        if roll < 0.3:
            return f"{type_}{labels} {{ {self.attribute()} }}"
        if roll < 0.35:  # one-line forms Terraform refuses
            return self.pick([f"{type_}{labels} {{ {self.attribute()}, {self.attribute()} }}",
                              f"{type_}{labels} {{ {self.attribute()}\n}}", f"{type_}{labels} {{ {self.block(9)} }}",
                              f"{type_}{labels}\n{{\n}}", f"{type_}{labels} = {{\n}}"])
        items = [self.item(depth + 1) for _ in range(self.r.randint(0, 3))]
        return f"{type_}{labels} {{\n" + "".join("  " + i + "\n" for i in items) + "}"

    def item(self, depth: int = 0) -> str:
        if depth < 2 and self.chance(0.25):
            return self.block(depth)
        return self.attribute()

    def file(self) -> str:
        items = [self.item() for _ in range(self.r.randint(1, 2))]
        sep = self.odd(["\n", "\n\n", "\n# between\n"], [" ", "\n/* x */ ", ", "], 0.05)
        return sep.join(items) + self.odd(["\n", "\n\n"], ["", "\n# end", "\n// end", " # end"], 0.1)


def insert_noise(rng: random.Random, text: str) -> str:
    """A comment or a line break at a random blank of the text (valid or not: Terraform decides)."""
    blanks = [m.start() for m in re.finditer(r" ", text)]
    if not blanks:
        return text
    at = rng.choice(blanks)
    return text[:at] + rng.choice([" /* c */ ", "\n", " # c\n", " // c\n", "\n\n"]) + text[at + 1:]


# Fixed cases: the classes of issue 19, each spelled out, so the corpus covers them whatever the random draw.
FIXED = {
    "deep-lists-1000": "x = " + "[" * 1000 + "1" + "]" * 1000 + "\n",
    "deep-objects-1000": "x = " + "{ a = " * 1000 + "1" + " }" * 1000 + "\n",
    "deep-parens-1000": "x = " + "(" * 1000 + "1" + ")" * 1000 + "\n",
    "deep-calls-1000": "x = " + "max(" * 1000 + "1" + ")" * 1000 + "\n",
    "operands-1000": "x = " + "1 + " * 1000 + "1\n",
    "operands-mixed-1000": "x = " + "a * 2 - b / 3 % c + " * 250 + "1\n",
    "unary-1000": "x = " + "!" * 1000 + "true\n",
    "number-4301-digits": "x = " + "7" * 4301 + "\n",
    "blocks-1000": "b {\n" * 1000 + "}\n" * 1000,
    "crlf": "locals {\r\n  a = 1\r\n  b = <<EOT\r\n  hi\r\n  EOT\r\n}\r\n",
    "lone-cr": "locals {\r  a = 1\r}\r",
    "lone-cr-in-comment": "# a\rb\nx = 1\n",
    "lone-cr-in-heredoc": "x = <<EOT\na\rb\nEOT\n",
    "lone-cr-in-string": 'x = "a\rb"\n',
    "bom-utf8": "\ufefflocals {\n  a = 1\n}\n",
    "heredoc-at-eof-no-newline": "x = <<EOT\nhi\nEOT",
    "comment-at-eof-no-newline": "x = 1 # end",
    "block-comment-at-eof": "x = 1 /* end */",
    "unclosed-block-comment": "x = 1 /* end",
    "empty": "",
    "only-comments": "# a\n// b\n/* c */\n",
    # the accept and reject classes of issue 19, one file each (tests/test_hcl_parser.py spells them out)
    'class-attr-comma': 'locals {\n  a = 1,\n}\n',
    'class-attr-then-brace': 'b {\n  a = 1 }\n',
    'class-bad-escape': 'locals {\n  a = "\\q"\n}\n',
    'class-bad-number': 'locals {\n  a = 1.2.3\n}\n',
    'class-block-after-block-sameline': 'a {\n}\nb {\n} c {\n}\n',
    'class-block-label-number': 'a 1 {\n}\n',
    'class-cmt-labels': 'resource /*a*/ "x" /*b*/ "y" /*c*/ {\n  a /*d*/ = /*e*/ 1 # f\n}\n',
    'class-cmt-list': 'locals {\n  x = [1, # c\n  2 // d\n  ]\n}\n',
    'class-cond-nl': 'locals {\n  a = (x\n  ? 1\n  : 2)\n}\n',
    'class-cond-obj-nl': 'locals {\n  a = {\n    b = x\n    ? 1 : 2\n  }\n}\n',
    'class-dollar-end': 'locals {\n  a = "x$"\n  b = "y%"\n}\n',
    'class-dot-number-float': 'locals {\n  a = 1.5e3\n  b = 1e5\n  c = 0.5\n}\n',
    'class-ellipsis-call': 'locals {\n  a = max(x...)\n  b = f(1, 2,)\n}\n',
    'class-else-twice': 'locals {\n  a = "%{if true}x%{else}y%{else}z%{endif}"\n}\n',
    'class-empty-interp': 'locals {\n  a = "${}"\n}\n',
    'class-endif-alone': 'locals {\n  a = "%{endif}"\n}\n',
    'class-eof-comment': 'locals {\n  a = 1\n}\n# end',
    'class-eof-no-nl': 'a = 1',
    'class-for-obj-group': 'locals {\n  a = {for k, v in x : v => k...}\n  b = [for v in x : v if v != null]\n}\n',
    'class-heredoc-endif': 'locals {\n  a = <<EOT\n%{endif}\nEOT\n}\n',
    'class-heredoc-in-interp': 'locals {\n  a = "${<<EOT\nx\nEOT\n}"\n}\n',
    'class-heredoc-us': 'locals {\n  a = <<_EOT\nhi\n_EOT\n}\n',
    'class-ident-dash': 'locals {\n  a-b = 1\n  c = a-b\n}\n',
    'class-ident-start-dash': 'locals {\n  -a = 1\n}\n',
    'class-if-unclosed': 'locals {\n  a = "%{if true}x"\n}\n',
    'class-interp-comment': 'locals {\n  a = "${x # hi\n}"\n}\n',
    'class-label-template': 'resource "a${b}" "c" {\n}\n',
    'class-legacy-idx': 'locals {\n  a = x.0.y\n  b = x.*.y.0\n}\n',
    'class-legacy-idx2': 'locals {\n  a = x.0.1\n}\n',
    'class-minus-lit': 'locals {\n  a = 1-10\n  b = length(x)-1\n  c = a-1\n}\n',
    'class-moved': 'moved {\n  from = a.b\n  to   = a.c\n}\nimport {\n  to = a.b\n  id = "x"\n}\ncheck "c" {\n  assert {\n    condition = true\n    error_message = "x"\n  }\n}\nremoved {\n  from = a.b\n  lifecycle {\n    destroy = false\n  }\n}\n',
    'class-nested-quote-interp': 'locals {\n  a = "${"}"}"\n}\n',
    'class-nl-in-string': 'locals {\n  a = "x\ny"\n}\n',
    'class-nl-interp': 'locals {\n  a = "${x\n  + y}"\n}\n',
    'class-nl-paren-op': 'locals {\n  a = (x\n  + y)\n  b = (x\n  .y)\n  c = [x\n  [0]]\n}\n',
    'class-ns-call': 'locals {\n  a = core::upper("a")\n  b = provider::aws::arn_parse("x")\n}\n',
    'class-null-call': 'locals {\n  a = null(1)\n  b = true(2)\n}\n',
    'class-obj-keys': 'locals {\n  a = {\n    "q r" = 1\n    (k) = 2\n    k2: 3,\n    for_each = 4\n  }\n}\n',
    'class-obj-no-sep': 'locals {\n  a = { b = 1 c = 2 }\n}\n',
    'class-oneline-two': 'b { a = 1, c = 2 }\n',
    'class-oneline-two-nl': 'b { a = 1\n}\n',
    'class-op-newline-after-attr': 'locals {\n  a = 1\n  + 2\n}\n',
    'class-quoted-attr-name': 'locals {\n  "a" = 1\n}\n',
    'class-short-u-escape': 'locals {\n  a = "\\u12"\n}\n',
    'class-splat-nested': 'locals {\n  a = x.*.y[*].z\n}\n',
    'class-splat-space': 'locals {\n  a = x[ * ].id\n  b = x. * .id\n}\n',
    'class-strip-directive-heredoc': 'locals {\n  a = <<EOT\n%{ for x in y ~}\n${x}\n%{ endfor ~}\nEOT\n}\n',
    'class-strip-interp': 'locals {\n  a = "${~ x ~}"\n  b = "a $${"\n  c = "b %%{"\n}\n',
    'class-surrogate-escape': 'locals {\n  a = "\\uD800"\n}\n',
    'class-tab-indent': 'locals {\n\ta = 1\n}\n',
    'class-template-in-index': 'locals {\n  a = x["${y}"]\n}\n',
    'class-tilde-outside': 'locals {\n  a = 1 ~\n}\n',
    'class-unary-stack': 'locals {\n  a = - - 1\n  b = !!true\n  c = -(-1)\n}\n',
    'class-uni-attr': 'locals {\n  résumé = 1\n  x = local.résumé\n}\n',
    'class-uni-label': 'variable café {\n  default = 1\n}\n',
    'class-uni-mark': 'locals {\n  ét = 1\n}\n',
    'class-unicode-escape': 'locals {\n  a = "\\u00e9\\U0001F600"\n}\n',
    'class-cr-block': '/* a\rb */\nx = 1\n',
    'class-cr-comment': '# a\rb\nx = 1\n',
    'class-cr-end': 'x = 1\r',
    'class-cr-heredoc': 'x = <<EOT\na\rb\nEOT\n',
    'class-cr-string': 'x = "a\rb"\n',
}

BYTES = {  # cases that are not UTF-8 text
    "utf16-le-bom": b"\xff\xfe" + "locals {\n  a = 1\n}\n".encode("utf-16-le"),
    "utf16-be-bom": b"\xfe\xff" + "locals {\n  a = 1\n}\n".encode("utf-16-be"),
    "utf16-le-no-bom": "locals {\n  a = 1\n}\n".encode("utf-16-le"),
    "latin1": "locals {\n  a = \"café\"\n}\n".encode("latin-1"),
    "latin1-in-comment": "# café\nx = 1\n".encode("latin-1"),
    "overlong-utf8": b'x = "\xc0\xaf"\n',
    "surrogate-utf8": b'x = "\xed\xa0\x80"\n',
    "truncated-utf8": b'x = "\xe2\x82"\n',
}


def generated(count: int) -> dict[str, bytes]:
    rng = random.Random(SEED)
    gen = Gen(rng)
    cases: dict[str, bytes] = {name: text.encode() for name, text in FIXED.items()}
    cases.update(BYTES)
    for i in range(count):
        text = gen.file()
        if rng.random() < 0.15:
            text = insert_noise(rng, text)
        cases[f"gen-{i:05d}"] = text.encode()
    return cases


_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\w.-]+|==|!=|<=|>=|&&|\|\||=>|\.\.\.|::|\$\{|%\{|[^\s\w]')


def mutations(count: int) -> dict[str, bytes]:
    """Real fixtures with one token deleted or doubled: the error side of the corpus."""
    rng = random.Random(SEED + 1)
    fixtures = sorted(p for d in ("tests/policies", "examples", "tests/clean_templates") for p in (ROOT / d).rglob("*.tf")
                      if p.stat().st_size < 3000)
    cases: dict[str, bytes] = {}
    for i in range(count):
        path = rng.choice(fixtures)
        text = path.read_text(encoding="utf-8")
        tokens = list(_TOKEN.finditer(text))
        if not tokens:
            continue
        token = rng.choice(tokens)
        if rng.random() < 0.5:
            mutated = text[:token.start()] + text[token.end():]
        else:
            mutated = text[:token.end()] + token.group() + text[token.end():]
        cases[f"mut-{i:04d}-{path.parent.name}"] = mutated.encode()
    return cases


def terraform_verdicts(cases: dict[str, bytes]) -> dict[str, bool]:
    """True where ``terraform fmt -check`` parses the file: one run over a directory per batch."""
    accepted: dict[str, bool] = {}
    names = sorted(cases)
    for start in range(0, len(names), 400):
        batch = names[start:start + 400]
        with tempfile.TemporaryDirectory() as directory:
            for name in batch:
                Path(directory, name + ".tf").write_bytes(cases[name])
            result = subprocess.run(["terraform", "fmt", "-no-color", "-check", "-list=false", "-recursive", "."],
                                    cwd=directory, capture_output=True, check=False)
            rejected = set(re.findall(rb"  on (\S+)\.tf line \d+", result.stderr))
            if result.returncode not in (0, 2, 3):
                raise SystemExit(f"terraform fmt failed: {result.stderr[-500:]!r}")
        for name in batch:
            accepted[name] = name.encode() not in rejected
        print(f"{start + len(batch)}/{len(names)}", file=sys.stderr)
    return accepted


def main() -> None:
    if shutil.which("terraform") is None:
        raise SystemExit("terraform is not on PATH: the verdicts come from it")
    version = subprocess.run(["terraform", "version"], capture_output=True, text=True, check=True).stdout.split("\n")[0]
    cases = generated(int(os.environ.get("CORPUS_GENERATED", "5000")))
    cases.update(mutations(int(os.environ.get("CORPUS_MUTATIONS", "1200"))))
    verdicts = terraform_verdicts(cases)
    with gzip.open(CORPUS, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(json.dumps({"terraform": version, "cases": len(cases)}) + "\n")
        for name in sorted(cases):
            data = cases[name]
            try:
                entry = {"name": name, "text": data.decode("utf-8")}
            except UnicodeDecodeError:
                entry = {"name": name, "base64": base64.b64encode(data).decode()}
            entry["terraform"] = "accept" if verdicts[name] else "reject"
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    accepted = sum(verdicts.values())
    print(f"{len(cases)} cases: {accepted} accepted, {len(cases) - accepted} rejected ({version})", file=sys.stderr)


if __name__ == "__main__":
    main()
