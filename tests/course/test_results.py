"""The numbers the course reports: README tables == stored results == a fresh evaluation; the shipped models separate."""

import re
import sys
from pathlib import Path

import pytest
import torch

import tasnet_edu as te
from tasnet_edu.core import metrics as core_metrics
from tasnet_edu.core import model as core_model
from tasnet_edu.core.evaluation import ABLATIONS, ablation_results, ablation_table, markdown_table, shipped_results, summary
from tasnet_edu.core.model import TasNetConfig, TinyTasNet
from tasnet_edu.core.speakers import DIVERSE_DIR, real_mixtures

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from evaluate import budget_trend, language_pairs, method_scores, per_recording, recording_bootstrap, results_table  # noqa: E402
from evaluate import test_mixtures as mixtures_of  # noqa: E402  (imported as test_* it would be collected as a test)  (tools/evaluate.py: README's numbers)

README = (ROOT / "README.md").read_text(encoding="utf-8")
REAL_FLOOR_DB = {"learned": 4.0}  # the shipped model on the 66 real mixtures stays above this (measured 5.5: README)


def test_readme_shows_the_stored_tables():
    assert markdown_table(shipped_results(), digits=1) in README
    for kind in ABLATIONS:
        assert ablation_table(kind) in README
    steps = ablation_results()["steps"]
    assert f"from scratch for {steps['encoder']} steps each" in README
    assert f"fine-tuned for {steps['data']} steps on each set" in README


@pytest.mark.slow
def test_stored_results_match_a_fresh_evaluation_of_the_shipped_checkpoints():
    """Real voices and shipped clips are recomputed here; the synthetic column needs the diverse corpus (not in git):
    it is recomputed only where ``python tools/make_corpus.py --diverse`` has written it."""
    sets = ("real", "clips") + (("synthetic-en", "synthetic-zh") if (DIVERSE_DIR / "manifest.csv").exists() else ())
    fresh = results_table(sets, corpus=DIVERSE_DIR)
    stored = shipped_results()
    assert set(fresh) == set(stored)
    for method, cells in fresh.items():
        for test_set, cell in cells.items():
            assert cell["mean"] == pytest.approx(stored[method][test_set]["mean"], abs=0.02), (method, test_set)
            assert cell["ci95"] == pytest.approx(stored[method][test_set]["ci95"], abs=0.02), (method, test_set)


@pytest.mark.parametrize("name", sorted(REAL_FLOOR_DB))
def test_shipped_model_separates_real_people_above_a_floor(name):
    model = te.load_pretrained(name)
    scores = []
    with torch.no_grad():
        for m in real_mixtures():
            est = model(m["mixture"][None])
            scores.append(float(core_metrics.si_snr_improvement(est, m["sources"][None], m["mixture"][None])[0]))
    assert sum(scores) / len(scores) > REAL_FLOOR_DB[name]


def test_every_shipped_model_loads_and_the_default_is_the_documents_encoder():
    model = te.load_pretrained()
    assert model.sample_rate == 8000 and isinstance(model.encoder, te.Encoder) and model.encoder.relu
    for name in core_model.PRETRAINED:
        assert te.load_pretrained(name).cfg.encoder in ("learned", "stft")
    with pytest.raises(ValueError, match="shipped models: learned, learned-espeak, stft"):
        te.load_pretrained("nope")


def test_training_note_in_readme_matches_the_checkpoint():
    ckpt = core_model.load_checkpoint("learned")
    assert f"{ckpt['step']} steps" in README and f"{ckpt['init']['step']} steps" in README
    assert re.search(r"python tools/train\.py --data ~/\.cache/tasnet-edu/diverse/augmented", README)


def test_what_chapter_06_says_about_the_shipped_models_training():
    """Chapter 06: "about 3.7 hours on one CPU thread in two runs", "more than 30,000 steps", from the checkpoints."""
    source = (ROOT / "notebooks" / "src" / "06_separation.py").read_text(encoding="utf-8")
    first, shipped = core_model.load_checkpoint("learned-espeak"), core_model.load_checkpoint("learned")
    cpu_hours = (first["train_seconds"] + shipped["init"]["train_seconds"]) / 3600
    assert f"about {cpu_hours:.1f} hours on one CPU thread in two runs" in source
    assert f"分两次训练了约 {cpu_hours:.1f} 小时" in source
    steps = first["step"] + shipped["init"]["step"] + shipped["step"]
    assert 30_000 < steps < 40_000 and "more than 30,000 steps" in source and "三万多步" in source


def _apart(a: dict, b: dict) -> bool:
    """a is above b with non-overlapping 95% intervals."""
    return a["ci95"][0] > b["ci95"][1]


