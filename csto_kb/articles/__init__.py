"""Articles as analysts have them: text files with front matter, saved web pages, JSON Lines feeds, and folders
or patterns of any of these.

Each reader turns what it is given into the fields of a `csto_kb.schemas.sources.SourceIn`, not yet validated, so
that every article meets the same checks whatever it came as. `read_article` reads one file; `collect` finds
every article in a list of files, folders, patterns and feeds, each to be read when its turn comes.
"""

from csto_kb.articles.collect import Article, collect
from csto_kb.articles.fields import Overrides
from csto_kb.articles.reading import read_article

__all__ = ["Article", "Overrides", "collect", "read_article"]
