# Chapter 03: ReLU, keep the positive scores. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 03 ReLU: keep the positive scores

**After this chapter you can**

- apply the ReLU to a score map in one line of torch and measure how sparse the map becomes;
- explain what the ReLU throws away (the sign of `u` versus `-u`) and why a dictionary with both loses nothing;
- say what `bias=False` guarantees (silence gives 0, a louder input gives a proportionally larger map);
- tell where the plain ReLU encoder comes from, and why the final Conv-TasNet dropped it;
- write an encoder class of your own (slice, score, ReLU) that gives the same map as the document's `Encoder`.

**Prerequisites**: chapters 01 and 02. **Time**: about 80 min.

The encoder works in three steps: slice the waveform into frames (chapter 01), score every frame against N templates
(chapter 02), and then, in the document's words, **只保留正分**, keep only the positive scores:

```python
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

`F.relu` is the ReLU (rectified linear unit): $\mathrm{ReLU}(s) = \max(s, 0)$. A score below 0 becomes 0, a score above 0 stays
as it is. What is left is a map of *match strengths*, with no negative numbers in it.

In this chapter:

1. scores before and after the ReLU, on speech: how many become 0?
2. what `bias=False` buys: silence gives 0, and the map scales with the input;
3. what the ReLU throws away: a template `u` and its negative `-u`, and a sine shifted by half a period;
4. why TasNet wanted a nonnegative map (masks between 0 and 1 take a *part* of it), and why the final Conv-TasNet
   dropped the ReLU again.
""",
        zh=r"""
# 第 3 章　ReLU——只保留正分

**学完本章，你将能够**

- 用一行 torch 代码对分数图做 ReLU，并度量它变得多稀疏；
- 说清 ReLU 丢掉了什么（`u` 与 `-u` 的符号），以及字典里两者都有时为什么什么都不丢；
- 说出 `bias=False` 保证了什么（静音得到 0，输入放大几倍，强度图也放大几倍）；
- 说出单 ReLU 编码器的来历，以及最终的 Conv-TasNet 为什么又去掉了它；
- 自己写一个编码器类（切帧、打分、ReLU），得到和原文 `Encoder` 一样的强度图。

**先修知识**：第 1、2 章。**用时**：约 80 分钟。

编码器（encoder）分三步：把波形切成帧（第 1 章），拿 N 个模板给每一帧打分（第 2 章），然后就是原文说的
**只保留正分**：

```python
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

`F.relu` 就是 ReLU（rectified linear unit，线性整流函数）：$\mathrm{ReLU}(s) = \max(s, 0)$。分数小于 0 就变成 0，大于 0
就原样保留。剩下的是一张只有“匹配强度”的图，里面没有负数。

这一章回答四个问题：

1. 在语音上，ReLU 前后的分数是什么样？有多少变成了 0？
2. `bias=False` 带来了什么：静音得到 0，强度图随输入等比例缩放；
3. ReLU 丢掉了什么：模板 `u` 和它的相反数 `-u`，以及平移半个周期的正弦波；
4. TasNet 为什么想要非负的表示（取值在 0 到 1 之间的掩码能从中取出“一部分”），最终的 Conv-TasNet 又为什么把 ReLU 去掉了。
""",
    ),
    code("""
import torch
import torch.nn as nn
import torch.nn.functional as F
import tasnet_edu as te
from IPython.display import Audio
from tasnet_edu.core.audio import SECOND_CLIP, example_clip
from tasnet_edu.core.signals import random_templates, sine_frame, sine_template
te.start_chapter("03")
"""),
    md(
        en="""
## Scores before and after the ReLU

We take a sentence of speech (its silent start and end cut off) and an **untrained** encoder: 64 random templates of
L = 16 samples (Gaussian noise, each scaled to length 1 so that all templates have the same size). Before training, a
TasNet encoder's templates are random numbers too, though PyTorch's default initialisation does not give them length 1.
First the two steps of chapters 01 and 02, written out: slice into frames, then one dot product per frame and template.
The encoder's `Conv1d` must give the same scores:
""",
        zh="""
## ReLU 之前和之后的分数

取一句语音（去掉开头和结尾的静音），再取一个**未训练**的编码器：64 个随机模板，每个 L = 16 个采样点（高斯噪声，
每个都缩放到长度为 1，这样所有模板一样大）。训练开始之前，TasNet 编码器的模板也是一堆随机数，只不过 PyTorch
默认的初始化并不会让它们的长度恰好为 1。先把第 1、2 章的两步写出来：切帧，再让每一帧和每个模板做一次点积。
编码器里的 `Conv1d` 应当给出同样的分数：
""",
    ),
    code("""
