"""python-hcl2's LALR parser: loaded once per process, lazily, and driven by faster loops than Lark's.

``terraform.py`` builds our positioned tree from the Lark trees this module returns.
Everything here is about time (docs/benchmarks.md):

- Loading.  The parser comes from python-hcl2's own tables (its ``.lark_cache.bin``,
  after Lark checks the grammar files are unchanged; building them from the grammar
  takes 1.5 s), without ``propagate_positions``, which more than doubles the parse time
  (we need only the positions tokens carry).  Of its 1,045 states, a file of a few
  hundred lines uses a few hundred: each state of the parse table, and each state's
  lexer, is read from the tables when first used (``_lazy_plugins``, through Lark's
  ``_plugins`` option), which saves a pre-commit run of one file ~20 ms.
- Lexing.  ``_fast_lexer`` does Lark's per-token work in one frame, python-hcl2's
  post-lexer included (and fixed: see the loop).
- Parsing.  From the fourth file on (a long run) ``_fast_parser`` shifts and reduces
  in one frame from a table made of Lark's.

Anything unusual (a syntax error, the end of input) goes to Lark's own code, so trees
and errors are Lark's: ``tests/test_fast_parser.py`` compares both, token by token.
Should a Lark or python-hcl2 release change the internals used here, each speed-up
steps aside and python-hcl2's parser does the work, only slower.
"""

from __future__ import annotations

_parser = None
exceptions = None  # lark.exceptions, once loaded
Tree = None  # lark.Tree, once loaded
_parsed = 0  # texts parsed by this process


def get():
    """The parser, loaded on first use (hcl2 and lark cost ~0.1 s: a run without .tf files must not pay it)."""
    global _parser, exceptions, Tree
    if _parser is None:
        import sys  # noqa: PLC0415

        # Lark imports the `regex` package, when installed, only for its `regex=True` option, which we do not
        # use: hiding it while Lark loads saves 9 ms of every cold start.
        hide = "regex" not in sys.modules
        if hide:
            sys.modules["regex"] = None  # type: ignore[assignment]
        try:
            import lark  # noqa: PLC0415
        finally:
            if hide:
                del sys.modules["regex"]

        try:
            _parser = load_tables()
        except Exception:  # noqa: BLE001  (any trouble: python-hcl2 knows how to build its parser)
            from hcl2.parser import parser  # noqa: PLC0415

            _parser = parser()
        exceptions = lark.exceptions
        Tree = lark.Tree
        try:
            _fast_lexer(_parser)
        except Exception:  # noqa: BLE001  (an internal of Lark changed: lex as Lark does, only slower)
            pass
    return _parser


def parse(text: str):
    """The Lark tree of a text; Lark's exceptions for a syntax error."""
    global _parsed
    parser = get()
    _parsed += 1
    if _parsed == 4:  # a long run: worth the ~40 ms, which a pre-commit run of one file would not recover
        try:
            _fast_parser(parser)
        except Exception:  # noqa: BLE001  (an internal of Lark changed: parse as Lark does, only slower)
            pass
    return parser.parse(text)


def load_tables(lazy: bool = True):
    """The parser from python-hcl2's tables, with python-hcl2's post-lexer.

    The post-lexer module is loaded from python-hcl2's directory by itself: importing
    the ``hcl2`` package would also load its dict API (15-20 ms of every cold start).
    """
    import importlib.util  # noqa: PLC0415
    import os  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    import lark  # noqa: PLC0415
    from lark.load_grammar import verify_used_files  # noqa: PLC0415

    package = importlib.util.find_spec("hcl2").submodule_search_locations[0]
    spec = importlib.util.spec_from_file_location("tfdind_lint.sources._hcl2_postlexer", os.path.join(package, "postlexer.py"))
    postlexer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(postlexer)
    with open(os.path.join(package, ".lark_cache.bin"), "rb") as handle:  # python-hcl2's parser.PARSER_FILE
        handle.readline()
        if not verify_used_files(pickle.load(handle)):
            raise ValueError("python-hcl2's grammar changed since its parser tables were built")
        tables = pickle.load(handle)
    options = {"postlex": postlexer.PostLexer(), "propagate_positions": False}
    if lazy:
        options["_plugins"] = _lazy_plugins()
    return lark.Lark.__new__(lark.Lark)._load(tables, **options)


