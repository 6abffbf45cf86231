"""Exercises of notebook ``04_strength_map``: a batch's strength map, the STFT's kernels, |STFT| from a [U; -U] map."""

import torch
import torch.nn.functional as F

from ..core.fourier import stft_kernels
from . import Case, check_function, exercise, open_question


def _cases(specs, make) -> list[Case]:  # one seeded case per (M, T, L, note_en, note_zh); make(x, L) -> (args, expected)
    cases = []
    for i, (M, T, L, en, zh) in enumerate(specs):
        x = torch.randn(M, T, generator=torch.Generator().manual_seed(i)) * (0 if "silence" in en else 1)
        cases.append(Case(f"{en}M = {M}, T = {T}, L = {L}", f"{zh}M = {M}、T = {T}、L = {L} ", *make(x, L)))
    return cases


def _first_match(out, mistakes):  # the hint (en, zh) of the first typical wrong answer (tensor, en, zh) that out equals
    same = (lambda wrong: out.shape == wrong.shape and torch.allclose(out.double(), wrong.double(), atol=1e-4, rtol=1e-4))
    return next(((en, zh) for wrong, en, zh in mistakes if same(wrong)), None)


def _scores(x, U, hop=None):  # x [M, T], U [N, L] -> template scores [M, N, K], hop L // 2, no ReLU
    return F.conv1d(x[:, None], U[:, None], stride=hop or U.shape[-1] // 2)


MAP_CODE = '''
def my_strength_map(x, U):
    L = U.shape[1]
    frames_of_each_clip = x.unfold(1, L, L // 2)                # [M, K, L]
    return torch.relu(U @ frames_of_each_clip.transpose(1, 2))  # [N, L] @ [M, L, K] -> [M, N, K]
'''

def _diagnose_map(case, out):
    (x, U), w, L = case.args, case.expected, case.args[1].shape[1]
    axes = ("the map is [M, N, K]: one [N, K] table per clip (templates on axis 1, frames on axis 2)",
            "强度图是 [M, N, K]：每条音频一张 [N, K] 表（模板在第 1 个轴，帧在第 2 个轴）")
    hop = (f"the hop is L // 2 = {L // 2} samples here (L = U.shape[1] = {L})", f"这里帧移是 L // 2 = {L // 2}（L = U.shape[1] = {L}）")
    return _first_match(out, [
        (w[0], *axes), (w.transpose(1, 2), *axes), (torch.relu(_scores(x, U, L)), *hop), (torch.relu(_scores(x, U, 8)), *hop),
        (_scores(x, U), "the map has negative entries: the ReLU comes after the matching", "强度图里有负数：匹配之后还要做 ReLU"),
        (torch.relu(_scores(x, U.flip(-1))), "template matching uses each template as it is (cross-correlation): do not flip it",
         "模板匹配直接用模板本身（互相关）：不要把模板翻转")])

@exercise("04.1", "Slice every clip along its last axis, score all frames against all templates, then the ReLU.",
          "沿最后一个轴给每条音频分帧，让每一帧和每个模板打分，再做 ReLU。", code=MAP_CODE)
def strength_map_of_a_batch(fn):
    def make(x, L):
        U = torch.randn(x.shape[0] + 3, L, generator=torch.Generator().manual_seed(L))
        return (x, U), torch.relu(_scores(x, U))
    specs = [(3, 200, 16, "", ""), (2, 101, 15, "odd L, ", "奇数 L、"), (1, 8, 8, "exactly one frame, ", "恰好一帧、"),
             (2, 64, 16, "silence, ", "静音、")]
    return check_function(fn, _cases(specs, make), _diagnose_map)


KERNELS_CODE = '''
def my_stft_kernels(L):
    angle = 2 * torch.pi * torch.arange(L // 2 + 1)[:, None] * torch.arange(L) / L  # bin k, sample n: 2 pi k n / L
    hann = torch.hann_window(L)                                                     # periodic, as torch.stft uses
    return torch.cat([hann * angle.cos(), -hann * angle.sin()]).unsqueeze(1)        # [2 (L // 2 + 1), 1, L]
'''

def _diagnose_kernels(case, out):
    L, want, B = case.args[0], case.expected, case.args[0] // 2 + 1
    hint = _first_match(out, [
        (want[:, 0], "conv1d's weight is [out_channels, in_channels, L]: add the middle axis",
         "conv1d 的权重是 [输出通道, 输入通道, L]：要加上中间的轴"),
        (stft_kernels(L, window=torch.hann_window(L, periodic=False)), "use the periodic Hann window torch.hann_window(L), as torch.stft",
         "用周期 Hann 窗 torch.hann_window(L)（periodic=True），和 torch.stft 一样"),
        (stft_kernels(L, window="boxcar"), "multiply every row by the Hann window", "每一行都要乘上 Hann 窗"),
        (torch.cat([want[:B], -want[B:]]), "the sine rows carry a minus sign (the -j of the DFT)", "正弦各行带负号（DFT 里的 -j）"),
        (torch.stack([want[:B], want[B:]], 1).reshape(want.shape), "all cosine rows first, then all sine rows", "先放余弦行，再放正弦行")])
    if hint is None and out.shape == want.shape and torch.allclose(out[0].double(), want[0].double(), atol=1e-4):  # row 0 right
        return ("row k must make k whole periods in L samples: angle 2·pi·k·n / L for sample n (k·sr/L Hz at time n/sr)",
                "第 k 行在 L 个采样点里要正好走 k 个周期：第 n 个采样点的角度是 2·pi·k·n / L（即 k·sr/L Hz、时刻 n/sr）")
    return hint

@exercise("04.2", "Windowed cosines of bins 0 .. L // 2, then the windowed sines with a minus sign, as [N, 1, L].",
          "频点 0 .. L // 2 的加窗余弦，再接上带负号的加窗正弦，形状 [N, 1, L]。", code=KERNELS_CODE)
def fourier_kernels(fn):
    cases = [Case(f"L = {L}" + " (odd)" * (L % 2), f"L = {L}" + ("（奇数）" if L % 2 else " "), (L,), stft_kernels(L))
             for L in (16, 15, 64)]
    return check_function(fn, cases, _diagnose_kernels)


PAIR_CODE = '''
def magnitude_from_pair(w):
    half = w.shape[1] // 2
    signed_scores = w[:, :half] - w[:, half:]  # relu(s) - relu(-s) = s; cosine rows first, then sine rows
    return torch.sqrt(signed_scores[:, : half // 2] ** 2 + signed_scores[:, half // 2 :] ** 2)
'''

def _diagnose_pair(case, out):
    w, B = case.args[0], case.expected.shape[1]
    s = w[:, : 2 * B] - w[:, 2 * B :]
    scores = (f"{out.shape[1]} rows are scores, not bins: undo the ReLU with the U and -U halves, then pair cosine row b with sine "
              f"row {B} + b", f"{out.shape[1]} 行是分数，不是频点：先用 U 和 -U 两半撤销 ReLU，再把余弦行 b 和正弦行 {B} + b 配成一对")
    return _first_match(out, [
        (w, *scores), (s, *scores), (case.expected**2, "that is |X|², the power: take the square root", "这是 |X|²，即功率：还要开平方根"),
        (torch.sqrt(w[:, :B] ** 2 + w[:, B : 2 * B] ** 2), "the ReLU set the negative scores to 0: take them back from the -U half",
         "ReLU 把负的分数置成了 0：要从 -U 那一半把它们找回来"),
        (s[:, :B].abs() + s[:, B:].abs(), "combine a pair as sqrt(re² + im²), not as a sum", "一对分数要合成 sqrt(re² + im²)，而不是相加")])

@exercise("04.3", "Signed scores = first half minus second half of the map; then sqrt(cos² + sin²) for each bin.",
          "带符号的分数 = 强度图前一半减后一半；再对每个频点算 sqrt(cos² + sin²)。", code=PAIR_CODE)
def magnitude_of_the_pair_map(fn):
    def make(x, L):
        U, h = stft_kernels(L)[:, 0], torch.hann_window(L)
        X = torch.stft(x, n_fft=L, hop_length=L // 2, window=h, center=False, return_complex=True)  # [M, L // 2 + 1, K]
        return (torch.relu(_scores(x, torch.cat([U, -U]))),), X.abs()
    specs = [(2, 300, 16, "", ""), (1, 200, 15, "odd L, ", "奇数 L、"), (1, 64, 16, "silence, ", "静音、")]
    return check_function(fn, _cases(specs, make), _diagnose_pair)


open_question(
    "04.4",
    "Each bin has a cosine and a sine score, 18 numbers, but the sine rows of 0 Hz and 4000 Hz are all zeros (a sine at 0 Hz is 0; "
    "at f_s/2 it is 0 at every sample). That leaves 9 + 7 = 16 real numbers for 16 samples: nothing is lost, the DFT is invertible. "
    "What the magnitude throws away is the phase: it keeps 9 numbers instead of 16.",
    "每个频点有一个余弦分数和一个正弦分数，共 18 个数，但 0 Hz 和 4000 Hz 的正弦行全是 0（0 Hz 的正弦恒为 0；"
    "f_s/2 的正弦在每个采样点上都是 0）。剩下 9 + 7 = 16 个实数，对应 16 个采样点：什么都没丢，DFT 是可逆的。"
    "真正丢掉信息的是幅度：它只留下 9 个数，相位丢了。",
)
