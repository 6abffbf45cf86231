# Chapter 03: ReLU, keep the positive scores. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 03 ReLU: keep the positive scores

The encoder works in three steps: slice the waveform into frames (chapter 01), score every frame against N templates
(chapter 02), and then, in the document's words, **只保留正分**, keep only the positive scores:

```python
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

`F.relu` is the ReLU (rectified linear unit): `relu(s) = max(s, 0)`. A score below 0 becomes 0, a score above 0 stays
as it is. What is left is a map of *match strengths*, with no negative numbers in it.

In this chapter:

1. scores before and after the ReLU, on real speech: how many become 0?
2. what the ReLU throws away: a template `u` and its negative `-u`, and a sine shifted by half a period;
3. why TasNet wanted a nonnegative map: masks between 0 and 1 take a *part* of it;
4. why the final Conv-TasNet dropped the ReLU again.
""",
        zh="""
# 03 ReLU：只保留正分

编码器（encoder）分三步：把波形切成帧（第 01 章），拿 N 个模板给每一帧打分（第 02 章），然后就是原文说的
**只保留正分**：

```python
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

`F.relu` 就是 ReLU（rectified linear unit，线性整流函数）：`relu(s) = max(s, 0)`。分数小于 0 就变成 0，大于 0
就原样保留。剩下的是一张只有“匹配强度”的图，里面没有负数。

这一章回答四个问题：

1. 在真实语音上，ReLU 前后的分数是什么样？有多少变成了 0？
2. ReLU 丢掉了什么：模板 `u` 和它的相反数 `-u`，以及平移半个周期的正弦波；
3. TasNet 为什么想要非负的表示：取值在 0 到 1 之间的掩码（mask）能从中取出“一部分”；
4. 为什么最终的 Conv-TasNet 又把 ReLU 去掉了。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("03")
"""),
    md(
        en="""
## Scores before and after the ReLU

We take a sentence of speech (its silent start and end cut off) and an **untrained** encoder: 64 random templates of
L = 16 samples, each scaled to length 1. That is what a TasNet encoder looks like before training. `Encoder.scores`
returns the scores *before* the ReLU; calling the encoder itself gives the map *after* it.
""",
        zh="""
## ReLU 之前和之后的分数

取一句语音（去掉开头和结尾的静音），再取一个**未训练**的编码器：64 个随机模板，每个 L = 16 个采样点，长度（范数）都缩放为 1。
TasNet 的编码器在训练开始前就是这个样子。`Encoder.scores` 给出 ReLU **之前**的分数；直接调用编码器得到 ReLU **之后**的强度图。
""",
    ),
    code("""
x = te.ch03.example_clip()
Audio(x.numpy(), rate=8000)
"""),
    code("""
encoder = te.ch03.random_encoder(L=16, N=64)
scores = encoder.scores(x[None])   # [1, 64, K], before the ReLU
w = encoder(x[None])               # [1, 64, K], after the ReLU
assert torch.equal(w, torch.relu(scores))
print("scores:", list(scores.shape), " map:", list(w.shape), " smallest score:", round(scores.min().item(), 2), " smallest in map:", w.min().item())
"""),
    code("""
summary = te.ch03.score_summary(scores)
for name, value in summary.items():
    print(f"{name:16s} {value:.2f}")
"""),
    code("""
fig = te.ch03.plot_score_histogram(scores)
"""),
    md(
        en="""
Before the ReLU the scores are spread on both sides of 0, almost symmetrically: a random template matches a frame
"the right way round" about as often as "upside down". After the ReLU every negative score is **exactly 0**.
Frames of silence inside the sentence (pauses between words) score exactly 0 already, and stay 0.

The fraction of exact zeros is the map's **sparsity**. For random templates on speech it is around one half:
""",
        zh="""
ReLU 之前，分数分布在 0 的两侧，几乎左右对称：一个随机模板和一帧“正着像”的次数，跟“反着像”的次数差不多。
ReLU 之后，所有负分都**恰好变成 0**。句子中间的静音帧（词与词之间的停顿）本来就得 0 分，依旧是 0。

恰好为 0 的比例就是强度图的**稀疏性**（sparsity）。随机模板在语音上大约是一半：
""",
    ),
    code("""
print(f"sparsity after ReLU: {te.ch03.sparsity(w):.2f}")
"""),
    md(
        en="""
## What the ReLU throws away: `u` and `-u`

