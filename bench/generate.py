"""Generate realistic trees of Coder templates for the benchmark.

Each generated template starts from one of the project's own templates (``examples/*/good``,
``examples/*/bad``, ``tests/clean_templates/*``: every Docker-in-workspaces method, correct
and defective), renames its variables and resources, and grows to a size drawn like real
templates' (100-600 lines, about 290 on average) with the blocks real templates are made
of: workspace parameters, variables with validation, locals, apps, scripts, metadata.
About a third are split over several files (``variables.tf``, ``parameters.tf``), and
the Kubernetes YAML of their seed (RuntimeClasses, device plugins, node classes) comes
along, with an occasional manifest of its own.  The same arguments give the same tree.

    python bench/generate.py --templates 1000 --out bench/out/tree-1000
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_DIRS = ("examples", "tests/clean_templates")


@dataclass
class Seed:
    name: str
    tf: dict[str, str]  # file name -> text
    yaml: dict[str, str]
    agent: str  # the coder_agent resource's name


def seeds() -> list[Seed]:
    """The project's templates that have a Coder agent, each as one seed."""
    found = []
    for top in SEED_DIRS:
        for directory, _, files in sorted(os.walk(os.path.join(ROOT, top))):
            tf = {f: _read(directory, f) for f in sorted(files) if f.endswith(".tf")}
            agent = next((m.group(1) for text in tf.values()
                          for m in [re.search(r'resource "coder_agent" "(\w+)"', text)] if m), None)
            if agent is None:
                continue
            yaml = {f: _read(directory, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))}
            name = os.path.relpath(directory, os.path.join(ROOT, top)).replace(os.sep, "-")
            found.append(Seed(name, tf, yaml, agent))
    return found


def _read(directory: str, name: str) -> str:
    with open(os.path.join(directory, name), encoding="utf-8") as handle:
        return handle.read()


# ------------------------------------------------------------------------------------------------
# Renaming
# ------------------------------------------------------------------------------------------------

_VARIABLE = re.compile(r'^variable "(\w+)"', re.M)
_RESOURCE = re.compile(r'^resource "(\w+)" "([\w-]+)"', re.M)
_WORDS = ("alpha", "blue", "core", "dev", "edge", "green", "lab", "main", "ops", "red", "team", "web")


def rename(texts: dict[str, str], rng: random.Random, agent: str) -> dict[str, str]:
    """Rename every variable and every resource but the agent, consistently across the module's files."""
    joined = "\n".join(texts.values())
    renames: list[tuple[re.Pattern, str]] = []
    for name in sorted(set(_VARIABLE.findall(joined))):
        new = f"{name}_{rng.choice(_WORDS)}"
        renames.append((re.compile(rf'(?<=variable "){name}(?=")'), new))
        renames.append((re.compile(rf"\bvar\.{name}\b"), f"var.{new}"))
    for kind, name in sorted(set(_RESOURCE.findall(joined))):
        if kind == "coder_agent":
            continue
        new = f"{name.replace('-', '_')}_{rng.choice(_WORDS)}"
        renames.append((re.compile(rf'(?<=resource "{kind}" "){re.escape(name)}(?=")'), new))
        renames.append((re.compile(rf"\b{kind}\.{re.escape(name)}\b"), f"{kind}.{new}"))
    out = {}
    for file, text in texts.items():
        for pattern, new in renames:
            text = pattern.sub(new, text)
        out[file] = text
    return out


# ------------------------------------------------------------------------------------------------
# The blocks real templates add around the workspace
# ------------------------------------------------------------------------------------------------

_IMAGES = ("codercom/enterprise-base:ubuntu", "codercom/enterprise-node:ubuntu", "codercom/enterprise-golang:ubuntu",
           "codercom/enterprise-java:ubuntu", "codercom/example-python:ubuntu")
_REGIONS = ("us-east", "us-west", "eu-central", "eu-west", "ap-south", "ap-northeast")


