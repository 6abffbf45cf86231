"""Exercises of notebook ``03_relu``: undo the ReLU of a [U; -U] map, the map of -x, the bias, your own encoder."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..reference.document_encoder import Encoder
from . import Case, as_number, check_function, exercise, open_question

UNDO_CODE = '''
def undo_relu(m):
    N = m.shape[1] // 2          # rows 0..N-1: relu(s), the templates U; rows N..2N-1: relu(-s), the templates -U
    return m[:, :N] - m[:, N:]   # relu(s) - relu(-s) = s
'''
ENCODER_CODE = '''
class MyEncoder(nn.Module):
    def __init__(self, L: int, N: int):
        super(MyEncoder, self).__init__()
        self.L, self.N, self.U = L, N, nn.Parameter(torch.zeros(N, L))  # U: [N, L], one template per row

    def forward(self, mixture: torch.Tensor) -> torch.Tensor:
        frames = mixture[:, 0].unfold(-1, self.L, self.L // 2)  # [M, K, L]: slice, hop L // 2
        scores = frames @ self.U.T                              # [M, K, N]: every frame against every template
        return torch.relu(scores).transpose(1, 2)               # [M, N, K]: keep the positive scores
'''


def _undo_case(M, N, K):
    s = torch.randn(M, N, K, generator=torch.Generator().manual_seed(M))
    return Case(f"the map of M = {M}, 2N = {2 * N}, K = {K}", f"一张 M = {M}、2N = {2 * N}、K = {K} 的强度图",
                (torch.relu(torch.cat([s, -s], 1)),), s)


def _diagnose_undo(case, out):
    m = case.args[0]
    a, b = m.split(m.shape[1] // 2, dim=1)
    if out.shape[0] != m.shape[0] or out.shape[1] == m.shape[1]:
        return ("m is [M, 2N, K]: split the 2N rows (dim 1) into two halves", "m 是 [M, 2N, K]：把 2N 行（第 1 维）分成两半")
    for wrong, en, zh in (
        (a + b, "that is |s|, no signs: which combination keeps the sign?", "这是 |s|，没有符号：怎样组合才能保留符号？"),
        (a, "that is relu(s) alone: the negative scores are in the rows of -U", "这只是 relu(s)：负分在 -U 那几行里"),
        (m[:, 0::2] - m[:, 1::2], "rows are not interleaved: first the N rows of U, then those of -U (torch.cat)",
         "行不是交错排列的：先是 U 的 N 行，再是 -U 的 N 行（torch.cat）")):
        if out.shape == wrong.shape and torch.allclose(out.double(), wrong.double(), atol=1e-5):
            return (en, zh)


@exercise("03.1", "relu(s) - relu(-s) = s: for s > 0 the first half holds s and the second 0; for s < 0 the first 0 and the second -s.",
          "relu(s) - relu(-s) = s：s > 0 时前一半是 s、后一半是 0；s < 0 时前一半是 0、后一半是 -s。", code=UNDO_CODE)
def undo_relu(fn):
    return check_function(fn, [_undo_case(1, 4, 10), _undo_case(3, 5, 7), _undo_case(2, 1, 6)], _diagnose_undo)


@exercise("03.2", "0: E(-x) has the scores -s, so it is 0 wherever E(x) is above 0. The ear hears the same sound; the map keeps the sign.",
          "0：E(-x) 的分数是 -s，所以在 E(x) 大于 0 的地方它全是 0。耳朵听到的是同一个声音，强度图却记住了符号。")
def upside_down(answer):
    value = as_number(answer)
    if abs(value) < 1e-6:
        return None
    return ("Not a matter of chance or of how it sounds: E(-x) has the scores -s. Where s > 0, what is relu(-s)? Measure it.",
            "这既不靠运气，也不看听起来像不像：E(-x) 的分数是 -s。在 s > 0 的地方，relu(-s) 是多少？量一量。")


open_question(
    "03.3", "Silence gives max(b_n, 0) in every frame: a constant stripe in the rows with a positive bias, which the separator "
    "must learn to ignore. E(2x) = ReLU(2Ux + b) is no longer 2E(x): a louder sentence gives a differently shaped map, to be "
    "learnt at every level; without a bias only the map's size changes. (SI-SNR is another matter: it ignores the output's scale.)",
    "静音在每一帧都得到 max(b_n, 0)：偏置为正的那些行出现一条恒定的横条，分离器得学会忽略它。"
    "E(2x) = ReLU(2Ux + b) 不再等于 2E(x)：同一句话大声说，强度图的形状就变了，分离器得在每种音量下重新学；"
    "没有偏置时只有整体大小在变。（SI-SNR 是另一回事：它不在乎输出的尺度。）")


def _encoder_case(en, zh, M, L, N, T, seed, silent=False):
    g = torch.Generator().manual_seed(seed)
    U, x, reference = torch.randn(N, L, generator=g), torch.randn(M, 1, T, generator=g) * (not silent), Encoder(L, N, 1)
    with torch.no_grad():
        reference.conv1d_U.weight.copy_(U[:, None])
        return Case(f"{en}, M = {M}, L = {L}, N = {N}, T = {T}", f"{zh}（M = {M}、L = {L}、N = {N}、T = {T}）", (x, L, N, U), reference(x))


def _diagnose_encoder(case, out):
    x, L, N, U = case.args
    T, K, n = x.shape[-1], case.expected.shape[-1], out.shape[-1]
    if out.dim() == 4:
        return ("mixture is [M, 1, T]: drop the channel axis (mixture[:, 0]) first", "mixture 是 [M, 1, T]：先去掉通道轴（mixture[:, 0]）")
    if not x.any() and out.any():
        return ("silence must give an all-zero map: a bias added to the scores?", "静音应当得到全 0 的图：分数上加了偏置？")
    if (out < 0).any():
        return ("negative values: forgot the ReLU?", "有负数：忘了 ReLU？")
    if n == (T - L) // L + 1 != K:
        return ("too few frames: is your hop L? The frames overlap: hop L // 2", "帧太少：帧移是不是写成了 L？帧之间有重叠：帧移是 L // 2")
    if n == T - L + 1 != K:
        return ("too many frames: a hop of 1? The hop is L // 2", "帧太多：帧移是 1 吗？帧移是 L // 2")
    if L % 2 and n == (T - L) // (L // 2 + 1) + 1 != K:
        return ("for odd L the hop rounds down: L // 2", "L 为奇数时帧移向下取整：L // 2")
    flipped = torch.relu(F.conv1d(x, U.flip(-1)[:, None], stride=L // 2))
    if x.any() and out.shape == flipped.shape and torch.allclose(out.detach(), flipped, atol=1e-4):
        return ("your templates are flipped: the encoder scores frame @ u (cross-correlation), not a convolution",
                "你的模板被翻转了：编码器算的是 frame @ u（互相关），不是卷积")


@exercise("03.4", "Slice [M, 1, T] into frames [M, K, L] (hop L // 2), multiply by U.T to score every frame against every "
          "template, ReLU, then put the templates before the frames: [M, N, K].",
          "把 [M, 1, T] 切成帧 [M, K, L]（帧移 L // 2），乘以 U.T 给每一帧和每个模板打分，做 ReLU，再把模板轴放到帧轴前面：[M, N, K]。",
          code=ENCODER_CODE)
def my_encoder(cls):
    if not isinstance(cls, type):
        return ("pass the class itself (MyEncoder), not an instance or a function", "请传入类本身（MyEncoder），不要传实例或函数")
    U = getattr(cls(16, 8), "U", None)
    if not isinstance(U, torch.Tensor) or tuple(U.shape) != (8, 16):
        got = list(U.shape) if isinstance(U, torch.Tensor) else None
        return (f"MyEncoder(16, 8) needs self.U of shape [N, L] = [8, 16] (the checker copies the templates into it), got {got}",
                f"MyEncoder(16, 8) 需要形状为 [N, L] = [8, 16] 的 self.U（检查程序会把模板复制进去），现在是 {got}")

    def run(x, L, N, templates):
        model = cls(L, N)
        with torch.no_grad():
            model.U.copy_(templates)
        return model(x)

    cases = [_encoder_case("silence", "静音", 1, 8, 4, 48, 0, silent=True), _encoder_case("random input", "随机输入", 1, 16, 8, 100, 1),
             _encoder_case("odd L", "奇数 L", 1, 5, 6, 37, 2), _encoder_case("a batch", "一批音频", 3, 8, 4, 64, 3)]
    return check_function(run, cases, _diagnose_encoder)
