"""The results table: SI-SNRi on unseen test mixtures, learned encoder vs STFT encoder vs ideal masks::

    python -m tasnet_edu.cli.evaluate            # prints the table
    python -m tasnet_edu.cli.evaluate --write    # and writes tasnet_edu/pretrained/results.json
"""

from __future__ import annotations

import argparse
import json

from ..core.evaluation import RESULTS_FILE, TEST_MIXTURES, markdown_table, results_table


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="SI-SNRi of the shipped models and the ideal masks on the test split.")
    parser.add_argument("--count", type=int, default=TEST_MIXTURES)
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS_FILE.name}")
    args = parser.parse_args(argv)
    results = results_table(args.count)
    print(markdown_table(results))
    if args.write:
        RESULTS_FILE.write_text(json.dumps({"test_mixtures": args.count, "si_snri_db": results}, indent=2) + "\n")
        print(f"wrote {RESULTS_FILE}")


if __name__ == "__main__":
    main()
