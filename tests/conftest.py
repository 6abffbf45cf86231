"""Shared setup for the unit tests: a headless matplotlib and a clean language state.

Property-based tests (hypothesis) keep ``max_examples`` small and ``deadline=None``
so the whole suite stays fast on a busy 2-core machine.
"""

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported anywhere: no display needed

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _restore_language():
    """Tests that switch to Chinese must not leak it into the next test."""
    from tasnet_edu.language import current_language, use_language

    before = current_language()
    yield
    if current_language() != before:
        use_language(before)


@pytest.fixture(autouse=True)
def _no_language_env(monkeypatch):
    """``$TASNET_EDU_LANG`` from the caller's shell must not change what the tests see."""
    monkeypatch.delenv("TASNET_EDU_LANG", raising=False)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: the classroom check in JupyterLab + headless Chromium (deselect with -m 'not browser')")


@pytest.fixture(autouse=True)
def _restore_torch_threads():
    """A test that runs a CLI with --threads must not change later tests' numbers (e.g. figure pixels)."""
    import torch

    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)
