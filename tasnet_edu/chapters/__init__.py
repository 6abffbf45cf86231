"""One module per notebook: that chapter's demo data, tables, plots, widgets and figures.

``te.ch03`` in a notebook is :mod:`tasnet_edu.chapters.ch03_relu`. A chapter
imports ``core`` and ``ui``, never another chapter; what two chapters need lives
in ``core``. The registry is :data:`tasnet_edu.ui.course.CHAPTERS`.
"""
