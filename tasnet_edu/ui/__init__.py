"""What the learner sees: language (``i18n``), figures (``plotting``), the chapter registry (``course``), own voice (``voice``).

``ui`` builds on ``core`` only; the chapters build on both.
"""

from importlib import import_module


def __getattr__(name):
    """``te.ui.voice`` (the recorder and upload widgets) loads on first use: it imports anywidget and ipywidgets."""
    if name == "voice":
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