def test_what_chapter_06_and_readme_say_about_the_results():
    r = shipped_results()
    # "does separate real people, while the first model makes them worse"
    assert r["learned"]["real"]["ci95"][0] > 0 > r["learned-espeak"]["real"]["ci95"][1]
    assert _apart(r["learned"]["real"], r["learned-espeak"]["real"])
    # "far below the oracle masks" on real and unseen synthetic voices: does NOT surpass them
    for test_set in ("real", "synthetic-en", "synthetic-zh"):
        for mask in ("irm", "ibm", "wfm"):
            assert _apart(r[mask][test_set], r["learned"][test_set]), (mask, test_set)
    # "only on the shipped clips did the first model reach the masks' level"
    assert r["irm"]["clips"]["mean"] <= r["learned-espeak"]["clips"]["mean"] <= r["wfm"]["clips"]["mean"] + 0.5
    assert REAL_FLOOR_DB["learned"] < r["learned"]["real"]["mean"]


def test_what_the_ablation_paragraphs_say():
    stored = ablation_results()

    def contains_0(cell):
        return cell["ci95"][0] <= 0 <= cell["ci95"][1]

    def diff(arm, test_set, seed):
        return stored["paired" if seed == 0 else f"paired-seed{seed}"][f"{arm} - encoder-learned"][test_set]

    # README and chapter 06: seed 0 alone has raw frames 2.5 dB behind on synthetic voices (the linear encoder about
    # 1 dB behind); seed 1 has them 1.2 dB ahead (the linear encoder ahead too); the same-N STFT ties in both (+0.1, 0.0)
    assert diff("encoder-waveform", "synthetic", 0)["ci95"][1] < 0 and round(diff("encoder-waveform", "synthetic", 0)["mean"], 1) == -2.5
    assert diff("encoder-waveform", "synthetic", 1)["ci95"][0] > 0 and round(diff("encoder-waveform", "synthetic", 1)["mean"], 1) == 1.2
    assert diff("encoder-linear", "synthetic", 0)["ci95"][1] < 0 and round(-diff("encoder-linear", "synthetic", 0)["mean"]) == 1
    assert diff("encoder-linear", "synthetic", 1)["ci95"][0] > 0
    assert all(contains_0(diff("encoder-stft", "synthetic", seed)) for seed in (0, 1))
    # "two runs of the same arm differ by up to 2 dB, as much as the arms do"; "the two runs disagree about raw frames
    # by more than either run's difference"
    spread = [abs(stored["runs"][a]["synthetic"]["mean"] - stored["runs-seed1"][a]["synthetic"]["mean"]) for a in ABLATIONS["encoder"]
              if a.startswith("encoder-")]
    assert round(max(spread)) == 2
    w0, w1 = (diff("encoder-waveform", "synthetic", seed)["mean"] for seed in (0, 1))
    assert abs(w1 - w0) > max(abs(w0), abs(w1))
    # "214,681 weights instead of 225,881"
    assert TinyTasNet(TasNetConfig(encoder="waveform")).num_parameters() == 214_681
    assert TinyTasNet(TasNetConfig(encoder="learned")).num_parameters() == 225_881


def test_paired_differences_are_the_stored_scores_subtracted():
    """ablation.json's paired entries (both runs): the mean of the per-mixture differences and their interval,
    recomputed here (the real set's interval resamples recordings); README's paired table shows them."""
    stored = ablation_results()
    mixtures = real_mixtures()
    arms = [name for name in ABLATIONS["encoder"] if name.startswith("encoder-")]
    for runs_key, paired_key in (("runs", "paired"), ("runs-seed1", "paired-seed1")):
        runs = stored[runs_key]
        assert len(arms) == 4 and all(len(runs[a][s]["scores"]) == runs[a][s]["n"] for a in arms for s in ("real", "synthetic"))
        for i, a in enumerate(arms):
            for b in arms[i + 1:]:
                for test_set in ("real", "synthetic"):
                    d = [x - y for x, y in zip(runs[b][test_set]["scores"], runs[a][test_set]["scores"])]
                    cell = stored[paired_key][f"{b} - {a}"][test_set]
                    assert cell["mean"] == pytest.approx(sum(d) / len(d), abs=0.006)
                    if test_set == "real":
                        assert tuple(cell["ci95"]) == recording_bootstrap(d, mixtures)
    for arm, words in (("encoder-linear", "no ReLU"), ("encoder-stft", "fixed STFT"), ("encoder-waveform", "raw samples")):
        cells = [stored[k][f"{arm} - encoder-learned"][s] for k in ("paired", "paired-seed1") for s in ("real", "synthetic")]
        shown = " | ".join(f"{c['mean']:+.1f} [{c['ci95'][0]:+.1f}, {c['ci95'][1]:+.1f}]" for c in cells)
        assert f"| {words} minus the document's encoder | {shown} |" in README