def parameter(rng: random.Random, n: int) -> str:
    kind = rng.choice(("select", "number", "text", "bool"))
    if kind == "select":
        options = "".join(
            f'  option {{\n    name  = "{image.split("/")[1]}"\n    value = "{image}"\n    icon  = "/icon/{image.split("-")[-1].split(":")[0]}.svg"\n  }}\n'
            for image in rng.sample(_IMAGES, rng.randint(2, 4)))
        return (f'data "coder_parameter" "image_{n}" {{\n  name         = "image_{n}"\n  display_name = "Image {n}"\n'
                f'  description  = "The container image the workspace starts from."\n  type         = "string"\n'
                f'  default      = "{_IMAGES[0]}"\n  mutable      = true\n  order        = {n}\n{options}}}\n')
    if kind == "number":
        low = rng.choice((1, 2, 4))
        return (f'data "coder_parameter" "cpu_{n}" {{\n  name         = "cpu_{n}"\n  display_name = "CPU cores ({n})"\n'
                f'  type         = "number"\n  default      = {low * 2}\n  mutable      = true\n  order        = {n}\n'
                f'  validation {{\n    min = {low}\n    max = {low * 8}\n  }}\n}}\n')
    if kind == "text":
        return (f'data "coder_parameter" "repo_{n}" {{\n  name         = "repo_{n}"\n  display_name = "Repository {n}"\n'
                f'  description  = "A Git repository to clone into the home directory."\n  type         = "string"\n'
                f'  default      = ""\n  mutable      = true\n  order        = {n}\n}}\n')
    return (f'data "coder_parameter" "gpu_{n}" {{\n  name         = "gpu_{n}"\n  display_name = "Attach a GPU ({n})"\n'
            f'  type         = "bool"\n  default      = "false"\n  mutable      = false\n  order        = {n}\n}}\n')


def variable(rng: random.Random, n: int) -> str:
    region = rng.choice(_REGIONS)
    return (f'variable "region_{n}" {{\n  type        = string\n  default     = "{region}"\n'
            f'  description = "Where workspaces of this template run ({n})."\n'
            f'  validation {{\n    condition     = contains([{", ".join(repr(r).replace(chr(39), chr(34)) for r in _REGIONS)}], var.region_{n})\n'
            f'    error_message = "Pick one of the supported regions."\n  }}\n}}\n')


def local_block(rng: random.Random, n: int) -> str:
    labels = "".join(f'    "{key}" = "{rng.choice(_WORDS)}"\n' for key in rng.sample(("team", "cost-center", "env", "tier", "owner"), 3))
    return (f"locals {{\n  # Labels every object of the workspace carries ({n})\n  labels_{n} = {{\n{labels}  }}\n"
            f'  home_{n}   = "/home/coder/project-{n}"\n  ports_{n}  = [{", ".join(str(rng.randint(3000, 9000)) for _ in range(3))}]\n}}\n')


def app(rng: random.Random, n: int, agent: str) -> str:
    port = rng.randint(3000, 9000)
    return (f'resource "coder_app" "app_{n}" {{\n  agent_id     = coder_agent.{agent}.id\n  slug         = "app-{n}"\n'
            f'  display_name = "App {n}"\n  url          = "http://localhost:{port}"\n  icon         = "/icon/code.svg"\n'
            f'  subdomain    = {rng.choice(("true", "false"))}\n  share        = "owner"\n\n  healthcheck {{\n'
            f'    url       = "http://localhost:{port}/healthz"\n    interval  = 5\n    threshold = 6\n  }}\n}}\n')


def script(rng: random.Random, n: int, agent: str) -> str:
    tool = rng.choice(("node", "go", "python3", "java"))
    return (f'resource "coder_script" "setup_{n}" {{\n  agent_id     = coder_agent.{agent}.id\n'
            f'  display_name = "Set up {tool} ({n})"\n  run_on_start = true\n  script       = <<-EOT\n'
            f"    set -eu\n    if ! command -v {tool} >/dev/null 2>&1; then\n      echo \"installing {tool}\"\n"
            f"      sudo apt-get update -qq && sudo apt-get install -y -qq {tool} || true\n    fi\n"
            f"    mkdir -p ~/project-{n}\n  EOT\n}}\n")


def metadata(rng: random.Random, n: int, agent: str) -> str:
    return (f'resource "coder_metadata" "info_{n}" {{\n  count       = data.coder_workspace.me.start_count\n'
            f"  resource_id = coder_agent.{agent}.id\n  item {{\n    key   = \"region\"\n"
            f'    value = "{rng.choice(_REGIONS)}"\n  }}\n  item {{\n    key   = "tier"\n    value = "{rng.choice(_WORDS)}"\n  }}\n}}\n')


