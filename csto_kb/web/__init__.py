"""The local web application of `csto-kb serve`: pages and their JSON twins over the same services.

Nothing here is imported unless the server runs: the command line starts without the web stack.
"""
