"""A plain `pip install .` carries the web application's templates and static files, and serves them away
from the source tree; the command line's start-up does not import the web stack."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [
    "csto_kb/web/templates/base.html",
    "csto_kb/web/templates/search.html",
    "csto_kb/web/templates/_candidate.html",
    "csto_kb/web/static/htmx.min.js",
    "csto_kb/web/static/HTMX-LICENSE.txt",
    "csto_kb/web/static/style.css",
    "csto_kb/web/static/app.js",
]
PROBE = """
import sys, csto_kb
from starlette.testclient import TestClient
from csto_kb.services.bootstrap import open_knowledge_base
from csto_kb.web.app import create_app
from csto_kb.web.config import WebConfig
url = sys.argv[1]
app = create_app(WebConfig(url=url), open_knowledge_base(url))
web = TestClient(app)
for path in ("/search", "/statements/1", "/static/htmx.min.js", "/static/style.css", "/static/app.js"):
    answer = web.get(path)
    assert answer.status_code == 200, (path, answer.status_code)
assert "htmx" in web.get("/static/htmx.min.js").text
print(csto_kb.__file__)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("csto_kb-*.whl")
    return built


def test_the_wheel_carries_the_templates_and_static_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Provides-Extra: web" in metadata
    assert "starlette" in metadata


@pytest.mark.slow
def test_the_installed_wheel_serves_its_pages_and_files(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE, f"sqlite:///{tmp_path / 'kb.sqlite3'}"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert Path(run.stdout.strip()).is_relative_to(site)


def test_help_does_not_import_the_web_stack() -> None:
    probe = (
        "import sys\n"
        "from csto_kb.cli.app import main\n"
        "sys.argv = ['csto-kb', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('starlette', 'jinja2', 'uvicorn', 'csto_kb.web') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "serve" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
