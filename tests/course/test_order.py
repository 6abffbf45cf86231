"""``./course test`` runs every test once, in a shuffled order (pytest-randomly), on two workers (pytest-xdist).

The full run itself is the shuffled run: no test depends on state another one left behind
(it used to be a second run of the unit tests, in a subprocess). What must not be shuffled
stays in order (tests/conftest.py): a notebook's cells, which share one kernel. This test
checks the order the full run collects, without running anything: the options are the
ones ``./course test`` adds when it is given no paths.
"""

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = "--randomly-seed=20261124"


def full_run_options() -> list[str]:
    """What ``./course test`` adds to pytest's arguments when it is given no paths (its ``set --`` line)."""
    branch = re.search(r"^\s*test\)\n(.*?)^\s*;;", (ROOT / "course").read_text(encoding="utf-8"), re.M | re.S)
    assert branch, "./course has no test branch"
    found = re.findall(r"^\s*set -- (.+)$", branch.group(1), re.M)
    assert len(found) == 1, f"./course test: expected one 'set -- OPTIONS' line for the full run, found {found}"
    return [option for option in shlex.split(found[0]) if option != "$@"]


def collected(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout.splitlines()


def test_the_full_run_is_shuffled_and_parallel():
    options = full_run_options()
    assert options[:2] == ["-p", "randomly"] and SEED in options, options  # shuffled, the same order every run
    assert "-n" in options and options[options.index("--dist") + 1] == "loadfile", options


def test_the_full_run_shuffles_tests_but_keeps_each_notebook_in_order():
    paths = ["tests/core/test_framing.py", "tests/course/test_voice_browser.py", "notebooks/en/01_slicing.ipynb",
             "tests/course/test_browser.py", "notebooks/zh/00_introduction.ipynb"]
    ids = [line for line in collected(*full_run_options(), *paths) if "::" in line]
    defined = re.findall(r"^def (test_\w+)", (ROOT / paths[0]).read_text(encoding="utf-8"), re.M)
    run = list(dict.fromkeys(i.split("::")[1].split("[")[0] for i in ids if i.startswith(paths[0] + "::")))
    assert sorted(run) == sorted(defined) and run != defined, f"not shuffled: {run}"
    for notebook in ("notebooks/en/01_slicing.ipynb", "notebooks/zh/00_introduction.ipynb"):
        code = sum(c["cell_type"] == "code" for c in json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"])
        cells = [i for i, node in enumerate(ids) if node.startswith(notebook + "::")]
        assert [ids[i] for i in cells] == [f"{notebook}::Cell {n}" for n in range(code)], f"{notebook}: out of order"
        assert cells == list(range(cells[0], cells[0] + code)), f"{notebook}: its cells are not together"
    # the two browser files run one after the other on one worker, first (the longest work unit)
    browser = [i for i, node in enumerate(ids) if "_browser.py::" in node]
    assert browser == list(range(len(browser))), "the browser tests are not together at the start"