def _lazy_plugins() -> dict:
    """Lark parser and lexer classes that read each state from the serialized tables when it is first used."""
    from copy import copy  # noqa: PLC0415

    from lark.grammar import Rule  # noqa: PLC0415
    from lark.lexer import ContextualLexer  # noqa: PLC0415
    from lark.parsers.lalr_analysis import IntParseTable, Reduce, Shift  # noqa: PLC0415
    from lark.parsers.lalr_parser import LALR_Parser, _Parser  # noqa: PLC0415

    loaded: dict = {}  # the raw table, for the lexer (the parser is deserialized first)

    class States(dict):
        """A parse table's states (state -> terminal or rule name -> action), each deserialized on first use."""

        def __init__(self, raw: dict, tokens: dict, memo: dict):
            super().__init__()
            self.raw, self.tokens, self.memo = raw, tokens, memo

        def __missing__(self, state):
            tokens, memo = self.tokens, self.memo
            actions = self[state] = {  # as IntParseTable.deserialize
                tokens[token]: ((Reduce, Rule.deserialize(arg, memo)) if action == 1 else (Shift, arg))
                for token, (action, arg) in self.raw[state].items()}
            return actions

    class LazyLALRParser(LALR_Parser):
        @classmethod
        def deserialize(cls, data, memo, callbacks, debug=False):
            inst = cls.__new__(cls)
            inst._parse_table = IntParseTable(States(data["states"], data["tokens"], memo), data["start_states"],
                                              data["end_states"])
            inst.parser = _Parser(inst._parse_table, callbacks, debug)
            loaded["table"] = data
            return inst

    class Lexers(dict):
        def __init__(self, build):
            super().__init__()
            self.build = build

        def __missing__(self, state):
            lexer = self[state] = self.build(state)
            return lexer

    class LazyContextualLexer(ContextualLexer):
        """ContextualLexer, building a state's lexer when the parser first reaches the state."""

        def __init__(self, conf, states, always_accept=()):  # `states` is empty: the table is lazy
            table = loaded["table"]
            terminals = list(conf.terminals)
            terminals_by_name = conf.terminals_by_name
            trad_conf = copy(conf)
            trad_conf.terminals = terminals
            trad_conf.skip_validation = True  # python-hcl2's grammar was validated when its tables were built
            by_accepts: dict = {}

            def build(state):
                accepts = frozenset(table["tokens"][token] for token in table["states"][state])
                lexer = by_accepts.get(accepts)
                if lexer is None:
                    names = set(accepts) | set(conf.ignore) | set(always_accept)
                    lexer_conf = copy(trad_conf)
                    lexer_conf.terminals = [terminals_by_name[n] for n in names if n in terminals_by_name]
                    lexer = by_accepts[accepts] = self.BasicLexer(lexer_conf)
                return lexer

            self.lexers = Lexers(build)
            self.root_lexer = self.BasicLexer(trad_conf)

    return {"LALR_Parser": LazyLALRParser, "ContextualLexer": LazyContextualLexer}