Take a template `u` and its negative `-u` (every sample with the sign flipped). The dot product is linear, so their
scores on any frame are opposite: `s` and `-s`. After the ReLU **only one of them survives**, the other one is 0.
Here `u` is a 250 Hz sine of L = 32 samples and the frame is the same sine, shifted by half a period:
""",
        zh="""
## ReLU 丢掉了什么：`u` 和 `-u`

取一个模板 `u` 和它的相反数 `-u`（每个采样点都变号）。点积是线性的，所以它们在任何一帧上的分数都互为相反数：`s` 和 `-s`。
ReLU 之后**只有其中一个留下来**，另一个变成 0。这里 `u` 是 L = 32 个采样点的 250 Hz 正弦波，帧是同一个正弦波、平移了半个周期：
""",
    ),
    code("""
u = te.ch03.sine_template(250, L=32)
frame = te.ch03.sine_frame(250, L=32, shift=0.5)
print({name: round(value, 3) for name, value in te.ch03.pair_scores(frame, u).items()})
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
所以单独一个模板经过 ReLU 后分不清“这个正弦波倒过来了”和“这里什么都没有”：**符号（相位，phase）丢了**——
除非字典里同时还有 `-u`。
""",
    ),
    code("""
# NBVAL_IGNORE_OUTPUT
te.ch03.shift_widget()
"""),
    code("""
# what the slider shows, as numbers
for shift in (0.0, 0.25, 0.5):
    s = te.ch03.shifted_scores(shift)
    print(f"shift {shift:.2f}: score of u {s['u']:+.2f}, after ReLU: u {s['relu_u']:.2f}, -u {s['relu_minus_u']:.2f}")
assert abs(te.ch03.shifted_scores(0.5)["u"] + te.ch03.shifted_scores(0.0)["u"]) < 1e-9  # opposite scores
"""),
    md(
        en="""
The same thing along a whole sine. An encoder with the two templates `[u, -u]` slides over a 250 Hz sine; with L = 32
the hop is 16 samples, exactly half a period, so every frame is the previous one upside down. The raw scores flip sign
from frame to frame; after the ReLU, `u` lights up in every other frame and `-u` in the frames between. Together they
lose nothing: `relu(s) - relu(-s) = s` (the black dots).

This is why a trained encoder with a ReLU tends to learn **several templates at one frequency, in different phases**
(chapter 05), and why the STFT, which has no ReLU, keeps the sign of its cosine and sine scores.
""",
        zh="""
沿着一整段正弦波看同一件事。一个只有两个模板 `[u, -u]` 的编码器在 250 Hz 正弦波上滑动；L = 32 时帧移是 16 个采样点，
正好半个周期，所以每一帧都是上一帧倒过来。原始分数逐帧变号；ReLU 之后，`u` 隔一帧亮一次，`-u` 在中间那些帧亮。
两者合起来什么都没丢：`relu(s) - relu(-s) = s`（黑点）。

这就是为什么带 ReLU 的编码器训练后，往往会在**同一个频率上学出好几个相位不同的模板**（第 05 章）；
而 STFT 没有 ReLU，余弦和正弦分数的正负号都保留着。
""",
    ),
    code("""
fig = te.ch03.plot_sign_pair()
"""),
    md(
        en="""
## Why TasNet wanted nonnegative weights

The seed's docstring says it: *"Estimation of the nonnegative mixture weight"*. The ReLU comes from the original
**TasNet** (Luo & Mesgarani, ICASSP 2018), whose encoder output is nonnegative. In TasNet the separator then
estimates one **mask** per speaker, with values between 0 and 1, and multiplies it with the mixture's map:
`d_i = m_i ⊙ w` (⊙: entry by entry). A decoder turns each `d_i` back into a waveform.

With a nonnegative map this reads like cutting a cake: each entry is an amount of "template n at time k", and the
mask says what fraction of it belongs to speaker i. If the masks of the speakers add up to 1, the parts add up to
the whole map. It is the same picture as masks on a magnitude spectrogram, and as non-negative matrix factorisation
(NMF), where sounds are sums of nonnegative parts. Here is the document's own table, split between two speakers:
""",
        zh="""
## TasNet 为什么想要非负权重

原文代码的注释已经说了：*"Estimation of the nonnegative mixture weight"*（估计非负的混合权重）。这个 ReLU 来自最初的
**TasNet**（Luo & Mesgarani，ICASSP 2018），它的编码器输出是非负的。在 TasNet 里，分离器（separator）接着为每个说话人估计一个
**掩码**（mask），取值在 0 到 1 之间，再和混合语音的强度图逐元素相乘：`d_i = m_i ⊙ w`（⊙：逐元素相乘）。
最后由解码器（decoder）把每个 `d_i` 变回波形。

