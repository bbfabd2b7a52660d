"""The floor: parse every Terraform file under a directory with python-hcl2, in one process, and nothing else.

    python bench/floor.py tree DIR   # hcl2.parses_to_tree: python-hcl2's Lark grammar and parser only
    python bench/floor.py load DIR   # hcl2.load: the same, then python-hcl2's conversion to a dict
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    mode, root = sys.argv[1], sys.argv[2]
    import hcl2

    parse = hcl2.parses_to_tree if mode == "tree" else hcl2.loads
    count = 0
    for directory, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".tf"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    parse(handle.read())
                count += 1
    print(f"{count} files parsed")


if __name__ == "__main__":
    main()
