"""Training TinyTasNet on the shipped speech clips (how the course's checkpoints were made).

The Conv-TasNet recipe at a small scale: random two-speaker mixtures (levels
uniform in [-5, 5] dB), SI-SNR loss with permutation invariant training, Adam
(lr 1e-3, halved by ``ReduceLROnPlateau`` after 3 evaluations without a new
best), gradient norm clipped at 5. :func:`run` evaluates every ``eval_every``
steps, writes ``last.pt`` (to resume) and ``best.pt``; running it again on the
same folder resumes from ``last.pt``. The command line is ``tasnet_edu.cli.train``.
"""

from __future__ import annotations

import json
import math
import numbers
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from .audio import SAMPLE_RATE, fixed_mixtures, random_mixtures
from .checks import check_size
from .evaluation import si_snri_scores
from .metrics import _pit_loss
from .model import TasNetConfig, TinyTasNet
from .speakers import REAL_DIR, data_splits, fixed_speaker_mixtures, load_speakers, mix_speakers, real_mixtures


@dataclass
class TrainConfig:
    model: TasNetConfig = field(default_factory=TasNetConfig)
    batch_size: int = 8
    segment_seconds: float = 1.0
    lr: float = 1e-3
    grad_clip: float = 5.0
    seed: int = 0
    eval_every: int = 250
    eval_mixtures: int = 24
    patience: int = 3  # halve the learning rate after this many evaluations without a new best (as in Conv-TasNet)
    data: str | None = None  # a speaker folder (tasnet_edu.core.speakers) to mix dynamically; None: the shipped clips
    init: str | None = None  # start from these weights (a shipped checkpoint or a run's best.pt) instead of at random
    log_real: bool = True  # also score the real test mixtures at each evaluation (logged for the learning curve only)

    def __post_init__(self):
        if not isinstance(self.model, TasNetConfig):
            raise TypeError(f"model must be a TasNetConfig, got {type(self.model).__name__}; "
                            "build one with TasNetConfig(...), or read a dict with TrainConfig.from_dict")
        for name, minimum, meaning in (
            ("batch_size", 1, "mixtures per training step"),
            ("eval_every", 1, "training steps between evaluations"),
            ("eval_mixtures", 1, "validation mixtures scored at each evaluation"),
            ("patience", 1, "evaluations without a new best before the learning rate halves"),
            ("seed", 0, "seeds the initial weights and every batch"),
        ):
            try:
                check_size(name, getattr(self, name), minimum)
            except ValueError as error:
                raise ValueError(f"{error} ({meaning}); use e.g. {name}={getattr(TrainConfig, name)}, the default") from None
        for name, meaning, allow_infinite in (
            ("lr", "Adam's learning rate", False),
            ("grad_clip", "the largest gradient norm; inf turns clipping off", True),
        ):
            value = getattr(self, name)
            if not _positive_number(value, allow_infinite):
                raise ValueError(f"{name} must be a positive number ({meaning}), got {value!r}; "
                                 f"use e.g. {name}={getattr(TrainConfig, name)}, the default")
        if not _positive_number(self.segment_seconds) or int(self.segment_seconds * SAMPLE_RATE) < 1:
            raise ValueError(f"segment_seconds must be a positive number of seconds (at least one sample, "
                             f"1 / {SAMPLE_RATE} s), got {self.segment_seconds!r}; "
                             f"use e.g. segment_seconds={TrainConfig.segment_seconds}, the default")

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        d = dict(d)
        d["model"] = TasNetConfig(**d["model"])
        return cls(**d)


def _positive_number(value, allow_infinite: bool = False) -> bool:
    """Whether ``value`` is a real number > 0 (not a bool, not NaN; finite unless ``allow_infinite``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    return value > 0 and (allow_infinite or math.isfinite(value))


_SPEAKERS: dict = {}  # data folder -> loaded speakers per split (read once per process)


def speakers_of(data: str, split: str) -> dict:
    if data not in _SPEAKERS:
        _SPEAKERS[data] = {name: load_speakers(files) for name, files in data_splits(data).items()}
    return _SPEAKERS[data][split]


def make_batch(cfg: TrainConfig, step: int):
    """The batch for ``step``: its randomness depends only on (seed, step), so a resumed run sees the same data.

    With ``cfg.data``: dynamic mixing, new speaker pairs, clips, crops and levels at every step.
    """
    rng = np.random.default_rng([cfg.seed, step])
    if cfg.data:
        return mix_speakers(speakers_of(cfg.data, "train"), cfg.batch_size, cfg.segment_seconds, rng)
    return random_mixtures("train", cfg.batch_size, cfg.segment_seconds, rng)


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


def batches(cfg: TrainConfig, start: int, steps: int, workers: int = 0):
    """The batches of steps ``start .. start + steps - 1``, in order.

    ``workers > 0`` mixes them ahead in that many threads (for a GPU, which would otherwise wait for
    the CPU); the batches are the same either way, because each depends only on ``(seed, step)``.
    """
    if workers == 0:
        yield from (make_batch(cfg, step) for step in range(start, start + steps))
        return
    with ThreadPoolExecutor(workers) as pool:
        jobs = (pool.submit(make_batch, cfg, step) for step in range(start, start + steps))  # submitted lazily
        ahead = deque(islice(jobs, 2 * workers))
        while ahead:
            batch = ahead.popleft().result()
            ahead.extend(islice(jobs, 1))
            yield batch


def train_steps(model, optimizer, cfg: TrainConfig, start: int, steps: int, progress: bool = True, workers: int = 0):
    """Run ``steps`` optimisation steps from step ``start``; returns the list of losses (dB, lower is better)."""
    model.train()
    device = next(model.parameters()).device
    losses = []
    for mixture, sources in tqdm(batches(cfg, start, steps, workers), total=steps, disable=not progress,
                                 desc="training", leave=False):
        # pit_loss without its NaN scan: torch.isfinite(...).all() would make the GPU wait every step. The model
        # checked the mixture's shape, make_batch made the sources; the loss still checks that the shapes match.
        loss = _pit_loss(model(mixture.to(device)), sources.to(device))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        optimizer.step()
        losses.append(loss.detach())  # kept on the device: reading each one would make the GPU wait every step
    return torch.stack(losses).cpu().tolist() if losses else []


def new_run(cfg: TrainConfig, device: str = "cpu"):
    """A freshly initialised model (seeded by ``cfg.seed``, global generator untouched) and its Adam optimiser."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(cfg.seed)
        model = TinyTasNet(cfg.model)
    if cfg.init:
        model.load_state_dict(torch.load(cfg.init, map_location="cpu", weights_only=True)["model"])
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    return model, optimizer


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
    p, project = Path(path).resolve(), Path(__file__).resolve().parents[2]
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
