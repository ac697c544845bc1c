"""Read YAML while keeping where every value came from.

PyYAML's *compose* stage yields nodes that carry their line and column, which
is what lets ``timeline validate`` say ``events.yaml:42:9: ...`` instead of
"something is wrong somewhere". The C loader is used when present: it is the
same parser, several times faster.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from timeline.errors import InputError, Problem

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Node = yaml.Node
MappingNode = yaml.MappingNode
SequenceNode = yaml.SequenceNode
ScalarNode = yaml.ScalarNode

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
FLOAT_TAG = "tag:yaml.org,2002:float"


def position(node: Node, line_offset: int = 0) -> tuple[int, int]:
    """Return the 1-based (line, column) where ``node`` starts."""
    mark = node.start_mark
    return mark.line + 1 + line_offset, mark.column + 1


def problem_at(node: Node, path: str, message: str, line_offset: int = 0) -> Problem:
    """Build a Problem located at ``node``."""
    line, column = position(node, line_offset)
    return Problem(message, path, line, column)


def compose(text: str, path: str | Path, line_offset: int = 0) -> Node | None:
    """Parse ``text`` into a node tree, or raise InputError at the syntax error."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem_mark:
            # "found unexpected end of stream" is reported where the file ends;
            # the context says where the unclosed thing began.
            start = exc.context_mark
            reason += (f" ({exc.context} that starts at line {start.line + 1 + line_offset}, "
                       f"column {start.column + 1})")
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        raise InputError(Problem(f"invalid YAML: {reason}", str(path), line, column)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(f"invalid YAML: {exc}", str(path))) from None


def mapping_items(node: MappingNode, path: str, problems: list[Problem],
                  line_offset: int = 0) -> list[tuple[str, ScalarNode, Node]]:
    """Return (key, key node, value node) triples, reporting non-string and repeated keys.

    PyYAML keeps the last of two equal keys without a word; in a hand-edited
    history that silently loses data, so a repeat is an error here.
    """
    seen: dict[str, ScalarNode] = {}
    items = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            problems.append(problem_at(key_node, path, "a key must be plain text", line_offset))
            continue
        key = key_node.value
        if key in seen:
            line, _ = position(seen[key], line_offset)
            message = f"key {key!r} repeats the one on line {line}"
            problems.append(problem_at(key_node, path, message, line_offset))
            continue
        seen[key] = key_node
        items.append((key, key_node, value_node))
    return items


def kind(node: Node) -> str:
    """Name the YAML type of a node for messages ("a list", "a number", ...)."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return {INT_TAG: "a number", FLOAT_TAG: "a number", BOOL_TAG: "true/false",
            NULL_TAG: "nothing"}.get(node.tag, "text")