def _fast_lexer(parser) -> None:
    """Replace the contextual lexer's token loop with one that does the same work in one frame.

    Lark's loop spends about ten Python calls on each token (the per-state lexer, its
    scanner, the token's constructor, the line counter); lexing was a third of a run.
    This loop matches with the same per-state expressions, builds the same tokens with
    the same positions, runs the same terminal callbacks, and hands anything unusual
    (no match: a syntax error) to Lark's own code, so errors read exactly as before.
    """
    import types  # noqa: PLC0415

    from lark.exceptions import UnexpectedCharacters, UnexpectedToken  # noqa: PLC0415
    from lark.lexer import ContextualLexer, Token  # noqa: PLC0415

    frontend = parser.parser
    connector = frontend.lexer
    contextual = getattr(connector, "lexer", connector)
    if not isinstance(contextual, ContextualLexer):
        return
    # python-hcl2's post-lexer merges a line break into a binary operator that follows it (a
    # continued expression); this loop does the same, and the post-lexer passes tokens through
    postlexer = getattr(connector, "postlexer", None)
    operators = None
    if postlexer is not None:
        merge = getattr(type(postlexer), "_merge_newlines_into_operators", None)
        if (merge is None or type(postlexer).process.__code__.co_names != ("_merge_newlines_into_operators",)
                or "NL_OR_COMMENT" not in merge.__code__.co_consts):
            return  # a post-lexer this loop does not know
        operators = frozenset(merge.__globals__["OPERATOR_TYPES"])

    new_token = str.__new__
    state_of: dict[int, tuple] = {}

    def lex(self, lexer_state, parser_state):
        lexers = self.lexers
        line_ctr = lexer_state.line_ctr
        text, end = lexer_state.text.text, lexer_state.text.end
        pending = None  # a line break held back until the next token shows whether it continues an expression
        try:
            while True:
                lexer = lexers[parser_state.state_stack[-1]]
                known = state_of.get(id(lexer))
                if known is None:
                    known = state_of[id(lexer)] = (lexer.scanner._mres, lexer.ignore_types, lexer.newline_types,
                                                   lexer.callback, lexer)
                mres, ignore_types, newline_types, callback, _ = known
                while True:  # one token, skipping ignored ones (BasicLexer.next_token)
                    pos = line_ctr.char_pos
                    if pos >= end:
                        raise EOFError(lexer)
                    for mre in mres:
                        m = mre.match(text, pos, end)
                        if m is not None:
                            break
                    else:  # no terminal matches here: Lark raises the error
                        yield lexer.next_token(lexer_state, parser_state)
                        break
                    value = m.group(0)
                    type_ = m.lastgroup
                    ignored = type_ in ignore_types
                    token = None
                    if not ignored or type_ in callback:
                        token = new_token(Token, value)
                        token.type = type_
                        token.start_pos = pos
                        token.value = value
                        token.line = line_ctr.line
                        token.column = line_ctr.column
                    if type_ in newline_types:
                        newlines = value.count("\n")
                        if newlines:
                            line_ctr.line += newlines
                            line_ctr.line_start_pos = pos + value.rindex("\n") + 1
                    line_ctr.char_pos = pos + len(value)
                    line_ctr.column = line_ctr.char_pos - line_ctr.line_start_pos + 1
                    if token is not None:
                        token.end_line = line_ctr.line
                        token.end_column = line_ctr.column
                        token.end_pos = line_ctr.char_pos
                        if type_ in callback:
                            token = callback[type_](token)
                        if not ignored:
                            lexer_state.last_token = token
                            if operators is not None:
                                if token.type == "NL_OR_COMMENT":
                                    # consecutive line breaks and comment lines are held as one (the grammar
                                    # takes one or more wherever it takes any): python-hcl2's post-lexer merges
                                    # only the last into an operator, and rejects a blank or comment line before
                                    # a continuing `&&`, `?`... that Terraform accepts
                                    pending = token if pending is None else Token(
                                        "NL_OR_COMMENT", str(pending) + str(token), pending.start_pos, pending.line,
                                        pending.column, token.end_line, token.end_column, token.end_pos)
                                    break
                                if pending is not None:
                                    if token.type in operators:
                                        token = token.update(value=str(pending) + str(token))
                                    else:
                                        yield pending
                                    pending = None
                            yield token
                            break
        except EOFError:
            if pending is not None:
                yield pending
        except UnexpectedCharacters as e:  # as ContextualLexer.lex: report the token the root lexer sees
            try:
                last_token = lexer_state.last_token
                token = self.root_lexer.next_token(lexer_state, parser_state)
                raise UnexpectedToken(token, e.allowed, state=parser_state, token_history=[last_token],
                                      terminals_by_name=self.root_lexer.terminals_by_name)
            except UnexpectedCharacters:
                raise e from None

    contextual.lex = types.MethodType(lex, contextual)
    if postlexer is not None:
        postlexer.process = _same_stream


