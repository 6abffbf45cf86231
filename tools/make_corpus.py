"""Regenerate the course's speech data: ``python tools/make_corpus.py [--diverse [DIR]] [--real]`` (see tools/corpus)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus.build import main  # noqa: E402

if __name__ == "__main__":
    main()
