"""The README's results, computed again: SI-SNRi with 95% bootstrap intervals on every test set (research tooling).

    .venv/bin/python tools/evaluate.py                                   # real voices and shipped-clip test sentences
    .venv/bin/python tools/evaluate.py --corpus ~/.cache/tasnet-edu/diverse           # + unseen synthetic voices
    .venv/bin/python tools/evaluate.py --corpus ~/.cache/tasnet-edu/diverse --write   # -> tasnet_edu/pretrained/results.json

Also what README says beside the tables: the score per real recording, and the training-amount trend of the
ablation's budget table. The package keeps the scoring loop (``tasnet_edu.core.evaluation``); chapter 06 reads the
stored tables. ``tools/ablation.py`` scores the ablations on :func:`synthetic_test_mixtures` and the real mixtures.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from tasnet_edu.core.audio import fixed_mixtures
from tasnet_edu.core.evaluation import (
    METHODS,
    MODELS,
    RESULTS_FILE,
    TEST_MIXTURES,
    TEST_SETS,
    ablation_results,
    markdown_table,
    method_scores,
    si_snri_scores,
    summary,
)
from tasnet_edu.core.model import load_checkpoint, load_pretrained


def per_recording(method: str = "learned", models: dict | None = None) -> dict[str, float]:
    """Mean SI-SNRi (dB) of ``method`` over the real mixtures each recording is in (11 of the 66), lowest first.

    The mixtures share recordings, so these means are not independent: read them as a ranking of which voices and
    recording conditions are hard, not as separate measurements.
    """
    mixtures = test_mixtures("real")
    scores = method_scores(method, mixtures, models)
    files = sorted({f for m in mixtures for f in m["files"]})
    means = {f: float(np.mean([s for m, s in zip(mixtures, scores) if f in m["files"]])) for f in files}
    return dict(sorted(means.items(), key=lambda kv: kv[1]))


def recording_bootstrap(scores, mixtures: list[dict], confidence: float = 0.95, resamples: int = 10_000,
                        seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of per-mixture ``scores`` that resamples the *recordings*.

    The real test set mixes every pair of 12 recordings, so its 66 mixtures are not independent: a hard recording
    lowers the 11 mixtures it is in. Each resample draws the recordings with replacement and averages the mixtures
    among them (a pair of recordings drawn a and b times counts a * b times). For a difference between two methods,
    pass the per-mixture differences: a paired interval.

    >>> mixtures = [{"files": ("a", "b")}, {"files": ("a", "c")}, {"files": ("b", "c")}]
    >>> recording_bootstrap([1.0, 1.0, 1.0], mixtures)
    (1.0, 1.0)
    """
    x = np.asarray(scores, dtype=np.float64)
    files = sorted({f for m in mixtures for f in m["files"]})
    index = {f: i for i, f in enumerate(files)}
    pairs = np.array([[index[f] for f in m["files"]] for m in mixtures])  # [mixtures, 2]
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(len(files), np.full(len(files), 1 / len(files)), size=resamples)  # [resamples, recordings]
    weights = counts[:, pairs[:, 0]] * counts[:, pairs[:, 1]]  # how often each mixture is among the drawn recordings
    kept = weights.sum(1) > 0  # a resample that drew a single recording has no mixture
    means = (weights[kept] * x).sum(1) / weights[kept].sum(1)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return round(float(low), 2), round(float(high), 2)


def test_mixtures(test_set: str, count: int | None = None, corpus=None) -> list[dict]:
    """The fixed mixtures of one test set (see :data:`TEST_SETS`); ``count`` takes the first ones.

    ``synthetic`` needs the diverse corpus (``corpus``: its folder, e.g. ``~/.cache/tasnet-edu/diverse``).
    """
    from tasnet_edu.core.speakers import real_mixtures

    if test_set == "real":
        return real_mixtures(count)
    if test_set == "clips":
        return fixed_mixtures("test", count or TEST_MIXTURES, seed=0)
    if test_set in ("synthetic", "synthetic-en", "synthetic-zh"):
        if corpus is None:
            raise ValueError("the synthetic test sets need the diverse corpus: pass corpus=its folder "
                             "(python tools/make_corpus.py --diverse writes it)")
        language = test_set.partition("-")[2] or None
        return synthetic_test_mixtures(Path(corpus) / "clean", count or TEST_MIXTURES, language=language)
    raise ValueError(f"unknown test set {test_set!r}; use one of {', '.join(TEST_SETS)}")


def results_table(test_sets=("real", "clips"), methods=tuple(METHODS), count: int | None = None, corpus=None) -> dict:
    """``{method: {test set: {"mean", "ci95", "n"}}}``: SI-SNRi (dB) with 95% bootstrap intervals."""
    models = {name: load_pretrained(name) for name in MODELS if name in methods}
    table = {method: {} for method in methods}
    for test_set in test_sets:
        mixtures = test_mixtures(test_set, count, corpus)
        for method in methods:
            table[method][test_set] = summary(method_scores(method, mixtures, models))
    return table


