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

from .memo import recent
from .record import MutableValue

_OPERATOR_CHARS = ";&|()"
_BLANK = " \t"


class Word(MutableValue):
    """A word of a shell command, with its position in the script."""

    __slots__ = _fields = ("text", "line", "column", "end_line", "end_column", "quoted")

    def __init__(self, text: str, line: int, column: int, end_line: int, end_column: int, quoted: bool = False):
        self.text = text  # after quote removal
        self.line = line  # 0-based line of the script
        self.column = column  # 0-based
        self.end_line = end_line
        self.end_column = end_column  # exclusive
        self.quoted = quoted


class Heredoc(MutableValue):
    """A here-document: its operator, delimiter and body."""

    __slots__ = _fields = ("operator", "delimiter", "quoted", "line", "column", "body_start", "terminator", "body",
                           "delimiter_end")

    def __init__(self, operator: str, delimiter: str, quoted: bool, line: int, column: int, body_start: int,
                 terminator: int | None, body: list[str] | None = None, delimiter_end: int = 0):
        self.operator = operator  # "<<" or "<<-"
        self.delimiter = delimiter  # after quote removal
        self.quoted = quoted  # any quoting in the delimiter word: the body is not expanded
        self.line = line  # line of the operator
        self.column = column
        self.body_start = body_start  # first body line
        self.terminator = terminator  # the terminator line, None when no line closes it
        self.body = [] if body is None else body
        self.delimiter_end = delimiter_end  # column after the delimiter word (on the operator's line)

    @property
    def strip_tabs(self) -> bool:
        return self.operator == "<<-"


class Command(MutableValue):
    """A simple command: its words, heredocs and the operator that ended it."""

    __slots__ = _fields = ("words", "heredocs", "background", "separator")

    def __init__(self, words: list[Word], heredocs: list[Heredoc] | None = None, background: bool = False,
                 separator: str = ""):
        self.words = words
        self.heredocs = [] if heredocs is None else heredocs
        self.background = background  # ends with `&`
        self.separator = separator  # the operator that ended it: ; & && || | or a newline

    @property
    def argv(self) -> list[str]:
        return [w.text for w in self.words]

    @property
    def line(self) -> int:
        return self.words[0].line if self.words else (self.heredocs[0].line if self.heredocs else 0)


class Script(MutableValue):
    """A shell script read into commands."""

    __slots__ = _fields = ("commands", "heredocs", "lines")

    def __init__(self, commands: list[Command], heredocs: list[Heredoc], lines: list[str]):
        self.commands = commands
        self.heredocs = heredocs
        self.lines = lines


@recent(8)
def parse(text: str) -> Script:
    """The script's commands and here-documents.  Cached: several rules read the same script (a 50,000-line one
    takes seconds to parse), so callers must not change what it returns."""
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
                    heredoc = Heredoc(operator, word.text, any(q in raw for q in "'\"\\"), self.line, op_col, 0, None,
                                      delimiter_end=word.end_column)
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
            if line.startswith("((", self.col):
                end = _arithmetic_end(line, self.col)
                if end > 0:  # `(( x << 2 ))` is arithmetic, not a subshell or a here-document
                    command.words.append(Word(line[self.col:end], self.line, self.col, self.line, end))
                    self.col = end
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


def _arithmetic_end(line: str, start: int) -> int:
    """The column after the ``))`` closing an arithmetic command that starts at ``start``, or 0."""
    depth = 0
    for i in range(start, len(line)):
        if line[i] == "(":
            depth += 1
        elif line[i] == ")":
            depth -= 1
            if depth == 1 and line.startswith("))", i):
                return i + 2
            if depth <= 0:
                return 0
    return 0


# ----------------------------------------------------------------------------------------------
# Wrappers: programs that run the rest of their command line (sudo, su, env, exec ...)
# ----------------------------------------------------------------------------------------------

#: Keeps every variable of the caller (``sudo -E``, ``sudo --preserve-env``).
ALL = "*"


