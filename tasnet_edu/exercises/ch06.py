"""Exercises of notebook 06_separation: build the decoder's overlap-add, a batched SI-SNR and the two-speaker PIT loss."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..core.metrics import pit_loss, si_snr
from . import Case, check_function, exercise, open_question

_g = torch.Generator()
_r = lambda *shape: torch.randn(*shape, generator=_g)
_zm = lambda x: x - x.mean(-1, keepdim=True)
_proj = lambda a, b: (a * b).sum(-1, keepdim=True) / b.pow(2).sum(-1, keepdim=True) * b  # a's projection on b
_db = lambda s, e: 10 * torch.log10(s.pow(2).sum(-1) / (e - s).pow(2).sum(-1))  # target s of the estimate e, in dB
_decode = lambda w, b, hop: F.conv_transpose1d(w, b[:, None], stride=hop)[:, 0]
_overwritten = lambda w, b: torch.cat([(f := w.transpose(1, 2) @ b)[:, :-1, : b.shape[1] // 2].flatten(1), f[:, -1]], 1)
_pairings = lambda e, r: ((si_snr(e[:, 0], r[:, 0]) + si_snr(e[:, 1], r[:, 1])) / 2,  # straight, swapped: [M] each
                          (si_snr(e[:, 0], r[:, 1]) + si_snr(e[:, 1], r[:, 0])) / 2)


def _check(fn, cases, reference, *mistakes):
    """``fn`` on the seeded ``cases()`` ``(en, zh, *args)``; a wrong output equal to a mistake's ``f(*args)`` gets its hint."""
    _g.manual_seed(6)  # the same cases on every call, so the same hints
    close = lambda out, v: out.shape == v.shape and torch.allclose(out.double(), v.double(), atol=1e-3)
    return check_function(fn, [Case(en, zh, args, reference(*args)) for en, zh, *args in cases()],
                          lambda case, out: next(((en, zh) for f, en, zh in mistakes if close(out, f(*case.args))), None))


