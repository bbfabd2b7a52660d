"""sources/kubernetes.py: YAML manifests to positioned nodes."""

from __future__ import annotations

import textwrap

from tfdind_lint.node import Span
from tfdind_lint.sources.kubernetes import parse_file


def parse(text: str, path: str = "pod.yaml"):
    return parse_file(path, textwrap.dedent(text).lstrip("\n").encode())


def S(line, column, end_line, end_column, path="pod.yaml"):
    return Span(path, line, column, end_line, end_column)


def test_keys_and_values_have_spans_in_every_document():
    yaml = parse('''
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
        spec:
          containers:
            - name: dind
              securityContext:
                privileged: true
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
    ''')
    first, second = yaml.documents
    privileged = first.get("spec", "containers", 0, "securityContext", "privileged")
    assert privileged.value is True
    assert privileged.key == S(9, 9, 9, 19)
    assert privileged.span == S(9, 21, 9, 25)
    assert privileged.where == S(9, 9, 9, 25)
    name = second.get("metadata", "name")
    assert name.value == "b" and name.span == S(13, 18, 13, 19)
    assert second.get("kind").key.line == 12


def test_scalars_follow_kubernetes_yaml_rules():
    yaml = parse('''
        apiVersion: example.com/v1
        kind: Settings
        data:
          a: yes
          b: "yes"
          c: 0755
          d: 1.5
          e: ~
          f: 1000
          g: "1000"
    ''')
    data = yaml.documents[0].get("data").plain()
    assert data == {"a": True, "b": "yes", "c": 493, "d": 1.5, "e": None, "f": 1000, "g": "1000"}


def test_literal_block_scalar_maps_its_lines():
    yaml = parse('''
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: dev
              args:
                - |
                  echo one
                  echo two
    ''')
    script = yaml.documents[0].get("spec", "containers", 0, "args", 0)
    assert script.value == "echo one\necho two\n"
    assert script.lines == ((8, 11), (9, 11))


def test_non_manifest_yaml_is_skipped():
    assert parse("name: ci\non: [push]\njobs: {}\n", "ci.yaml") is None


def test_one_broken_document_does_not_hide_the_others():
    yaml = parse('''
        apiVersion: v1
        kind: Pod
        metadata: {name: good}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: [broken}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: also-good}
    ''')
    assert [d.get("metadata", "name").value for d in yaml.documents] == ["good", "also-good"]
    (error,) = yaml.errors
    assert error.span.line == 7
    assert error.message.startswith("Invalid YAML")


def test_tags_never_construct_objects():
    yaml = parse('''
        apiVersion: example.com/v1
        kind: Settings
        data:
          boom: !!python/object/apply:os.system ["echo pwned"]
          name: !custom value
    ''')
    data = yaml.documents[0].get("data")
    assert data.get("boom").plain() == ["echo pwned"]
    assert data.get("name").value == "value"


def test_duplicate_keys_are_reported():
    yaml = parse('''
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
          name: b
    ''')
    assert yaml.documents[0].get("metadata", "name").value == "a"
    (error,) = yaml.errors
    assert error.span == S(5, 3, 5, 7)
    assert "Duplicate key 'name'" in error.message


def test_aliases_share_values_and_merge_keys_work():
    yaml = parse('''
        apiVersion: v1
        kind: Pod
        x-common: &common {image: "docker:dind", name: dind}
        spec:
          containers:
            - <<: *common
              name: override
    ''')
    container = yaml.documents[0].get("spec", "containers", 0).plain()
    assert container == {"name": "override", "image": "docker:dind"}


def test_an_anchor_defined_twice_is_read_without_a_warning():
    """YAML lets a later anchor of the same name win; ruamel warns on stderr, which a CI log must not show."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yaml = parse('''
            apiVersion: v1
            kind: Pod
            metadata:
              name: &a dev
              namespace: &a coder
            spec:
              containers:
                - name: *a
        ''')
    assert not caught
    assert yaml.documents[0].get("spec", "containers", 0, "name").value == "coder"
