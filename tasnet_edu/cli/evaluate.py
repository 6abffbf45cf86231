"""The results table: SI-SNRi with 95% bootstrap intervals, shipped models vs ideal masks, on every test set::

    python -m tasnet_edu.cli.evaluate                        # real voices and shipped-clip test sentences
    python -m tasnet_edu.cli.evaluate --corpus ~/.cache/tasnet-edu/diverse   # + unseen synthetic voices
    python -m tasnet_edu.cli.evaluate --corpus ~/.cache/tasnet-edu/diverse --write   # -> results.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.evaluation import RESULTS_FILE, markdown_table, results_table, test_mixtures


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="SI-SNRi of the shipped models and the ideal masks on the test sets.")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="the diverse corpus folder (python tools/make_corpus.py --diverse), for the synthetic test set")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS_FILE.name} (needs --corpus)")
    args = parser.parse_args(argv)
    if args.write and args.corpus is None:
        raise SystemExit("error: --write stores every test set, so it needs --corpus DIR for the synthetic one")
    sets = ("real", "synthetic-en", "synthetic-zh", "clips") if args.corpus else ("real", "clips")
    corpus = args.corpus.expanduser() if args.corpus else None
    results = results_table(sets, corpus=corpus)
    print(markdown_table(results))
    if args.write:
        counts = {s: len(test_mixtures(s, corpus=corpus)) for s in sets}
        RESULTS_FILE.write_text(json.dumps({"test_mixtures": counts, "si_snri_db": results}, indent=1) + "\n")
        print(f"wrote {RESULTS_FILE}")


if __name__ == "__main__":
    main()
