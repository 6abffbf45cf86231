"""Shared test setup: markers, closing figures, and the order of the full run (``./course test``).

Property-based tests (hypothesis) keep ``max_examples`` small and ``deadline=None``
so the whole suite stays fast on a busy 2-core machine. tests/course/test_layout.py
checks that no test needs more than this: language, fonts, threads and random
generators are restored by the package itself.

``./course test`` runs every test once, shuffled (pytest-randomly: no test depends on
state another one left behind) and on two workers (pytest-xdist, ``--dist loadfile``).
Two things must not be shuffled or split, and :func:`pytest_collection_modifyitems`
keeps them whole: a notebook's cells (nbval items, which share one kernel) run top to
bottom on one worker, and each test file stays on one worker (module fixtures such as
the book build or a JupyterLab server are made once). The browser test files
(:data:`SAME_WORKER`) share one worker, so two JupyterLabs and two Chromiums never run
at once; the longest work units go first, so the two workers finish at about the same time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# Test files that must run on the same worker, one after the other (each starts JupyterLab and Chromium).
SAME_WORKER = {"tests/course/test_browser.py": "browser", "tests/course/test_voice_browser.py": "browser"}
# Work units that take longest (each a minute or more on 2 cores), first; then the notebooks, later chapters first
# (they run the trained model and training steps); then the rest, in the shuffled order.
LONGEST_FIRST = ("browser", "tests/course/test_results.py", "tests/course/test_book.py", "tests/course/test_corpus.py")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: the classroom check in JupyterLab + headless Chromium (deselect with -m 'not browser')")
    config.addinivalue_line("markers", "slow: the full 100-mixture evaluation (deselect with -m 'not slow')")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def work_unit(nodeid: str) -> str:
    """What one xdist worker runs as a whole: the file (a test module, a notebook), or its :data:`SAME_WORKER` group."""
    path = nodeid.split("::", 1)[0]
    return SAME_WORKER.get(path, path)


def _cell_number(item) -> int | None:
    """The cell number of an nbval item (a notebook cell), None for any other test."""
    return getattr(item, "cell_num", None) if item.path.suffix == ".ipynb" else None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Notebook cells back in order, each work unit in one piece, the longest units first.

    pytest-randomly (when on) has shuffled every item; tests within a file keep that
    shuffled order, and so do the files among themselves (a stable sort), but each
    notebook's cells go back to their order in the notebook.
    """
    units: dict[str, list] = {}
    for item in items:
        units.setdefault(work_unit(item.nodeid), []).append(item)
    for unit in units.values():
        if all(_cell_number(item) is not None for item in unit):
            unit.sort(key=_cell_number)
    notebooks = sorted((u for u in units if u.endswith(".ipynb")), key=lambda u: Path(u).name, reverse=True)

    def rank(unit: str) -> tuple[int, int]:
        if unit in LONGEST_FIRST:
            return 0, LONGEST_FIRST.index(unit)
        return (1, notebooks.index(unit)) if unit in notebooks else (2, 0)

    items[:] = [item for unit in sorted(units, key=rank) for item in units[unit]]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadfile``: one file per work unit, as xdist does, but the :data:`SAME_WORKER` files together."""
    if config.getoption("dist", None) != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class LoadFileTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return LoadFileTogether(config, log)
