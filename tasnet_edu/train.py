"""Train TinyTasNet on the shipped speech clips (how the course's checkpoints were made).

Used by notebook ``06_separation`` (a short live run) and on the command line::

    python -m tasnet_edu.train --encoder learned --out runs/learned --minutes 60
    python -m tasnet_edu.train --encoder learned --out runs/learned --export tasnet_edu/pretrained/tiny_tasnet_learned.pt

Training follows the Conv-TasNet recipe at a small scale: random two-speaker
mixtures (levels uniform in [-5, 5] dB), SI-SNR loss with permutation invariant
training, Adam (lr 1e-3, halved after 3 evaluations without a new best),
gradient norm clipped at 5. Every ``--eval-every``
steps it scores the validation mixtures and writes ``last.pt`` (to resume) and
``best.pt``; running the same command again resumes from ``last.pt``.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from .audio import fixed_mixtures, random_mixtures
from .metrics import pit_loss, si_snr_improvement
from .model import TasNetConfig, TinyTasNet


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

    @classmethod
    def from_dict(cls, d: dict) -> "TrainConfig":
        d = dict(d)
        d["model"] = TasNetConfig(**d["model"])
        return cls(**d)


def make_batch(cfg: TrainConfig, step: int):
    """The batch for ``step``: its randomness depends only on (seed, step), so a resumed run sees the same data."""
    rng = np.random.default_rng([cfg.seed, step])
    return random_mixtures("train", cfg.batch_size, cfg.segment_seconds, rng)


@torch.no_grad()
def evaluate(model: TinyTasNet, mixtures: list[dict]) -> float:
    """Mean SI-SNRi (dB) of ``model`` over fixed mixtures (one at a time, full length)."""
    model.eval()
    scores = [
        float(si_snr_improvement(model(m["mixture"][None]), m["sources"][None], m["mixture"][None])[0]) for m in mixtures
    ]
    return float(np.mean(scores))


def train_steps(model, optimizer, cfg: TrainConfig, start: int, steps: int, progress: bool = True):
    """Run ``steps`` optimisation steps from step ``start``; returns the list of losses (dB, lower is better)."""
    model.train()
    losses = []
    for step in tqdm(range(start, start + steps), disable=not progress, desc="training", leave=False):
        mixture, sources = make_batch(cfg, step)
        loss = pit_loss(model(mixture), sources)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
        optimizer.step()
        losses.append(float(loss.detach()))
    return losses


def new_run(cfg: TrainConfig):
    torch.manual_seed(cfg.seed)
    model = TinyTasNet(cfg.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    return model, optimizer


def save_checkpoint(path: Path, model, optimizer, cfg: TrainConfig, state: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "config": asdict(cfg), **state}, tmp)
    tmp.replace(path)  # atomic: an interrupted save never leaves a broken checkpoint


def export(run_dir: Path, out: Path) -> dict:
    """Write the shipped checkpoint from ``best.pt``: weights, model config and how it was trained."""
    ckpt = torch.load(run_dir / "best.pt", weights_only=True)
    shipped = {
        "model": ckpt["model"],
        "config": ckpt["config"]["model"],
        "train_config": ckpt["config"],
        "step": ckpt["step"],
        "train_seconds": ckpt["train_seconds"],
        "validation_si_snri": ckpt["best_score"],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(shipped, out)
    return shipped


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--encoder", choices=["learned", "stft"], default="learned")
    parser.add_argument("--out", type=Path, required=True, help="run folder for last.pt, best.pt and log.jsonl")
    parser.add_argument("--minutes", type=float, default=60.0, help="stop after this much training time (in total, resumes included)")
    parser.add_argument("--steps", type=int, default=None, help="stop after this many steps in total")
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    parser.add_argument("--seed", type=int, default=0)
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
    if args.threads:
        torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    last = args.out / "last.pt"
    if last.exists():
        ckpt = torch.load(last, weights_only=True)
        cfg = TrainConfig.from_dict(ckpt["config"])
        model, optimizer = new_run(cfg)
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        state = {k: ckpt[k] for k in ("step", "train_seconds", "best_score")}
        state["since_best"] = ckpt.get("since_best", 0)
        print(f"resuming {last} at step {state['step']}")
    else:
        overrides = json.loads(args.config.read_text()) if args.config else {}
        model_fields = {"encoder": args.encoder, **overrides.pop("model", {})}
        cfg = TrainConfig.from_dict({**asdict(TrainConfig(seed=args.seed)), **overrides, "model": model_fields})
        model, optimizer = new_run(cfg)
        state = {"step": 0, "train_seconds": 0.0, "best_score": float("-inf"), "since_best": 0}
    print(f"TinyTasNet ({cfg.model.encoder} encoder): {model.num_parameters():,} parameters")
    validation = fixed_mixtures("validation", cfg.eval_mixtures, seed=1)
    if args.rescore and state["step"] > 0:
        state["best_score"], state["since_best"] = evaluate(model, validation), 0
        save_checkpoint(args.out / "best.pt", model, optimizer, cfg, state)
        print(f"rescored step {state['step']}: validation SI-SNRi {state['best_score']:.2f} dB")
    max_steps = args.steps or 10**9
    with open(args.out / "log.jsonl", "a") as log:
        while state["step"] < max_steps and state["train_seconds"] < args.minutes * 60:
            n = min(cfg.eval_every, max_steps - state["step"])
            t0 = time.perf_counter()
            losses = train_steps(model, optimizer, cfg, state["step"], n)
            state["train_seconds"] += time.perf_counter() - t0
            state["step"] += n
            score = evaluate(model, validation)
            if score > state["best_score"]:
                state["best_score"], state["since_best"] = score, 0
                save_checkpoint(args.out / "best.pt", model, optimizer, cfg, state)
            else:
                state["since_best"] += 1
                if state["since_best"] >= cfg.patience:  # plateau: halve the learning rate
                    for group in optimizer.param_groups:
                        group["lr"] /= 2
                    state["since_best"] = 0
            save_checkpoint(last, model, optimizer, cfg, state)
            entry = {"step": state["step"], "loss": round(float(np.mean(losses)), 3), "val_si_snri": round(score, 3),
                     "lr": optimizer.param_groups[0]["lr"], "minutes": round(state["train_seconds"] / 60, 2)}
            log.write(json.dumps(entry) + "\n")
            log.flush()
            print(json.dumps(entry), flush=True)


if __name__ == "__main__":
    main()
