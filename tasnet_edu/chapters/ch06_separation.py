"""Chapter 06: separating two voices, and what the encoder buys. Figures only: the cells compute (the model stage by
stage, SI-SNR, PIT, overlap-add, a training step, in plain torch checked against ``tasnet_edu.core``), this draws."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch

from ..core.audio import SAMPLE_RATE
from ..core.checks import as_waveform
from ..core.evaluation import METHODS, TEST_SETS, shipped_results, training_log
from ..core.fourier import peak_frequency, sort_by_frequency
from ..core.metrics import pit_si_snr, si_snr, si_snr_parts
from ..core.model import load_pretrained
from ..core.speakers import real_mixtures
from ..ui.i18n import t
from ..ui.plotting import figure, plot_map, plot_waveform


def loudest_span(mixture, seconds: float = 0.5, sample_rate: int = SAMPLE_RATE) -> tuple[float, float]:
    """``(start, end)`` in seconds of the loudest ``seconds``-long stretch (in 10 ms steps): where to zoom in."""
    x = as_waveform(mixture, "mixture").double()
    n = min(len(x), int(seconds * sample_rate))
    energy = torch.nn.functional.avg_pool1d(x[None, None] ** 2, n, stride=sample_rate // 100)[0, 0]
    start = int(energy.argmax()) * (sample_rate // 100) / sample_rate
    return start, start + n / sample_rate


def _label_rows_by_frequency(ax, frequencies, ticks=(250, 500, 1000, 2000, 3000)):
    """Y ticks at the first row (sorted by peak frequency) that reaches each frequency, labelled in Hz.
    The rows are templates sorted by peak frequency, not a frequency axis: the ticks are unevenly spaced."""
    f = np.asarray(frequencies)
    rows = [int(np.searchsorted(f, hz)) for hz in ticks if f[0] <= hz <= f[-1]]
    ax.set_yticks(rows, [f"{f[r]:.0f}" for r in rows])
    ax.set_ylabel(t("template, by peak frequency (Hz)", "模板，按峰值频率（Hz）"))


def plot_pipeline(model, mixture, sources, strength_map, masks, estimates, span=None):
    """Figure: mixture, strength map, the masks, and the separated voices with their errors (one column per voice).
    ``strength_map [N, K]``, ``masks [S, N, K]`` and ``estimates [S, T]`` are what the notebook computed with ``model``
    on ``mixture [T]``, outputs in the order of ``sources [S, T]``. The maps show ``span`` = ``(start, end)`` seconds
    (default: the loudest half second), rows sorted by the templates' peak frequency."""
    hop, sample_rate, hop_s = model.hop, model.sample_rate, model.hop / model.sample_rate
    templates = model.encoder.templates.detach()
    order = sort_by_frequency(templates, sample_rate)
    frequencies = peak_frequency(templates, sample_rate)[order]
    start, end = span or loudest_span(mixture, 0.5, sample_rate)
    k0, k1 = int(start * sample_rate / hop), int(end * sample_rate / hop)
    S, columns = masks.shape[0], max(masks.shape[0], 2)  # the top row holds the mixture and the strength map
    fig, axes = plt.subplots(3, columns, figsize=(5 * columns, 7.5), layout="constrained")
    for ax in [*axes[0, 2:], *axes[1, S:], *axes[2, S:]]:
        ax.remove()
    plot_waveform(mixture, sample_rate, ax=axes[0, 0],
                  title=t("mixture (shaded: the span on the right)", "混合语音（阴影：右侧放大的时段）"))
    axes[0, 0].axvspan(start, end, color="C1", alpha=0.2)

    def zoomed(ax, values, **kwargs):
        image = plot_map(values[:, k0:k1], ax=ax, hop_seconds=hop_s, **kwargs)
        ax.set_xticks(ax.get_xticks(), [f"{start + x:.2f}" for x in ax.get_xticks()])
        ax.set_xlim(0, (k1 - k0) * hop_s)
        _label_rows_by_frequency(ax, frequencies)
        return image

    zoomed(axes[0, 1], strength_map.detach()[order], db=True, title=t("strength map [N, K] (encoder)", "强度图 [N, K]（编码器）"))
    for s in range(S):
        zoomed(axes[1, s], masks.detach()[s][order], vmin=0, vmax=1, cmap="viridis",
               title=t(f"mask for speaker {s + 1} (separator)", f"说话人 {s + 1} 的掩码（分离器）")).colorbar.set_label(
                   t("mask value", "掩码值"))
        ax = axes[2, s]
        estimate = estimates[s].detach()
        _, error = si_snr_parts(estimate, sources[s])  # drawn on top: the true voice would hide under it
        plot_waveform(estimate, sample_rate, ax=ax, color=f"C{s}", alpha=0.8, label=t("separated", "分离结果"))
        plot_waveform(error, sample_rate, ax=ax, color="0.15",
                      label=t("error (what SI-SNR counts as noise)", "误差（SI-SNR 算作噪声的部分）"))
        score = float(si_snr(estimate, sources[s]))
        ax.set_title(t(f"speaker {s + 1} (decoder): SI-SNR {score:.1f} dB", f"说话人 {s + 1}（解码器）：SI-SNR {score:.1f} dB"))
        ax.legend(fontsize=7, loc="upper right")
    return fig


