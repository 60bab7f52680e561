"""csto-kb: a sourced knowledge base of alliance facts."""

__version__ = "0.1.0"
