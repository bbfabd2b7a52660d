"""Reading shell scripts the way a POSIX shell tokenises them (without running anything).

Used for agent startup scripts and ``sh -c`` commands.  ``parse`` splits a
script into simple commands (words after quote removal, with their positions)
and here-documents (delimiter, quoting, ``<<-`` tab stripping, body and whether
a terminator line was found).  It understands quotes, backslash escapes and
line continuations, comments, the control operators ``; & && || |`` and
redirections; ``$(...)`` and backquotes stay inside their word.  Unknown parts
of a Terraform template appear as ``\\x00`` and are ordinary word characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_OPERATOR_CHARS = ";&|()"
_BLANK = " \t"


@dataclass(slots=True)
class Word:
    text: str  # after quote removal
    line: int  # 0-based line of the script
    column: int  # 0-based
    end_line: int
    end_column: int  # exclusive
    quoted: bool = False


@dataclass(slots=True)
class Heredoc:
    operator: str  # "<<" or "<<-"
    delimiter: str  # after quote removal
    quoted: bool  # any quoting in the delimiter word: the body is not expanded
    line: int  # line of the operator
    column: int
    body_start: int  # first body line
    terminator: int | None  # the terminator line, None when no line closes it
    body: list[str] = field(default_factory=list)

    @property
    def strip_tabs(self) -> bool:
        return self.operator == "<<-"


@dataclass(slots=True)
class Command:
    words: list[Word]
    heredocs: list[Heredoc] = field(default_factory=list)
    background: bool = False  # ends with `&`
    separator: str = ""  # the operator that ended it: ; & && || | or a newline

    @property
    def argv(self) -> list[str]:
        return [w.text for w in self.words]

    @property
    def line(self) -> int:
        return self.words[0].line if self.words else (self.heredocs[0].line if self.heredocs else 0)


@dataclass(slots=True)
class Script:
    commands: list[Command]
    heredocs: list[Heredoc]
    lines: list[str]


def parse(text: str) -> Script:
    return _Parser(text).run()


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.commands: list[Command] = []
        self.heredocs: list[Heredoc] = []
        self.pending: list[Heredoc] = []  # heredocs whose bodies start after the current line
        self.line = 0
        self.col = 0

    def run(self) -> Script:
        command = Command([])
        redirect_next = False
        while self.line < len(self.lines):
            line = self.lines[self.line]
            if self.col >= len(line):
                command = self._end(command, "\n")
                redirect_next = False
                self._newline()
                continue
            c = line[self.col]
            if c in _BLANK:
                self.col += 1
                continue
            if c == "#":
                self.col = len(line)
                continue
            if c == "\\" and self.col == len(line) - 1:  # line continuation between words
                self._newline()
                continue
            if line.startswith("<<", self.col) and not line.startswith("<<<", self.col):
                operator = "<<-" if line.startswith("<<-", self.col) else "<<"
                op_col = self.col
                self.col += len(operator)
                while self.col < len(line) and line[self.col] in _BLANK:
                    self.col += 1
                word = self._word()
                if word is not None:
                    raw = line[word.column:word.end_column] if word.line == word.end_line else word.text
                    heredoc = Heredoc(operator, word.text, any(q in raw for q in "'\"\\"), self.line, op_col, 0, None)
                    command.heredocs.append(heredoc)
                    self.pending.append(heredoc)
                continue
            if c in "<>" or (c.isdigit() and self._is_fd_redirect(line)):
                start = self.col
                while self.col < len(line) and (line[self.col].isdigit() or line[self.col] in "<>&|"):
                    self.col += 1
                operator = line[start:self.col]
                if operator.endswith("&") and self.col < len(line) and line[self.col] == "-":
                    self.col += 1
                # `2>&1` carries its target; `> file` takes the next word
                redirect_next = not (operator[-1:].isdigit() or operator.endswith("&-") or line[self.col - 1:self.col] == "-")
                continue
            if c in _OPERATOR_CHARS:
                op = line[self.col:self.col + 2] if line[self.col:self.col + 2] in ("&&", "||", ";;") else c
                self.col += len(op)
                if op in "()":
                    continue
                command = self._end(command, op)
                redirect_next = False
                continue
            word = self._word()
            if word is None:
                continue
            if redirect_next:
                redirect_next = False
                continue
            command.words.append(word)
        self._end(command, "\n")
        return Script(self.commands, self.heredocs, self.lines)

    def _is_fd_redirect(self, line: str) -> bool:
        i = self.col
        while i < len(line) and line[i].isdigit():
            i += 1
        return i < len(line) and line[i] in "<>" and (self.col == 0 or line[self.col - 1] in _BLANK + _OPERATOR_CHARS)

    def _end(self, command: Command, separator: str) -> Command:
        if command.words or command.heredocs:
            command.separator = separator
            command.background = separator == "&"
            self.commands.append(command)
            return Command([])
        return command

    def _newline(self) -> None:
        self.line += 1
        self.col = 0
        if self.pending:
            self._read_bodies()

    def _read_bodies(self) -> None:
        """Consume the bodies of the here-documents opened on the previous line, in order."""
        for heredoc in self.pending:
            heredoc.body_start = self.line
            while self.line < len(self.lines):
                candidate = self.lines[self.line]
                if heredoc.strip_tabs:
                    candidate = candidate.lstrip("\t")
                if candidate == heredoc.delimiter:
                    heredoc.terminator = self.line
                    self.line += 1
                    break
                heredoc.body.append(self.lines[self.line])
                self.line += 1
            self.heredocs.append(heredoc)
        self.pending = []

    def _word(self) -> Word | None:
        """Read one word from the current position (it may span lines through quotes or continuations)."""
        start_line, start_col = self.line, self.col
        out: list[str] = []
        quoted = False
        while self.line < len(self.lines):
            line = self.lines[self.line]
            if self.col >= len(line):
                break
            c = line[self.col]
            if c in _BLANK or c in _OPERATOR_CHARS or (c in "<>" and not out):
                break
            if c in "<>":
                break
            if c == "\\":
                if self.col + 1 < len(line):
                    out.append(line[self.col + 1])
                    self.col += 2
                else:  # continuation inside a word
                    self.line += 1
                    self.col = 0
                continue
            if c == "'":
                quoted = True
                self._single_quoted(out)
                continue
            if c == '"':
                quoted = True
                self._double_quoted(out)
                continue
            if c == "$" and line.startswith("$(", self.col):
                self._balanced(out, "(", ")")
                continue
            if c == "$" and line.startswith("${", self.col):
                self._balanced(out, "{", "}")
                continue
            if c == "`":
                self._balanced(out, "`", "`")
                continue
            out.append(c)
            self.col += 1
        if not out and not quoted:
            if self.line == start_line and self.col == start_col:
                self.col += 1  # never loop on a character we cannot read
            return None
        return Word("".join(out), start_line, start_col, self.line, self.col, quoted)

    def _single_quoted(self, out: list[str]) -> None:
        self.col += 1
        while self.line < len(self.lines):
            line = self.lines[self.line]
            end = line.find("'", self.col)
            if end >= 0:
                out.append(line[self.col:end])
                self.col = end + 1
                return
            out.append(line[self.col:] + "\n")
            self.line += 1
            self.col = 0

    def _double_quoted(self, out: list[str]) -> None:
        self.col += 1
        while self.line < len(self.lines):
            line = self.lines[self.line]
            while self.col < len(line):
                c = line[self.col]
                if c == '"':
                    self.col += 1
                    return
                if c == "\\" and self.col + 1 < len(line) and line[self.col + 1] in '$`"\\':
                    out.append(line[self.col + 1])
                    self.col += 2
                    continue
                if c == "\\" and self.col + 1 == len(line):  # continuation
                    self.col = len(line)
                    break
                out.append(c)
                self.col += 1
            else:
                out.append("\n")
            self.line += 1
            self.col = 0

    def _balanced(self, out: list[str], opening: str, closing: str) -> None:
        """Copy ``$( ... )``, ``${ ... }`` or a backquoted command into the word as written."""
        depth = 0
        first = True
        while self.line < len(self.lines):
            line = self.lines[self.line]
            while self.col < len(line):
                c = line[self.col]
                out.append(c)
                self.col += 1
                if c == "$" and first:
                    continue
                if opening == closing == "`":
                    if c == "`":
                        if not first:
                            return
                        first = False
                    continue
                first = False
                if c == opening:
                    depth += 1
                elif c == closing:
                    depth -= 1
                    if depth == 0:
                        return
            out.append("\n")
            self.line += 1
            self.col = 0


#: Programs that read a script: from ``-c <script>``, or from standard input (a here-document).
SHELLS = frozenset({"sh", "bash", "dash", "ash", "ksh", "zsh"})

_WRAPPERS = ("sudo", "exec", "env", "nohup", "command", "time")
_WRAPPER_OPTIONS_WITH_VALUE = ("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U")


def command_start(argv: list[str | None]) -> int | None:
    """Index of the program a command runs, past ``sudo``/``env``/``exec`` wrappers and variable assignments.

    ``None`` elements are words the tool cannot read; None when the program is not known.
    """
    i = 0
    while i < len(argv):
        word = argv[i]
        if word is None:
            return None
        if "=" in word and not word.startswith(("-", "/")) and word.split("=", 1)[0].isidentifier():
            i += 1
            continue
        if word in _WRAPPERS:
            i += 1
            while i < len(argv) and isinstance(argv[i], str) and argv[i].startswith("-"):
                if argv[i] in _WRAPPER_OPTIONS_WITH_VALUE and i + 1 < len(argv):
                    i += 1
                i += 1
            continue
        return i
    return None


def program(word: str) -> str:
    """The program name of a command word (``/usr/local/bin/dockerd`` -> ``dockerd``)."""
    return word.rsplit("/", 1)[-1]


def command_name(command: Command) -> str | None:
    """The program a command runs, past ``sudo``/``env``/``exec`` wrappers and variable assignments."""
    start = command_start(command.argv)
    return program(command.argv[start]) if start is not None else None


def script_operand(argv: list[str | None]) -> int | None:
    """Index of the script a shell runs with ``-c`` (``sh -c "..."``, ``bash -ec "..."``), or None.

    The script is the first operand after the options, when one of them holds ``c``.
    """
    start = command_start(argv)
    if start is None or program(argv[start]) not in SHELLS:
        return None
    has_c = False
    i = start + 1
    while i < len(argv):
        word = argv[i]
        if word is None:  # a word the tool cannot read: after -c it is the script (partly unknown)
            return i if has_c else None
        if word == "--":
            return i + 1 if has_c and i + 1 < len(argv) else None
        if word.startswith("--"):  # --login, --norc ...
            i += 1
            continue
        if word[:1] in ("-", "+") and len(word) > 1:
            has_c = has_c or "c" in word[1:]
            i += 2 if word in ("-o", "+o", "-O", "+O") else 1
            continue
        return i if has_c else None
    return None
