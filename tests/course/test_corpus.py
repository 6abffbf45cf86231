"""The data the models learn from and are tested on: the diverse corpus command, the real test set, training folders."""

import csv
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch
from browser_support import ensure_debian_packages

from tasnet_edu.core import audio, speakers

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # tools/corpus: how the training data were made
import train as train_cli  # noqa: E402  (tools/train.py)
from corpus import build as corpus_cli  # noqa: E402
from corpus.tts import missing_engines  # noqa: E402

ENGINE_PACKAGES = ["espeak-ng", "flite", "festival", "festvox-kallpc16k", "festvox-kdlpc16k", "festvox-us-slt-hts", "codec2"]


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    ok, why = ensure_debian_packages(ENGINE_PACKAGES, lambda: not missing_engines() and shutil.which("c2enc") is not None)
    if not ok:
        pytest.skip(f"corpus test skipped: {why}")
    out = tmp_path_factory.mktemp("diverse")
    corpus_cli.main(["--diverse", str(out), "--scale", "tiny"])
    return out


def _manifest(root: Path) -> list[dict]:
    with open(root / "manifest.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_tiny_corpus_has_every_engine_and_disjoint_splits(tiny_corpus):
    rows = _manifest(tiny_corpus)
    assert {r["engine"] for r in rows} == {"espeak-ng", "flite", "festival"}
    assert {r["language"] for r in rows} == {"en", "zh"}
    for key in ("speaker", "person"):
        by_split = {s: {r[key] for r in rows if r["split"] == s} for s in ("train", "validation", "test")}
        assert not by_split["train"] & by_split["test"], key
        assert not by_split["train"] & by_split["validation"], key
    sentences = {s: {(r["language"], r["text"]) for r in rows if r["split"] == s} for s in ("train", "validation", "test")}
    assert not sentences["train"] & sentences["test"] and not sentences["train"] & sentences["validation"]
    for kind in ("clean", "augmented"):
        for r in rows:
            x, rate = sf.read(tiny_corpus / kind / r["split"] / r["speaker"] / r["file"])
            assert rate == 8000 and len(x) > 4000 and np.isfinite(x).all()
            assert abs(x.mean()) < 2e-3, (kind, r["file"], x.mean())  # DC removed


def test_tiny_corpus_resumes_without_rewriting(tiny_corpus):
    before = _manifest(tiny_corpus)
    corpus_cli.main(["--diverse", str(tiny_corpus), "--scale", "tiny"])
    assert _manifest(tiny_corpus) == before


def test_no_real_recording_is_in_any_training_list(tiny_corpus):
    real = {r["file"]: speakers.load_real(r["file"]).numpy() for r in speakers.real_recordings()}
    training = speakers.training_files(tiny_corpus / "augmented") + speakers.training_files(tiny_corpus / "clean")
    training += [audio.SPEECH_DIR / r["file"] for r in audio.speech_clips("train")]
    for path in training:
        assert speakers.REAL_DIR not in Path(path).resolve().parents
        x = sf.read(path, dtype="float32")[0]
        for name, y in real.items():
            n = min(len(x), len(y), 4000)
            assert not np.allclose(x[:n], y[:n], atol=1e-3), (path, name)


def test_real_test_set_is_complete_and_licensed():
    rows = speakers.real_recordings()
    assert len(rows) >= 8
    for r in rows:
        assert (speakers.REAL_DIR / r["file"]).is_file() and r["license"] == "LGPL-2.1"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (speakers.REAL_DIR / "LICENSE.LGPL-2.1").read_text()
    mixtures = speakers.real_mixtures()
    assert len(mixtures) == len(rows) * (len(rows) - 1) // 2
    for m in mixtures:
        a, b = m["files"]
        assert a != b and torch.allclose(m["mixture"], m["sources"].sum(0))
        assert 1.5 * 8000 <= len(m["mixture"]) <= 2 * 8000


def _tone_speaker(root: Path, name: str, f0: float, rate: int, channels: int):
    t = np.arange(int(1.5 * rate)) / rate
    for k in range(2):
        x = sum(np.sin(2 * np.pi * h * f0 * (1 + 0.05 * k) * t) / h for h in range(1, 6)) * 0.2
        x = np.stack([x] * channels, 1) if channels > 1 else x
        path = root / name / "chapter1" / f"{name}_{k}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        sf.write(path, x, rate)


def test_train_on_a_folder_of_speakers(tmp_path, capsys):
    """``train --data``: LibriSpeech-like nesting, 16 kHz stereo files, every 10th speaker (at least 2) validates."""
    data = tmp_path / "corpus"
    for i, f0 in enumerate([110, 140, 180, 220, 260]):
        _tone_speaker(data, f"spk{i}", f0, 16000, channels=2)
    splits = speakers.data_splits(data)
    assert set(splits["validation"]) == {"spk0", "spk2"} and set(splits["train"]) == {"spk1", "spk3", "spk4"}
    config = tmp_path / "config.json"
    config.write_text('{"batch_size": 2, "segment_seconds": 0.5, "eval_every": 3, "eval_mixtures": 2, '
                      '"model": {"N": 16, "B": 8, "H": 16, "X": 2, "R": 1}}')
    threads = torch.get_num_threads()
    train_cli.main(["--data", str(data), "--out", str(tmp_path / "run"), "--steps", "3", "--config", str(config)])
    assert torch.get_num_threads() == threads
    ckpt = torch.load(tmp_path / "run" / "last.pt", weights_only=True)
    assert ckpt["step"] == 3 and ckpt["config"]["data"] == str(data)
    assert "val_si_snri" in capsys.readouterr().out and "real_si_snri" in (tmp_path / "run" / "log.jsonl").read_text()


def test_folder_errors_name_the_folder_and_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="no folder at .*nowhere"):
        speakers.speaker_folders(tmp_path / "nowhere")
    _tone_speaker(tmp_path, "only", 100, 8000, 1)
    with pytest.raises(ValueError, match="1 speaker folder.*at least 2"):
        speakers.speaker_folders(tmp_path)
    with pytest.raises(SystemExit, match="no GPU"):
        if torch.cuda.is_available():
            raise SystemExit("no GPU (skipped: this machine has one)")
        train_cli.main(["--out", str(tmp_path / "r"), "--device", "cuda"])


