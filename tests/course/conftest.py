"""Fixtures shared by the browser tests of this folder."""

import pytest
from browser_support import ensure_chromium


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium (installed when missing); the browser tests skip, saying why, only where it cannot be."""
    path, why = ensure_chromium()
    if path is None:
        pytest.skip(f"browser test skipped: {why}")
    return path
