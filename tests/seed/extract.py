"""Extract the code examples of the seed page into fixtures: ``python tests/seed/extract.py``.

The page (../shared/seed/docker-in-workspaces.md) numbers its code blocks
ex00 ... ex13 in order (RULES.md).  Terraform examples become one module
directory each; the FUSE DaemonSet inside ex04's shell heredoc becomes YAML;
ex08 (Bottlerocket TOML) and ex10 (EC2NodeClass) keep their languages.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "shared" / "seed" / "docker-in-workspaces.md"

#: block number -> fixture path (relative to tests/seed)
TARGETS = {
    0: "ex00/main.tf",
    1: "ex01/main.tf",
    3: "ex03/main.tf",
    4: "ex04/fuse-device-plugin.yaml",
    8: "ex08/user-data.toml",
    10: "ex10/ec2nodeclass.yaml",
    11: "ex11/main.tf",
    12: "ex12/main.tf",
    13: "ex13/main.tf",
}


def blocks(text: str) -> list[str]:
    return [textwrap.dedent(m.group(3)) for m in re.finditer(r"^( *)```(\w*)\n(.*?)^\1```", text, re.S | re.M)]


def fixtures(text: str) -> dict[str, str]:
    found = blocks(text)
    out = {}
    for number, target in TARGETS.items():
        body = found[number]
        if number == 4:  # the DaemonSet is the body of `cat <<EOF | kubectl create -f -`
            lines = body.split("\n")
            body = "\n".join(lines[1:lines.index("EOF")]) + "\n"
        out[target] = body
    return out


def main() -> int:
    for target, body in fixtures(SEED.read_text(encoding="utf-8")).items():
        path = HERE / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        print(path.relative_to(HERE.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
