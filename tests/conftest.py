"""Shared test setup: markers, and closing figures (memory only: package functions restore what they change).

Property-based tests (hypothesis) keep ``max_examples`` small and ``deadline=None``
so the whole suite stays fast on a busy 2-core machine. tests/course/test_layout.py
checks that no test needs more than this: language, fonts, threads and random
generators are restored by the package itself.
"""

import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: the classroom check in JupyterLab + headless Chromium (deselect with -m 'not browser')")
    config.addinivalue_line("markers", "slow: the full 100-mixture evaluation (deselect with -m 'not slow')")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
