"""shell.py reads scripts the way a POSIX shell does: here-documents, arithmetic, wrappers such as sudo and su."""

from __future__ import annotations

import pytest

from tfdind_lint import shell
from tfdind_lint.shell import ALL


def heredoc(text: str) -> shell.Heredoc:
    (found,) = shell.parse(text).heredocs
    return found


# here-documents ------------------------------------------------------------------------------


def test_quoted_delimiter_keeps_its_spaces_and_closes_on_the_same_line():
    text = "sudo -u coder bash -- <<-'    EOT' &\n    echo hi\n    EOT\nexec /sbin/init"
    found = heredoc(text)
    assert (found.operator, found.delimiter, found.quoted) == ("<<-", "    EOT", True)
    assert (found.line, found.column, found.delimiter_end) == (0, 22, 34)
    assert (found.body_start, found.terminator, found.body) == (1, 2, ["    echo hi"])
    assert [c.argv for c in shell.parse(text).commands] == [["sudo", "-u", "coder", "bash", "--"], ["exec", "/sbin/init"]]


def test_strip_tabs_strips_tabs_only():
    assert heredoc("cat <<-EOT\n\t\tbody\n\tEOT\n").terminator == 2
    unclosed = heredoc("cat <<-EOT\n  body\n  EOT\nexec /sbin/init\n")
    assert unclosed.terminator is None
    assert unclosed.body == ["  body", "  EOT", "exec /sbin/init", ""]


def test_without_dash_leading_tabs_stay():
    assert heredoc("cat <<EOT\n\tEOT\n").terminator is None
    assert heredoc("cat <<EOT\nEOT\n").terminator == 1


@pytest.mark.parametrize("word, delimiter", [
    ("'EOT'", "EOT"), ('"EOT"', "EOT"), ("\\EOT", "EOT"), ('E"O"T', "EOT"), ("'  EOT'", "  EOT"),
])
def test_quoted_delimiters(word, delimiter):
    found = heredoc(f"cat <<{word}\n$HOME\n{delimiter}\n")
    assert (found.delimiter, found.quoted, found.terminator) == (delimiter, True, 2)


def test_unquoted_delimiter_after_blanks():
    found = heredoc("cat << EOT > /tmp/x\nbody\nEOT\n")
    assert (found.delimiter, found.quoted, found.terminator, found.delimiter_end) == ("EOT", False, 2, 10)


def test_two_heredocs_on_one_line_read_their_bodies_in_order():
    script = shell.parse("paste <<A <<B\na\nA\nb\nB\necho done\n")
    assert [(h.delimiter, h.body, h.terminator) for h in script.heredocs] == [("A", ["a"], 2), ("B", ["b"], 4)]
    assert script.commands[-1].argv == ["echo", "done"]


def test_here_strings_and_arithmetic_are_not_heredocs():
    assert shell.parse('cat <<< "x"\n').heredocs == []
    script = shell.parse("(( x = 1 << 3 ))\ny=$(( 1 << 4 ))\n")
    assert script.heredocs == []
    assert [c.argv for c in script.commands] == [["(( x = 1 << 3 ))"], ["y=$(( 1 << 4 ))"]]


def test_a_subshell_is_still_a_subshell():
    assert [c.argv for c in shell.parse("( cd /tmp && ls )\n").commands] == [["cd", "/tmp"], ["ls"]]


# wrappers -------------------------------------------------------------------------------------


def wrappers(text: str):
    (command,) = shell.parse(text).commands
    found, start = shell.unwrap(command)
    return command, found, start


def test_sudo_preserve_env_list():
    command, (sudo,), start = wrappers("sudo -u coder --preserve-env=CODER_AGENT_TOKEN,PATH /bin/bash --")
    assert (sudo.program, sudo.user, sudo.clears_env) == ("sudo", "coder", True)
    assert sudo.keeps == frozenset({"CODER_AGENT_TOKEN", "PATH"})
    assert sudo.passes("CODER_AGENT_TOKEN") and not sudo.passes("HOME")
    assert [w.text for w in sudo.words] == ["sudo", "-u", "coder", "--preserve-env=CODER_AGENT_TOKEN,PATH"]
    assert command.words[start].text == "/bin/bash"


@pytest.mark.parametrize("text, user, keeps", [
    ("sudo -u coder sh", "coder", frozenset()),
    ("sudo -Eu coder sh", "coder", frozenset({ALL})),
    ("sudo -ucoder --preserve-env sh", "coder", frozenset({ALL})),
    ("sudo --user coder -H sh", "coder", frozenset()),
    ("sudo --user=coder sh", "coder", frozenset()),
    ("sudo sh", None, frozenset()),
])
def test_sudo_options(text, user, keeps):
    command, (sudo,), start = wrappers(text)
    assert (sudo.user, sudo.keeps, sudo.clears_env, command.words[start].text) == (user, keeps, True, "sh")


