"""Reading YAML that people write by hand: dates stay text, and a key given twice is an error."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode


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


StrictLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """The document in ``text``; raises yaml.YAMLError (a duplicate key included) for what cannot be read."""
    return yaml.load(text, Loader=StrictLoader)  # StrictLoader is a SafeLoader