强度图非负时，这就像切蛋糕：每个元素是“模板 n 在时刻 k”的一份量，掩码说明其中多大比例属于说话人 i。
如果各说话人的掩码加起来等于 1，各部分加起来就正好是整张图。这和在幅度谱（magnitude spectrogram）上加掩码是同一幅图景，
也和非负矩阵分解（NMF，non-negative matrix factorisation）的思路一样：声音是若干非负部分之和。
下面就用原文里的那张表，把它分给两个说话人：
""",
    ),
    code("""
demo = te.ch03.toy_masks()
assert torch.equal(demo["estimate1"] + demo["estimate2"], demo["mixture"])
assert torch.equal(demo["estimate1"], demo["part1"])
fig = te.ch03.plot_toy_masks(demo)
"""),
    md(
        en="""
(Where the mixture's entry is 0 there is nothing to share, and any mask gives 0; we write 0.50 there.)

Does the picture hold for real speech? Mix our sentence with a second speaker, a Mandarin sentence in a female voice,
at equal level, and put both speakers and the mixture through the random encoder:
""",
        zh="""
（混合图里为 0 的地方没有东西可分，掩码取什么值结果都是 0；这里写成 0.50。）

这幅图景对真实语音成立吗？把我们的句子和第二个说话人（一句女声普通话）以相同音量混合，再把两个说话人和混合语音都送进那个随机编码器：
""",
    ),
    code("""
mixture, sources = te.mix(x, te.ch03.example_clip(te.ch03.SECOND_CLIP), level_db=0.0)
Audio(mixture.numpy(), rate=8000)
"""),
    code("""
check = te.ch03.mask_check(sources[0], sources[1], encoder)
print(f"|W_mix - (W1 + W2)| / |W_mix|         = {check['additivity']:.2f}")
print(f"entries where the speakers' scores have opposite signs: {check['opposite']:.2f}")
print(f"best mask in [0, 1], error on the ReLU map     = {check['best_mask_relu']:.2f}")
print(f"best mask in [0, 1], error on the signed scores = {check['best_mask_signed']:.2f}")
"""),
    md(
        en="""
Only approximately. The convolution is linear, so the mixture's *scores* are exactly the sum of the speakers' scores;
but the ReLU comes after the sum. Where one speaker scores +3 and the other −2, the mixture scores +1: the maps
`W1 + W2 = 3` and `W_mix = 1` disagree. Even the best possible masks between 0 and 1 leave about the same error on the
ReLU map as on the signed scores. So the nonnegative map is an *intuition* that guided TasNet's design, not a
guarantee; the next section shows what the experiments said.
""",
        zh="""
只是近似成立。卷积是线性的，所以混合语音的**分数**恰好等于两个说话人分数之和；但 ReLU 是在求和**之后**才做的。
如果一个说话人得 +3 分、另一个得 −2 分，混合语音得 +1 分：`W1 + W2 = 3`，而 `W_mix = 1`，对不上。
即使用 0 到 1 之间最好的掩码，在 ReLU 图上的误差也和在带符号的分数上差不多。所以“非负的图”是指导 TasNet 设计的一种**直觉**，
不是保证；下一节看看实验是怎么说的。
""",
    ),
    md(
        en="""
## Conv-TasNet dropped the ReLU

The follow-up paper, **Conv-TasNet** (Luo & Mesgarani, IEEE/ACM TASLP 2019), tried the combinations in its
Table III (separation quality as SI-SNRi, the improvement of the scale-invariant signal-to-noise ratio, in dB; higher
is better):

| encoder | mask | SI-SNRi (dB) |
| --- | --- | --- |
| pseudo-inverse | softmax | 12.1 |
| linear | softmax | 12.9 |
| **linear** | **sigmoid** | **13.1** (chosen) |
| ReLU | softmax | 13.0 |
| ReLU | sigmoid | 12.9 |

The final Conv-TasNet uses a **linear** encoder (no ReLU) with sigmoid masks. The differences are small (a few tenths
of a dB), and the network is trained end to end: the decoder only has to turn masked maps into good waveforms, so the
map does not need to be a sum of nonnegative parts. The seed's class keeps TasNet's ReLU, as does the widely used
PyTorch reimplementation it comes from; for learning what an encoder does, that is a fine choice.
""",
        zh="""
## Conv-TasNet 去掉了 ReLU

后续论文 **Conv-TasNet**（Luo & Mesgarani，IEEE/ACM TASLP 2019）在表 III 里比较了几种组合（分离质量用 SI-SNRi 衡量，
即尺度不变信噪比的提升量，单位 dB，越高越好）：

| 编码器 | 掩码 | SI-SNRi (dB) |
| --- | --- | --- |
| pseudo-inverse（伪逆） | softmax | 12.1 |
| linear（线性） | softmax | 12.9 |
| **linear（线性）** | **sigmoid** | **13.1**（最终选用） |
| ReLU | softmax | 13.0 |
| ReLU | sigmoid | 12.9 |

最终的 Conv-TasNet 用的是**线性**编码器（没有 ReLU）加 sigmoid 掩码。差别很小（零点几 dB），而且网络是端到端训练的：
解码器只需要把加了掩码的图变成好的波形，图本身不必是非负部分之和。原文的类保留了 TasNet 的 ReLU，
它所出自的那个广泛使用的 PyTorch 复现版本也是如此；用来学习编码器在做什么，这完全没问题。
""",
    ),
    code("""
fig = te.ch03.plot_table3()
"""),
    md(
        en="""
## Exercises

**03.1** A frame scores −2.5 with template `u`. What does the map hold after the ReLU for `u` and for `-u`?
Answer with a tuple `(value for u, value for -u)`.
""",
        zh="""
## 练习

**03.1** 某一帧和模板 `u` 的分数是 −2.5。ReLU 之后，强度图里 `u` 和 `-u` 对应的值分别是多少？
用元组 `(u 的值, -u 的值)` 作答。
""",
    ),
    code("""
answer = None  # a tuple (value for u, value for -u)
te.check("03.1", answer)
"""),
    code("""
te.solution("03.1")
"""),
    md(
        en="""
**03.2** Undo the ReLU. You get `a = relu(s)` and `b = relu(-s)` (tensors) from a dictionary that holds `u` and `-u`.
Write a function `undo(a, b)` that returns the original scores `s`.
""",
        zh="""
**03.2** 把 ReLU “撤销”。字典里同时有 `u` 和 `-u`，于是你拿到 `a = relu(s)` 和 `b = relu(-s)`（张量）。
写一个函数 `undo(a, b)`，返回原来的分数 `s`。
""",
    ),
    code("""
answer = None  # a function, e.g. answer = lambda a, b: ...
te.check("03.2", answer)
"""),
    code("""
te.solution("03.2")
"""),
    md(
        en="""
**03.3** Without running anything: for random templates on a long signal that has no silence, what fraction of the map
do you expect to be exactly 0 after the ReLU? (A number between 0 and 1.)
""",
        zh="""
**03.3** 不运行代码，想一想：随机模板作用在一段没有静音的长信号上，ReLU 之后强度图里大约有多大比例恰好是 0？（0 到 1 之间的数。）
""",
    ),
    code("""
answer = None  # a fraction between 0 and 1
te.check("03.3", answer)
"""),
    code("""
te.solution("03.3")
"""),
    md(
        en="""
**03.4** Which encoder + mask did the final Conv-TasNet choose? Answer with a string such as `"ReLU + softmax"`.
""",
        zh="""
**03.4** 最终的 Conv-TasNet 选了哪种“编码器 + 掩码”？用字符串作答，例如 `"ReLU + softmax"`。
""",
    ),
    code("""
answer = None  # a string "encoder + mask"
te.check("03.4", answer)
"""),
    code("""
te.solution("03.4")
"""),
    md(
        en="""
## Summary in three lines

1. ReLU keeps the positive scores and sets the rest to exactly 0: for random templates on speech about half the map is 0.
2. `u` and `-u` give opposite scores and ReLU keeps only one: the sign (phase) is lost unless the dictionary holds both.
3. TasNet wanted a nonnegative map so that masks in [0, 1] take parts of it; Conv-TasNet later found a linear encoder works as well (13.1 vs 12.9–13.0 dB).
""",
        zh="""
## 3 行话总结

1. ReLU 保留正分，其余恰好变成 0：随机模板作用在语音上，强度图大约一半是 0。
2. `u` 和 `-u` 的分数互为相反数，ReLU 只留下一个：除非字典里两个都有，否则符号（相位）就丢了。
3. TasNet 想要非负的图，好让 [0, 1] 之间的掩码从中取出各部分；后来 Conv-TasNet 发现线性编码器同样好用（13.1 对 12.9–13.0 dB）。
""",
    ),
]
