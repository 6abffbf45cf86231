"""The small ablations of README and chapter 06: which encoder, which training data, and how much of it.

    .venv/bin/python tools/ablation.py train      # the runs, one after another, one thread (resumes)
    .venv/bin/python tools/ablation.py train encoder-learned encoder-linear   # some of them (two shells: two cores)
    .venv/bin/python tools/ablation.py evaluate   # -> tasnet_edu/pretrained/ablation.json
    .venv/bin/python tools/ablation.py evaluate encoder-waveform   # re-score these runs, keep the others' entries

Same separator, same number of steps, same seed within each of the first two tables;
checkpoints chosen on each run's synthetic validation mixtures. The third table scores
the shipped model's two training stages (its checkpoints, not new runs). Scored on the real test
mixtures and on the unseen synthetic test split, with 95% bootstrap intervals. Each run scored here keeps its
per-mixture scores, so two encoder arms give paired differences ("paired"): on the real set with an interval that
resamples recordings (tools/evaluate.py recording_bootstrap), on the synthetic set resampling mixtures.
Needs the diverse corpus (``python tools/make_corpus.py --diverse``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

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
    # no encoder to learn: the separator masks the frames' raw samples (identity templates, N = L = 16)
    "encoder-waveform": {"encoder": "waveform", "data": "augmented", "steps": ENCODER_STEPS},
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


def run_dir(name: str, seed: int = 0) -> Path:
    """Where a run's checkpoints go: ``runs/ablation/NAME`` (seed 0) or ``runs/ablation/NAME-seedS`` (a replicate)."""
    return RUNS_DIR / (name if seed == 0 else f"{name}-seed{seed}")


def train(names=(), seed: int = 0) -> None:
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
        cmd = [sys.executable, str(ROOT / "tools" / "train.py"), "--out", str(run_dir(name, seed)), "--encoder", spec["encoder"],
               "--data", str(CORPUS / spec["data"]), "--steps", str(spec["steps"]), "--minutes", "1000", "--threads", "1",
               "--config", str(cfg_file), "--seed", str(seed)]
        if spec.get("init"):
            cmd += ["--init", str(SHIPPED)]
        print(" ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, cwd=ROOT)


def paired(runs: dict, sets: dict) -> dict:
    """Paired differences ``"b - a"`` (a before b in RUNS) between encoder arms that both kept per-mixture scores:
    the mean of the per-mixture differences in dB, with a 95% interval."""
    from evaluate import recording_bootstrap  # tools/evaluate.py

    from tasnet_edu.core.evaluation import bootstrap_ci

    arms = [n for n in RUNS if n.startswith("encoder-") and "scores" in runs.get(n, {}).get("real", {})]
    out = {}
    for i, a in enumerate(arms):
        for b in arms[i + 1:]:
            entry = {}
            for name, mixtures in sets.items():
                d = np.subtract(runs[b][name]["scores"], runs[a][name]["scores"])
                ci = recording_bootstrap(d, mixtures) if name == "real" else bootstrap_ci(d)
                entry[name] = {"mean": round(float(d.mean()), 2), "ci95": list(ci), "n": len(d)}
            out[f"{b} - {a}"] = entry
    return out


def evaluate(names=(), seed: int = 0) -> None:
    """Score the runs named (all with a checkpoint if none); entries of runs not scored now are kept as they are.

    ``seed`` > 0 scores the replicates trained with that seed into ``runs-seedS`` and ``paired-seedS`` (the ablation
    tables show seed 0; a replicate says whether a difference survives another training run).
    """
    import torch
    from evaluate import synthetic_test_mixtures  # tools/evaluate.py

    from tasnet_edu.core.evaluation import si_snri_scores, summary
    from tasnet_edu.core.model import TasNetConfig, TinyTasNet, load_checkpoint
    from tasnet_edu.core.speakers import real_mixtures

    torch.set_num_threads(1)
    sets = {"real": real_mixtures(), "synthetic": synthetic_test_mixtures(CORPUS / "clean")}
    path = ROOT / "tasnet_edu" / "pretrained" / "ablation.json"
    out = json.loads(path.read_text()) if path.is_file() else {"runs": {}}
    out["steps"] = {"encoder": ENCODER_STEPS, "data": DATA_STEPS}
    runs_key, paired_key = ("runs", "paired") if seed == 0 else (f"runs-seed{seed}", f"paired-seed{seed}")
    out.setdefault(runs_key, {})

    def entry(separate, keep_scores: bool = False) -> dict:
        """``separate`` scored on both test sets: mean, interval, n (and the per-mixture scores, 0.01 dB)."""
        result = {}
        for k, v in sets.items():
            scores = si_snri_scores(separate, v)
            result[k] = summary(scores) | ({"scores": [round(float(x), 2) for x in scores]} if keep_scores else {})
        return result

    def scores(config: dict, weights: dict, keep_scores: bool = False) -> dict:
        """The model of ``config`` with ``weights``, scored on both test sets."""
        model = TinyTasNet(TasNetConfig(**config))
        model.load_state_dict(weights)
        model.eval()
        with torch.no_grad():
            return entry(lambda m, s: model(m), keep_scores)

    for name in RUNS:
        if (names and name not in names) or not (run_dir(name, seed) / "best.pt").is_file():
            continue
        ckpt = torch.load(run_dir(name, seed) / "best.pt", weights_only=True, map_location="cpu")
        out[runs_key][name] = {"step": ckpt["step"], **scores(ckpt["config"]["model"], ckpt["model"], name.startswith("encoder-"))}
        print(name, {k: v["mean"] for k, v in out[runs_key][name].items() if k in sets}, flush=True)
    if not names and seed == 0:
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
        from tasnet_edu.core.metrics import ideal_mask_separation

        for mask in ("irm", "ibm", "wfm"):
            out["runs"][mask] = entry(lambda m, s, kind=mask: ideal_mask_separation(s, kind=kind))
    out[paired_key] = paired(out[runs_key], sets)
    print(paired_key, json.dumps(out[paired_key]), flush=True)
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["train", "evaluate"])
    parser.add_argument("runs", nargs="*", help=f"train or score only these runs: {', '.join(RUNS)}")
    parser.add_argument("--seed", type=int, default=0, help="0: the runs of the tables; other seeds: replicates")
    args = parser.parse_args()
    train(args.runs, args.seed) if args.what == "train" else evaluate(args.runs, args.seed)
