"""A plain `pip install .` must carry the migrations and the curated seed inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds and installs a wheel

ROOT = Path(__file__).resolve().parent.parent


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


def test_wheel_carries_migrations_and_seed_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "csto_kb/migrations/env.py" in names
    assert any(n.startswith("csto_kb/migrations/versions/0001_") for n in names)
    assert "csto_kb/seeds/entities.yaml" in names
    assert "csto_kb/seeds/000_a04cb8df2fb7d647.txt" in names
    assert "csto_kb/seeds/000_a04cb8df2fb7d647.yaml" in names
    assert "csto_kb/exporters/factsheet_labels.json" in names  # the fact sheet's labels in every language
    assert not any(n.startswith(("tests/", "migrations/", "seeds/")) for n in names)


def test_installed_wheel_creates_and_seeds_a_database_away_from_the_source_tree(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "CSTO_KB_DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite3'}",
    }
    run = subprocess.run(
        [sys.executable, "-m", "csto_kb", "who-said", "--speaker", "Pashinyan", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert '"nikol-pashinyan"' in run.stdout
    where = subprocess.run(
        [sys.executable, "-c", "import csto_kb.resources as r; print(r.migrations_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(site)
    sheet = subprocess.run(
        [sys.executable, "-m", "csto_kb", "factsheet", "CSTO", "--lang", "ru"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert sheet.returncode == 0, sheet.stderr
    assert "## Государства-члены" in sheet.stdout