x = example_clip()                     # en: "The quick brown fox ...", silent ends cut off // zh: 一句英语，去掉了首尾的静音
L, N = 16, 64
U = random_templates(N, L)             # en: [N, L]: 64 random templates of length 1 // zh: [N, L]：64 个长度为 1 的随机模板
frames = x.unfold(0, L, L // 2)        # en: [K, L]: slicing, chapter 01 // zh: [K, L]：切帧，第 1 章
s = U @ frames.T                       # en: [N, K]: the scores of chapter 02, before the ReLU // zh: [N, K]：第 2 章的分数，ReLU 之前
encoder = te.encoder_from_templates(U)  # en: Conv1d(1, N, L, stride=L // 2, bias=False), then ReLU // zh: Conv1d(1, N, L, stride=L // 2, bias=False)，再接 ReLU
assert torch.allclose(s, encoder.scores(x[None])[0], atol=1e-6)
print(list(U.shape), list(frames.shape), list(s.shape))
Audio(x.numpy(), rate=8000)
"""),
    md(
        en="""
Now the third step. The ReLU is one call, `torch.relu(s)`; the same thing can be written as a clamp at 0 or as "keep
`s` where `s > 0`, else 0". The encoder itself returns exactly this map. The printed ranges are `[smallest, largest]`
of the scores `s` and of the map `m`:
""",
        zh="""
接着是第三步。ReLU 就是一次调用 `torch.relu(s)`；同一件事也可以写成“在 0 处截断”（clamp），或者写成“`s > 0` 的地方保留 `s`，
其余为 0”。编码器本身返回的正是这张图。下面打印的是分数 `s` 和强度图 `m` 的取值范围 `[最小值, 最大值]`：
""",
    ),
    code("""
m = torch.relu(s)                                   # en: max(s, 0) for every score // zh: 对每个分数取 max(s, 0)
assert torch.equal(m, s.clamp(min=0))               # en: the same, as a clamp at 0 // zh: 同一件事：在 0 处截断
assert torch.equal(m, torch.where(s > 0, s, 0.0))   # en: the same: keep s where s > 0, else 0 // zh: 同一件事：s > 0 处保留 s，其余为 0
assert torch.allclose(m, encoder(x[None])[0], atol=1e-6)  # en: what the encoder returns: [1, N, K] // zh: 编码器返回的就是它：[1, N, K]
print(f"s: [{s.min():.2f}, {s.max():.2f}]   m: [{m.min():.2f}, {m.max():.2f}]")
"""),
    md(
        en="""
How many scores are positive, negative, exactly 0? And what share of the map is **exactly 0** after the ReLU? That
share is the map's **sparsity**. The zeros after the ReLU are exactly the scores that were ≤ 0:
""",
        zh="""
有多少分数是正的、负的、恰好为 0？ReLU 之后强度图里**恰好为 0** 的比例是多少？这个比例就是强度图的**稀疏性**（sparsity）。
ReLU 之后的 0，正好就是原来 ≤ 0 的那些分数：
""",
    ),
    code("""
positive = (s > 0).float().mean()
negative = (s < 0).float().mean()
zero = (s == 0).float().mean()
sparsity = (m == 0).float().mean()     # en: share of exact zeros after the ReLU // zh: ReLU 之后恰好为 0 的比例
assert torch.equal(m == 0, s <= 0)
print(f"s > 0: {positive:.2f}   s < 0: {negative:.2f}   s = 0: {zero:.4f}")
print(f"m = 0: {sparsity:.2f}")
fig = te.ch03.plot_score_histogram(s)
"""),
    md(
        en="""
Before the ReLU the scores are spread on both sides of 0, almost symmetrically: a random template matches a frame
"the right way round" about as often as "upside down". After the ReLU every negative score is **exactly 0**, and for
random templates on speech that is about **half** the map.

A few scores were exactly 0 even before the ReLU (the third number above). They are not spread at random: they come
from a few frames in which *every* sample is exactly 0, short stretches of digital silence inside the sentence. A
frame of zeros scores 0 against every template. Count those frames, and check that their samples are all 0:
""",
        zh="""
ReLU 之前，分数分布在 0 的两侧，几乎左右对称：一个随机模板和一帧“正着像”的次数，跟“反着像”的次数差不多。
ReLU 之后，所有负分都**恰好变成 0**；随机模板作用在语音上，这差不多是强度图的**一半**。

还有少数分数在 ReLU 之前就恰好是 0（上面的第三个数）。它们并不是随机散落的：它们来自少数几帧，帧里**每个**采样点都恰好为 0，
也就是句子中间几小段数字静音（digital silence）。全 0 的帧和任何模板的点积都是 0。数一数这样的帧，并验证它们的采样点全是 0：
""",
    ),
    code("""
silent = (s == 0).all(dim=0)            # en: [K]: frames in which all N scores are 0 // zh: [K]：N 个分数全为 0 的帧
assert (frames[silent] == 0).all()      # en: their samples are all exactly 0 // zh: 这些帧的采样点全都恰好为 0
assert torch.equal(s == 0, silent.expand(N, -1))  # en: and no other score is exactly 0 // zh: 除此之外没有恰好为 0 的分数
print(int(silent.sum()), "/", s.shape[1])
"""),
    md(
        en="""
So only a handful of frames are digital silence; in the rest of the pauses the samples are small but not exactly 0,
and those frames get small scores of both signs, as a real recording with some background noise would.

## No bias: silence gives 0, a louder input a proportionally larger map

The document's table says `bias=False` (偏置=0). The encoder is then $E(x) = \\mathrm{ReLU}(U x)$ with no constant
added, and two things follow for every input $x$ and every $a > 0$:

$$E(0) = 0, \\qquad E(a\\,x) = \\mathrm{ReLU}(a\\,Ux) = a\\,\\mathrm{ReLU}(Ux) = a\\,E(x).$$

Silence gives an all-zero map, and scaling the input scales the map: the encoder is *positively homogeneous*. The
ReLU keeps this, since $\\max(a s, 0) = a \\max(s, 0)$ for $a > 0$. With a bias $b_n$ per template the map of
silence is $\\max(b_n, 0)$ in every frame: not 0 in the rows whose bias is positive. And scaling no longer passes
through, because $\\mathrm{ReLU}(a\\,Ux + b) \\neq a\\,\\mathrm{ReLU}(Ux + b)$.

*Predict, then run*: what is the largest entry of the map of one second of silence, with and without a bias?
""",
        zh="""
所以数字静音只有寥寥几帧；停顿里的其他地方采样值很小，但不恰好是 0，这些帧得到的是很小的正分和负分，
和带底噪的真实录音一样。

## 没有偏置：静音得 0，输入放大几倍，强度图也放大几倍

原文的参数表写着 `bias=False`（偏置=0）。于是编码器就是 $E(x) = \\mathrm{ReLU}(U x)$，没有加任何常数。对任何输入 $x$
和任何 $a > 0$，都有两条性质：

$$E(0) = 0, \\qquad E(a\\,x) = \\mathrm{ReLU}(a\\,Ux) = a\\,\\mathrm{ReLU}(Ux) = a\\,E(x).$$

静音得到全 0 的强度图；输入放大几倍，强度图也放大几倍，也就是说编码器是**正齐次**的（positively homogeneous）。
ReLU 不会破坏这一点，因为 $a > 0$ 时 $\\max(a s, 0) = a \\max(s, 0)$。如果每个模板有一个偏置 $b_n$，静音的强度图在每一帧都是
$\\max(b_n, 0)$：偏置为正的那些行不再是 0。缩放关系也不再成立，因为 $\\mathrm{ReLU}(a\\,Ux + b) \\neq a\\,\\mathrm{ReLU}(Ux + b)$。

**先预测，再运行**：一秒钟静音的强度图里，最大的数是多少（没有偏置时，和有偏置时）？
""",
    ),
    code("""
E = lambda signal: encoder(signal[None])[0]   # en: the bias-free encoder: [T] -> [N, K] // zh: 没有偏置的编码器：[T] -> [N, K]
b = 0.1 * torch.randn(N, generator=torch.Generator().manual_seed(0))  # en: one bias per template // zh: 每个模板一个偏置
E_b = lambda signal: torch.relu(F.conv1d(signal[None, None], U[:, None], bias=b, stride=L // 2))[0]  # en: the same templates, bias=True // zh: 同样的模板，bias=True
silence = torch.zeros(8000)                   # en: one second of digital silence // zh: 一秒钟的数字静音
assert torch.equal(E_b(silence)[:, 0], b.clamp(min=0))  # en: every frame of silence gives max(b, 0) // zh: 静音的每一帧都得到 max(b, 0)
print(f"E(0): {E(silence).max():.2f}   E_b(0): {E_b(silence).max():.2f}")
"""),
    md(
        en="""
Now the scaling. With `a = 3` the input is three times louder; for the bias-free encoder `E(ax) - a E(x)` is 0 up to
float rounding, for the biased one it is not (the printed numbers are the largest differences):
""",
        zh="""
再看缩放。取 `a = 3`，输入响三倍；对没有偏置的编码器，`E(ax) - a E(x)` 除了浮点舍入误差之外就是 0，
对有偏置的编码器则不然（打印的是最大的差值）：
""",
    ),
    code("""
a = 3.0
assert torch.allclose(E(a * x), a * E(x), atol=1e-5)
print(f"E:   {(E(a * x) - a * E(x)).abs().max():.4f}")
print(f"E_b: {(E_b(a * x) - a * E_b(x)).abs().max():.2f}")
"""),
    md(
        en="""
So without a bias the *pattern* of the map does not depend on how loud the recording is; only its size does. Keep
this apart from a different property you will meet in chapter 06: the SI-SNR, the measure TasNet is trained with,
ignores the scale of the separator's *output*, whatever the encoder is. Homogeneity is about the encoder's *input*.
Neither property needs the other. With a bias-free encoder, a normalised separator and a bias-free decoder, the whole
system scales its output with its input, which makes it robust to the input level; and a biased encoder trained with
SI-SNR would still work.

## What the ReLU throws away: `u` and `-u`

Take a template `u` and its negative `-u` (every sample with the sign flipped). The dot product is linear, so their
scores on any frame are opposite: `s` and `-s`. After the ReLU **only one of them survives**, the other one is 0.
Here `u` is a 250 Hz sine of L = 32 samples (one period) and the frame is the same sine, shifted by half a period:
""",
        zh="""
所以没有偏置时，强度图的**形状**与录音的音量无关，只有整体大小随音量变化。不要把它和第 6 章的另一个性质混为一谈：
训练 TasNet 用的 SI-SNR 不在乎分离器**输出**的尺度，无论编码器是什么样的；而正齐次说的是编码器的**输入**。
这两个性质互不依赖。编码器没有偏置、分离器做了归一化、解码器也没有偏置时，整个系统的输出随输入等比例缩放，
对输入音量就很稳健；而换成有偏置的编码器，用 SI-SNR 照样可以训练。

## ReLU 丢掉了什么：`u` 和 `-u`

取一个模板 `u` 和它的相反数 `-u`（每个采样点都变号）。点积是线性的，所以它们在任何一帧上的分数都互为相反数：`s` 和 `-s`。
ReLU 之后**只有其中一个留下来**，另一个变成 0。这里 `u` 是 L = 32 个采样点（正好一个周期）的 250 Hz 正弦波，
帧是同一个正弦波、平移了半个周期：
""",
    ),
    code("""
u = sine_template(250, L=32)                  # en: a 250 Hz sine of length 1 // zh: 长度为 1 的 250 Hz 正弦波
frame = sine_frame(250, L=32, shift=0.5)     # en: the same sine, half a period later // zh: 同一个正弦波，晚半个周期
assert torch.allclose(frame, -sine_frame(250, L=32, shift=0.0), atol=1e-6)  # en: = upside down // zh: = 上下翻转
s_u, s_minus_u = frame @ u, frame @ -u
print(f"s(u) = {s_u:+.2f} -> {torch.relu(s_u):.2f}     s(-u) = {s_minus_u:+.2f} -> {torch.relu(s_minus_u):.2f}")
"""),
    md(
        en="""
A sine shifted by **half a period** is the same sine upside down, so its score flips sign. Move the slider: at shift 0
the template `u` matches (positive score, kept); at shift 0.5 only `-u` does. At 0.25 (a quarter period) the sine and
the template are 90° apart and both scores are 0. A single template therefore cannot tell "this sine, upside down"
from "nothing here": the **sign (phase) is lost** after the ReLU, unless the dictionary also holds `-u`.
""",
        zh="""
平移**半个周期**的正弦波就是把原来的正弦波上下翻过来，所以分数变号。拖动滑块：平移 0 时模板 `u` 匹配（正分，保留）；
平移 0.5 时只有 `-u` 匹配。平移 0.25（四分之一周期）时正弦波和模板相差 90°，两个分数都是 0。
所以单独一个模板经过 ReLU 后分不清“这个正弦波倒过来了”和“这里什么都没有”：**符号（相位，phase）丢了**，
除非字典里同时还有 `-u`。
""",
    ),
    code("""
te.ch03.shift_widget()
""", tags=["nbval-ignore-output"]),
    code("""
# en: what the slider shows, as numbers: shift, then s(u) -> relu, s(-u) -> relu // zh: 滑块显示的内容，用数字表示：平移量，然后 s(u) -> relu，s(-u) -> relu
for shift in (0.0, 0.25, 0.5):
    s_u = (sine_frame(250, L=32, shift=shift) @ u).item()
    print(f"{shift:.2f}:  {s_u:+z.2f} -> {max(s_u, 0):z.2f}    {-s_u:+z.2f} -> {max(-s_u, 0):z.2f}")  # en: z: -0.00 prints as 0.00 // zh: z：把 -0.00 打印成 0.00
"""),
    md(
        en="""
The same thing along a whole sine. An encoder with the two templates `[u, -u]` slides over a 250 Hz sine; with L = 32
the hop is 16 samples, exactly half a period, so every frame is the previous one upside down. The raw scores flip sign
from frame to frame; after the ReLU, `u` lights up in every other frame and `-u` in the frames between (in the two printed
lists, 1 marks an entry of the map above 0). Together they lose nothing: $\\mathrm{ReLU}(s) - \\mathrm{ReLU}(-s) = s$
(the black dots).
""",
        zh="""
沿着一整段正弦波看同一件事。一个只有两个模板 `[u, -u]` 的编码器在 250 Hz 正弦波上滑动；L = 32 时帧移是 16 个采样点，
正好半个周期，所以每一帧都是上一帧倒过来。原始分数逐帧变号；ReLU 之后，`u` 隔一帧亮一次，`-u` 在中间那些帧亮
（打印出的两个列表里，1 表示强度图在那里大于 0）。两者合起来什么都没丢：$\\mathrm{ReLU}(s) - \\mathrm{ReLU}(-s) = s$（黑点）。
""",
    ),
    code("""
pair = te.encoder_from_templates(torch.stack([u, -u]))  # en: an encoder with two templates, u and -u // zh: 只有 u 和 -u 两个模板的编码器
sine = sine_frame(250, L=13 * 16)        # en: 13 hops of the sine: K = 12 frames of L = 32 // zh: 13 个帧移长的正弦波：K = 12 帧，每帧 L = 32
s_pair = pair.scores(sine[None])[0]      # en: [2, K]: the scores of u and of -u // zh: [2, K]：u 和 -u 的分数
m_pair = torch.relu(s_pair)
assert torch.allclose(s_pair[1], -s_pair[0], atol=1e-6)
assert torch.allclose(m_pair[0] - m_pair[1], s_pair[0], atol=1e-6)  # en: relu(s) - relu(-s) = s // zh: relu(s) - relu(-s) = s
print((m_pair > 0).int().tolist())
fig = te.ch03.plot_sign_pair(s_pair)
"""),
    md(
        en=r"""
The identity $\mathrm{ReLU}(s) - \mathrm{ReLU}(-s) = s$ holds for every number $s$ (one of the two terms is always 0).
So a dictionary that holds every template twice, $[U; -U]$ with $2N$ templates, keeps all the information of the
signed scores: the first half of its map minus the second half gives them back. Check it on the speech scores `s`
from above:
""",
        zh=r"""
恒等式 $\mathrm{ReLU}(s) - \mathrm{ReLU}(-s) = s$ 对任何数 $s$ 都成立（两项里总有一项是 0）。
所以一个把每个模板都放两份的字典 $[U; -U]$（共 $2N$ 个模板）保留了带符号分数的全部信息：它的强度图前一半减去后一半，
就得到原来的分数。用上面语音的分数 `s` 验证一下：
""",
    ),
    code("""
assert torch.equal(torch.relu(s) - torch.relu(-s), s)   # en: for every score of the speech map // zh: 对语音的每一个分数都成立
both = te.encoder_from_templates(torch.cat([U, -U]))     # en: [U; -U]: 2N = 128 templates // zh: [U; -U]：2N = 128 个模板
m_both = both(x[None])[0]                                # en: [2N, K], no negative entry // zh: [2N, K]，没有负数
assert torch.allclose(m_both[:N] - m_both[N:], s, atol=1e-6)  # en: the signed scores come back // zh: 带符号的分数回来了
print(list(m_both.shape), f"{(m_both == 0).float().mean():.2f}")
"""),
    md(
        en="""
The price is twice as many templates, half of whose entries are 0 at any moment (the number printed above).

This is one reason why trained encoders learn **several templates at one frequency, in different phases** (chapter
05). It is not the only one. Even a linear encoder, which keeps every sign, is helped by several phases: strictly it
needs only L linearly independent templates to keep all the information, but with several phases the energy in a
band can be read off at any phase of the sound, which is what masks that act entry by entry need. With a ReLU, the
sign needs a partner template as well. The STFT, which has no ReLU, keeps the sign of its cosine and sine scores.
""",
        zh="""
代价是模板数翻了一倍，而且任何时刻都有一半的元素是 0（上面打印的数）。

这是训练后的编码器会在**同一个频率上学出好几个相位不同的模板**（第 5 章）的原因之一，但不是唯一的原因。
即使是保留全部符号的线性编码器，多几个相位也有好处：严格说来，它只需要 L 个线性无关的模板就能保留全部信息；
但有了多个相位，无论声音处在什么相位，都能读出一个频带里的能量，而逐元素作用的掩码需要的正是这个。
有了 ReLU，符号也得靠一个“搭档”模板才能保住。STFT 没有 ReLU，余弦和正弦分数的正负号都保留着。
""",
    ),
    md(
        en=r"""
## Why TasNet wanted nonnegative weights

The document's docstring says it: *"Estimation of the nonnegative mixture weight"*. The idea comes from the original
**TasNet** (Luo & Mesgarani, ICASSP 2018), whose encoder output is nonnegative. Its encoder is not a plain ReLU,
though: it normalises each frame to unit length and uses a **gated** convolution,
$w = \mathrm{ReLU}(x \circledast U) \odot \sigma(x \circledast V)$, where $x \circledast U$ stands for the scores of
every frame with every template (the sliding dot products of chapter 02, no flip, hop L/2) and $\sigma$ is the
sigmoid: a ReLU times a sigmoid, with two sets of templates. The one-line `F.relu(conv1d_U(mixture))` of the document
comes from Kaituo Xu's PyTorch reimplementation of Conv-TasNet, copied into Demucs v2 (links at the end). In TasNet
the separator then estimates one **mask** per speaker, with values between 0 and 1, and multiplies it with the
mixture's map: $d_i = m_i \odot w$ ($\odot$: entry by entry). A decoder turns each $d_i$ back into a waveform.

With a nonnegative map this reads like cutting a cake: each entry is an amount of "template n at time k", and the
mask says what fraction of it belongs to speaker i. If the masks of the speakers add up to 1, the parts add up to
the whole map. It is the same idea as masks on a magnitude spectrogram, where the mixture's magnitudes are split
(approximately) into nonnegative parts, one per source; non-negative matrix factorisation (NMF) builds on the same
picture. Here is the document's own table, split between two speakers, with the masks computed entry by entry:
""",
        zh=r"""
## TasNet 为什么想要非负权重

原文代码的文档字符串（docstring）已经说了：*“Estimation of the nonnegative mixture weight”*（估计非负的混合权重）。
这个想法来自最初的 **TasNet**（Luo & Mesgarani，ICASSP 2018），它的编码器输出是非负的。不过那里的编码器并不是单个 ReLU：
它先把每一帧归一化为单位长度，再用**门控**卷积 $w = \mathrm{ReLU}(x \circledast U) \odot \sigma(x \circledast V)$。
其中 $x \circledast U$ 表示每一帧和每个模板的分数（即第 2 章的滑动点积，不翻转，帧移 L/2），$\sigma$ 是 sigmoid 函数：
ReLU 乘以 sigmoid，用到两组模板。原文里那一行 `F.relu(conv1d_U(mixture))` 出自 Kaituo Xu 的 Conv-TasNet PyTorch 复现，
后来被 Demucs v2 沿用（链接见本章末尾）。在 TasNet 里，分离器（separator）接着为每个说话人估计一个**掩码**（mask），
取值在 0 到 1 之间，再和混合语音的强度图逐元素相乘：$d_i = m_i \odot w$（$\odot$：逐元素相乘）。
最后由解码器（decoder）把每个 $d_i$ 变回波形。

强度图非负时，这就像切蛋糕：每个元素是“模板 n 在时刻 k”的一份量，掩码说明其中多大比例属于说话人 i。
如果各说话人的掩码加起来等于 1，各部分加起来就正好是整张图。这和在幅度谱（magnitude spectrogram）上做掩码是同一个思路：
混合语音的幅度被（近似地）分成几个非负的部分，每个说话人一份；非负矩阵分解（NMF，non-negative matrix factorisation）
也建立在这幅图景上。下面就把原文里的那张表分给两个说话人，逐元素算出掩码：
""",
    ),
    code("""
W = torch.tensor([[2., 5, 1, 0, 3], [0, 1, 4, 6, 2], [3, 0, 2, 1, 0]])    # en: the document's map: 3 templates x 5 frames // zh: 原文的强度图：3 个模板 × 5 帧
W1 = torch.tensor([[2., 5, 1, 0, 2], [0, 0, 3, 3, 1], [1, 0, 0, 0, 0]])   # en: the part of speaker 1 (our example) // zh: 说话人 1 的那一份（我们举的例子）
W2 = W - W1                                                              # en: the rest is speaker 2's // zh: 剩下的属于说话人 2
mask1 = torch.where(W > 0, W1 / W, 0.5)   # en: 0.5 where W is 0: nothing to share there // zh: W 为 0 处取 0.5：那里没有东西可分
mask2 = 1 - mask1
assert ((mask1 >= 0) & (mask1 <= 1)).all()
assert torch.equal(mask1 * W, W1) and torch.allclose(mask2 * W, W2)
fig = te.ch03.plot_toy_masks(W, mask1)
"""),
    md(
        en="""
(Where the mixture's entry is 0 there is nothing to share, and any mask gives 0; we write 0.50 there.)

Does this intuition hold for speech? Mix our sentence with a second speaker, a Mandarin sentence in another synthetic male voice,
at equal level, and put both speakers through the random encoder. The convolution is linear, so the mixture's
*scores* are exactly the sum of the speakers' scores, $S = S_1 + S_2$; but the ReLU comes after the sum. Where one
speaker scores +3 and the other −2, the mixture scores +1: $W_1 + W_2 = 3$, but $W = 1$. The first number printed
below is the relative gap $|W - (W_1 + W_2)| / |W|$ over the whole map, the second the share of entries where the two
speakers' scores have opposite signs:
""",
        zh="""
（混合图里为 0 的地方没有东西可分，掩码取什么值结果都是 0；这里写成 0.50。）

这个直觉放到语音上还成立吗？把我们的句子和第二个说话人（一句普通话，也是合成的男声）以相同电平混合，再把两个说话人都送进那个随机编码器。
卷积是线性的，所以混合语音的**分数**恰好等于两个说话人分数之和：$S = S_1 + S_2$；但 ReLU 是在求和**之后**才做的。
如果一个说话人得 +3 分、另一个得 −2 分，混合语音得 +1 分：$W_1 + W_2 = 3$，而 $W = 1$，对不上。下面打印的第一个数是整张图上的
相对差距 $|W - (W_1 + W_2)| / |W|$，第二个数是两个说话人分数符号相反的位置所占的比例：
""",
    ),
    code("""
mixture, sources = te.mix(x, example_clip(SECOND_CLIP), level_db=0.0)   # en: equal level; sources are [2, T] // zh: 相同电平；sources 是 [2, T]
S1, S2 = encoder.scores(sources)          # en: [N, K] each: the two speakers' scores // zh: 各是 [N, K]：两个说话人的分数
S = S1 + S2                               # en: the mixture's scores: the conv is linear // zh: 混合语音的分数：卷积是线性的
assert torch.allclose(S, encoder.scores(mixture[None])[0], atol=1e-5)
W1, W2, W = torch.relu(S1), torch.relu(S2), torch.relu(S)
gap = (W - (W1 + W2)).norm() / W.norm()
opposite = (S1 * S2 < 0).float().mean()
print(f"{gap:.2f}   {opposite:.2f}")
Audio(mixture.numpy(), rate=8000)
"""),
    md(
        en="""
In about half of the entries the speakers' scores have opposite signs, so the two ReLU maps do not add up to the
mixture's. Now the question a separator faces: give each entry the best mask between 0 and 1, and see how close
mask × mixture comes to speaker 1. We know speaker 1's own map, so the best mask in each entry is the ratio of the two
maps, clipped to [0, 1]. We measure the error relative to the size of speaker 1's map, once on the ReLU maps ($W$) and
once on the signed scores ($S$, an encoder without ReLU):
""",
        zh="""
大约一半的位置上，两个说话人的分数符号相反，所以两张 ReLU 图加起来不等于混合语音的图。再来看分离器面对的问题：
给每个位置配一个 0 到 1 之间最好的掩码，看看“掩码 × 混合语音”离说话人 1 有多近。说话人 1 自己的图我们是知道的，
所以每个位置上最好的掩码就是两张图的比值，再截到 [0, 1] 之间。误差按说话人 1 的图本身的大小来衡量，
在 ReLU 图（$W$）上算一次，在带符号的分数（$S$，相当于没有 ReLU 的编码器）上也算一次：
""",
    ),
    code("""
def best_mask_error(target, mix):
    mask = torch.where(mix != 0, target / mix, 0.0).clamp(0, 1)   # en: the best mask in [0, 1], entry by entry // zh: 逐元素取 [0, 1] 之间最好的掩码
    return (mask * mix - target).norm() / target.norm()


print(f"W: {best_mask_error(W1, W):.2f}   S: {best_mask_error(S1, S):.2f}")
"""),
    md(
        en="""
Even the best possible mask misses about a quarter of speaker 1, and it misses as much on the ReLU map as on the
signed scores (both print 0.24). So the nonnegative map is an *intuition* that guided TasNet's design, not a guarantee. (This is a random
encoder; a trained one would change the numbers, which chapter 06's model could check.) The next section shows what
the experiments said.
""",
        zh="""
即使是最好的掩码，也还差说话人 1 的大约四分之一，而且在 ReLU 图上和在带符号的分数上差得一样多（打印出来都是 0.24）。所以“非负的图”是指导 TasNet
设计的一种**直觉**，不是保证。（这里用的是随机编码器；换成训练好的编码器，数字会变，可以用第 6 章的模型来检验。）
下一节看看实验是怎么说的。
""",
    ),
    md(
        en="""
## Conv-TasNet dropped the ReLU

The follow-up paper, **Conv-TasNet** (Luo & Mesgarani, IEEE/ACM TASLP 27(8), 2019, arXiv:1809.07454), compared
encoders and masks in its Table III. Four terms first:

- **WSJ0-2mix**: the standard test of two-speaker separation, mixtures of read English sentences from the Wall Street
  Journal corpus (WSJ0), at 8 kHz.
- **SI-SNRi**: how much the scale-invariant signal-to-noise ratio improves from the mixture to the separated output,
  in dB; higher is better (chapter 06 computes it).
- **sigmoid** and **softmax** masks: a sigmoid gives each speaker's mask a value in [0, 1] on its own; a softmax makes
  the speakers' masks add up to 1 in every entry, as in the cake above.
- **pseudo-inverse**: not a kind of encoder but a kind of decoder. The encoder is linear, and instead of learning the
  decoder the network uses the pseudo-inverse of the encoder's templates.

The numbers below are quoted from that table. They come from a separate experiment, not from the final model, which
is why they are below the final model's 15.3 dB:

| encoder | mask | SI-SNRi (dB) |
| --- | --- | --- |
| pseudo-inverse | softmax | 12.1 |
| linear | softmax | 12.9 |
| **linear** | **sigmoid** | **13.1** (chosen) |
| ReLU | softmax | 13.0 |
| ReLU | sigmoid | 12.9 |

The four rows with a learned decoder lie within 0.2 dB of each other, single runs without error bars; only the row
whose decoder is the encoder's pseudo-inverse is clearly lower. The best single entry is linear + sigmoid, and that is what the final
Conv-TasNet uses: a **linear** encoder, no ReLU. The network is trained end to end, so the decoder only has to turn
masked maps into good waveforms, and the map does not need to be a sum of nonnegative parts. The document's class
keeps a ReLU, as does Kaituo Xu's reimplementation it comes from; for learning what an encoder does, that is a fine
choice.
""",
        zh="""
## Conv-TasNet 去掉了 ReLU

后续论文 **Conv-TasNet**（Luo & Mesgarani，IEEE/ACM TASLP 27(8)，2019，arXiv:1809.07454）在表 III 里比较了不同的编码器和掩码。
先解释四个术语：

- **WSJ0-2mix**：双说话人分离的标准测试集，由《华尔街日报》朗读语料（WSJ0）里的英语句子两两混合而成，采样率 8 kHz。
- **SI-SNRi**：从混合语音到分离结果，尺度不变信噪比（SI-SNR）提高了多少，单位 dB，越高越好（第 6 章会算它）。
- **sigmoid** 掩码和 **softmax** 掩码：sigmoid 让每个说话人的掩码各自取 [0, 1] 之间的值；softmax 让各说话人的掩码在每个位置上加起来等于 1，
  就像上面切蛋糕那样。
- **伪逆**（pseudo-inverse）：它不是一种编码器，而是一种解码器。编码器是线性的，解码器不靠学习，而是直接用编码器模板的伪逆。

下表的数字引自该表。它们来自一组单独的实验，不是最终模型的成绩，所以都低于最终模型的 15.3 dB：

| 编码器 | 掩码 | SI-SNRi (dB) |
| --- | --- | --- |
| pseudo-inverse（伪逆） | softmax | 12.1 |
| linear（线性） | softmax | 12.9 |
| **linear（线性）** | **sigmoid** | **13.1**（最终选用） |
| ReLU | softmax | 13.0 |
| ReLU | sigmoid | 12.9 |

解码器靠学习的四行彼此相差不到 0.2 dB，而且都是单次实验，没有误差范围；只有解码器取编码器伪逆的那一行明显偏低。
单看数字，最高的是线性 + sigmoid，最终的 Conv-TasNet 用的正是它：**线性**编码器，没有 ReLU。网络是端到端训练的，
解码器只需要把加了掩码的图变成好的波形，图本身不必是非负部分之和。原文的类保留了 ReLU，它所出自的 Kaituo Xu 的复现也是如此；
拿它来理解编码器的原理，完全没有问题。
""",
    ),
    md(
        en="""
## Exercises

**Exercise 03.1** (build) Undo the ReLU. An encoder with the templates `[U; -U]` (first the N rows of `U`, then the
N rows of `-U`, stacked with `torch.cat` as above) turns a batch of M signals into the map `m` of shape `[M, 2N, K]`.
Write `undo_relu(m)` that returns the signed scores `s` of `U`, shape `[M, N, K]`. `te.check` runs your function on
maps of its own (one signal, several, N = 1) and says which one fails.
""",
        zh="""
## 练习

**练习 03.1**（动手写）把 ReLU“撤销”。模板为 `[U; -U]` 的编码器（先是 `U` 的 N 行，再是 `-U` 的 N 行，和上面一样用
`torch.cat` 拼起来）把一批 M 个信号变成形状为 `[M, 2N, K]` 的强度图 `m`。写一个函数 `undo_relu(m)`，返回 `U` 的带符号分数 `s`，
形状为 `[M, N, K]`。`te.check` 会在它自己准备的几张图上运行你的函数（一个信号、多个信号、N = 1），并告诉你哪一张没通过。
""",
    ),
    code("""
def undo_relu(m):
    # en: m: [M, 2N, K], the map of the templates [U; -U]; return the scores s of U: [M, N, K] // zh: m：[M, 2N, K]，模板 [U; -U] 的强度图；返回 U 的分数 s：[M, N, K]
    ...  # en: your code // zh: 你的代码


te.check("03.1", undo_relu)
"""),
    code("""
te.solution("03.1")
"""),
    md(
        en="""
**Exercise 03.2** (predict, then measure) Turn the recording upside down: `-x`, every sample with its sign flipped.
To the ear it is the same sound (play `Audio((-x).numpy(), rate=8000)` to hear it). Of the entries of the map `E(x)`
that are above 0, what share is still above 0 in `E(-x)`? Write your prediction first, then measure it with the
encoder `E` of the bias section, and correct your answer if the measurement disagrees.
""",
        zh="""
**练习 03.2**（先预测，再测量）把录音上下翻转：`-x`，每个采样点都变号。耳朵听来它还是同一个声音
（运行 `Audio((-x).numpy(), rate=8000)` 听一听）。强度图 `E(x)` 里大于 0 的那些元素，在 `E(-x)` 里仍然大于 0 的占多大比例？
先写下你的预测，再用“没有偏置”一节里的编码器 `E` 量一量；如果测量结果和预测不同，改正你的答案。
""",
    ),
    code("""
answer = None  # en: your prediction, a share between 0 and 1 // zh: 你的预测：0 到 1 之间的比例
# en: then measure it here, with E(x) and E(-x) // zh: 然后在这里用 E(x) 和 E(-x) 量一量
te.check("03.2", answer)
"""),
    code("""
te.solution("03.2")
"""),
    md(
        en=r"""
**Exercise 03.3** (open question, no checker) Suppose the encoder had `bias=True`. What would the map of a silent
recording look like? Would `E(2x) = 2 E(x)` still hold? What would the separator then have to cope with that a
bias-free encoder spares it? Think it through (or try it with `E_b`), then compare with `te.solution("03.3")`.
""",
        zh=r"""
**练习 03.3**（开放题，不自动检查）假设编码器用了 `bias=True`。一段静音录音的强度图会是什么样？`E(2x) = 2 E(x)` 还成立吗？
没有偏置的编码器替分离器省掉了哪些麻烦？先自己想清楚（也可以用 `E_b` 试一试），再用 `te.solution("03.3")` 对照参考答案。
""",
    ),
    code("""
te.solution("03.3")
"""),
    md(
        en="""
**Exercise 03.4** (build) Your own encoder. Write a class `MyEncoder(L, N)` that computes what the document's
`Encoder(L, N, audio_channels=1)` computes, with the three steps written by you: slice with hop `L // 2`, score every
frame against every template, ReLU. Keep the templates in `self.U`, shape `[N, L]`, one template per row like `U` in
this chapter. The input is mono audio `[M, 1, T]`, as the document's `Conv1d` wants it; the output is `[M, N, K]`.
`unfold` and `@` do it, as in this chapter's first cells (`F.conv1d` works too). The checker creates your class,
copies the document's templates into `self.U`, and compares your output with the document's `Encoder` on silence,
random input, an odd L and a batch.
""",
        zh="""
**练习 03.4**（动手写）你自己的编码器。写一个类 `MyEncoder(L, N)`，让它算出原文的 `Encoder(L, N, audio_channels=1)` 算的东西，
三步都由你自己写：按帧移 `L // 2` 切帧，每一帧和每个模板打分，ReLU。模板放在 `self.U` 里，形状为 `[N, L]`，每行一个模板，
和本章的 `U` 一样。输入是单声道音频 `[M, 1, T]`，和原文的 `Conv1d` 要求的一样；输出是 `[M, N, K]`。
用 `unfold` 和 `@` 就能做到，就像本章开头的几个单元格（用 `F.conv1d` 也可以）。检查程序会创建你的类，把原文的模板复制进
`self.U`，再在静音、随机输入、奇数 L 和一批音频上把你的输出和原文的 `Encoder` 作比较。
""",
    ),
    code("""
class MyEncoder(nn.Module):
    def __init__(self, L, N):
        super().__init__()
        self.L, self.N = L, N
        self.U = nn.Parameter(torch.randn(N, L))  # en: [N, L], one template per row; the checker copies its own templates here // zh: [N, L]，每行一个模板；检查程序会把它的模板复制到这里

    def forward(self, mixture):
        # en: mixture [M, 1, T] -> strength map [M, N, K], K = (T - L) // (L // 2) + 1 // zh: mixture [M, 1, T] -> 强度图 [M, N, K]，K = (T - L) // (L // 2) + 1
        ...  # en: your code // zh: 你的代码


te.check("03.4", MyEncoder)
"""),
    code("""
te.solution("03.4")
"""),
    md(
        en=r"""
## Summary in three lines

1. $\mathrm{ReLU}(s) = \max(s, 0)$ (`torch.relu(s)`, `s.clamp(min=0)`) keeps the positive scores and sets the rest to
   exactly 0: for random templates on speech about half the map is 0. Without a bias, silence gives 0 and
   $E(ax) = a\,E(x)$ for $a > 0$.
2. `u` and `-u` give opposite scores and the ReLU keeps only one: the sign (phase) is lost unless the dictionary holds
   both; with $[U; -U]$ nothing is lost, since $\mathrm{ReLU}(s) - \mathrm{ReLU}(-s) = s$.
3. TasNet wanted a nonnegative map (its encoder was gated, ReLU × sigmoid) so that masks in [0, 1] take parts of it;
   the plain-ReLU class comes from Kaituo Xu's reimplementation. In Conv-TasNet's Table III the four
   encoder/mask combinations with a learned decoder scored within 0.2 dB of each other; the best single entry, linear + sigmoid, is what the
   final model uses.

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network for real-time, single-channel speech
  separation", ICASSP 2018 (gated, nonnegative encoder). [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 27(8), 2019 (Table III: encoder and mask nonlinearities).
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu, Conv-TasNet in PyTorch (the plain ReLU encoder): [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet);
  Demucs v2 `tasnet.py` (adds `audio_channels`): [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- J. Le Roux et al., "SDR – half-baked or well done?", ICASSP 2019 (SI-SDR, the scale-invariant measure).
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. $\mathrm{ReLU}(s) = \max(s, 0)$（`torch.relu(s)`、`s.clamp(min=0)`）保留正分，其余恰好变成 0：随机模板作用在语音上，
   强度图大约一半是 0。没有偏置时，静音得 0，且 $a > 0$ 时 $E(ax) = a\,E(x)$。
2. `u` 和 `-u` 的分数互为相反数，ReLU 只留下一个：除非字典里两个都有，否则符号（相位）就丢了；有了 $[U; -U]$ 就什么都不丢，
   因为 $\mathrm{ReLU}(s) - \mathrm{ReLU}(-s) = s$。
3. TasNet 想要非负的图（它的编码器是门控的：ReLU × sigmoid），好让 [0, 1] 之间的掩码从中取出各部分；单 ReLU 的类出自 Kaituo Xu 的复现。
   在 Conv-TasNet 的表 III 里，解码器靠学习的四种“编码器 + 掩码”组合彼此相差不到 0.2 dB；单看数字最高的线性 + sigmoid 就是最终模型的选择。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network for real-time, single-channel speech
  separation”，ICASSP 2018（门控、非负的编码器）。[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 27(8)，2019（表 III：编码器与掩码的非线性）。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（单 ReLU 编码器）：[github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)；
  Demucs v2 的 `tasnet.py`（加了 `audio_channels`）：[github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- J. Le Roux 等，“SDR – half-baked or well done?”，ICASSP 2019（尺度不变的 SI-SDR）。
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)

{{navigation}}
""",
    ),
]
