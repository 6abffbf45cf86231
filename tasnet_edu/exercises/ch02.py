"""Exercises of notebook ``02_template_matching``: build cos θ for every frame and template, then the scores of a waveform."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..core.matching import match_templates
from . import Case, check_function, exercise, open_question

_g = torch.Generator().manual_seed(2)
_r = lambda *shape: torch.randn(*shape, generator=_g)
_close = lambda out, ref: out.shape == ref.shape and torch.allclose(out.double(), ref.double(), atol=1e-4)
_cos = lambda frames, U: F.cosine_similarity(frames.unsqueeze(-3), U.unsqueeze(-2), dim=-1)
_conv = lambda x, U: F.conv1d(x if x.dim() == 3 else x[:, None], U if U.dim() == 3 else U[:, None], stride=U.shape[-1] // 2)
_cases = lambda ref, specs: [Case(en, zh, args, ref(*args)) for en, zh, args in specs]
COS = _cases(_cos, [("6 frames of L = 4, templates not of length 1", "一组 6 个 L = 4 的帧（模板长度不为 1）", (_r(6, 4), 3 * _r(3, 4))),
                    ("odd L = 5", "奇数 L = 5 的帧", (_r(7, 5), _r(2, 5))),
                    ("a batch [M, K, L] = [2, 6, 8]", "一批帧 [M, K, L] = [2, 6, 8]", (_r(2, 6, 8), _r(4, 8))),
                    ("a frame and the same frame 100 times louder", "一帧及其响 100 倍的版本",
                     (_r(1, 8) * torch.tensor([[1.0], [100.0]]), _r(2, 8))),
                    ("a silent frame (all zeros)", "一帧静音（全 0）", (torch.cat([_r(2, 4), torch.zeros(1, 4)]), _r(3, 4)))])
CONV = _cases(_conv, [("M = 2 waveforms of T = 40, L = 8", "一批 M = 2 段波形（T = 40、L = 8）", (_r(2, 40), _r(3, 8))),
                      ("odd L = 5 (hop 2)", "奇数 L = 5（帧移 2）的波形", (_r(1, 41), _r(4, 5))),
                      ("T = L = 16", "长度 T = L = 16 的波形", (_r(3, 16), _r(9, 16))),
                      ("T = 45, L = 8 (samples left over)", "长度 T = 45 的波形（L = 8，末尾有剩余）", (_r(2, 45), _r(3, 8))),
                      ("stereo x [2, 2, 40], U [3, 2, 8]", "立体声 x [2, 2, 40] 和模板 U [3, 2, 8]", (_r(2, 2, 40), _r(3, 2, 8)))])


def _cos_hint(case, out):
    if out.isnan().any():
        return ("A silent frame has norm 0 and 0 / 0 is NaN: give it cos θ = 0 (divide by norm.clamp(min=1e-8))",
                "静音帧的范数是 0，0 / 0 得 NaN：让它的 cos θ 为 0（除以 norm.clamp(min=1e-8)）")
    if _close(out, match_templates(*case.args)):
        return ("That is the score ‖x‖ ‖u‖ cos θ: divide it by both norms", "这是分数 ‖x‖ ‖u‖ cos θ：要除以两个范数")


def _conv_hint(case, out):
    (x, U), ref = case.args, case.expected
    if out.shape[:-1] == ref.shape[:-1] and out.shape[-1] != ref.shape[-1]:
        return ("Is your step L // 2? Frame k starts at sample k * (L // 2)", "步长是 L // 2 吗？第 k 帧从第 k * (L // 2) 个采样点开始")
    if x.dim() == 3 and (out.dim() == 4 or _close(out, _conv(x[:, :1], U[:, :1]))):
        return ("Add up the dot products of all channels (as Conv1d does)", "把所有声道的点积加起来（Conv1d 就是这样做的）")
    if _close(out, ref.relu()):
        return ("No ReLU here: the scores before it can be negative", "这里没有 ReLU：ReLU 之前的分数可以为负")
    if _close(out, _conv(x, U.flip(-1))):
        return ("Cross-correlation, not flipped convolution: don't flip u", "这是互相关，不是翻转的卷积：不要把 u 翻转")


@exercise("02.1", "cos θ = score / (‖x‖ ‖u‖): scale every frame and template to length 1 (clamp the norm: silence stays 0), "
          "then one matrix product; transpose the last two axes, not all of them.",
          "cos θ = 分数 / (‖x‖ ‖u‖)：把每一帧和每个模板都缩放到长度 1（范数设个下限，静音仍是 0），再做一次矩阵乘法；"
          "只对调最后两个轴，不是全部的轴。", code="""
def my_cosine(frames, U):
    unit = lambda rows: rows / rows.norm(dim=-1, keepdim=True).clamp(min=1e-8)  # every row of length 1 (zeros stay 0)
    return unit(U) @ unit(frames).transpose(-2, -1)  # [N, L] @ [..., L, K] = [..., N, K]
""")
def build_cosine(fn):
    return check_function(fn, COS, _cos_hint)


@exercise("02.2", "Slice with unfold(-1, L, L // 2), then one einsum that sums over channels and samples.",
          "用 unfold(-1, L, L // 2) 切帧，再用一个 einsum 对声道和采样点求和。", code="""
def my_conv_scores(x, U):
    if x.dim() == 2:  # mono [M, T]: one channel
        x, U = x[:, None], U[:, None]
    frames = x.unfold(-1, U.shape[-1], U.shape[-1] // 2)  # [M, C, K, L]
    return torch.einsum("mckl,ncl->mnk", frames, U)
""")
def build_conv_scores(fn):
    return check_function(fn, CONV, _conv_hint)


open_question("02.3", "700 Hz is not a DFT bin of a 16-sample frame (1.4 cycles), so its templates overlap the others (the DFT-bin cell "
              "printed how much): the 500 and 1000 Hz parts also score on the 700 Hz rows and the heat map smears. Finer frequency "
              "separation needs longer frames (larger L, finer grid fs/L), not more templates (L samples hold at most L orthogonal ones).",
              "700 Hz 不是 16 点帧的 DFT 频点（一帧 1.4 个周期），所以它的模板和其他模板有重叠（讲 DFT 频点的单元格打印了重叠多大）："
              "500 Hz 段和 1000 Hz 段也会在 700 Hz 的行上得分，热力图在相邻几行之间“糊”开了。要分辨更接近的频率，需要更长的帧"
              "（更大的 L，频点间隔 fs / L 更细），而不是更多的模板：L 个采样点最多只容得下 L 个两两正交的模板。")
