"""Chapter 06: why the encoder exists — separating two voices.

Notebook ``06_separation``: run the shipped TinyTasNet on a mixture of two real
people, draw every stage (mixture -> strength map -> masks -> decoder -> two
voices), score it with SI-SNR, test whether separation is easier in the
encoder's space than on the waveform, compare with the ideal masks and the
ablations, and run a short live training.
"""

from __future__ import annotations

import math
import time

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE
from ..core.checks import as_float_tensor, as_waveform
from ..core.evaluation import (  # noqa: F401 (notebook)
    METHODS,
    TEST_SETS,
    ablation_results,
    ablation_table,
    budget_trend,
    markdown_table,
    results_table,
    summary,
    training_log,
)
from ..core.evaluation import shipped_results as shipped_results
from ..core.fourier import peak_frequency, sort_by_frequency
from ..core.metrics import (  # noqa: F401 (notebook)
    ideal_mask_separation,
    pit_loss,
    pit_si_snr,
    si_snr,
    si_snr_improvement,
    si_snr_parts,
)
from ..core.model import load_pretrained
from ..core.speakers import real_mixtures, real_recordings  # noqa: F401 (notebook)
from ..core.training import TrainConfig, make_batch, new_run, train_steps  # noqa: F401 (notebook)
from ..ui.i18n import t
from ..ui.plotting import figure, plot_map, plot_waveform


class Separation(dict):
    """What :func:`separate` returns: a dict of tensors, plus the model's framing as attributes.

    ``hop`` (samples between frames of the maps) and ``sample_rate`` are attributes, not keys, so every value
    of the dict is a tensor (the notebook prints each one's shape).
    """

    def __init__(self, values: dict, hop: int, sample_rate: int):
        super().__init__(values)
        self.hop, self.sample_rate = hop, sample_rate


@torch.no_grad()
def separate(model, mixture, sources=None) -> Separation:
    """Run ``model`` on one mixture ``[T]``; returns the estimates ``[S, T]`` and every inner stage.

    Keys: ``estimates [S, T]``, ``strength_map [N, K]``, ``masks [S, N, K]``,
    ``masked [S, N, K]``, ``order``, the encoder's templates from low to high
    peak frequency (to draw maps like a spectrogram), and ``peak_hz``. The model's
    hop and sample rate come along as ``result.hop`` and ``result.sample_rate``.
    The model's output order is arbitrary; given the true ``sources [S, T]``,
    outputs are reordered to match.
    """
    mixture = as_waveform(mixture, "mixture")
    estimates, parts = model(mixture[None], return_parts=True)
    result = Separation({"estimates": estimates[0], **{k: v[0] for k, v in parts.items()}}, model.hop, model.sample_rate)
    if sources is not None:
        _, perm = pit_si_snr(result["estimates"][None], as_float_tensor(sources, "sources")[None])
        for key in ("estimates", "masks", "masked"):
            result[key] = result[key][perm[0]]
    templates = model.encoder.templates.detach()
    result["order"] = sort_by_frequency(templates, model.sample_rate)
    result["peak_hz"] = peak_frequency(templates, model.sample_rate)
    return result


def real_example(index: int = 0) -> dict:
    """One mixture of the real test set (two real people, 2 s), as in :func:`tasnet_edu.core.speakers.real_mixtures`."""
    mixtures = real_mixtures()
    if not 0 <= index < len(mixtures):
        raise ValueError(t(f"index {index} is out of range; the real test set has {len(mixtures)} mixtures (0 to {len(mixtures) - 1})",
                           f"序号 {index} 超出范围：真人测试集共有 {len(mixtures)} 个混合（0 到 {len(mixtures) - 1}）"))
    return mixtures[index]