def _same_stream(stream):
    return stream


def _fast_parser(parser) -> None:
    """Replace the LALR parser's loop with one that shifts and reduces in one frame.

    Lark calls ``ParserState.feed_token`` for every token, which looks each reduction's
    rule up in the callback table by ``Rule.__hash__`` / ``Rule.__eq__`` (Python code:
    8 million calls for 1,000 templates) and walks ``rule.origin.name`` for the goto.
    This loop reads a table made once from Lark's own: for each state and terminal,
    the next state, or the reduction's size, goto name and callback.  Anything it does
    not handle (a terminal the state does not expect, the end of input, an interactive
    parse) goes to Lark's own code, so results and errors are Lark's.
    """
    from lark.exceptions import UnexpectedInput  # noqa: PLC0415
    from lark.lexer import Token  # noqa: PLC0415
    from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415
    from lark.parsers.lalr_interactive_parser import InteractiveParser  # noqa: PLC0415
    from lark.parsers.lalr_parser_state import ParseConf, ParserState  # noqa: PLC0415

    inner = parser.parser.parser.parser  # Lark -> ParsingFrontend -> LALR_Parser -> _Parser
    callbacks = inner.callbacks
    if any(isinstance(key, str) for key in callbacks):
        return  # terminal callbacks (a transformer's): not handled here
    reductions: dict[int, tuple] = {}
    table = {}
    states = inner.parse_table.states
    for state in list(getattr(states, "raw", states)):  # every state, the lazy table's included
        actions = states[state]
        row = {}
        for terminal, (action, arg) in actions.items():
            if action is Shift:
                if arg.__class__ is not int:
                    return  # not the integer-state table this loop expects
                row[terminal] = arg
            else:
                key = id(arg)
                if key not in reductions:
                    reductions[key] = (len(arg.expansion), arg.origin.name, callbacks[arg])
                row[terminal] = reductions[key]
        table[state] = row
    original = inner.parse

    def parse(lexer, start, value_stack=None, state_stack=None, start_interactive=False):
        if value_stack is not None or state_stack is not None or start_interactive:
            return original(lexer, start, value_stack, state_stack, start_interactive)
        state = ParserState(ParseConf(inner.parse_table, callbacks, start), lexer)
        states = state.state_stack
        values = state.value_stack
        token = None
        try:
            for token in lexer.lex(state):
                kind = token.type
                while True:
                    action = table[states[-1]].get(kind)
                    if action is None:  # not expected here: Lark raises the syntax error
                        state.feed_token(token)
                        raise AssertionError("Lark accepted a terminal its parse table has no action for")
                    if action.__class__ is int:  # shift
                        states.append(action)
                        values.append(token)
                        break
                    size, name, callback = action
                    if size:
                        children = values[-size:]
                        del states[-size:]
                        del values[-size:]
                    else:
                        children = []
                    values.append(callback(children))
                    states.append(table[states[-1]][name])
            # the end borrows the last token's position, as Lark's loop does; the lexer's last token, not a run of
            # line breaks the fast lexer joined (whose position is its first break's)
            last = getattr(getattr(lexer, "state", None), "last_token", None) or token
            end = Token.new_borrow_pos("$END", "", last) if token else Token("$END", "", 0, 1, 1)
            return state.feed_token(end, True)
        except UnexpectedInput as e:  # as Lark's loop does
            e.interactive_parser = InteractiveParser(inner, state, state.lexer)
            raise

    inner.parse = parse
