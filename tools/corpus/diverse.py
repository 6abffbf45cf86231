"""The diverse synthetic corpus: many engines, voices, sentences and augmentations, split by voice and sentence.

Written by ``python tools/make_corpus.py --diverse DIR`` (cached outside
git; the notebooks use the small shipped set). ``DIR`` holds two corpora with
the same clips, each in the speaker-folder layout :mod:`tasnet_edu.core.speakers`
reads (``train/``, ``validation/``, ``test/``, one folder per speaker)::

    DIR/clean/...       the synthesisers' output, DC removed
    DIR/augmented/...   each clip through its own random chain (tools/corpus/augment.py)
    DIR/manifest.csv    split, speaker, engine, voice, language, sentence, text, chain

The splits share neither voices nor sentences: espeak-ng variants and
festival/flite persons are assigned to one split each, and sentences are split
by index (``sentences.sentence_split``). Validation holds
only espeak-ng voices (it chooses checkpoints); the flite voice ``rms`` is a
test voice no training clip uses.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tasnet_edu.core.audio import SAMPLE_RATE

from .augment import apply_chain, codec2_available, random_chain, remove_dc
from .sentences import sentence_split, sentences
from .tts import ESPEAK_EN, ESPEAK_VARIANTS, ESPEAK_ZH, FESTIVAL, FLITE, Speaker, synthesize

NATURAL_TEST_PERSONS = ("rms",)


@dataclass(frozen=True)
class Scale:
    """How big: speakers and clips per split (``tiny`` for tests, ``full`` for training)."""

    espeak_en_speakers: int
    espeak_zh_speakers: int
    clips_per_speaker: int
    natural_clips_per_voice: int
    sentences_per_language: int


SCALES = {
    "tiny": Scale(3, 2, 2, 2, 60),
    "full": Scale(260, 90, 8, 90, 5000),
}


def variant_split(variant: str) -> str:
    """espeak-ng variants are split by position in the list: every 8th is test, the one after it validation."""
    return {0: "test", 1: "validation"}.get(ESPEAK_VARIANTS.index(variant) % 8, "train")


def speaker_plan(scale: Scale, seed: int = 0, engines=("espeak-ng", "flite", "festival")) -> list[tuple[str, Speaker, int]]:
    """``(split, speaker, clip count)`` for every speaker of the corpus."""
    rng = np.random.default_rng([seed, 7])
    plan = []
    if "espeak-ng" in engines:
        for language, bases, count in (("en", ESPEAK_EN, scale.espeak_en_speakers), ("zh", ESPEAK_ZH, scale.espeak_zh_speakers)):
            seen = set()
            by_split = {s: [v for v in ESPEAK_VARIANTS if variant_split(v) == s] for s in ("train", "validation", "test")}
            while len(seen) < count:
                # Splits in rotation (one in ten test, one validation), so even a tiny corpus has all three.
                variant = str(rng.choice(by_split[sentence_split(len(seen))]))
                base = str(rng.choice(bases))
                speaker = Speaker("espeak-ng", f"{base}+{variant}", person=f"espeak-{variant}", language=language,
                                  pitch=int(rng.integers(15, 86)), speed=int(rng.integers(135 if language == "en" else 160, 200)))
                if speaker.name not in seen:
                    seen.add(speaker.name)
                    plan.append((variant_split(variant), speaker, scale.clips_per_speaker))
    for engine, voices in (("flite", FLITE), ("festival", FESTIVAL)):
        if engine in engines:
            for voice, person in voices.items():
                split = "test" if person in NATURAL_TEST_PERSONS else "train"
                plan.append((split, Speaker(engine, voice, person=person), scale.natural_clips_per_voice))
    return plan


def speaker_folder(speaker: Speaker) -> str:
    """Folder name: one per person for voices built from recordings (flite's and festival's kal are one person)."""
    return speaker.name if speaker.engine == "espeak-ng" else f"person-{speaker.person}"


def build(out: Path, scale: Scale, seed: int = 0, engines=("espeak-ng", "flite", "festival"), progress: bool = True) -> Path:
    """Write the corpus into ``out`` (see the module doc); speakers already written are skipped, so it resumes."""
    import soundfile as sf
    from tqdm.auto import tqdm

    out = Path(out)
    pools = {lang: sentences(lang, scale.sentences_per_language, seed) for lang in ("en", "zh")}
    by_split = {lang: {s: [i for i in range(len(pool)) if sentence_split(i) == s] for s in ("train", "validation", "test")}
                for lang, pool in pools.items()}
    use_codec = codec2_available()
    rows = []
    manifest = out / "manifest.csv"
    done = set()
    if manifest.exists():
        with open(manifest, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        done = {(r["split"], r["speaker_id"]) for r in rows}
    plan = speaker_plan(scale, seed, engines)
    for n, (split, speaker, count) in enumerate(tqdm(plan, disable=not progress, desc="voices")):
        if (split, speaker.name) in done:
            continue
        rng = np.random.default_rng([seed, n])
        indices = [int(i) for i in rng.choice(by_split[speaker.language][split], size=count, replace=False)]
        texts = [pools[speaker.language][i] for i in indices]
        folder = speaker_folder(speaker)
        for i, (index, text, audio) in enumerate(zip(indices, texts, synthesize(speaker, texts))):
            chain = random_chain(rng, codec=use_codec)
            clean = remove_dc(audio, SAMPLE_RATE)
            augmented = apply_chain(audio, SAMPLE_RATE, chain, rng)
            file = f"{speaker.name}_{i:03d}.flac"
            for kind, x in (("clean", clean), ("augmented", augmented)):
                path = out / kind / split / folder / file
                path.parent.mkdir(parents=True, exist_ok=True)
                sf.write(path, x, SAMPLE_RATE, subtype="PCM_16")
            rows.append({"split": split, "speaker": folder, "speaker_id": speaker.name, "engine": speaker.engine,
                         "voice": speaker.voice, "person": speaker.person, "language": speaker.language,
                         "pitch": speaker.pitch if speaker.engine == "espeak-ng" else "",
                         "speed": speaker.speed if speaker.engine == "espeak-ng" else "", "file": file,
                         "sentence": index, "text": text, "chain": json.dumps(chain)})
        _write_manifest(manifest, rows)  # after every speaker: an interrupted build resumes here
    return out


def _write_manifest(path: Path, rows: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)
