"""Audio in (every notebook that plays speech): files, the shipped clips, mixtures."""

import os
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from tasnet_edu import fixed_mixtures, load_audio, load_clip, mix, speech_clips


@pytest.fixture
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def _noise(frames: int, channels: int, seed: int = 0) -> np.ndarray:
    return (0.1 * np.random.default_rng(seed).standard_normal((frames, channels))).astype(np.float32)


def test_load_audio_resamples_16k_stereo_to_8k_mono(tmp_path, no_warnings):
    path = tmp_path / "stereo16k.wav"
    sf.write(path, _noise(16000, 2), 16000)  # 1 s at 16 kHz, two channels
    x = load_audio(path)
    assert isinstance(x, torch.Tensor)
    assert x.dtype == torch.float32 and x.dim() == 1
    assert x.shape == (8000,)
    y = load_audio(str(path), sample_rate=16000)  # str paths too; no resampling at the native rate
    assert y.shape == (16000,)


def test_load_audio_equals_librosa_load(tmp_path):
    import librosa

    path = tmp_path / "stereo22k.flac"
    sf.write(path, _noise(11025, 2, seed=1), 22050)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # librosa.load itself may warn (audioread imports aifc)
        ref, sr = librosa.load(path, sr=8000, mono=True)
    x = load_audio(path)
    assert sr == 8000
    assert np.array_equal(x.numpy(), ref)
    assert len(x) == int(np.ceil(11025 * 8000 / 22050))


def test_load_audio_at_8k_mono_is_exact(tmp_path, no_warnings):
    data = _noise(4000, 1)[:, 0]
    path = tmp_path / "mono8k.wav"
    sf.write(path, data, 8000, subtype="FLOAT")
    assert np.array_equal(load_audio(path).numpy(), data)


def test_missing_file_names_the_path(tmp_path, no_warnings):
    path = tmp_path / "nowhere.wav"
    with pytest.raises(FileNotFoundError, match="nowhere.wav"):
        load_audio(path)


def _assert_clean_error(error: BaseException, path) -> None:
    message = str(error)
    assert str(path) in message
    assert error.__cause__ is None and error.__context__ is None  # no library traceback chained
    assert "Traceback" not in message


@pytest.mark.parametrize("content", [b"", os.urandom(2048), b"RIFF\x00\x00\x00\x00WAVEjunk"], ids=["empty", "random", "bad-header"])
def test_corrupt_or_empty_file_is_a_value_error_naming_the_path(tmp_path, no_warnings, content):
    path = tmp_path / "broken.wav"
    path.write_bytes(content)
    with pytest.raises(ValueError) as info:
        load_audio(path)
    _assert_clean_error(info.value, path)


def test_file_without_samples(tmp_path, no_warnings):
    path = tmp_path / "silent.wav"
    sf.write(path, np.zeros(0, dtype=np.float32), 8000)
    with pytest.raises(ValueError, match="no audio samples") as info:
        load_audio(path)
    _assert_clean_error(info.value, path)


def test_file_with_nan_is_refused(tmp_path, no_warnings):
    data = np.zeros(1000, dtype=np.float32)
    data[10] = np.nan
    path = tmp_path / "nan.wav"
    sf.write(path, data, 8000, subtype="FLOAT")
    with pytest.raises(ValueError, match="NaN") as info:
        load_audio(path)
    assert str(path) in str(info.value)


def test_bad_sample_rate():
    with pytest.raises(ValueError, match="sample_rate"):
        load_audio("whatever.wav", sample_rate=0)


def test_shipped_clips(no_warnings):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # tools/corpus: how the clips were made
    from corpus.build import corpus_plan

    clips = speech_clips()
    assert [c["file"] for c in clips] == [c["file"] for c in corpus_plan()]  # the manifest is the plan
    assert len(clips) == 170
    assert {c["split"] for c in clips} == {"train", "validation", "test"}
    assert {c["language"] for c in clips} == {"en", "zh"}
    assert sum(len(speech_clips(s)) for s in ("train", "validation", "test")) == 170
    # every voice speaks in training and in the test (validation keeps the two-voice rotation; see corpus.voices_for)
    for language in ("en", "zh"):
        voices = {c["voice"] for c in speech_clips(language=language)}
        for split in ("train", "test"):
            assert {c["voice"] for c in speech_clips(split, language)} == voices, (language, split)
    zh_test = speech_clips("test", "zh")
    assert zh_test and all(c["split"] == "test" and c["language"] == "zh" for c in zh_test)
    x = load_clip(zh_test[0])
    assert x.dtype == torch.float32 and x.dim() == 1 and len(x) > 8000
    assert torch.isfinite(x).all() and x.abs().max() <= 1
    assert torch.equal(load_clip(zh_test[0]["file"]), x)
    # test sentences never appear in training
    train = {(c["language"], c["sentence"]) for c in speech_clips("train")}
    assert not train & {(c["language"], c["sentence"]) for c in speech_clips("test")}


def test_clip_lookup_errors():
    with pytest.raises(ValueError, match="'dev'"):
        speech_clips("dev")
    with pytest.raises(ValueError, match="'fr'"):
        speech_clips(language="fr")
    with pytest.raises(FileNotFoundError, match="no_such.flac"):
        load_clip("no_such.flac")


def test_loaded_clip_is_a_copy():
    clip = speech_clips("test")[0]
    x = load_clip(clip)
    x.zero_()
    assert load_clip(clip).abs().max() > 0


@pytest.mark.parametrize("level_db", [-5.0, 0.0, 3.5])
def test_mix_sets_the_level_and_sums(level_db, no_warnings):
    g = torch.Generator().manual_seed(0)
    s1, s2 = torch.randn(1000, generator=g), 0.3 * torch.randn(900, generator=g)
    before1, before2 = s1.clone(), s2.clone()
    mixture, sources = mix(s1, s2, level_db)
    assert mixture.shape == (900,) and sources.shape == (2, 900)
    torch.testing.assert_close(mixture, sources.sum(0))
    ratio = 10 * torch.log10(sources[0].pow(2).mean() / sources[1].pow(2).mean())
    assert abs(float(ratio) - level_db) < 1e-3
    assert float(mixture.abs().max()) <= 0.9 + 1e-6
    assert torch.equal(s1, before1) and torch.equal(s2, before2)


def test_mix_refuses_silence_and_2d():
    with pytest.raises(ValueError, match="silent"):
        mix(torch.zeros(100), torch.randn(100))
    with pytest.raises(ValueError, match="1-D"):
        mix(torch.randn(2, 100), torch.randn(100))


def test_fixed_mixtures_are_deterministic():
    a = fixed_mixtures("test", count=2, seed=3)
    b = fixed_mixtures("test", count=2, seed=3)
    assert len(a) == 2
    for m, n in zip(a, b):
        assert torch.equal(m["mixture"], n["mixture"]) and m["level_db"] == n["level_db"]
        assert -5 <= m["level_db"] <= 5
        assert m["sources"].shape == (2, len(m["mixture"]))
        assert m["clips"][0]["file"] != m["clips"][1]["file"]
