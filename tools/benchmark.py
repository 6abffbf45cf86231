"""Benchmarks: how long each notebook takes to run, and how fast the shipped models separate.

    .venv/bin/python tools/benchmark.py            # everything
    .venv/bin/python tools/benchmark.py --no-notebooks

Run it on an otherwise idle machine; the numbers go into README.md. (Timing is
measured here, not asserted in a test, because a busy CI machine would make a
timed test flaky.)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))


def notebook_times() -> list[tuple[str, float]]:
    import nbformat

    import notebooks as builder

    rows = []
    for language in ("en", "zh"):
        for path in sorted((ROOT / "notebooks" / language).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            t0 = time.perf_counter()
            builder.execute(nb, path.parent)  # kernel start included, as a learner's "Run all" would
            rows.append((f"{language}/{path.name}", time.perf_counter() - t0))
            print(f"{rows[-1][0]:40s} {rows[-1][1]:6.1f} s", flush=True)
    return rows


def separation_speed() -> dict:
    from tasnet_edu import load_pretrained
    from tasnet_edu.chapters.ch06_separation import real_time_factor

    out = {}
    for encoder in ("learned", "stft"):
        out[encoder] = real_time_factor(load_pretrained(encoder), seconds=4.0, repeats=20)
        print(f"TinyTasNet ({encoder} encoder): {out[encoder]:.0f}x faster than real time "
              f"({torch.get_num_threads()} threads, 4 s mixture)", flush=True)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-notebooks", action="store_true")
    args = parser.parse_args(argv)
    separation_speed()
    if not args.no_notebooks:
        rows = notebook_times()
        print(f"slowest: {max(rows, key=lambda r: r[1])[0]} {max(r[1] for r in rows):.1f} s")


if __name__ == "__main__":
    main()
