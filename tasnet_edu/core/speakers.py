"""Speech folders with one subfolder per speaker, dynamic mixing, and the real-speech test set.

Training on your own recordings (``python tools/train.py --data DIR``)
and on the diverse synthetic corpus goes through here. ``DIR`` has one folder
per speaker, with audio files (wav, flac, ogg, mp3; any rate, mono or stereo)
anywhere below it, as LibriSpeech (``speaker/chapter/*.flac``), AISHELL
(``wav/train/S0002/*.wav``: give ``wav/train``) and VCTK (``wav48/p225/*.wav``) lay them out.
If ``DIR`` has ``train/`` and ``validation/`` subfolders, those are the splits;
otherwise every 10th speaker (sorted by name; at least 2) is held out for validation.

The real test set (``tasnet_edu/data/real``) holds recordings of real people
from Debian's ``codec2-examples`` (LGPL-2.1, licence beside them). They are
test and demo material only: :func:`training_files` never lists them.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
import torch

from .audio import SAMPLE_RATE, _crop, load_audio, mix
from .checks import check_size

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".mp3")
REAL_DIR = Path(__file__).resolve().parents[1] / "data" / "real"  # written by ``python tools/make_corpus.py --real``
DIVERSE_DIR = Path.home() / ".cache" / "tasnet-edu" / "diverse"  # the diverse corpus (tools/make_corpus.py --diverse), outside git


def _audio_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES and p.is_file())


def speaker_folders(root) -> dict[str, list[Path]]:
    """``{speaker: [audio files]}`` for each subfolder of ``root`` that holds audio."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"no folder at {root}; give a folder with one subfolder of recordings per speaker")
    speakers = {d.name: _audio_files(d) for d in sorted(root.iterdir()) if d.is_dir()}
    speakers = {name: files for name, files in speakers.items() if files}
    if len(speakers) < 2:
        raise ValueError(f"{root} has {len(speakers)} speaker folder(s) with audio ({', '.join(AUDIO_SUFFIXES)}); "
                         "mixing needs at least 2: put each speaker's recordings in a subfolder of their own")
    return speakers


def data_splits(root) -> dict[str, dict[str, list[Path]]]:
    """``{"train": {speaker: files}, "validation": {...}}`` from a speaker folder (see the module doc)."""
    root = Path(root)
    if (root / "train").is_dir() and (root / "validation").is_dir():
        return {split: speaker_folders(root / split) for split in ("train", "validation")}
    speakers = speaker_folders(root)
    names = sorted(speakers)
    if len(names) < 4:
        raise ValueError(f"{root} has {len(names)} speakers; train and validation need 2 each (4 in all) to mix: "
                         "add speakers, or give train/ and validation/ subfolders")
    count = max(2, len(names) // 10)
    held_out = set(names[:: len(names) // count][:count])
    return {"train": {n: f for n, f in speakers.items() if n not in held_out},
            "validation": {n: f for n, f in speakers.items() if n in held_out}}


def training_files(root) -> list[Path]:
    """Every file training reads from ``root`` (tests check no real test recording is among them)."""
    return [f for files in data_splits(root)["train"].values() for f in files]


@cache
def _load(path: Path) -> np.ndarray:
    return load_audio(path, SAMPLE_RATE).numpy()


def load_speakers(speakers: dict[str, list[Path]]) -> dict[str, list[np.ndarray]]:
    """Read every file (8 kHz mono float32); silent files are dropped."""
    loaded = {name: [x for x in (_load(Path(f)) for f in files) if np.any(x)] for name, files in speakers.items()}
    return {name: clips for name, clips in loaded.items() if clips}


def mix_speakers(speakers: dict[str, list[np.ndarray]], batch_size: int, seconds: float, rng: np.random.Generator):
    """Dynamic mixing: ``batch_size`` new mixtures of two different speakers, random clips, crops and level (±5 dB).

    Returns ``(mixtures [M, T], sources [M, 2, T])``.
    """
    names = sorted(speakers)
    length = int(seconds * SAMPLE_RATE)
    mixtures, sources = [], []
    while len(mixtures) < batch_size:
        a, b = rng.choice(len(names), size=2, replace=False)
        x1 = _crop(speakers[names[a]][rng.integers(len(speakers[names[a]]))], length, rng)
        x2 = _crop(speakers[names[b]][rng.integers(len(speakers[names[b]]))], length, rng)
        if np.sqrt(np.mean(x1**2)) < 1e-3 or np.sqrt(np.mean(x2**2)) < 1e-3:
            continue  # a crop of (near) silence: no speaker to separate
        m, s = mix(torch.from_numpy(x1), torch.from_numpy(x2), float(rng.uniform(-5, 5)))
        mixtures.append(m)
        sources.append(s)
    return torch.stack(mixtures), torch.stack(sources)


def fixed_speaker_mixtures(speakers: dict[str, list[np.ndarray]], count: int, seconds: float = 3.0, seed: int = 1) -> list[dict]:
    """Deterministic evaluation mixtures from a speaker dict (same arguments, same list), as :func:`~.audio.fixed_mixtures`."""
    count = check_size("count", count, 1)
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        mixture, sources = mix_speakers(speakers, 1, seconds, rng)
        out.append({"mixture": mixture[0], "sources": sources[0]})
    return out


# --- the real-speech test set -------------------------------------------------------------------------------------

@cache
def real_recordings() -> tuple[dict, ...]:
    """Rows of ``data/real/recordings.csv``: file, speaker, seconds, median F0, source, licence."""
    with open(REAL_DIR / "recordings.csv", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def load_real(file: str) -> torch.Tensor:
    """One real recording, ``[T]`` float32 at 8 kHz."""
    if not (REAL_DIR / file).is_file():
        names = ", ".join(r["file"] for r in real_recordings())
        raise FileNotFoundError(f"no real recording named {file!r}; choose one of {names}")
    return torch.from_numpy(_load(REAL_DIR / file).copy())


def real_mixtures(count: int | None = None) -> list[dict]:
    """The fixed real test mixtures of ``data/real/mixtures.csv`` (all, or the first ``count``).

    Each: ``mixture [T]``, ``sources [2, T]``, ``level_db``, ``files`` (two recordings of two different speakers).
    """
    with open(REAL_DIR / "mixtures.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if count is not None:
        rows = rows[: check_size("count", count, 1)]
    out = []
    for r in rows:
        length = int(float(r["seconds"]) * SAMPLE_RATE)
        a = load_real(r["file_a"])[int(r["start_a"]) :][:length]
        b = load_real(r["file_b"])[int(r["start_b"]) :][:length]
        mixture, sources = mix(a, b, float(r["level_db"]))
        out.append({"mixture": mixture, "sources": sources, "level_db": float(r["level_db"]), "files": (r["file_a"], r["file_b"])})
    return out
