"""Exercises of notebook 06_separation."""

from __future__ import annotations

from . import as_number as _number
from . import exercise


@exercise("06.1", "<s^, s> = |s|^2 + <n, s> = |s|^2, so s_target = s and e = s^ - s_target = n. With |n| = |s|: "
          "SI-SNR = 10 log10(|s|^2 / |n|^2) = 10 log10(1) = 0 dB.",
          "<s^, s> = |s|^2 + <n, s> = |s|^2，所以 s_target = s，e = s^ - s_target = n。又因为 |n| = |s|："
          "SI-SNR = 10 log10(|s|^2 / |n|^2) = 10 log10(1) = 0 dB。")
def _equal_noise(answer):
    value = _number(answer)
    if abs(value) < 0.05:
        return None
    if abs(value - 1) < 0.05:
        return ("1 is the ratio |s_target|^2 / |e|^2; SI-SNR gives it in dB: 10 log10 of the ratio",
                "1 是比值 |s_target|^2 / |e|^2；SI-SNR 用 dB 表示：对这个比值取 10 log10")
    if abs(abs(value) - 3.01) < 0.1:
        return ("not quite: the target part is s itself (the noise is orthogonal to it), not the whole estimate s + n",
                "还不对：目标部分就是 s 本身（噪声与它正交），而不是整个估计 s + n")
    return ("not quite: project s^ = s + n onto s; which part is the target, which the noise, and how do their energies "
            "compare?", "还不对：把 s^ = s + n 投影到 s 上：哪部分是目标、哪部分是噪声？两者的能量相比如何？")


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


@exercise("06.3", "m = real_mixtures(2)[1]; est = model(m['mixture'][None]); "
          "si_snr_improvement(est, m['sources'][None], m['mixture'][None]). The model's output order does not "
          "matter: the function scores both pairings and keeps the better (PIT).",
          "m = real_mixtures(2)[1]；est = model(m['mixture'][None])；"
          "si_snr_improvement(est, m['sources'][None], m['mixture'][None])。模型输出的顺序无关紧要："
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
        return ("not quite: did you use real_mixtures(2)[1] (the second, not the first) and the separated output, "
                "with [None] for batches of one?",
                "还不对：是否用了 real_mixtures(2)[1]（第二个，不是第一个），并用 [None] 把每个张量变成大小为 1 的批？")
    return ("not quite: use si_snr_improvement(estimates, sources, mixture) from tasnet_edu.core.metrics, each with [None] added",
            "还不对：用 tasnet_edu.core.metrics 里的 si_snr_improvement(估计, 声源, 混合)，每个张量都加上 [None]")