def manifest(rng: random.Random, n: int) -> str:
    """A workspace pod kept as YAML next to the template (Sysbox runtime class, no privilege)."""
    return (f"# A pre-provisioned workspace pod ({n})\napiVersion: v1\nkind: Pod\nmetadata:\n  name: workspace-{n}\n"
            f"  namespace: coder\n  labels:\n    app.kubernetes.io/name: coder-workspace\nspec:\n"
            f"  runtimeClassName: sysbox-runc\n  hostUsers: false\n  containers:\n    - name: dev\n"
            f"      image: {rng.choice(_IMAGES)}-20240812\n      command: [\"/sbin/init\"]\n"
            f"      resources:\n        limits:\n          memory: {rng.choice((4, 8, 16))}Gi\n")


# ------------------------------------------------------------------------------------------------
# Templates and trees
# ------------------------------------------------------------------------------------------------

def template(seed: Seed, rng: random.Random, target: int, split: bool) -> dict[str, str]:
    """The files of one template: the renamed seed grown to about ``target`` lines."""
    files = rename(seed.tf, rng, seed.agent)
    main = "main.tf" if "main.tf" in files else next(iter(files))
    extra: dict[str, list[str]] = {}
    lines = sum(text.count("\n") for text in files.values())
    n = 0
    makers = (("parameters.tf", parameter), ("variables.tf", variable), (main, local_block),
              (main, app), (main, script), (main, metadata))
    while lines < target:
        n += 1
        file, make = rng.choice(makers)
        block = make(rng, n, seed.agent) if make in (app, script, metadata) else make(rng, n)
        extra.setdefault(file if split else main, []).append(block)
        lines += block.count("\n") + 1
    regions = [f"var.region_{n}" for n in range(1, n + 1) for b in extra.get("variables.tf" if split else main, ())
               if b.startswith(f'variable "region_{n}"')]
    if regions:  # real templates use the variables they declare
        extra.setdefault(main, []).append(f"locals {{\n  regions = [{', '.join(regions)}]\n}}\n")
    for file, blocks in extra.items():
        files[file] = (files.get(file, "").rstrip("\n") + "\n\n" if file in files else "") + "\n".join(blocks)
    return files


def generate(count: int, out: str, seed: int = 7, single: int | None = None) -> list[str]:
    """Write ``count`` templates under ``out`` (emptied first); returns their directories.

    ``single``: one single-file template of about that many lines instead (the pre-commit case).
    """
    if os.path.isdir(out):
        shutil.rmtree(out)
    available = seeds()
    directories = []
    for index in range(count):
        rng = random.Random(seed * 1_000_003 + index)
        chosen = available[index % len(available)] if single is None else _closest(available, single)
        target = single if single is not None else int(rng.triangular(100, 600, 200))
        split = single is None and rng.random() < 0.35
        directory = os.path.join(out, f"{index // 100:02d}", f"{chosen.name}-{index:04d}")
        os.makedirs(directory)
        files = template(chosen, rng, target, split)
        if single is not None:  # one file: the seed's own, whatever it split off, folded in
            files = {"main.tf": "\n".join(text.rstrip("\n") + "\n" for text in files.values())}
        else:
            files.update(chosen.yaml if rng.random() < 0.6 else {})
            if rng.random() < 0.1:
                files[f"workspace-{index}.yaml"] = manifest(rng, index)
        for name, text in files.items():
            with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
                handle.write(text)
        directories.append(directory)
    return directories


def _closest(available: list[Seed], lines: int) -> Seed:
    """The largest seed that is still smaller than ``lines``."""
    size = {seed.name: sum(text.count("\n") for text in seed.tf.values()) for seed in available}
    smaller = [seed for seed in available if size[seed.name] < lines] or available
    return max(smaller, key=lambda seed: (size[seed.name], seed.name))


def stats(root: str) -> dict:
    """How many files, templates and lines a tree holds."""
    tf = yaml = lines = 0
    templates = set()
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            if name.endswith(".tf"):
                tf += 1
                templates.add(directory)
            elif name.endswith((".yaml", ".yml")):
                yaml += 1
            else:
                continue
            with open(path, encoding="utf-8") as handle:
                lines += sum(1 for _ in handle)
    return {"templates": len(templates), "tf_files": tf, "yaml_files": yaml, "lines": lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--templates", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--single", type=int, metavar="LINES", help="one single-file template of about LINES lines")
    args = parser.parse_args()
    generate(args.templates, args.out, args.seed, args.single)
    print(stats(args.out))


if __name__ == "__main__":
    main()
