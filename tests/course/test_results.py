"""The numbers the course reports: README table == stored results == a fresh evaluation; the bar is cleared."""

import re
from pathlib import Path

import pytest
import torch

import tasnet_edu as te
from tasnet_edu.core import metrics as core_metrics
from tasnet_edu.core import model as core_model
from tasnet_edu.core.evaluation import (
    TEST_MIXTURES,
    markdown_table,
    results_table,
    shipped_results,
)

ROOT = Path(__file__).resolve().parents[2]


def test_readme_shows_the_stored_results_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table(shipped_results()) in readme


@pytest.mark.slow
def test_stored_results_match_a_fresh_evaluation_of_the_shipped_checkpoints():
    fresh = results_table(TEST_MIXTURES)
    stored = shipped_results()
    assert set(fresh) == set(stored)
    for method, value in stored.items():
        assert fresh[method] == pytest.approx(value, abs=0.02), method


def test_learned_encoder_surpasses_both_ideal_masks():
    """The Conv-TasNet title's claim, on this course's data: learned > IRM and > IBM."""
    r = shipped_results()
    assert r["learned"] > max(r["irm"], r["ibm"]), r
    assert r["learned"] > r["stft"], r


def test_shipped_model_separates_an_unseen_mixture():
    m = te.fixed_mixtures("test", 3, seed=5)[2]
    with torch.no_grad():
        estimates = te.load_pretrained()(m["mixture"][None])
    gain = float(core_metrics.si_snr_improvement(estimates, m["sources"][None], m["mixture"][None])[0])
    assert gain > 5.0, gain


def test_training_note_in_readme_matches_the_checkpoint():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ckpt = core_model.load_checkpoint("learned")
    assert f"{ckpt['step']} steps" in readme
    assert re.search(r"python -m tasnet_edu\.cli\.train --encoder learned", readme)
