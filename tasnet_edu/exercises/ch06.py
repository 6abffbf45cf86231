"""Exercises of notebook 06_separation."""

from __future__ import annotations

from . import as_number as _number
from . import exercise


@exercise("06.1", "|s|^2 = |r|^2 and |e - s|^2 = |n|^2 = |r|^2, so SI-SNR = 10 log10(1) = 0 dB.",
          "|s|^2 = |r|^2，|e - s|^2 = |n|^2 = |r|^2，所以 SI-SNR = 10 log10(1) = 0 dB。")
def _equal_noise(answer):
    if abs(_number(answer)) < 0.05:
        return None
    return ("not quite: target and noise have the same energy; what is 10 log10(1)?",
            "还不对：目标和噪声能量相同，10 log10(1) 等于多少？")


@exercise("06.2", "0 dB: the estimate is the mixture, so SI-SNR(estimate) - SI-SNR(mixture) = 0.",
          "0 dB：估计就是混合语音本身，SI-SNR(估计) - SI-SNR(混合) = 0。")
def _identity(answer):
    if abs(_number(answer)) < 0.05:
        return None
    return ("not quite: SI-SNRi subtracts the score of the mixture itself", "还不对：SI-SNRi 减去的正是混合语音本身的分数")


def _expected_06_3() -> float:
    import torch

    from ..core.metrics import si_snr_improvement
    from ..core.model import load_pretrained
    from ..core.speakers import real_mixtures

    m = real_mixtures(2)[1]
    with torch.no_grad():
        est = load_pretrained("learned")(m["mixture"][None])
    return float(si_snr_improvement(est, m["sources"][None], m["mixture"][None])[0])


@exercise("06.3", "m = te.ch06.real_example(1); est = model(m['mixture'][None]); "
          "te.ch06.si_snr_improvement(est, m['sources'][None], m['mixture'][None]). The model's output order does not "
          "matter: the function scores both pairings and keeps the better (PIT).",
          "m = te.ch06.real_example(1)；est = model(m['mixture'][None])；"
          "te.ch06.si_snr_improvement(est, m['sources'][None], m['mixture'][None])。模型输出的顺序无关紧要："
          "函数会把两种配对都算一遍，取更好的那个（PIT）。")
def _one_mixture(answer):
    expected = _expected_06_3()
    value = _number(answer)
    if abs(value - expected) <= 0.051:
        return None
    if abs(value + expected) <= 0.051:
        return ("close, but the sign is wrong: SI-SNRi is the estimate's SI-SNR minus the mixture's",
                "接近了，但符号反了：SI-SNRi 是估计的 SI-SNR 减去混合语音的 SI-SNR")
    if abs(value - expected) <= 3:
        return ("not quite: did you use example 1 (not 0) and the separated output, with [None] for batches of one?",
                "还不对：是否用了第 1 个例子（不是第 0 个），并用 [None] 把每个张量变成大小为 1 的批？")
    return ("not quite: use te.ch06.si_snr_improvement(estimates, sources, mixture), each with [None] added",
            "还不对：用 te.ch06.si_snr_improvement(估计, 声源, 混合)，每个张量都加上 [None]")
