"""Reading YAML that people write by hand: dates stay text, and a key given twice is an error."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode

MAX_INTEGER_DIGITS = 1_000
"""Python refuses to turn more than 4,300 digits into an integer (a ValueError, not a YAML error); no field
of csto-kb holds a number anywhere near this long."""


class StrictLoader(yaml.SafeLoader):
    """A safe loader that keeps dates as written (so a bad date is reported by the field that holds it, not
    by PyYAML's date parser) and refuses a mapping that gives one key twice (PyYAML keeps the last silently)."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ConstructorError(None, None, f"the key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: ScalarNode) -> int:
        if len(str(node.value)) > MAX_INTEGER_DIGITS:
            raise ConstructorError(
                None, None, f"a number of more than {MAX_INTEGER_DIGITS:,} digits", node.start_mark
            )
        return int(super().construct_yaml_int(node))


StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)


StrictLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class TextLoader(StrictLoader):
    """A strict loader that reads every scalar as the text written (`published: 0001` is the year "0001", not
    the integer 1; `lang: no` is Norwegian, not False; 5,000 digits are 5,000 characters), except ``~``, ``null``
    and an empty value, which mean nothing given. For article front matter, whose fields are all text."""


TextLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_as_text(text: str) -> Any:
    """The document in ``text`` with every scalar but null as a string (see `TextLoader`)."""
    return yaml.load(text, Loader=TextLoader)  # TextLoader is a SafeLoader


def load_yaml(text: str) -> Any:
    """The document in ``text``; raises yaml.YAMLError (a duplicate key included) for what cannot be read."""
    return yaml.load(text, Loader=StrictLoader)  # StrictLoader is a SafeLoader
