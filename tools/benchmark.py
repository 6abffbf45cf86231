"""Benchmarks: how long each notebook takes to run, and how fast the shipped models separate.

    .venv/bin/python tools/benchmark.py            # everything
    .venv/bin/python tools/benchmark.py --no-notebooks
    ./course benchmark --no-notebooks           # + glibc's default allocator against the course's settings

Run it on an otherwise idle machine; the numbers go into README.md. (Timing is
measured here, not asserted in a test, because a busy CI machine would make a
timed test flaky.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
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


def separation_speed(quiet: bool = False) -> dict:
    from tasnet_edu import load_pretrained
    from tasnet_edu.core.evaluation import real_time_factor

    out = {}
    for encoder in ("learned", "stft"):
        out[encoder] = real_time_factor(load_pretrained(encoder), seconds=4.0, repeats=20)
        if not quiet:
            print(f"TinyTasNet ({encoder} encoder): {out[encoder]:.0f}x faster than real time "
                  f"({torch.get_num_threads()} threads, 4 s mixture; GLIBC_TUNABLES={os.environ.get('GLIBC_TUNABLES', '')!r})",
                  flush=True)
    return out


def without(tunables: str, setting: str) -> str:
    """``GLIBC_TUNABLES`` with ``setting``'s entries taken out (the others kept)."""
    drop = set(setting.split(":"))
    return ":".join(t for t in tunables.split(":") if t and t not in drop)


def compare_allocators(setting: str, rounds: int = 3) -> dict:
    """Separation speed in fresh processes, glibc's default allocator and ``setting`` taking turns (``rounds`` each)."""
    base = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
    rest = without(os.environ.get("GLIBC_TUNABLES", ""), setting)
    envs = {"default": {**base, **({"GLIBC_TUNABLES": rest} if rest else {})},
            "course": {**base, "GLIBC_TUNABLES": ":".join(filter(None, (rest, setting)))}}
    out = {name: {"learned": [], "stft": []} for name in envs}
    code = "import json, sys; sys.path.insert(0, 'tools'); import benchmark; print(json.dumps(benchmark.separation_speed(quiet=True)))"
    for _ in range(rounds):
        for name, env in envs.items():
            done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
            for encoder, factor in json.loads(done.stdout.splitlines()[-1]).items():
                out[name][encoder].append(factor)
    for name, label in (("default", "glibc's default allocator"), ("course", f"GLIBC_TUNABLES={setting} (./course)")):
        for encoder, factors in out[name].items():
            print(f"{label}: TinyTasNet ({encoder}) " + ", ".join(f"{f:.0f}x" for f in sorted(factors)), flush=True)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-notebooks", action="store_true")
    parser.add_argument("--course-malloc", metavar="TUNABLES",
                        help="also time separation in fresh processes with glibc's default allocator and with these "
                             "GLIBC_TUNABLES, in turns (./course benchmark passes the course's settings)")
    parser.add_argument("--rounds", type=int, default=3, help="with --course-malloc: processes per setting")
    args = parser.parse_args(argv)
    separation_speed()
    if args.course_malloc:
        compare_allocators(args.course_malloc, args.rounds)
    if not args.no_notebooks:
        rows = notebook_times()
        print(f"slowest: {max(rows, key=lambda r: r[1])[0]} {max(r[1] for r in rows):.1f} s")


if __name__ == "__main__":
    main()