class Wrapper(MutableValue):
    """A program that runs another on the caller's behalf: ``sudo -u coder``, ``su - coder``, ``env -i``, ``exec``.

    ``clears_env`` says the program it runs starts from a fresh environment:
    sudo's default ``env_reset``, a login shell (``su -``, ``runuser -l``),
    ``env -i``, ``exec -c``; ``keeps`` names what survives anyway
    (``--preserve-env=A,B``; ``ALL`` for ``-E``), ``sets`` what the wrapper's own
    command line assigns (``sudo NAME=value cmd``, ``env NAME=value cmd``).
    """

    __slots__ = _fields = ("program", "words", "user", "login", "clears_env", "keeps", "unsets", "sets", "command")

    def __init__(self, program: str, words: list[Word], user: str | None = None, login: bool = False,
                 clears_env: bool = False, keeps: frozenset[str] = frozenset(), unsets: frozenset[str] = frozenset(),
                 sets: dict[str, str] | None = None, command: Word | None = None):
        self.program = program
        self.words = words  # the program, its options and their values, the user (not a ``-c`` command string)
        self.user = user  # the user it switches to
        self.login = login  # starts a login shell
        self.clears_env = clears_env
        self.keeps = keeps
        self.unsets = unsets
        self.sets = {} if sets is None else sets
        self.command = command  # su / runuser ``-c`` command string

    def passes(self, name: str) -> bool:
        """Whether the caller's variable ``name`` reaches the program run (values the wrapper sets aside)."""
        if name in self.unsets:
            return False
        return not self.clears_env or ALL in self.keeps or name in self.keeps


#: option letters that take a value, per wrapper (short options may be grouped: ``-Eu coder``)
_SHORT_VALUE = {"sudo": "CDgpRrTtUu", "su": "cgGsw", "runuser": "cgGsuw", "env": "uCS", "exec": "a", "time": "fo"}
_LONG_VALUE = {
    "sudo": {"--user", "--group", "--chdir", "--chroot", "--close-from", "--prompt", "--role", "--type",
             "--command-timeout", "--other-user", "--host"},
    "su": {"--command", "--session-command", "--group", "--supp-group", "--shell", "--whitelist-environment"},
    "runuser": {"--command", "--session-command", "--group", "--supp-group", "--shell", "--whitelist-environment",
                "--user"},
    "env": {"--unset", "--chdir", "--split-string"},
    "time": {"--format", "--output"},
}
_WRAPPERS = ("sudo", "su", "runuser", "env", "exec", "nohup", "command", "time")


def unwrap(command: Command) -> tuple[list[Wrapper], int]:
    """The wrappers a command goes through, and the index of the word naming the program finally run.

    The index is ``len(command.words)`` when no word names one (``su - coder -c 'cmd'``
    runs the user's shell).  Variable assignments in front of a program are skipped.
    """
    words = command.words
    wrappers: list[Wrapper] = []
    i = _skip_assignments(words, 0, {})
    while i < len(words):
        program = words[i].text.rsplit("/", 1)[-1]
        if program not in _WRAPPERS:
            break
        wrapper = Wrapper(program, [words[i]])
        i = _read_wrapper(wrapper, words, i + 1)
        wrappers.append(wrapper)
    return wrappers, i


def _read_wrapper(wrapper: Wrapper, words: list[Word], i: int) -> int:
    """Read a wrapper's options (and su's user); return the index of the word after them."""
    program = wrapper.program
    keeps: set[str] = set()
    unsets: set[str] = set()
    wrapper.clears_env = program == "sudo"  # sudoers' default env_reset
    positional_user = False
    while i < len(words):
        word = words[i]
        text = word.text
        # `runuser -u USER cmd` runs a program; `su [-] USER` and `runuser [-] USER` run the user's shell
        shell = program == "su" or (program == "runuser" and (wrapper.user is None or positional_user))
        if text == "--":
            i += 1
            break
        if text == "-" and program in ("su", "runuser", "env"):  # `su -` logs in; `env -` is `env -i`
            _option(wrapper, "-l" if shell else "-i", None, word, None, keeps, unsets)
        elif text.startswith("--"):
            name, eq, value = text.partition("=")
            value_word = None
            if not eq and name in _LONG_VALUE.get(program, ()) and i + 1 < len(words):
                i += 1
                value_word = words[i]
                value = value_word.text
            _option(wrapper, name, value if eq or value_word else None, word, value_word, keeps, unsets)
        elif text.startswith("-") and len(text) > 1:
            letters = text[1:]
            for k, letter in enumerate(letters):
                if letter not in _SHORT_VALUE.get(program, ""):
                    _option(wrapper, "-" + letter, None, word, None, keeps, unsets)
                    continue
                value, value_word = letters[k + 1:], None
                if not value and i + 1 < len(words):
                    i += 1
                    value_word = words[i]
                    value = value_word.text
                _option(wrapper, "-" + letter, value, word, value_word, keeps, unsets)
                break
        elif shell:
            # su [options] [-] [user [argument...]]: options may follow the user; other words go to the shell
            if wrapper.user is None:
                wrapper.user = text
                positional_user = True
                wrapper.words.append(word)
            i += 1
            continue
        else:
            break
        i += 1
    shell = program == "su" or (program == "runuser" and (wrapper.user is None or positional_user))
    if shell and wrapper.login:
        keeps.discard(ALL)  # su: --preserve-environment is ignored with --login
    wrapper.keeps = frozenset(keeps)
    wrapper.unsets = frozenset(unsets)
    if shell:
        return len(words)  # the user's shell runs, not a program named on this line
    if program in ("sudo", "env"):
        i = _skip_assignments(words, i, wrapper.sets)
    return i


