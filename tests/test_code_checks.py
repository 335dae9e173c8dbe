"""The code gates: ruff, mypy and ESLint find nothing.

They run here, so the README's test command (and so CI) runs them too.
Each is also shown to fail on code that breaks its rules, so a gate that
checks no files cannot pass unnoticed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from support import ROOT

ESLINT_DIR = ROOT / "tools" / "eslint"
ESLINT_CONFIG = ESLINT_DIR / "eslint.config.mjs"
ESLINT_TARGETS = ("hooks", "overrides")
NO_NODE = (
    "ESLint needs Node.js 18.18 or later and npm. On Debian or Ubuntu run "
    "scripts/install-system-packages.sh --test; elsewhere install Node.js from nodejs.org."
)
NO_ESLINT = "ESLint is not installed. Run: npm ci --prefix tools/eslint --ignore-scripts"


def run(command: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300)


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail(NO_NODE, pytrace=False)
    entry = ESLINT_DIR / "node_modules" / "eslint" / "bin" / "eslint.js"
    if not entry.is_file():
        pytest.fail(NO_ESLINT, pytrace=False)
    return run([node, str(entry), "-c", str(ESLINT_CONFIG), *args], stdin=stdin)


def test_ruff_finds_nothing():
    proc = run([sys.executable, "-m", "ruff", "check", "--no-cache", "."])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_catches_an_unused_import():
    proc = run([sys.executable, "-m", "ruff", "check", "--no-cache", "--stdin-filename", "hooks/nextsteps/example.py", "-"], stdin="import os\n")
    assert proc.returncode == 1 and "F401" in proc.stdout, proc.stdout + proc.stderr


def test_mypy_strict_finds_nothing():
    """Strict on hooks/nextsteps and on the adapter (pyproject.toml [tool.mypy])."""
    proc = run([sys.executable, "-m", "mypy"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues found" in proc.stdout


def test_mypy_catches_a_type_error(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def half(n: int) -> int:\n    return n / 2\n", encoding="utf-8")
    proc = run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), str(wrong)])
    assert proc.returncode == 1 and "Incompatible return value" in proc.stdout, proc.stdout


def test_eslint_finds_nothing():
    proc = eslint(*ESLINT_TARGETS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_eslint_catches_an_undefined_name_in_a_shipped_script():
    proc = eslint("--stdin", "--stdin-filename", "hooks/nextsteps/example.js", stdin="(function () {\n  tick(lsit);\n})();\n")
    assert proc.returncode == 1 and "'lsit' is not defined" in proc.stdout, proc.stdout + proc.stderr
