"""Train TinyTasNet on speech: the shipped clips, the diverse synthetic corpus, or your own recordings::

    python -m tasnet_edu.cli.train --encoder learned --out runs/learned --minutes 60
    python -m tasnet_edu.cli.train --data ~/.cache/tasnet-edu/diverse/augmented --out runs/diverse --minutes 600
    python -m tasnet_edu.cli.train --data LibriSpeech/train-clean-100 --out runs/libri --device cuda
    python -m tasnet_edu.cli.train --out runs/learned --export tasnet_edu/pretrained/tiny_tasnet_learned.pt

``--data DIR``: one subfolder per speaker, audio files (wav, flac, ogg, mp3, any
rate) anywhere below it; ``train/`` + ``validation/`` subfolders if you have
them, else every 10th speaker (at least 2) validates (:mod:`tasnet_edu.core.speakers`).

Running the same command again resumes from ``runs/learned/last.pt``; the run's
own settings are kept then, and flags that would change them are reported as
ignored. The loop is :func:`tasnet_edu.core.training.run`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

import torch

from ..core.checks import check_size
from ..core.model import ENCODERS
from ..core.speakers import data_splits
from ..core.training import TrainConfig, export, run

RUN_SETTINGS = ("encoder", "seed", "config", "data", "init")  # fixed when a run starts; a resumed run keeps its own


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].rstrip(":"))
    parser.add_argument("--encoder", choices=ENCODERS, default=None,
                        help="learned (the document's: Conv1d + ReLU), linear (Conv1d only) or stft (fixed); default: learned")
    parser.add_argument("--data", type=Path, default=None, help="a folder of recordings, one subfolder per speaker "
                        "(default: the shipped clips)")
    parser.add_argument("--init", type=Path, default=None, help="start from these weights (a .pt checkpoint)")
    parser.add_argument("--device", default="cpu", help="cpu, or cuda where a GPU exists")
    parser.add_argument("--out", type=Path, required=True, help="run folder for last.pt, best.pt and log.jsonl")
    parser.add_argument("--minutes", type=float, default=60.0, help="stop after this much training time (in total, resumes included)")
    parser.add_argument("--steps", type=int, default=None, help="stop after this many steps in total")
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    parser.add_argument("--workers", type=int, default=None,
                        help="threads that mix batches ahead of the model (default: 4 with --device cuda, else 0)")
    parser.add_argument("--seed", type=int, default=None, help="default: 0")
    parser.add_argument("--config", type=Path, default=None,
                        help='JSON file overriding TrainConfig fields, e.g. {"batch_size": 4, "model": {"N": 32}}')
    parser.add_argument("--export", type=Path, default=None, help="write the shipped checkpoint from best.pt and exit")
    parser.add_argument("--rescore", action="store_true",
                        help="on resume, score the model on the validation set again and count the best from there "
                             "(after the validation mixtures changed)")
    args = parser.parse_args(argv)

    if args.export:
        shipped = export(args.out, args.export)
        print(f"exported step {shipped['step']} (validation SI-SNRi {shipped['validation_si_snri']:.2f} dB) to {args.export}")
        return
    if (args.out / "last.pt").exists():
        ignored = [f"--{name}" for name in RUN_SETTINGS if getattr(args, name) is not None]
        if ignored:
            print(f"warning: resuming {args.out / 'last.pt'}: {', '.join(ignored)} ignored (the run keeps the settings it "
                  "started with; use a new --out folder to change them)", file=sys.stderr)
    overrides = json.loads(args.config.read_text()) if args.config else {}
    model_fields = {"encoder": args.encoder or "learned", **overrides.pop("model", {})}
    paths = {k: str(v.expanduser()) for k, v in (("data", args.data), ("init", args.init)) if v is not None}
    if "data" in paths:
        data_splits(paths["data"])  # a clear error about the folder now, not after the model is built
    if args.device.startswith("cuda") and not torch.cuda.is_available():
        raise SystemExit(f"error: --device {args.device}, but torch sees no GPU here; use --device cpu")
    workers = args.workers if args.workers is not None else (4 if args.device.startswith("cuda") else 0)
    try:
        check_size("--workers", workers, 0)
    except ValueError as error:
        raise SystemExit(f"error: {error}; use 0 (mix on the training thread) or more") from None
    cfg = TrainConfig.from_dict({**asdict(TrainConfig(seed=args.seed or 0)), **overrides, **paths, "model": model_fields})
    threads = torch.get_num_threads()
    if args.threads:
        torch.set_num_threads(args.threads)
    try:
        run(args.out, cfg, minutes=args.minutes, steps=args.steps, rescore=args.rescore, device=args.device,
            workers=workers)
    finally:
        torch.set_num_threads(threads)


if __name__ == "__main__":
    main()
