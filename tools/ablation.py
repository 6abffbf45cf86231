"""The small ablations of README and chapter 06: which encoder, which training data, and how much of it.

    .venv/bin/python tools/ablation.py train      # the runs, one after another, one thread (resumes)
    .venv/bin/python tools/ablation.py train encoder-learned encoder-linear   # some of them (two shells: two cores)
    .venv/bin/python tools/ablation.py evaluate   # -> tasnet_edu/pretrained/ablation.json

Same separator, same number of steps, same seed within each of the first two tables;
checkpoints chosen on each run's synthetic validation mixtures. The third table scores
the shipped model's two training stages (its checkpoints, not new runs). Scored on the real test
mixtures and on the unseen synthetic test split, with 95% bootstrap intervals.
Needs the diverse corpus (``python tools/make_corpus.py --diverse``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path.home() / ".cache" / "tasnet-edu" / "diverse"
RUNS_DIR = ROOT / "runs" / "ablation"
SHIPPED = ROOT / "tasnet_edu" / "pretrained" / "tiny_tasnet_learned_espeak.pt"  # the first model: 10 espeak-ng voices

ENCODER_STEPS = 3000
DATA_STEPS = 1200
RUNS = {
    # encoder table: from scratch on the diverse augmented corpus
    "encoder-learned": {"encoder": "learned", "data": "augmented", "steps": ENCODER_STEPS},
    "encoder-linear": {"encoder": "linear", "data": "augmented", "steps": ENCODER_STEPS},
    "encoder-stft": {"encoder": "stft", "data": "augmented", "steps": ENCODER_STEPS, "model": {"n_fft": 62}},
    # data table: fine-tuning the espeak-ng model on more and more varied synthetic speech
    "data-espeak": {"encoder": "learned", "data": "espeak-clean", "steps": DATA_STEPS, "init": True},
    "data-engines": {"encoder": "learned", "data": "clean", "steps": DATA_STEPS, "init": True},
    "data-augmented": {"encoder": "learned", "data": "augmented", "steps": DATA_STEPS, "init": True},
}


def espeak_only() -> Path:
    """``clean/`` restricted to espeak-ng speakers, as a folder of links."""
    out = CORPUS / "espeak-clean"
    for split in ("train", "validation"):
        for folder in sorted((CORPUS / "clean" / split).iterdir()):
            if folder.name.startswith("espeak-ng_"):
                link = out / split / folder.name
                link.parent.mkdir(parents=True, exist_ok=True)
                if not link.exists():
                    link.symlink_to(folder)
    return out


def audio_hours(steps: int, train_config: dict) -> float:
    """Hours of (mixed) audio a run trained on: steps x batch x segment length."""
    return steps * train_config["batch_size"] * train_config["segment_seconds"] / 3600


def train(names=()) -> None:
    """Train the runs named (all if none), one after another; a run already at its steps returns at once."""
    unknown = sorted(set(names) - set(RUNS))
    if unknown:
        raise SystemExit(f"unknown run(s) {', '.join(unknown)}; choose from {', '.join(RUNS)}")
    espeak_only()
    for name, spec in RUNS.items():
        if names and name not in names:
            continue
        config = {"eval_every": 200, "eval_mixtures": 24, "model": spec.get("model", {})}
        cfg_file = RUNS_DIR / f"{name}.json"
        cfg_file.parent.mkdir(parents=True, exist_ok=True)
        cfg_file.write_text(json.dumps(config))
        cmd = [sys.executable, str(ROOT / "tools" / "train.py"), "--out", str(RUNS_DIR / name), "--encoder", spec["encoder"],
               "--data", str(CORPUS / spec["data"]), "--steps", str(spec["steps"]), "--minutes", "1000", "--threads", "1",
               "--config", str(cfg_file)]
        if spec.get("init"):
            cmd += ["--init", str(SHIPPED)]
        print(" ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, cwd=ROOT)


def evaluate() -> None:
    import torch
    from evaluate import ablation_entry, synthetic_test_mixtures  # tools/evaluate.py

    from tasnet_edu.core.model import TasNetConfig, TinyTasNet, load_checkpoint
    from tasnet_edu.core.speakers import real_mixtures

    torch.set_num_threads(1)
    sets = {"real": real_mixtures(), "synthetic": synthetic_test_mixtures(CORPUS / "clean")}

    def scores(config: dict, weights: dict) -> dict:
        """The model of ``config`` with ``weights``, scored on both test sets."""
        model = TinyTasNet(TasNetConfig(**config))
        model.load_state_dict(weights)
        model.eval()
        return {k: ablation_entry(lambda m, s: model(m), v) for k, v in sets.items()}

    out = {"steps": {"encoder": ENCODER_STEPS, "data": DATA_STEPS}, "runs": {}}
    for name in RUNS:
        ckpt = torch.load(RUNS_DIR / name / "best.pt", weights_only=True, map_location="cpu")
        out["runs"][name] = {"step": ckpt["step"], **scores(ckpt["config"]["model"], ckpt["model"])}
        print(name, out["runs"][name], flush=True)
    first = torch.load(SHIPPED, weights_only=True)
    out["runs"]["data-none"] = {"audio_hours": 0.0, **scores(first["config"], first["model"])}
    # budget table: the shipped model's two stages on the diverse corpus (the first row is data-none)
    shipped = load_checkpoint("learned")
    stage_1 = torch.load(ROOT / shipped["train_config"]["init"], weights_only=True, map_location="cpu")
    hours_1 = audio_hours(stage_1["step"], stage_1["config"])
    for name, ckpt, config, hours in (("budget-cpu", stage_1, stage_1["config"]["model"], hours_1),
                                      ("budget-gpu", shipped, shipped["config"],
                                       hours_1 + audio_hours(shipped["step"], shipped["train_config"]))):
        out["runs"][name] = {"step": ckpt["step"], "audio_hours": round(hours, 1), **scores(config, ckpt["model"])}
        print(name, out["runs"][name], flush=True)
    for mask in ("irm", "ibm", "wfm"):
        from tasnet_edu.core.metrics import ideal_mask_separation

        out["runs"][mask] = {k: ablation_entry(lambda m, s, kind=mask: ideal_mask_separation(s, kind=kind), v)
                             for k, v in sets.items()}
    path = ROOT / "tasnet_edu" / "pretrained" / "ablation.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["train", "evaluate"])
    parser.add_argument("runs", nargs="*", help=f"train only these runs: {', '.join(RUNS)}")
    args = parser.parse_args()
    train(args.runs) if args.what == "train" else evaluate()
