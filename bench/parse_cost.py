"""The parse stage of a cold one-file run, alone: run it under an instruction counter at each step.

    COUNT="valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null"
    $COUNT python bench/parse_cost.py base FILE     # the interpreter, what every run imports anyway
    $COUNT python bench/parse_cost.py import FILE   # + importing the Terraform reader
    $COUNT python bench/parse_cost.py parse FILE    # + parsing FILE once, cold (the first parse)
    $COUNT python bench/parse_cost.py twice FILE    # + parsing it again, warm

Differences between the steps are the import's and the cold parse's cost (docs/parsing.md, "Cost").  As in a
run, the table of precompiled patterns is loaded before (other modules' patterns load it first) and the garbage
collector is on with the run's thresholds, what start-up made frozen (pieces.tune_collector).
"""

import gc
import sys

gc.disable()

step, path = sys.argv[1], sys.argv[2]
import tfdind_lint.expression  # noqa: E402
import tfdind_lint.lazy_re  # noqa: E402
import tfdind_lint.node  # noqa: E402
import tfdind_lint.record  # noqa: E402
import tfdind_lint.sources.text  # noqa: E402, F401
from tfdind_lint.lazy_re import _TABLE, _read_table  # noqa: E402

_TABLE.append(_read_table())

with open(path, "rb") as handle:
    data = handle.read()
if step in ("import", "parse", "twice"):
    from tfdind_lint.sources.terraform import parse_file
gc.set_threshold(10_000, 10, 10)  # pieces.GC_THRESHOLD
gc.freeze()
gc.enable()
if step in ("parse", "twice"):
    parse_file(path, data)
if step == "twice":  # the second parse: the warm cost
    parse_file(path, data)
