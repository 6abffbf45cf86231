"""Dynamic mixing, bootstrap intervals and the augmentations of the diverse corpus."""

import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from tasnet_edu.core.evaluation import bootstrap_ci, summary
from tasnet_edu.core.speakers import fixed_speaker_mixtures, mix_speakers

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # tools/corpus: how the training data were made
from corpus import augment  # noqa: E402
from corpus.sentences import sentence_split, sentences  # noqa: E402


def _speakers():
    rng = np.random.default_rng(0)
    return {name: [rng.standard_normal(8000).astype(np.float32) * (i + 1) * 0.01] for i, name in enumerate("abcd")}


def test_mix_speakers_never_mixes_a_speaker_with_itself_and_is_seeded():
    spk = _speakers()
    m1, s1 = mix_speakers(spk, 16, 0.5, np.random.default_rng(3))
    m2, s2 = mix_speakers(spk, 16, 0.5, np.random.default_rng(3))
    assert torch.equal(m1, m2) and m1.shape == (16, 4000) and s1.shape == (16, 2, 4000)
    assert torch.allclose(m1, s1.sum(1), atol=1e-6)
    # every speaker has its own loudness scale; after mixing at +-5 dB the two sources never share one
    levels = 10 * torch.log10(s1.pow(2).mean(-1))
    assert ((levels[:, 0] - levels[:, 1]).abs() <= 5.0 + 1e-3).all()
    assert len(fixed_speaker_mixtures(spk, 3)) == 3


def test_bootstrap_interval_holds_the_mean_and_narrows_with_more_mixtures():
    rng = np.random.default_rng(0)
    few, many = rng.normal(10, 2, 10), rng.normal(10, 2, 1000)
    lo_few, hi_few = bootstrap_ci(few)
    lo_many, hi_many = bootstrap_ci(many)
    assert lo_few < few.mean() < hi_few and lo_many < many.mean() < hi_many
    assert hi_many - lo_many < (hi_few - lo_few) / 3
    assert summary([1.0, 2.0, 3.0])["mean"] == 2.0
    with pytest.raises(ValueError, match="non-empty"):
        bootstrap_ci([])


def test_sentences_are_distinct_and_split_by_index():
    en = sentences("en", 300)
    assert len(set(en)) == 300 and en == sentences("en", 300) and en != sentences("en", 300, seed=1)
    assert [sentence_split(i) for i in range(3)] == ["test", "validation", "train"]
    with pytest.raises(ValueError, match="'fr'"):
        sentences("fr", 3)


@pytest.mark.parametrize("name,params", [
    ("jitter_shimmer", {"jitter": 0.02, "shimmer_db": 1.0}), ("breath", {"level_db": -20}), ("room", {"rt60": 0.3}),
    ("band_limit", {"low": 300, "high": 3400}), ("background", {"snr_db": 20, "colour": 1.0}), ("tilt", {"coefficient": 0.5}),
])
def test_each_augmentation_keeps_length_and_changes_the_clip(name, params):
    t = np.arange(8000) / 8000
    x = (0.3 * np.sin(2 * np.pi * 150 * t) * (t < 0.6)).astype(np.float32)
    y = augment.apply_chain(x, 8000, [(name, params)], np.random.default_rng(0))
    assert y.shape == x.shape and y.dtype == np.float32 and np.isfinite(y).all()
    assert np.abs(y).max() == pytest.approx(0.7, abs=1e-3)
    assert not np.allclose(y / np.abs(y).max(), augment.remove_dc(x, 8000) / np.abs(x).max(), atol=1e-2)


def test_vocal_tract_scales_duration_and_remove_dc_removes_the_offset():
    x = np.full(8000, 0.01, dtype=np.float32) + 0.1 * np.sin(2 * np.pi * 200 * np.arange(8000) / 8000).astype(np.float32)
    assert len(augment.vocal_tract(x, 8000, 1.25)) == 6400
    assert abs(augment.remove_dc(x, 8000)[800:-800].mean()) < 1e-4
    with pytest.raises(ValueError, match="unknown augmentation"):
        augment.apply_chain(x, 8000, [("chorus", {})], np.random.default_rng(0))


def test_remove_dc_can_keep_digital_silence_at_the_ends():
    x = np.zeros(4000, dtype=np.float32)
    x[1000:3000] = 0.005 + 0.2 * np.sin(2 * np.pi * 300 * np.arange(2000) / 8000)
    y = augment.remove_dc(x, 8000, keep_silent_ends=True)
    assert (y[:1000] == 0).all() and (y[3000:] == 0).all()
    assert abs(y[1200:2800].mean()) < 5e-4 < abs(x[1200:2800].mean())
