"""Exercises of ``05_learned_vs_stft``: build a peak-frequency meter (05.1) and a finder of u / -u partners (05.2), on
the checker's own kernels (random banks, odd L, sr = 16000, tones, 0 and 4000 Hz, [U; -U]); 05.3 is an open question."""

from __future__ import annotations

import torch

from ..core.fourier import peak_frequency
from . import Case, check_function, exercise, open_question

_randn = lambda seed, *shape: torch.randn(*shape, generator=torch.Generator().manual_seed(seed))
_tones = lambda hz, L=16: torch.hann_window(L) * torch.cos(2 * torch.pi * torch.tensor(hz)[:, None] * torch.arange(L) / 8000)
_peaks = lambda k, sr=8000: peak_frequency(k.reshape(-1, k.shape[-1]), sr).reshape(k.shape[:-1])  # for kernels [..., L]
_ALL = [("random kernels [64, 16], sr = 8000", "随机卷积核 [64, 16]（sr = 8000）", _randn(0, 64, 16), 8000),
        ("tones of 700, 1000, 2500 Hz", "纯音（700、1000、2500 Hz）", _tones([700.0, 1000.0, 2500.0]), 8000),
        ("a 0 Hz kernel (all 1) and a 4000 Hz one (+1, -1, ...)", "全为 1 的卷积核（0 Hz）和 +1、-1 交替的（4000 Hz）",
         torch.stack([torch.ones(16), (-1.0) ** torch.arange(16)]), 8000),
        ("odd L = 21 at sr = 16000", "奇数长度（L = 21，sr = 16000）", _randn(1, 10, 21), 16000),
        ("two banks at once [2, 8, 16]", "两组叠在一起的卷积核 [2, 8, 16]", _randn(2, 2, 8, 16), 8000)]


def _partners(k, normalise=True):  # the reference of 05.3; normalise=False: dot products instead of cosines
    best = ((u := k / k.norm(dim=-1, keepdim=True) if normalise else k) @ u.T).min(dim=-1)
    return torch.where(best.values < -0.9, best.indices, -1)


@exercise("05.1", "The response on a 512-point grid, its largest entry per kernel, the bin index turned into Hz.",
          "在 512 点网格上算响应，每个卷积核取最大值的位置，再把频点下标换算成 Hz。", code='''
def my_peak_frequency(kernels, sr):
    spectrum = torch.fft.rfft(kernels, n=512).abs()   # [..., 257]: 0 to sr / 2, sr / 512 apart
    return spectrum.argmax(dim=-1) * (sr / 512)
''')
def _check_peaks(fn):
    return check_function(fn, [Case(en, zh, (k, sr), _peaks(k, sr)) for en, zh, k, sr in _ALL], _diagnose_peaks)


def _diagnose_peaks(case, out):
    (k, sr), want = case.args, case.expected.double()
    if out.shape != want.shape:
        return ("argmax along the last axis (frequency): one peak per kernel.", "沿最后一个轴（频率轴）取 argmax：每个卷积核一个峰值。"
                ) if out.dim() < want.dim() or 257 in out.shape else None
    out, spec, coarse = out.double(), torch.fft.rfft(k, n=512), torch.fft.rfft(k).abs().argmax(dim=-1).double()
    if torch.equal(out, spec.abs().argmax(dim=-1).double()):
        return ("These are bin indices: how many Hz apart are the bins?", "这些是频点下标：相邻两个频点相隔多少 Hz？")
    if torch.allclose(out, coarse * sr / k.shape[-1]) or torch.allclose(out, coarse * sr / 512):
        return (f"Is the FFT zero-padded to 512 points? With only L = {k.shape[-1]} points the grid is sr / L apart.",
                f"FFT 补零到 512 点了吗？只有 L = {k.shape[-1]} 个点时，网格间隔是 sr / L。")
    if torch.allclose(out, spec.real.argmax(dim=-1).double() * sr / 512):
        return ("Take the magnitude of the spectrum (.abs()), not its real part.", "要取频谱的幅度（.abs()），而不是实部。")
    ratio = out[want > 0] / want[want > 0]
    if out.any() and torch.allclose(ratio, ratio[0]):
        return (f"Every peak is {ratio[0]:.3g} times the right one: is the grid spacing sr / n_fft, with the argument sr?",
                f"每个峰值都是正确值的 {ratio[0]:.3g} 倍：网格间隔是 sr / n_fft 吗？用的是参数 sr 吗？")