def synthetic_test_mixtures(corpus, count: int = 100, seconds: float = 3.0, seed: int = 0, language: str | None = None) -> list[dict]:
    """Fixed mixtures of the diverse corpus's test split: voices and sentences no training clip used.

    ``language``: "en" or "zh" keeps the speakers of one language (Mandarin voices are espeak-ng's ``cmn``).
    """
    from tasnet_edu.core.speakers import fixed_speaker_mixtures, load_speakers, speaker_folders

    speakers = speaker_folders(Path(corpus) / "test")
    if language is not None:
        speakers = {n: f for n, f in speakers.items() if ("_cmn" in n) == (language == "zh")}
    return fixed_speaker_mixtures(load_speakers(speakers), count, seconds, seed)


def language_pairs(corpus, count: int = 100, seconds: float = 3.0, seed: int = 0) -> dict[str, dict]:
    """The shipped model on the pooled synthetic test set (:func:`synthetic_test_mixtures`, both languages), split by
    the languages of each mixture's two voices: ``{"en": ..., "zh": ..., "cross": ...}``, each ``{"n", "mean"}``.

    The same mixtures in the same order: the loop of :func:`~tasnet_edu.core.speakers.fixed_speaker_mixtures`, with a
    speaker dict that notes which two voices each mixture drew (README: why the pooled mean sits above both languages).
    """
    import torch

    from tasnet_edu.core.speakers import load_speakers, mix_speakers, speaker_folders

    class Noted(dict):  # a speaker dict that remembers the voices read
        def __getitem__(self, name):
            self.read.append(name)
            return super().__getitem__(name)

    speakers = Noted(load_speakers(speaker_folders(Path(corpus) / "test")))
    rng, model, groups = np.random.default_rng(seed), load_pretrained("learned"), {}
    for _ in range(count):
        speakers.read = []
        mixture, sources = mix_speakers(speakers, 1, seconds, rng)
        a, b = ("zh" if "_cmn" in name else "en" for name in dict.fromkeys(speakers.read[-4:]))  # each voice is read twice
        with torch.no_grad():
            score = si_snri_scores(lambda m, s: model(m), [{"mixture": mixture[0], "sources": sources[0]}])[0]
        groups.setdefault(a if a == b else "cross", []).append(float(score))
    return {k: {"n": len(v), "mean": round(float(np.mean(v)), 2)} for k, v in sorted(groups.items())}


def budget_trend(test_set: str = "real", target_db: float = 8.0) -> dict:
    """The budget table as a trend: dB gained per doubling of diverse-corpus audio from stage 1 to stage 2, the hours
    of audio a straight line through those two points (score against log hours) would need to reach ``target_db``,
    and the GPU hours the missing audio would take at the pace of the shipped model's stage 2.

    Two points only, and the stages differ in batch and segment length too: a rough guide, not a law.
    Returns ``{"db_per_doubling", "hours", "times_stage_2", "gpu_hours", "target_db"}`` (``inf`` without a gain).
    """
    runs = ablation_results()["runs"]
    a, b = runs["budget-cpu"], runs["budget-gpu"]
    per_doubling = (b[test_set]["mean"] - a[test_set]["mean"]) / math.log2(b["audio_hours"] / a["audio_hours"])
    gap = target_db - b[test_set]["mean"]
    times = 2 ** (gap / per_doubling) if per_doubling > 0 else math.inf
    ckpt = load_checkpoint("learned")
    tc = ckpt["train_config"]
    pace = ckpt["step"] * tc["batch_size"] * tc["segment_seconds"] / ckpt["train_seconds"]  # seconds of audio per GPU second
    return {"db_per_doubling": per_doubling, "hours": b["audio_hours"] * times, "times_stage_2": times,
            "gpu_hours": b["audio_hours"] * (times - 1) / pace, "target_db": target_db}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="SI-SNRi of the shipped models and the ideal masks on the test sets.")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="the diverse corpus folder (python tools/make_corpus.py --diverse), for the synthetic test set")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS_FILE.name} (needs --corpus)")
    args = parser.parse_args(argv)
    if args.write and args.corpus is None:
        raise SystemExit("error: --write stores every test set, so it needs --corpus DIR for the synthetic one")
    sets = ("real", "synthetic-en", "synthetic-zh", "clips") if args.corpus else ("real", "clips")
    corpus = args.corpus.expanduser() if args.corpus else None
    results = results_table(sets, corpus=corpus)
    print(markdown_table(results))
    if args.write:
        counts = {s: len(test_mixtures(s, corpus=corpus)) for s in sets}
        RESULTS_FILE.write_text(json.dumps({"test_mixtures": counts, "si_snri_db": results}, indent=1) + "\n")
        print(f"wrote {RESULTS_FILE}")


if __name__ == "__main__":
    main()
