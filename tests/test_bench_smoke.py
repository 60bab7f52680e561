"""The benchmark suite at a tiny scale: the generator is deterministic and its data imports, and the script runs
end to end and prints every row of its table. Correctness, not speed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import generate, run
from tests.helpers import ENGINES, POSTGRES_URL, postgres_problem

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("sqlite-utils", path=str(Path(sys.executable).parent)) is None
        or not Path("/usr/bin/time").exists(),
        reason="the benchmark needs sqlite-utils in the virtual environment and GNU time",
    ),
]


def test_generator_is_deterministic_and_writes_the_probes(tmp_path: Path) -> None:
    first = generate.write_dataset(tmp_path / "a", 200, seed=7)
    generate.write_dataset(tmp_path / "b", 200, seed=7)
    for name in ("entities.jsonl", "sources.jsonl", "statements.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    lines = [json.loads(x) for x in (tmp_path / "a" / "statements.jsonl").read_text().splitlines()]
    assert len(lines) == 200
    assert sum(generate.PHRASE in x["quote"] for x in lines) == first.phrase_hits
    assert sum(x["about"] == ["csto"] for x in lines) >= first.csto_about
    assert all(80 <= len(x["quote"]) <= 330 for x in lines)
    sources = {s["id"]: s["body"] for s in map(json.loads, (tmp_path / "a" / "sources.jsonl").open())}
    assert all(x["quote"] in sources[x["source"]] for x in lines)


def _published() -> bytes | None:
    path = ROOT / "bench" / "RESULTS.md"
    return path.read_bytes() if path.exists() else None


def test_the_suite_runs_at_a_tiny_scale_and_prints_every_row(tmp_path: Path) -> None:
    published = _published()
    engines = ["sqlite"]
    if "postgresql" in ENGINES and postgres_problem() is None:
        engines.append("postgresql")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSTO_KB_")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.run",
            "--tiny",
            "--workdir",
            str(tmp_path / "work"),
            "--engines",
            ",".join(engines),
            "--postgres",
            POSTGRES_URL,
            "--revision",
            "smoke",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for engine in engines:
        section = result.stdout.split(f"## 200 statements — {engine}\n", 1)[1]
        for number, what, _goal, _limit in run.ROWS:
            assert f"| {number} | {what} |" in section, f"{engine}: row {number} {what} missing"
        assert "| nan" not in section
    assert "articles/s" in result.stdout
    written = (tmp_path / "work" / "RESULTS.md").read_text()
    assert "## Machine" in written
    assert "python -m bench.run --tiny" in written
    assert published == _published(), "the smoke run must not overwrite bench/RESULTS.md"
