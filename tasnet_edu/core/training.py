"""Training TinyTasNet: the configuration, the batches and the training steps (chapter 06 writes one step out).

The Conv-TasNet recipe at a small scale: random two-speaker mixtures (levels
uniform in [-5, 5] dB), SI-SNR loss with permutation invariant training, Adam
(lr 1e-3), gradient norm clipped at 5. Runs with checkpoints, resuming, the
learning-rate schedule and the export of a shipped checkpoint are in
``tools/train.py`` (how the course's checkpoints were made).
"""

from __future__ import annotations

import math
import numbers
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

import numpy as np
import torch
from tqdm.auto import tqdm

from .audio import SAMPLE_RATE, random_mixtures
from .checks import check_size
from .metrics import _pit_loss
from .model import TasNetConfig, TinyTasNet
from .speakers import data_splits, load_speakers, mix_speakers


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