@exercise("06.1", "Frame k = masked_maps[:, :, k] @ basis ([M, L]), added into the output from sample k * (L // 2) on.",
          "第 k 帧 = masked_maps[:, :, k] @ basis（[M, L]），加到输出中从第 k * (L // 2) 个采样点开始的位置。", code="""
def my_decoder(masked_maps, basis):
    (M, N, K), L = masked_maps.shape, basis.shape[1]
    out = torch.zeros(M, (K - 1) * (L // 2) + L)
    for k, frame in enumerate((masked_maps.transpose(1, 2) @ basis).unbind(1)):   # frame k: [M, L]
        out[:, k * (L // 2) : k * (L // 2) + L] += frame                         # overlap-add
    return out
""")
def _build_decoder(fn):
    return _check(fn, lambda: [(f"maps [{M}, {N}, {K}] with L = {L}", f" [{M}, {N}, {K}]、L = {L} 的强度图", _r(M, N, K).relu(), _r(N, L))
                               for M, N, K, L in [(2, 6, 9, 16), (1, 4, 7, 5), (3, 6, 1, 8)]], lambda w, b: _decode(w, b, b.shape[1] // 2),
                  (lambda w, b: _decode(w, b, b.shape[1]), "frames overlap: is your hop L // 2?", "帧是重叠的：帧移是 L // 2 吗？"),
                  (lambda w, b: _decode(w, b, (b.shape[1] + 1) // 2), "for odd L, L // 2 rounds down", "L 为奇数时，L // 2 向下取整"),
                  (_overwritten, "where frames overlap, add (+=), do not overwrite", "帧重叠的地方要相加（+=），不能覆盖"))


@exercise("06.2", "The notebook's lines with sums over the last axis (keepdim=True) in place of @.",
          "笔记本里的那几行，把 @ 换成沿最后一个维度的求和（keepdim=True）。", code="""
def my_si_snr(est, ref):
    est, ref = est - est.mean(-1, keepdim=True), ref - ref.mean(-1, keepdim=True)
    target = (est * ref).sum(-1, keepdim=True) / ref.pow(2).sum(-1, keepdim=True) * ref   # projection on ref
    return 10 * torch.log10(target.pow(2).sum(-1) / (est - target).pow(2).sum(-1))
""")
def _build_si_snr(fn):
    return _check(fn, lambda: [(en, zh, scale * (r + 0.5 * _r(*shape) + dc), r) for en, zh, shape, dc, scale in [
        ("two signals [1000]", "两个信号 [1000] ", (1000,), 0, 1), ("stereo pairs [3, 2, 500]", "立体声 [3, 2, 500] ", (3, 2, 500), 0, 1),
        ("an estimate with a DC offset", "带直流偏置的估计", (600,), 0.5, 1), ("a quiet estimate", "音量很小的估计", (600,), 0, 0.1)]
        for r in [_r(*shape)]], si_snr,
        (lambda e, r: _db(_proj(e, r), e), "did you subtract each signal's mean?", "每个信号都减去自己的均值了吗？"),
        (lambda e, r: _db(_proj(_zm(r), _zm(e)), _zm(e)), "project the estimate on the reference", "要把估计投影到参考信号上，不是反过来"),
        (lambda e, r: 2 * si_snr(e, r), "a ratio of energies takes 10 log10, not 20", "能量之比取 10 log10，不是 20 log10"),
        (lambda e, r: _db(_zm(r), _zm(e)), "the target is the projection, not s itself", "目标部分是投影，不是 s 本身"))


@exercise("06.3", "Both pairings' mean SI-SNR ([M] each), the better per mixture (torch.maximum), minus the batch mean.",
          "两种配对各自的平均 SI-SNR（各为 [M]），每个混合取较好的那个（torch.maximum），对整批取平均再取负。", code="""
def my_pit_loss(est, ref):
    straight = (te.si_snr(est[:, 0], ref[:, 0]) + te.si_snr(est[:, 1], ref[:, 1])) / 2
    swapped = (te.si_snr(est[:, 0], ref[:, 1]) + te.si_snr(est[:, 1], ref[:, 0])) / 2
    return -torch.maximum(straight, swapped).mean()
""")
def _build_pit_loss(fn):
    swapped = lambda r, swap: torch.where(torch.tensor(swap)[:, None, None] > 0, r.flip(1), r)  # outputs of some mixtures swapped
    return _check(fn, lambda: [(en, zh, swapped(r, swap) + 0.5 * _r(*r.shape), r) for en, zh, swap in [
        ("3 mixtures in order", "三个同序的混合", [0, 0, 0]), ("2 swapped mixtures", "两个输出对调的混合", [1, 1]),
        ("4 mixtures, 2 swapped", "四个混合（两个对调）", [0, 1, 0, 1])] for r in [_r(len(swap), 2, 600)]], pit_loss,
        (lambda e, r: -_pairings(e, r)[0].mean(), "score the swapped pairing too", "对调的配对也要算"),
        (lambda e, r: -torch.minimum(*_pairings(e, r)).mean(), "keep the better pairing (max)", "要取较好的配对（最大值）"),
        (lambda e, r: -pit_loss(e, r), "the loss is minus the SI-SNR", "损失是 SI-SNR 取负"),
        (lambda e, r: -torch.maximum(*(p.mean() for p in _pairings(e, r))), "choose per mixture, not per batch", "每个混合各选一次配对"))


open_question("06.4", "Real voices are irregular (pitch and loudness wobble: jitter, shimmer), carry a room and a microphone "
              "(reverberation, noise, a narrow radio band, a codec) and vary more in timbre. The augmentation row imitates the first "
              "two; the engines row adds voices built from recordings of real speakers (flite, festival).",
              "真人的声音不规则（音高和响度逐周期抖动：jitter、shimmer），带着房间和话筒的痕迹（混响、噪声、无线电窄带、编解码），"
              "音色也更丰富。“数据增强”一行模仿前两点；加入 flite 和 festival 的一行带来由真人录音做成的声音。")