def test_sudo_assignments_are_set_for_the_program():
    command, (sudo,), start = wrappers('sudo -u coder CODER_AGENT_TOKEN="$CODER_AGENT_TOKEN" sh -c x')
    assert sudo.sets == {"CODER_AGENT_TOKEN": "$CODER_AGENT_TOKEN"}
    assert command.words[start].text == "sh"


@pytest.mark.parametrize("text, user, login, clears, command_text", [
    ("su - coder -c 'run'", "coder", True, True, "run"),
    ("su -l coder -c run", "coder", True, True, "run"),
    ("su --login coder", "coder", True, True, None),
    ("su coder -c run", "coder", False, False, "run"),
    ("su -c run coder", "coder", False, False, "run"),
    ("su -m -l coder", "coder", True, True, None),
    ("runuser -l coder -c run", "coder", True, True, "run"),
    ("runuser coder -c run", "coder", False, False, "run"),
])
def test_su_and_runuser_run_the_users_shell(text, user, login, clears, command_text):
    command, (su,), start = wrappers(text)
    assert (su.user, su.login, su.clears_env) == (user, login, clears)
    assert (su.command.text if su.command else None) == command_text
    assert start == len(command.words)  # no program on the line: the user's shell runs
    assert shell.command_name(command) is None


def test_su_whitelist_and_preserve():
    _, (su,), _ = wrappers("su -l -w CODER_AGENT_TOKEN coder")
    assert su.passes("CODER_AGENT_TOKEN") and not su.passes("HOME")
    _, (su,), _ = wrappers("su -m coder -c x")
    assert su.passes("ANYTHING")
    _, (su,), _ = wrappers("su -m -l coder")
    assert not su.passes("ANYTHING")  # --preserve-environment is ignored with --login


def test_runuser_u_runs_a_program_and_keeps_the_environment():
    command, (runuser,), start = wrappers("runuser -u coder -- prog --flag")
    assert (runuser.user, runuser.login, runuser.clears_env) == ("coder", False, False)
    assert command.words[start].text == "prog"
    assert shell.command_name(command) == "prog"


@pytest.mark.parametrize("text, clears, unsets, sets", [
    ("env -i PATH=/bin prog", True, frozenset(), {"PATH": "/bin"}),
    ("env - prog", True, frozenset(), {}),
    ("env -u CODER_AGENT_TOKEN prog", False, frozenset({"CODER_AGENT_TOKEN"}), {}),
    ("env --unset=FOO A=1 prog", False, frozenset({"FOO"}), {"A": "1"}),
])
def test_env(text, clears, unsets, sets):
    command, (env,), start = wrappers(text)
    assert (env.clears_env, env.unsets, env.sets) == (clears, unsets, sets)
    assert command.words[start].text == "prog"


def test_exec_c_clears_the_environment():
    _, (exec_,), _ = wrappers("exec -c prog")
    assert exec_.clears_env and not exec_.passes("CODER_AGENT_TOKEN")
    _, (exec_,), _ = wrappers("exec prog")
    assert exec_.passes("CODER_AGENT_TOKEN")


def test_chained_wrappers_and_leading_assignments():
    command, found, start = wrappers("FOO=1 nohup sudo -u coder env BAR=2 /usr/bin/dockerd --host x")
    assert [w.program for w in found] == ["nohup", "sudo", "env"]
    assert found[2].sets == {"BAR": "2"}
    assert shell.command_name(command) == "dockerd"


def test_command_name_without_wrappers():
    (command,) = shell.parse("dockerd -H tcp://0.0.0.0:2375").commands
    assert shell.command_name(command) == "dockerd"


# shells and the program of a plain command line ------------------------------------------------


@pytest.mark.parametrize("argv, expected", [
    (["dockerd", "-H", "x"], 0),
    (["sudo", "-u", "root", "--preserve-env=A", "dockerd"], 4),
    (["env", "DOCKER_HOST=x", "docker", "ps"], 2),
    (["A=1", "exec", "nohup", "/usr/bin/dockerd"], 3),
    (["sudo"], 1),
    ([], 0),
])
def test_program_index(argv, expected):
    assert shell.program_index(argv) == expected


@pytest.mark.parametrize("argv, expected", [
    (["sh", "-c", "dockerd"], 2),
    (["/bin/bash", "-ec", "dockerd", "name", "arg"], 2),
    (["bash", "--login", "-c", "x"], 3),
    (["bash", "-o", "pipefail", "-c", "x"], 4),
    (["sudo", "-u", "coder", "bash", "-c", "x"], 5),
    (["sh", "-c", "\x00"], 2),  # a partly unknown script is still the script
    (["sh", "-c", "--", "x"], 3),
    (["sh", "script.sh"], None),  # a file, not -c
    (["sh", "-e"], None),
    (["dockerd", "-c", "x"], None),  # not a shell
    (["sh", "\x00", "x"], None),
])
def test_script_operand(argv, expected):
    assert shell.script_operand(argv) == expected
