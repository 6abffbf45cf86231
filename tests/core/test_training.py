"""TrainConfig refuses settings that would crash or loop later, naming the field, the value and the fix."""

import json
import math
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
import torch

from tasnet_edu.core.model import PRETRAINED_DIR, TasNetConfig
from tasnet_edu.core.training import TrainConfig

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # tools/train.py: runs, checkpoints, export
from train import plateau_scheduler  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("field, value, fragments", [
    ("batch_size", 0, ["batch_size must be at least 1, got 0", "batch_size=8"]),
    ("batch_size", 2.5, ["batch_size must be a whole number, got 2.5", "batch_size=8"]),
    ("batch_size", True, ["batch_size must be a whole number, got True"]),
    ("eval_every", 0, ["eval_every must be at least 1, got 0", "eval_every=250"]),
    ("eval_every", -5, ["eval_every must be at least 1, got -5"]),
    ("eval_mixtures", 0, ["eval_mixtures must be at least 1, got 0", "eval_mixtures=24"]),
    ("patience", 0, ["patience must be at least 1, got 0", "learning rate halves", "patience=3"]),
    ("patience", 1.5, ["patience must be a whole number, got 1.5"]),
    ("seed", -1, ["seed must be at least 0, got -1", "seed=0"]),
    ("segment_seconds", -2, ["segment_seconds must be a positive number of seconds", "got -2", "segment_seconds=1.0"]),
    ("segment_seconds", 0, ["segment_seconds must be a positive number", "got 0"]),
    ("segment_seconds", 1e-5, ["at least one sample, 1 / 8000 s", "got 1e-05"]),
    ("segment_seconds", math.nan, ["segment_seconds must be a positive number", "got nan"]),
    ("segment_seconds", "1.0", ["segment_seconds must be a positive number", "got '1.0'"]),
    ("lr", 0.0, ["lr must be a positive number", "got 0.0", "lr=0.001"]),
    ("lr", math.inf, ["lr must be a positive number", "got inf"]),
    ("grad_clip", -1.0, ["grad_clip must be a positive number", "got -1.0", "grad_clip=5.0"]),
    ("grad_clip", math.nan, ["grad_clip must be a positive number", "got nan"]),
])
def test_train_config_refuses_bad_values(field, value, fragments):
    with pytest.raises(ValueError) as info:
        TrainConfig(**{field: value})
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))


def test_train_config_refuses_a_model_that_is_not_a_tasnet_config():
    with pytest.raises(TypeError, match="model must be a TasNetConfig, got dict.*TrainConfig.from_dict"):
        TrainConfig(model={"N": 16})
    assert TrainConfig.from_dict({"model": {"N": 16}}).model == TasNetConfig(N=16)


def test_train_config_accepts_the_edges():
    TrainConfig(batch_size=1, eval_every=1, eval_mixtures=1, patience=1, seed=0, segment_seconds=1 / 8000, lr=1e-6)
    TrainConfig(grad_clip=math.inf)  # clipping off


def test_patience_one_halves_on_the_first_evaluation_without_a_new_best():
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = plateau_scheduler(optimizer, TrainConfig(patience=1))
    for score in (5.0, 4.0):
        scheduler.step(score)
    assert optimizer.param_groups[0]["lr"] == 5e-4


def test_the_gpu_settings_and_the_command_lines_config_construct():
    gpu = json.loads((ROOT / "tools" / "train_gpu.json").read_text())
    # as tools/train.py builds it
    cfg = TrainConfig.from_dict({**asdict(TrainConfig(seed=0)), **gpu, "model": {"encoder": "learned"}})
    assert (cfg.batch_size, cfg.segment_seconds, cfg.eval_every, cfg.eval_mixtures) == (64, 2.0, 2000, 100)


@pytest.mark.parametrize("path", sorted(PRETRAINED_DIR.glob("*.pt")), ids=lambda p: p.name)
def test_the_shipped_checkpoints_training_settings_construct(path):
    ckpt = torch.load(path, map_location="cpu", weights_only=True)
    train_config = dict(ckpt["train_config"])
    train_config.setdefault("model", ckpt["config"])
    TrainConfig.from_dict(train_config)
