"""Command-line tools (``python -m tasnet_edu.cli.NAME``): ``train``, ``evaluate``, ``figures``, ``corpus``."""
