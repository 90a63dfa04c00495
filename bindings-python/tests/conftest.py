from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "data" / "sample-production.json"
BAD_DIR = ROOT / "core" / "tests" / "data" / "bad"
MINIMAL = ROOT / "core" / "tests" / "data" / "good-minimal.json"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def minimal_path() -> Path:
    return MINIMAL


def bad_cases() -> list[tuple[str, list[str]]]:
    expected = json.loads((BAD_DIR / "expected.json").read_text())
    return sorted(expected.items())
