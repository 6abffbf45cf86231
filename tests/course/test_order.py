"""The unit tests pass in a shuffled order (pytest-randomly): no test depends on state another one left behind.

The default run switches pytest-randomly off (``-p no:randomly`` in pyproject.toml),
because nbval's items are a notebook's cells, which must run top to bottom.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_unit_tests_pass_in_a_shuffled_order():
    command = [sys.executable, "-m", "pytest", "tests/core", "tests/chapters", "tasnet_edu/core", "tasnet_edu/ui",
               "-o", "addopts=--doctest-modules", "-p", "randomly", "--randomly-seed=20261124",
               "-p", "no:cacheprovider"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert "--randomly-seed=20261124" in result.stdout, "pytest-randomly did not run: " + result.stdout[-2000:]
    assert result.returncode == 0, result.stdout[-4000:]
