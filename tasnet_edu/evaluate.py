"""The results table: SI-SNRi on unseen test mixtures, learned encoder vs STFT encoder vs ideal masks.

Used by notebook ``06_separation`` (live, on a few mixtures) and on the command
line for the README's table (all test mixtures)::

    python -m tasnet_edu.evaluate            # prints the table, writes tasnet_edu/pretrained/results.json

The ideal masks (IRM, IBM, WFM) use the true sources on a 32 ms Hann STFT with
8 ms hop, as in the Conv-TasNet paper: they are oracles, the bar a
time-frequency magnitude mask cannot pass.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
import torch

from .audio import fixed_mixtures
from .metrics import ideal_mask_separation, si_snr_improvement
from .model import PRETRAINED_DIR, load_pretrained

TEST_MIXTURES = 100  # every README number is the mean over these (seed 0, test split)
METHODS = {
    "learned": ("TinyTasNet, learned encoder (ReLU)", "TinyTasNet，学到的编码器（ReLU）"),
    "stft": ("TinyTasNet, fixed STFT encoder", "TinyTasNet，固定的 STFT 编码器"),
    "irm": ("Ideal ratio mask (IRM, oracle)", "理想比值掩码（IRM，先知）"),
    "ibm": ("Ideal binary mask (IBM, oracle)", "理想二值掩码（IBM，先知）"),
    "wfm": ("Wiener-filter-like mask (WFM, oracle)", "类维纳滤波掩码（WFM，先知）"),
}
RESULTS_FILE = PRETRAINED_DIR / "results.json"


@torch.no_grad()
def method_scores(method: str, mixtures: list[dict], models: dict | None = None) -> np.ndarray:
    """SI-SNRi (dB) of one method on each mixture."""
    scores = []
    for m in mixtures:
        mixture, sources = m["mixture"][None], m["sources"][None]
        if method in ("learned", "stft"):
            model = (models or {}).get(method) or load_pretrained(method)
            estimates = model(mixture)
        else:
            estimates = ideal_mask_separation(sources, kind=method)
        scores.append(float(si_snr_improvement(estimates, sources, mixture)[0]))
    return np.array(scores)


def results_table(count: int = TEST_MIXTURES, methods=tuple(METHODS), seed: int = 0) -> dict:
    """Mean SI-SNRi in dB of each method over ``count`` fixed test mixtures, rounded to 0.01 dB."""
    mixtures = fixed_mixtures("test", count, seed=seed)
    models = {name: load_pretrained(name) for name in ("learned", "stft") if name in methods}
    return {method: round(float(method_scores(method, mixtures, models).mean()), 2) for method in methods}


def shipped_results() -> dict:
    """The stored table of the shipped checkpoints (``results.json``, written by ``--write``)."""
    return json.loads(RESULTS_FILE.read_text())["si_snri_db"]


def markdown_table(results: dict, language: str = "en") -> str:
    """The table as Markdown, best first."""
    head = ("| method | SI-SNRi (dB) |", "| 方法 | SI-SNRi（dB） |")[language == "zh"]
    rows = [head, "| --- | ---: |"]
    for method, value in sorted(results.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {METHODS[method][language == 'zh']} | {value:.2f} |")
    return "\n".join(rows)


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