def test_what_the_data_ablation_paragraph_says():
    runs = ablation_results()["runs"]
    # data: every fine-tuning lifts real voices above the first model; flite and festival change little; augmentation
    # has the best real-voice mean and the lowest clean-synthetic one of the fine-tuned rows, its intervals overlapping
    # the row above on both
    for row in ("data-espeak", "data-engines", "data-augmented"):
        assert _apart(runs[row]["real"], runs["data-none"]["real"]), row
    assert abs(runs["data-engines"]["real"]["mean"] - runs["data-espeak"]["real"]["mean"]) < 0.5
    assert max(("data-espeak", "data-engines", "data-augmented"), key=lambda k: runs[k]["real"]["mean"]) == "data-augmented"
    assert min(("data-espeak", "data-engines", "data-augmented"), key=lambda k: runs[k]["synthetic"]["mean"]) == "data-augmented"
    for test_set in ("real", "synthetic"):
        a, b = runs["data-augmented"][test_set]["ci95"], runs["data-engines"][test_set]["ci95"]
        assert a[0] <= b[1] and b[0] <= a[1], test_set


def test_what_the_budget_paragraph_says():
    """README and chapter 06: each stage lifts real voices, by about a third of a dB per doubling of the audio."""

    runs = ablation_results()["runs"]
    assert _apart(runs["budget-cpu"]["real"], runs["data-none"]["real"])
    assert _apart(runs["budget-gpu"]["real"], runs["budget-cpu"]["real"])
    assert 0.3 < budget_trend()["db_per_doubling"] < 0.4
    cost = budget_trend()

    def two_figures(x):  # 118,254 -> "120,000", 46.3 -> "46"
        return f"{float(f'{x:.2g}'):,.0f}"

    sentence = (f"Real voices: +{cost['db_per_doubling']:.2f} dB per doubling of the audio. On that line, 8 dB would "
                f"need about {two_figures(cost['hours'])} hours of audio, {two_figures(cost['times_stage_2'])} times what "
                f"the shipped model saw: about {two_figures(cost['gpu_hours'])} hours of one GPU at stage 2's pace.")
    assert sentence in " ".join(README.split())
    # the shipped model's row is the shipped model; the stage-1 row is the checkpoint stage 2 continued from
    ckpt = core_model.load_checkpoint("learned")
    assert runs["budget-gpu"]["step"] == ckpt["step"] and runs["budget-cpu"]["step"] == ckpt["init"]["step"]
    shipped = shipped_results()["learned"]["real"]
    assert runs["budget-gpu"]["real"]["mean"] == pytest.approx(shipped["mean"], abs=0.02)
    assert runs["budget-gpu"]["real"]["ci95"] == pytest.approx(shipped["ci95"], abs=0.02)
    stage_2 = ckpt["step"] * ckpt["train_config"]["batch_size"] * ckpt["train_config"]["segment_seconds"] / 3600
    assert runs["budget-gpu"]["audio_hours"] == pytest.approx(runs["budget-cpu"]["audio_hours"] + stage_2, abs=0.1)
    # "this one has 225,881 weights"
    assert f"{te.load_pretrained().num_parameters():,} weights" in README
    # chapter 06: "Stage 1 (12 hours of mixtures, 105 minutes on one CPU thread) took real voices from below zero to
    # about 3 dB; stage 2 (70 times more audio, 20 minutes on one GPU) added about 2 dB more ... tens of GPU hours"
    assert round(runs["budget-cpu"]["audio_hours"]) == 12 and round(ckpt["init"]["train_seconds"] / 60) == 105
    assert 2.5 <= runs["budget-cpu"]["real"]["mean"] < 3.5 and runs["data-none"]["real"]["mean"] < 0
    assert round(stage_2 / runs["budget-cpu"]["audio_hours"] / 10) * 10 == 70 and round(ckpt["train_seconds"] / 60) == 20
    assert 1.5 <= runs["budget-gpu"]["real"]["mean"] - runs["budget-cpu"]["real"]["mean"] < 2.5
    assert 10 <= budget_trend()["gpu_hours"] < 100
    assert round(te.load_pretrained().num_parameters() / 1e6, 2) == 0.23


