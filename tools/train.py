"""Train TinyTasNet on speech: the shipped clips, the diverse synthetic corpus, or your own recordings::

    python tools/train.py --encoder learned --out runs/learned --minutes 60
    python tools/train.py --data ~/.cache/tasnet-edu/diverse/augmented --out runs/diverse --minutes 600
    python tools/train.py --data LibriSpeech/train-clean-100 --out runs/libri --device cuda
    python tools/train.py --out runs/learned --export tasnet_edu/pretrained/tiny_tasnet_learned.pt

``--data DIR``: one subfolder per speaker, audio files (wav, flac, ogg, mp3, any
rate) anywhere below it; ``train/`` + ``validation/`` subfolders if you have
them, else every 10th speaker (at least 2) validates (:mod:`tasnet_edu.core.speakers`).

Running the same command again resumes from ``runs/learned/last.pt``; the run's
own settings are kept then, and flags that would change them are reported as
ignored. The loop is :func:`run` below; the training steps are
:func:`tasnet_edu.core.training.train_steps`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from tasnet_edu.core.audio import fixed_mixtures
from tasnet_edu.core.checks import check_size
from tasnet_edu.core.evaluation import si_snri_scores
from tasnet_edu.core.model import ENCODERS, TinyTasNet
from tasnet_edu.core.speakers import REAL_DIR, data_splits, fixed_speaker_mixtures, real_mixtures
from tasnet_edu.core.training import TrainConfig, new_run, speakers_of, train_steps

PROJECT = Path(__file__).resolve().parents[1]


def validation_mixtures(cfg: TrainConfig) -> list[dict]:
    """The fixed mixtures that choose checkpoints: synthetic validation speakers, never the real test set."""
    if cfg.data:
        return fixed_speaker_mixtures(speakers_of(cfg.data, "validation"), cfg.eval_mixtures, seconds=3.0, seed=1)
    return fixed_mixtures("validation", cfg.eval_mixtures, seed=1)


def validate(model: TinyTasNet, mixtures: list[dict]) -> float:
    """Mean SI-SNRi (dB) of ``model`` over fixed mixtures (one at a time, full length)."""
    model.eval()
    device = next(model.parameters()).device
    return float(si_snri_scores(lambda mixture, sources: model(mixture.to(device)).cpu(), mixtures).mean())


def plateau_scheduler(optimizer, cfg: TrainConfig):
    """Halve the learning rate after ``cfg.patience`` evaluations in a row without a new best score."""
    # PyTorch counts "bad" evaluations beyond patience: patience - 1 here halves on the patience-th one.
    return torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=cfg.patience - 1,
                                                      threshold=0.0)


def save_checkpoint(path: Path, model, optimizer, scheduler, cfg: TrainConfig, state: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                "config": asdict(cfg), **state}, tmp)
    tmp.replace(path)  # atomic: an interrupted save never leaves a broken checkpoint


def export(run_dir: Path, out: Path) -> dict:
    """Write the shipped checkpoint from ``best.pt``: weights, model config and how it was trained."""
    ckpt = torch.load(Path(run_dir) / "best.pt", map_location="cpu", weights_only=True)
    config = {**ckpt["config"], **{k: _portable(ckpt["config"].get(k)) for k in ("data", "init")}}
    shipped = {
        "model": ckpt["model"],
        "config": ckpt["config"]["model"],
        "train_config": config,
        "step": ckpt["step"],
        "train_seconds": ckpt["train_seconds"],
        "validation_si_snri": ckpt["best_score"],
    }
    if ckpt["config"].get("init"):  # fine-tuned: keep how the starting weights were made
        init = Path(ckpt["config"]["init"])
        start = torch.load(init, map_location="cpu", weights_only=True)
        # A shipped checkpoint names these train_config / validation_si_snri, a run's checkpoint config / best_score.
        start_config = start.get("train_config", start.get("config"))
        shipped["init"] = {"step": start["step"], "train_seconds": start["train_seconds"],
                           "validation_si_snri": start.get("validation_si_snri", start.get("best_score")),
                           "train_config": start_config and {**start_config, "init": _portable(start_config.get("init")),
                                                             "data": _portable(start_config.get("data"))}}
        if init.resolve() == Path(out).resolve():  # about to be overwritten: name a kept copy of the same bytes, if any
            same = [p for p in init.parent.glob("*.pt") if p.resolve() != init.resolve() and p.read_bytes() == init.read_bytes()]
            if same:
                shipped["train_config"]["init"] = _portable(str(same[0]))
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(shipped, out)
    write_stage_log(run_dir, ckpt["config"], out.with_suffix(".log.jsonl"))
    return shipped


def write_stage_log(run_dir: Path, config: dict, path: Path) -> list[dict]:
    """The learning curve beside a shipped checkpoint: the run's log, after the log of the run it started from (if any).

    Each row gets its ``stage`` (1, 2, ...) and that stage's batch, since steps of different batches differ.
    """
    stages = []
    init = Path(config["init"]) if config.get("init") else None
    if init and init.name in ("last.pt", "best.pt") and (init.parent / "log.jsonl").is_file():  # started from a run
        stages.append((init.parent, torch.load(init, map_location="cpu", weights_only=True)["config"]))
    stages.append((Path(run_dir), config))
    rows = []
    for number, (folder, cfg) in enumerate(stages, start=1):
        for line in (folder / "log.jsonl").read_text().splitlines():
            if line.strip():
                rows.append({"stage": number, "batch_size": cfg["batch_size"], "segment_seconds": cfg["segment_seconds"],
                             **json.loads(line)})
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return rows


def _portable(path: str | None) -> str | None:
    """A path as it reads on any machine: inside the project relative to it, under the home folder with ``~``."""
    if not path:
        return path
    p, project = Path(path).resolve(), PROJECT
    if p.is_relative_to(project):
        return str(p.relative_to(project))
    return "~/" + str(p.relative_to(Path.home())) if p.is_relative_to(Path.home()) else str(p)


def resume_or_start(out: Path, cfg: TrainConfig, device: str = "cpu"):
    """``(cfg, model, optimizer, scheduler, state, resumed)``: from ``out/last.pt`` if it exists, else new."""
    last = Path(out) / "last.pt"
    if last.exists():
        ckpt = torch.load(last, map_location=device, weights_only=True)
        cfg = TrainConfig.from_dict(ckpt["config"])
        model, optimizer = new_run(cfg, device)
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        scheduler = plateau_scheduler(optimizer, cfg)
        scheduler.load_state_dict(ckpt["scheduler"])
        state = {k: ckpt[k] for k in ("step", "train_seconds", "best_score")}
        return cfg, model, optimizer, scheduler, state, True
    model, optimizer = new_run(cfg, device)
    state = {"step": 0, "train_seconds": 0.0, "best_score": float("-inf")}
    return cfg, model, optimizer, plateau_scheduler(optimizer, cfg), state, False


def run(out: Path, cfg: TrainConfig, minutes: float = 60.0, steps: int | None = None, rescore: bool = False,
        progress: bool = True, device: str = "cpu", workers: int = 0) -> dict:
    """Train into the run folder ``out`` until ``steps`` or ``minutes`` (in total, resumes included); returns the state.

    ``workers``: threads that mix batches ahead (:func:`batches`; same batches, for a GPU).
    ``rescore``: on resume, score the model on the validation set again and count the best from there
    (after the validation mixtures changed). The log also scores the real test mixtures, for the
    learning curve only: checkpoints are chosen on synthetic validation data.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    cfg, model, optimizer, scheduler, state, resumed = resume_or_start(out, cfg, device)
    print(f"{'resuming' if resumed else 'starting'} {out} at step {state['step']}: TinyTasNet "
          f"({cfg.model.encoder} encoder), {model.num_parameters():,} parameters", flush=True)
    validation = validation_mixtures(cfg)
    real = real_mixtures() if cfg.log_real and (REAL_DIR / "mixtures.csv").exists() else []
    if rescore and state["step"] > 0:
        state["best_score"] = validate(model, validation)
        scheduler.best, scheduler.num_bad_epochs = state["best_score"], 0
        save_checkpoint(out / "best.pt", model, optimizer, scheduler, cfg, state)
        print(f"rescored step {state['step']}: validation SI-SNRi {state['best_score']:.2f} dB")
    max_steps = steps or 10**9
    with open(out / "log.jsonl", "a") as log:
        while state["step"] < max_steps and state["train_seconds"] < minutes * 60:
            n = min(cfg.eval_every, max_steps - state["step"])
            t0 = time.perf_counter()
            losses = train_steps(model, optimizer, cfg, state["step"], n, progress, workers)
            state["train_seconds"] += time.perf_counter() - t0
            state["step"] += n
            score = validate(model, validation)
            scheduler.step(score)
            if score > state["best_score"]:
                state["best_score"] = score
                save_checkpoint(out / "best.pt", model, optimizer, scheduler, cfg, state)
            save_checkpoint(out / "last.pt", model, optimizer, scheduler, cfg, state)
            entry = {"step": state["step"], "loss": round(float(np.mean(losses)), 3), "val_si_snri": round(score, 3),
                     "lr": optimizer.param_groups[0]["lr"], "minutes": round(state["train_seconds"] / 60, 2)}
            if real:
                entry["real_si_snri"] = round(validate(model, real), 3)  # logged, never used to choose
            log.write(json.dumps(entry) + "\n")
            log.flush()
            print(json.dumps(entry), flush=True)
    return state


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