@exercise("05.2", "Unit-norm rows, all pairwise cosine similarities, the lowest per row, -1 where it is not below -0.9.",
          "每行缩放到范数 1，算两两的余弦相似度，每行取最小值，不低于 -0.9 的记为 -1。", code='''
def my_partners(kernels):
    unit = kernels / kernels.norm(dim=1, keepdim=True)
    lowest, partner = (unit @ unit.T).min(dim=1)
    return torch.where(lowest < -0.9, partner, torch.full_like(partner, -1))
''')
def _check_partners(fn):
    (a, b, c), (n1, n2, n3) = _randn(4, 3, 21), _randn(5, 3, 21)
    inputs = [("[U; -U] for 4 tones", "由 4 个纯音组成的 [U; -U]", torch.cat([(u := _tones([500.0, 1000.0, 2000.0, 3000.0])), -u])),
              ("partners of different norms", "范数不同的搭档", torch.stack([0.1 * a, 0.1 * b, 3 * c, -0.1 * a, -0.01 * b, -3 * n3])),
              ("random kernels [32, 16]", "随机卷积核 [32, 16]", _randn(3, 32, 16)),
              ("near-negatives with noise, L = 21", "加了噪声的近似相反数（L = 21）",
               torch.stack([a, b, c, -a + 0.2 * n1, -b + 0.8 * n2, -2 * a]))]
    return check_function(fn, [Case(en, zh, (k,), _partners(k)) for en, zh, k in inputs], _diagnose_partners)


def _diagnose_partners(case, out):
    k, want = case.args[0], case.expected
    if out.dtype == torch.bool:
        return ("Return one index per kernel (its partner, or -1), not a mask.", "每个卷积核返回一个下标（搭档的，或 -1），不是掩码。")
    if torch.equal(out, torch.arange(len(k))):
        return ("Each kernel found itself: a partner is the most opposite kernel, the lowest similarity.",
                "每个卷积核都找到了自己：搭档是最“相反”的那个，也就是相似度最低的。")
    if torch.equal(out, _partners(k, normalise=False)):
        return ("Cosine similarity, not dot products: scale each kernel to norm 1 first.",
                "要用余弦相似度而不是点积：先把每个卷积核缩放到范数 1。")
    if torch.equal(out[want >= 0], want[want >= 0]):
        return ("A kernel whose lowest similarity is not below -0.9 has no partner: -1.", "最低相似度不低于 -0.9 的核没有搭档：记为 -1。")


open_question(
    "05.3",
    "A frame of 16 samples is a vector in 16 dimensions, so a linear encoder with 16 linearly independent kernels already keeps all of "
    "it. The ReLU cuts every score below 0, so to keep both signs of a direction the encoder needs a kernel and its negative (chapter "
    "04's [U; -U]): twice as many kernels as dimensions. Several phases per band let the strength of a band be read from any frame, "
    "wherever the frame catches the oscillation. And the masks of chapter 06 only scale the encoder's outputs by numbers between 0 "
    "and 1; with many overlapping kernels, two speakers can load different kernels even where they share a band. The Conv-TasNet "
    "paper reports that more kernels (an 'overcomplete' encoder) separate better (Table II: N = 128, 256, 512).",
    "16 个采样点的帧是一个 16 维向量，一个线性编码器只要 16 个线性无关的卷积核就能完整保留它。ReLU 把所有小于 0 的分数都截掉，"
    "要保留一个方向的正负两种符号，就需要一个核和它的相反数（第 4 章的 [U; -U]）：卷积核的个数是维数的两倍。每个频带有几个相位，"
    "无论帧截到振荡的哪个位置，都能读出这个频带的强度。第 6 章的掩码只能把编码器的输出乘以 0 到 1 之间的数；卷积核多、彼此重叠，"
    "两个说话人即使在同一频带里，也可能落在不同的卷积核上。Conv-TasNet 论文报告：卷积核越多（“过完备”，overcomplete 的编码器），"
    "分离效果越好（表 II：N = 128、256、512）。",
)