def _option(wrapper: Wrapper, name: str, value: str | None, word: Word, value_word: Word | None,
            keeps: set[str], unsets: set[str]) -> None:
    """Apply one option (``-u``, ``--preserve-env``...) of a wrapper; ``word`` holds it, ``value_word`` its value."""
    program = wrapper.program
    if name in ("-c", "--command", "--session-command") and program in ("su", "runuser"):
        wrapper.command = value_word or word
        if value_word is None:
            return
    else:
        for w in (word, value_word):
            if w is not None and w not in wrapper.words:
                wrapper.words.append(w)
    if program == "sudo":
        if name in ("-u", "--user"):
            wrapper.user = value
        elif name == "-E":
            keeps.add(ALL)
        elif name == "--preserve-env":
            keeps.update(value.split(",") if value else (ALL,))
        elif name in ("-i", "--login"):
            wrapper.login = True
    elif program in ("su", "runuser"):
        if name in ("-l", "--login"):
            wrapper.login = True
            wrapper.clears_env = True
        elif name in ("-m", "-p", "--preserve-environment"):
            keeps.add(ALL)
        elif name in ("-w", "--whitelist-environment") and value:
            keeps.update(value.split(","))
        elif name in ("-u", "--user") and program == "runuser":
            wrapper.user = value
    elif program == "env":
        if name in ("-i", "--ignore-environment"):
            wrapper.clears_env = True
        elif name in ("-u", "--unset") and value:
            unsets.add(value)
    elif program == "exec" and name == "-c":
        wrapper.clears_env = True


def _skip_assignments(words: list[Word], i: int, sets: dict[str, str]) -> int:
    """Skip ``NAME=value`` words, recording them; return the index of the first other word."""
    while i < len(words):
        name, eq, value = words[i].text.partition("=")
        if not eq or not name.isidentifier():
            break
        sets[name] = value
        i += 1
    return i


def command_name(command: Command) -> str | None:
    """The program a command runs, past wrappers (``sudo``, ``env``, ``exec``...) and variable assignments."""
    _, start = unwrap(command)
    if start >= len(command.words):
        return None
    return command.words[start].text.rsplit("/", 1)[-1]


# ----------------------------------------------------------------------------------------------
# Shells: programs that run a script
# ----------------------------------------------------------------------------------------------

#: Programs that run the string after ``-c`` as a script, or a here-document fed to them.
SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})


def program_index(argv: list[str]) -> int:
    """``unwrap`` for a command line given as plain words (a container's argv): the index of the program run."""
    return unwrap(Command([Word(text, 0, 0, 0, 0) for text in argv]))[1]


def script_operand(argv: list[str]) -> int | None:
    """Index of the script a shell runs with ``-c`` (``sh -c "..."``, ``sudo bash -ec "..."``), or None.

    The script is the first operand after the options, once one of them holds ``c``;
    a word holding an unknown part (``\\x00``) there is the script, partly unknown.
    """
    start = program_index(argv)
    if start >= len(argv) or argv[start].rsplit("/", 1)[-1] not in SHELLS:
        return None
    has_c = False
    i = start + 1
    while i < len(argv):
        word = argv[i]
        if "\x00" in word:
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
