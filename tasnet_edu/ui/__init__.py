"""What the learner sees: language (``i18n``), figures (``plotting``) and the chapter registry (``course``).

``ui`` builds on ``core`` only; the chapters build on both.
"""
