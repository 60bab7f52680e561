"""Files that appear whole: written beside their destination, then renamed over it."""

from __future__ import annotations

import os
from pathlib import Path


def publish(temporary: str | Path, destination: Path) -> None:
    """Rename a finished temporary file over ``destination`` with the permissions a new file gets.

    ``tempfile.mkstemp`` creates its file readable by its owner alone (0600), which is right while it is
    being written but would leave an export or a backup unreadable by the rest of a team; the finished file
    gets what ``open()`` would have given it (0666 less the process's umask).
    """
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    os.replace(temporary, destination)