def test_shipped_learning_curve_ends_at_the_shipped_checkpoint():
    from tasnet_edu.core.evaluation import training_log

    ckpt = core_model.load_checkpoint("learned")
    log = training_log("learned")
    last_stage = [row for row in log if row["stage"] == max(row["stage"] for row in log)]
    best = max(last_stage, key=lambda row: row["val_si_snri"])
    assert best["step"] == ckpt["step"] and abs(best["val_si_snri"] - ckpt["validation_si_snri"]) < 1e-3
    assert last_stage[0]["batch_size"] == ckpt["train_config"]["batch_size"]
    # the earlier stage is the run the shipped model continued from, up to the step it was taken at
    assert max(row["step"] for row in log if row["stage"] == 1) == ckpt["init"]["step"]


def test_readme_per_recording_line_matches_the_shipped_models():

    shipped, first = per_recording("learned"), per_recording("learned-espeak")
    assert len(shipped) == 12 and all(f.endswith(".flac") for f in shipped)
    (low, a), (second, b) = list(shipped.items())[:2]
    assert f"`{low[:-5]}` ({a:.1f} dB) and `{second[:-5]}` ({b:.1f} dB)" in README
    (x, c), (y, d) = list(shipped.items())[-2:]  # "best on X and Y (c dB)": the two highest, equal at 0.1 dB
    assert f"{c:.1f}" == f"{d:.1f}"
    assert any(f"best on `{u[:-5]}` and `{v[:-5]}` ({d:.1f} dB)" in README for u, v in ((x, y), (y, x)))
    assert max(first.values()) < 0.1  # "the first model is below 0.1 dB on every one of them"


def test_readme_intervals_over_recordings_match_the_shipped_models():
    """README's recording-level and paired intervals, computed again from the shipped checkpoints."""
    mixtures = mixtures_of("real")
    scores = {m: method_scores(m, mixtures) for m in ("learned", "irm", "learned-espeak")}

    def said(x):
        low, high = recording_bootstrap(x, mixtures)
        return f"{round(float(x.mean()), 2):.1f}", f"[{low:.1f}, {high:.1f}]"  # the mean rounded as the table rounds it

    (a, ia), (b, ib), (c, ic) = (said(scores[m]) for m in ("learned", "irm", "learned-espeak"))
    (d, id_), (e, ie) = said(scores["irm"] - scores["learned"]), said(scores["learned"] - scores["learned-espeak"])
    sentence = (f"the shipped model's {a} dB has the interval {ia}, the IRM's {b} dB {ib} and the first model's {c} dB "
                f"{ic}. Paired on the same mixtures, the IRM is ahead of the shipped model by {d} {id_} dB, and the "
                f"shipped model ahead of the first one by {e} {ie} dB.")
    assert sentence in " ".join(README.split())
    assert recording_bootstrap(scores["learned"], mixtures)[0] < summary(scores["learned"])["ci95"][0]  # wider


@pytest.mark.skipif(not (DIVERSE_DIR / "manifest.csv").exists(), reason="needs the diverse corpus (python tools/make_corpus.py --diverse)")
def test_why_the_pooled_synthetic_score_sits_above_both_languages():
    """README: the pooled set's cross-language pairs score higher than its same-language ones."""
    pairs = language_pairs(DIVERSE_DIR / "clean")
    assert sum(g["n"] for g in pairs.values()) == 100
    mean = sum(g["n"] * g["mean"] for g in pairs.values()) / 100
    assert mean == pytest.approx(ablation_results()["runs"]["budget-gpu"]["synthetic"]["mean"], abs=0.01)
    sentence = (f"{pairs['cross']['n']} of the 100 pooled mixtures pair an English voice with a Mandarin one and score "
                f"{pairs['cross']['mean']:.2f} dB on average, the {pairs['en']['n']} English pairs {pairs['en']['mean']:.2f} "
                f"and the {pairs['zh']['n']} Mandarin pairs {pairs['zh']['mean']:.2f}")
    assert sentence in " ".join(README.split())
    assert pairs["cross"]["mean"] > max(pairs["en"]["mean"], pairs["zh"]["mean"])


def test_the_appendix_computes_the_trend_readme_gives():
    """Chapter 07 computes the training-amount line in a cell; its printed numbers are tools/evaluate.py's."""
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "en" / "07_appendix.ipynb", as_version=4)
    printed = [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    line = next(text for text in printed if text.startswith("per_doubling ="))
    cost = budget_trend()
    assert line.strip() == (f"per_doubling = {cost['db_per_doubling']:+.2f} dB | hours = {cost['hours']:,.0f} | "
                            f"times = {cost['times_stage_2']:.0f} | gpu_hours = {cost['gpu_hours']:.0f}")