def test_fine_tuning_keeps_how_the_start_was_made(tmp_path):
    data = tmp_path / "corpus"
    for i, f0 in enumerate([110, 150, 200, 250]):
        _tone_speaker(data, f"spk{i}", f0, 8000, channels=1)
    config = tmp_path / "config.json"
    config.write_text('{"batch_size": 2, "segment_seconds": 0.5, "eval_every": 2, "eval_mixtures": 2, "log_real": false, '
                      '"model": {"N": 16, "B": 8, "H": 16, "X": 2, "R": 1}}')
    first, second = tmp_path / "first", tmp_path / "second"
    train_cli.main(["--data", str(data), "--out", str(first), "--steps", "2", "--config", str(config)])
    train_cli.main(["--data", str(data), "--out", str(second), "--steps", "2", "--config", str(config),
                    "--init", str(first / "best.pt")])
    start = torch.load(first / "best.pt", weights_only=True)
    tuned = torch.load(second / "last.pt", weights_only=True)
    assert not torch.equal(start["model"]["decoder.weight"], tuned["model"]["decoder.weight"])
    shipped = train_cli.export(second, tmp_path / "shipped.pt")
    assert shipped["init"]["step"] == 2 and shipped["train_config"]["init"] == str(first / "best.pt")
    # a run's checkpoint as the start: its validation score and settings are kept under the shipped names
    assert shipped["init"]["validation_si_snri"] == start["best_score"]
    assert shipped["init"]["train_config"]["batch_size"] == 2 and shipped["init"]["train_config"]["init"] is None
    # the learning curve shipped beside it: the first run's evaluations, then the second's
    stages = [json.loads(line) for line in (tmp_path / "shipped.log.jsonl").read_text().splitlines()]
    assert [(row["stage"], row["step"]) for row in stages] == [(1, 2), (2, 2)]
    assert stages[0]["batch_size"] == 2 and stages[0]["segment_seconds"] == 0.5
