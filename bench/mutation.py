"""Mutation testing of one module against its fast tests (mutmut 3): ``python bench/mutation.py rules/dind/helpers.py``.

Copies the repository's code, data and tests into ``bench/out/mutation/<module>/`` with a
``[tool.mutmut]`` section that mutates only that module and selects only its tests, runs
``mutmut run`` there under ``nice``, and prints ``mutmut results``.  The working tree is
never written.  One run at a time: it uses every core mutmut is given (``--max-children``).
Install the tool with ``pip install -e '.[mutation]'``.  Not part of the test suite or CI
(a module takes 10 to 40 minutes); docs/testing.md records the scores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the tests that exercise rules through their fixtures (findings, and fixes: tests/fixes/): run for every module
#: under rules/ and model/
FIXTURE_TESTS = ["tests/test_policy_fixtures.py", "tests/test_rule_overlaps.py", "tests/test_fixes.py"]
#: a module's fast tests besides FIXTURE_TESTS: by module, or by directory (``rules/podman/`` covers its
#: helpers.py and every rule module of the group); the module's own entry wins over its directory's
TESTS = {
    "rules/general/": ["tests/test_rules_0xx.py", "tests/test_seed.py"],
    "rules/sysbox/": ["tests/test_sysbox.py", "tests/test_seed_1xx_5xx.py", "tests/test_seed.py"],
    "rules/envbox/": ["tests/test_envbox_flags.py", "tests/test_envbox.py", "tests/test_seed_2xx_3xx.py",
                      "tests/test_seed.py"],
    "rules/podman/": ["tests/test_3xx_helpers.py", "tests/test_seed_2xx_3xx.py", "tests/test_seed.py"],
    "rules/dind/": ["tests/test_dind.py", "tests/test_daemon.py", "tests/test_seed.py"],
    "rules/kubernetes/": ["tests/test_runtimeclass.py", "tests/test_userns_versions.py", "tests/test_seed_1xx_5xx.py",
                          "tests/test_seed.py"],
    "rules/devcontainer/": ["tests/test_docker_access.py", "tests/test_devcontainer.py"],
    "rules/custom.py": ["tests/test_custom_policies.py", "tests/test_policy_fixtures.py"],
    "model/daemon.py": ["tests/test_dind.py", "tests/test_daemon.py", "tests/test_seed.py"],
    "model/scripts.py": ["tests/test_scripts.py", "tests/test_scripts_placeholders.py", "tests/test_daemon.py",
                         "tests/test_3xx_helpers.py", "tests/test_seed.py"],
    "model/roles.py": ["tests/test_roles.py", "tests/test_glob_matches.py", "tests/test_docker_access.py",
                       "tests/test_ordinary_infra.py", "tests/test_seed.py"],
    "model/node_pools.py": ["tests/test_node_pools.py", "tests/test_3xx_helpers.py", "tests/test_seed_2xx_3xx.py",
                            "tests/test_seed.py"],
    "model/docker_access.py": ["tests/test_docker_access.py", "tests/test_seed.py"],
    "model/envbox_flags.py": ["tests/test_envbox_flags.py"],
    "suppress.py": ["tests/test_suppressions.py", "tests/test_suppression_precedence.py", "tests/test_policy_fixtures.py",
                    "tests/test_one_pass_errors.py"],
    "baseline.py": ["tests/test_baseline.py", "tests/test_baseline_load.py", "tests/test_baseline_write.py"],
    "config.py": ["tests/test_config.py", "tests/test_cli_selection.py", "tests/test_suppressions.py",
                  "tests/test_suppression_precedence.py", "tests/test_autofix.py", "tests/test_baseline.py",
                  "tests/test_custom_policies.py", "tests/test_one_pass_errors.py"],
    "config_file.py": ["tests/test_config.py", "tests/test_cli_selection.py", "tests/test_suppressions.py",
                       "tests/test_suppression_precedence.py", "tests/test_autofix.py", "tests/test_baseline.py",
                       "tests/test_custom_policies.py", "tests/test_one_pass_errors.py"],
}
#: a pytest ``-k`` expression narrowing a module's tests (the fixture tests of the rules it concerns; a
#: test file's name counts as a keyword of its tests, so the group's own files are named too; and
#: ``test_fix_titles``, which compares every rule's fix titles at once)
KEYWORDS = {
    "suppress.py": "suppress or TDL900 or TDL901 or one_pass_errors",
    "rules/general/": "TDL0 or rules_0xx or test_seed or test_fix_titles",
    "rules/sysbox/": "TDL1 or test_sysbox or test_seed or test_fix_titles",
    "rules/envbox/": "TDL2 or test_envbox or test_seed or test_fix_titles",
    "rules/podman/": "TDL3 or 3xx_helpers or test_seed or test_fix_titles",
    "rules/dind/": "TDL4 or test_dind or test_daemon or test_seed or test_fix_titles",
    "rules/kubernetes/": "TDL5 or runtimeclass or userns_versions or test_seed or test_fix_titles",
    "rules/devcontainer/": "TDL6 or docker_access or test_devcontainer or test_fix_titles",
}


def entry(table: dict[str, object], module: str):
    """The module's own entry in ``TESTS`` or ``KEYWORDS``, else its directory's, else None."""
    if module in table:
        return table[module]
    return table.get(module.rpartition("/")[0] + "/")


COPIED = ["tfdind_lint", "tests", "policies", "schemas", "examples", "docs", "pyproject.toml", "README.md"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", help="a module under tfdind_lint/, e.g. rules/dind/helpers.py or rules/dind/tdl402_dockerd_unauthenticated_tcp.py")
    parser.add_argument("--tests", nargs="*", help="test files to run (default: the module's fast tests)")
    parser.add_argument("--max-children", type=int, default=1, help="mutants run at once (default: 1)")
    parser.add_argument("--only", nargs="*", default=[], metavar="MUTANT",
                        help="run only these mutants (names as `mutmut results` prints them), e.g. earlier survivors")
    args = parser.parse_args(argv)
    module = args.module.removeprefix("tfdind_lint/")
    if not (ROOT / "tfdind_lint" / module).is_file():
        parser.error(f"no module tfdind_lint/{module}")
    fixtures = FIXTURE_TESTS if module.startswith(("rules/", "model/")) else []
    tests = args.tests or fixtures + [name for name in entry(TESTS, module) or [] if name not in fixtures]
    if not tests:
        parser.error(f"no tests known for {module}: name them with --tests")
    work = ROOT / "bench" / "out" / "mutation" / module.replace("/", "_").removesuffix(".py")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__", "findings.txt.new"))
        else:
            shutil.copy2(source, work / name)
    with open(work / "pyproject.toml", "a", encoding="utf-8") as out:
        out.write("\n[tool.mutmut]\n")
        out.write('source_paths = ["tfdind_lint"]\n')
        out.write(f'only_mutate = ["tfdind_lint/{module}"]\n')
        out.write(f"pytest_add_cli_args_test_selection = {tests!r}\n".replace("'", '"'))
        keyword = ["-k", entry(KEYWORDS, module)] if entry(KEYWORDS, module) and not args.tests else []
        out.write(f"pytest_add_cli_args = {['-p', 'no:cacheprovider', '-q', '-x', *keyword]!r}\n".replace("'", '"'))
        out.write('also_copy = ["policies", "schemas", "examples", "docs", "README.md"]\n')
    mutmut = [sys.executable, "-m", "mutmut"]
    run = subprocess.run(["nice", *mutmut, "run", "--max-children", str(args.max_children), *args.only], cwd=work)
    subprocess.run([*mutmut, "results"], cwd=work)
    return run.returncode


if __name__ == "__main__":
    os.environ.setdefault("TFDIND_LINT_CACHE_DIR", str(ROOT / "bench" / "out" / "mutation" / "cache"))
    sys.exit(main())