def describe_real(example: dict) -> str:
    """Who speaks in a real test mixture: the two recordings, their median pitch, the level difference, the length."""
    rows = {r["file"]: r for r in real_recordings()}
    a, b = (rows[f] for f in example["files"])
    seconds = len(example["mixture"]) / SAMPLE_RATE
    return t(f"two real people: {a['speaker']} (median pitch {float(a['median_f0_hz']):.0f} Hz) and {b['speaker']} "
             f"({float(b['median_f0_hz']):.0f} Hz), {example['level_db']:+.2f} dB apart, {seconds:.1f} s",
             f"两位真人：{a['speaker']}（音高中位数 {float(a['median_f0_hz']):.0f} Hz）和 {b['speaker']}"
             f"（{float(b['median_f0_hz']):.0f} Hz），电平相差 {example['level_db']:+.2f} dB，时长 {seconds:.1f} 秒")


def domain_table(domains: dict, language: str = "en") -> str:
    """:func:`masks_by_domain` as Markdown: SI-SNRi, dominated-energy share and how exactly the domain turns back into
    sound (samples and the STFT exactly; the strength map through the model's decoder), mean [95% interval]."""
    zh = language == "zh"
    names = {"waveform": ("waveform samples", "波形采样点"), "stft": ("STFT, 32 ms (IRM)", "STFT，32 毫秒（IRM）"),
             "encoder": ("the model's strength map", "模型的强度图")}
    rows = ["| 在哪里加理想比值掩码 | SI-SNRi（dB） | 一个声音占 ≥ 90% 的能量占比（%） | 不加掩码直接还原的 SI-SNR（dB） |" if zh else
            "| ideal ratio mask applied to | SI-SNRi (dB) | energy in cells one voice holds ≥ 90% (%) "
            "| turned back into sound without a mask: SI-SNR (dB) |", "| --- | ---: | ---: | ---: |"]
    for d, v in domains.items():
        cells = [_cell(v["si_snri"]), _cell(v["dominated"]), _cell(v["rebuilt"]) if "rebuilt" in v else ("精确还原" if zh else "exact")]
        rows.append(f"| {names[d][zh]} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def describe_decoder(name: str, domains: dict) -> str:
    """One line: the oracle on a model's strength map, and how well its decoder rebuilds a mixture from its own map."""
    v = domains["encoder"]
    return t(f"{name}: ideal ratio mask on its strength map {_cell(v['si_snri'])} dB SI-SNRi; "
             f"its decoder rebuilds the mixture from the unmasked map at {_cell(v['rebuilt'])} dB SI-SNR",
             f"{name}：在它的强度图上加理想比值掩码，SI-SNRi 为 {_cell(v['si_snri'])} dB；"
             f"它的解码器从不加掩码的强度图还原混合语音，SI-SNR 为 {_cell(v['rebuilt'])} dB")


def _cell(c: dict) -> str:
    return f"{c['mean']:.1f} [{c['ci95'][0]:.1f}, {c['ci95'][1]:.1f}]"


def _dominated_share(energies: torch.Tensor, threshold: float = 0.9) -> float:
    """Share of the total energy that sits in cells where one source holds >= ``threshold`` of it. ``energies [S, ...]``."""
    total = energies.sum(0)
    dominated = energies.max(0).values >= threshold * total
    return float(total[dominated].sum() / total.sum())


@torch.no_grad()
def masks_by_domain(model, mixtures: list[dict]) -> dict:
    """Is separation easier in the encoder's space than on the waveform? The same oracle, three domains.

    For each mixture, the ideal ratio mask (each cell split in proportion to the true sources' magnitudes) is
    applied to waveform samples, to a 32 ms STFT (the IRM), and to ``model``'s strength map (decoded by its
    decoder). Returns ``{domain: {"si_snri": summary, "dominated": summary}}``: SI-SNRi, and the share of energy
    in cells where one voice holds at least 90% (samples, STFT bins, or strength-map entries). The strength map also
    gets ``"rebuilt"``: the SI-SNR of the mixture decoded from its unmasked map, roughly a ceiling for any mask there (samples
    and the STFT turn back into sound exactly).
    """
    from ..core.metrics import MASK_HOP, MASK_N_FFT

    scores = {d: {"si_snri": [], "dominated": []} for d in ("waveform", "stft", "encoder")}
    window = torch.hann_window(MASK_N_FFT)
    for m in mixtures:
        x, s = m["mixture"], m["sources"]
        magnitude = s.abs()
        estimates = {
            "waveform": magnitude / magnitude.sum(0).clamp_min(1e-8) * x,
            "stft": ideal_mask_separation(s, kind="irm"),
        }
        w, w_sources = model.encode(x[None]), model.encode(s)  # [1, N, K], [S, N, K]
        magnitudes = w_sources.abs()  # >= 0 already after a ReLU; abs() keeps the oracle defined for any encoder
        masks = magnitudes / magnitudes.sum(0, keepdim=True).clamp_min(1e-8)
        estimates["encoder"] = model.decode(masks[None] * w[:, None], len(x))[0]
        scores["encoder"].setdefault("rebuilt", []).append(float(si_snr(model.decode(w[:, None], len(x))[0, 0], x)))
        spec = torch.stft(s, MASK_N_FFT, MASK_HOP, window=window, return_complex=True).abs()
        energies = {"waveform": s**2, "stft": spec**2, "encoder": w_sources**2}
        for d, est in estimates.items():
            scores[d]["si_snri"].append(float(si_snr_improvement(est[None], s[None], x[None])[0]))
            scores[d]["dominated"].append(100 * _dominated_share(energies[d]))
    return {d: {k: summary(v) for k, v in values.items()} for d, values in scores.items()}


def do_nothing_loss(config, steps: int) -> float:
    """The loss (−SI-SNR, dB) of returning the mixture itself, averaged over the batches of ``steps`` steps."""
    losses = []
    for step in range(steps):
        mixture, sources = make_batch(config, step)
        losses.append(float(pit_loss(mixture[:, None].expand_as(sources), sources)))
    return float(np.mean(losses))


def loudest_span(mixture, seconds: float = 0.5, sample_rate: int = SAMPLE_RATE) -> tuple[float, float]:
    """``(start, end)`` in seconds of the loudest ``seconds``-long stretch (in 10 ms steps): where to zoom in."""
    x = as_waveform(mixture, "mixture").double()
    n = min(len(x), int(seconds * sample_rate))
    energy = torch.nn.functional.avg_pool1d(x[None, None] ** 2, n, stride=sample_rate // 100)[0, 0]
    start = int(energy.argmax()) * (sample_rate // 100) / sample_rate
    return start, start + n / sample_rate


def _label_rows_by_frequency(ax, frequencies, ticks=(250, 500, 1000, 2000, 3000)):
    """Y ticks at the first row (sorted by peak frequency) that reaches each frequency, labelled in Hz."""
    f = np.asarray(frequencies)
    rows = [int(np.searchsorted(f, hz)) for hz in ticks if f[0] <= hz <= f[-1]]
    ax.set_yticks(rows, [f"{f[r]:.0f}" for r in rows])
    ax.set_ylabel(t("template, by peak frequency (Hz)", "模板，按峰值频率（Hz）"))


def plot_pipeline(result: Separation, mixture, sources, span=None):
    """Figure: mixture, strength map, the masks, and the separated voices next to the truth (one column per voice).

    ``result`` is :func:`separate`'s (its ``hop`` and ``sample_rate`` place the frames in time). The maps show
    ``span`` = ``(start, end)`` seconds (default: the loudest half second), rows sorted by the templates' peak
    frequency, so they read like a spectrogram (one frame per millisecond would not fit the page).
    """
    if not isinstance(result, Separation):
        raise TypeError(f"result must be what te.ch06.separate returns (it carries the hop), got {type(result).__name__}")
    order, hop, sample_rate = result["order"], result.hop, result.sample_rate
    S = result["masks"].shape[0]
    start, end = span or loudest_span(mixture, 0.5, sample_rate)
    k0, k1 = int(start * sample_rate / hop), int(end * sample_rate / hop)
    frequencies = result["peak_hz"][order]
    columns = max(S, 2)  # the top row holds the mixture and the strength map
    fig, axes = plt.subplots(3, columns, figsize=(5 * columns, 7.5), layout="constrained")
    for ax in [*axes[0, 2:], *axes[1, S:], *axes[2, S:]]:
        ax.remove()
    hop_s = hop / sample_rate
    plot_waveform(mixture, sample_rate, ax=axes[0, 0],
                  title=t("mixture (shaded: the span on the right)", "混合语音（阴影：右侧放大的时段）"))
    axes[0, 0].axvspan(start, end, color="C1", alpha=0.2)

    def zoomed(ax, values, **kwargs):
        plot_map(values[:, k0:k1], ax=ax, hop_seconds=hop_s, **kwargs)
        ax.set_xticks(ax.get_xticks(), [f"{start + x:.2f}" for x in ax.get_xticks()])
        ax.set_xlim(0, (k1 - k0) * hop_s)
        _label_rows_by_frequency(ax, frequencies)

    zoomed(axes[0, 1], result["strength_map"][order], db=True, title=t("strength map [N, K] (encoder)", "强度图 [N, K]（编码器）"))
    for s in range(S):
        zoomed(axes[1, s], result["masks"][s][order], vmin=0, vmax=1, cmap="viridis",
               title=t(f"mask for voice {s + 1} (separator)", f"声音 {s + 1} 的掩码（分离器）"))
        ax = axes[2, s]
        _, error = si_snr_parts(result["estimates"][s], sources[s])  # drawn on top: the true voice would hide under it
        plot_waveform(result["estimates"][s], sample_rate, ax=ax, color=f"C{s}", alpha=0.8, label=t("separated", "分离结果"))
        plot_waveform(error, sample_rate, ax=ax, color="0.15",
                      label=t("error (what SI-SNR counts as noise)", "误差（SI-SNR 算作噪声的部分）"))
        score = float(si_snr(result["estimates"][s], sources[s]))
        ax.set_title(t(f"voice {s + 1} (decoder): SI-SNR {score:.1f} dB", f"声音 {s + 1}（解码器）：SI-SNR {score:.1f} dB"))
        ax.legend(fontsize=7, loc="upper right")
    return fig


def mask_rows(result: Separation, below: float = 0.1, share: float = 0.95) -> dict:
    """Which templates the separator switches off for every voice, and how the masks add up elsewhere.

    ``muted``: templates whose mask stays below ``below`` for every voice in at least ``share`` of the frames (the
    dark stripes across all mask panels of :func:`plot_pipeline`); ``muted_energy``: their share of the strength map's
    energy; ``median_sum``: the median over the other entries of the masks summed over voices. The masks are
    sigmoids, one per voice, so nothing forces them to add up to 1.
    """
    masks, w = result["masks"], result["strength_map"]
    muted = (masks < below).float().mean(-1).min(0).values >= share  # [N]
    energy = w.pow(2).sum(-1)
    return {"muted": torch.nonzero(muted).flatten().tolist(), "templates": int(muted.numel()),
            "muted_energy": float(energy[muted].sum() / energy.sum()),
            "median_sum": float(masks[:, ~muted].sum(0).median())}


def describe_mask_rows(rows: dict) -> str:
    """:func:`mask_rows` in two lines, in the course language."""
    n, total, energy, median = len(rows["muted"]), rows["templates"], rows["muted_energy"], rows["median_sum"]
    return "\n".join([
        t(f"templates switched off for every voice: {n} of {total}, carrying {energy:.0%} of the strength map's energy",
          f"对每个声音都被关掉的模板：{total} 个中的 {n} 个，占强度图能量的 {energy:.0%}"),
        t(f"the other templates: the masks of the voices add up to {median:.2f} (median)",
          f"其余模板：各个声音的掩码加起来是 {median:.2f}（中位数）"),
    ])


def si_snr_demo(reference, noise, scales=(0.5, 1.0, 2.0)) -> list[tuple[float, float]]:
    """SI-SNR of ``reference + noise`` scaled by each factor: the score ignores the overall scale."""
    est = torch.as_tensor(reference) + torch.as_tensor(noise)
    return [(s, round(float(si_snr(s * est, reference)), 2)) for s in scales]


def _two_figures(x: float) -> str:
    """``87654.3 -> "88,000"``: a rough estimate keeps two significant figures."""
    return f"{round(x, 1 - math.floor(math.log10(abs(x)))):,.0f}"


def describe_budget_trend(test_set: str = "real", target_db: float = 8.0) -> str:
    """The budget table's trend in words: dB per doubling of the audio, and what ``target_db`` would cost on that line
    (hours of audio, and hours of one GPU at the pace of the shipped model's stage 2)."""
    cost = budget_trend(test_set, target_db)
    name = (TEST_SETS[test_set][0].capitalize(), TEST_SETS[test_set][1])
    if not math.isfinite(cost["hours"]):
        return t(f"{name[0]}: no gain from stage 1 to stage 2, so no line to extend.",
                 f"{name[1]}：从第 1 阶段到第 2 阶段没有提高，画不出这条线。")
    hours, times, gpu = (_two_figures(cost[k]) for k in ("hours", "times_stage_2", "gpu_hours"))
    return t(f"{name[0]}: +{cost['db_per_doubling']:.2f} dB per doubling of the audio. On that line, {target_db:g} dB "
             f"would need about {hours} hours of audio, {times} times what the shipped model saw: "
             f"about {gpu} hours of one GPU at stage 2's pace. Two points make a rough guide, not a law.",
             f"{name[1]}：音频每翻一倍，提高 {cost['db_per_doubling']:.2f} dB。照这条线，要到 {target_db:g} dB，"
             f"大约需要 {hours} 小时的音频，是随包模型所见的 {times} 倍；按第 2 阶段的速度，"
             f"约合一块 GPU 上的 {gpu} 小时。只有两个点，只能粗略参考，不是定律。")


@torch.no_grad()
def real_time_factor(model, seconds: float = 4.0, repeats: int = 3, sample_rate: int = SAMPLE_RATE) -> float:
    """How many times faster than real time ``model`` separates a ``seconds``-long mixture (best of ``repeats``)."""
    g = torch.Generator().manual_seed(0)  # its own generator: the caller's random numbers stay untouched
    x = torch.randn(1, int(seconds * sample_rate), generator=g) * 0.1
    model(x)  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        model(x)
        best = min(best, time.perf_counter() - t0)
    return seconds / best


def speed_line(factor: float) -> str:
    """"N x faster than real time (RTF = processing time / audio duration)"."""
    return t(f"{factor:.0f}x faster than real time (real-time factor RTF = processing time / audio length = {1 / factor:.4f})",
             f"比实时快 {factor:.0f} 倍（实时率 RTF = 处理时间 / 音频时长 = {1 / factor:.4f}）")


def plot_losses(losses, every: int = 5, baseline: float | None = None):
    """Figure: training loss (negative SI-SNR, dB) per step with a running mean, and the do-nothing level."""
    fig, ax = plt.subplots(figsize=(6, 2.6), layout="constrained")
    y = np.asarray(losses)
    if baseline is not None:
        ax.axhline(baseline, color="C3", ls="--", lw=1, label=t("do nothing (output = mixture)", "什么都不做（输出 = 混合语音）"))
    ax.plot(y, lw=0.6, color="0.6", label=t("loss per step", "每步损失"))
    if len(y) >= every:
        ax.plot(np.arange(every - 1, len(y)), np.convolve(y, np.ones(every) / every, mode="valid"), color="C0",
                label=t(f"mean of {every}", f"{every} 步平均"))
    ax.set_xlabel(t("step", "步数"))
    ax.set_ylabel(t("-SI-SNR (dB)", "-SI-SNR（dB）"))
    ax.legend(fontsize=8)
    return fig


def plot_learning_curve(log: list[dict]):
    """Figure: validation SI-SNRi (synthetic, chooses the checkpoint) and real-test SI-SNRi (only watched) per step.

    One panel per training stage (rows' ``stage``): a step of one stage's batch is not a step of another's.
    """
    stages = sorted({row.get("stage", 1) for row in log})
    fig, axes = plt.subplots(1, len(stages), figsize=(7 if len(stages) == 1 else 9, 3), layout="constrained",
                             sharey=True, squeeze=False, width_ratios=[1] * len(stages))
    for ax, stage in zip(axes[0], stages):
        rows = [row for row in log if row.get("stage", 1) == stage]
        steps = [row["step"] for row in rows]
        ax.plot(steps, [row["val_si_snri"] for row in rows], "o-", ms=3,
                label=t("synthetic validation (chooses the checkpoint)", "合成验证集（用来挑选检查点）"))
        real = [(row["step"], row["real_si_snri"]) for row in rows if "real_si_snri" in row]
        if real:
            ax.plot(*zip(*real), "s-", ms=3, color="C3", label=t("real test voices (only watched)", "真人测试集（只观察，不参与挑选）"))
        if "batch_size" in rows[0]:
            batch = f"{rows[0]['batch_size']} × {rows[0]['segment_seconds']:g} s"
            ax.set_title(t(f"stage {stage}: batch {batch}", f"第 {stage} 阶段：每批 {batch}"), fontsize=9)
        ax.set_xlabel(t("training step", "训练步数"))
    best = max((row for row in log if row.get("stage", 1) == stages[-1]), key=lambda row: row["val_si_snri"])
    axes[0][-1].axvline(best["step"], color="0.5", ls=":", lw=1, label=t("shipped checkpoint", "随包检查点"))
    axes[0][0].set_ylabel("SI-SNRi (dB)")
    axes[0][-1].legend(fontsize=8)
    return fig


def plot_results(results: dict, test_set: str = "real"):
    """Figure: SI-SNRi per method on one test set, with 95% bootstrap intervals; oracle masks in grey."""
    items = sorted(((k, v[test_set]) for k, v in results.items() if test_set in v), key=lambda kv: kv[1]["mean"])
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(items) + 1.0), layout="constrained")
    means = np.array([c["mean"] for _, c in items])
    errors = np.abs(np.array([c["ci95"] for _, c in items]).T - means)
    ax.barh([t(*METHODS[k]) for k, _ in items], means, xerr=errors, capsize=3,
            color=["0.65" if k in ("irm", "ibm", "wfm") else "C0" for k, _ in items])
    for i, (_, c) in enumerate(items):
        ax.text(max(c["ci95"][1], 0), i, f"  {c['mean']:.1f}", va="center", fontsize=8)
    ax.axvline(0, color="k", lw=0.8)
    ax.set_xlabel(t("SI-SNRi (dB), higher is better; bars: 95% interval", "SI-SNRi（dB），越高越好；误差线：95% 区间"))
    ax.set_title(t(*TEST_SETS[test_set]) + f" (n = {items[0][1]['n']})")
    return fig


REAL_EXAMPLE = 0  # the real mixture the chapter plays: the first of the fixed list (no choosing the best one)


@figure("06_separation_pipeline")
def _figure_pipeline():
    model = load_pretrained("learned")
    m = real_example(REAL_EXAMPLE)
    return plot_pipeline(separate(model, m["mixture"], m["sources"]), m["mixture"], m["sources"])


@figure("06_learning_curve")
def _figure_learning_curve():
    return plot_learning_curve(training_log("learned"))


@figure("06_results")
def _figure_results():
    return plot_results(shipped_results(), "real")