def plot_spectrograms(references, estimates, hop_seconds: float, top_hz: float = SAMPLE_RATE / 2):
    """Figure: per speaker (rows), the magnitude spectrogram ``[F, K]`` (bins 0 to ``top_hz``) of the speaker alone
    and of the model's estimate, each in dB below its own loudest entry (SI-SNR ignores an estimate's scale, so do they)."""
    fig, axes = plt.subplots(len(references), 2, figsize=(10, 2.6 * len(references)), sharex=True, sharey=True, layout="constrained")
    for s, row in enumerate(axes):
        titles = (t(f"speaker {s + 1} alone (reference)", f"说话人 {s + 1} 单独的声音（参考）"),
                  t(f"speaker {s + 1}: the model's estimate", f"说话人 {s + 1}：模型的估计"))
        for ax, spec, title in zip(row, (references[s], estimates[s]), titles):
            plot_map(spec, ax=ax, hop_seconds=hop_seconds, extent_y=(0, top_hz), db=True, title=title,
                     ylabel=t("frequency (Hz)", "频率（Hz）"))
    return fig


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
    ax.set(xlabel=t("step", "步数"), ylabel=t("-SI-SNR (dB)", "-SI-SNR（dB）"))
    ax.legend(fontsize=8)
    return fig


def plot_learning_curve(log: list[dict]):
    """Figure: validation SI-SNRi (synthetic, chooses the checkpoint) and real-test SI-SNRi (only watched) per step,
    one panel per training stage (rows' ``stage``): a step of one stage's batch is not a step of another's."""
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
    axes[0][-1].axvline(best["step"], color="0.5", ls=":", lw=1, label=t("shipped checkpoint", "课程自带的检查点"))
    axes[0][0].set_ylabel("SI-SNRi (dB)")
    axes[0][-1].legend(fontsize=8)
    if len(stages) > 1:  # each stage scored its own validation mixtures (stage 1: 48, the GPU stage: 100)
        fig.suptitle(t("validation sets differ between stages: compare within a panel", "各阶段的验证集不同：只在同一面板内比较"))
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
    ax.set_xlabel(t("SI-SNRi (dB), higher is better\nbars: 95% interval over mixtures (too narrow where they share recordings)",
                    "SI-SNRi（dB），越高越好\n误差线：按混合算的 95% 区间（混合共用录音时偏窄）"), loc="right")
    ax.set_title(t(*TEST_SETS[test_set]) + t(f" (n = {items[0][1]['n']} mixtures)", f"（n = {items[0][1]['n']} 个混合）"))
    return fig


@figure("06_separation_pipeline")
def _figure_pipeline():
    model = load_pretrained("learned")
    m = real_mixtures(1)[0]  # the first real mixture of the fixed list, as in the notebook (no choosing the best one)
    with torch.no_grad():
        estimates, parts = model(m["mixture"][None], return_parts=True)
    _, perm = pit_si_snr(estimates, m["sources"][None])  # perm[0][i]: the source output i matches
    order = torch.argsort(perm[0])  # the output that matches source 0, source 1, ...
    return plot_pipeline(model, m["mixture"], m["sources"], parts["strength_map"][0], parts["masks"][0][order], estimates[0][order])


figure("06_learning_curve")(lambda: plot_learning_curve(training_log("learned")))
figure("06_results")(lambda: plot_results(shipped_results(), "real"))
