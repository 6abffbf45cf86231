# Chapter 03: ReLU, keep the positive scores. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 03 ReLU: keep the positive scores

**After this chapter you can**

- apply the ReLU to a score map and measure how sparse it becomes;
- explain what the ReLU throws away (the sign of `u` versus `-u`) and how a dictionary with both loses nothing;
- say what `bias=False` guarantees (silence gives 0, a louder input gives a proportionally larger map);
- tell where the plain ReLU encoder comes from, and why the final Conv-TasNet dropped it.

**Prerequisites**: chapters 01 and 02. **Time**: about 25 min.

The encoder works in three steps: slice the waveform into frames (chapter 01), score every frame against N templates
(chapter 02), and then, in the document's words, **只保留正分**, keep only the positive scores:

```python
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

`F.relu` is the ReLU (rectified linear unit): $\mathrm{ReLU}(s) = \max(s, 0)$. A score below 0 becomes 0, a score above 0 stays
as it is. What is left is a map of *match strengths*, with no negative numbers in it.

In this chapter:

1. scores before and after the ReLU, on speech: how many become 0?
2. what the ReLU throws away: a template `u` and its negative `-u`, and a sine shifted by half a period;
3. why TasNet wanted a nonnegative map: masks between 0 and 1 take a *part* of it;
4. why the final Conv-TasNet dropped the ReLU again.
""",
        zh=r"""
# 第 3 章　ReLU——只保留正分

**学完本章，你将能够**

- 对分数图做 ReLU，并度量它变得多稀疏；
- 说清 ReLU 丢掉了什么（`u` 与 `-u` 的符号），以及字典里两者都有时为什么什么都不丢；
- 说出 `bias=False` 保证了什么（静音得到 0，输入放大几倍，强度图也放大几倍）；
- 说出单 ReLU 编码器的来历，以及最终的 Conv-TasNet 为什么又去掉了它。

**先修知识**：第 1、2 章。**用时**：约 25 分钟。

编码器（encoder）分三步：把波形切成帧（第 1 章），拿 N 个模板给每一帧打分（第 2 章），然后就是原文说的
**只保留正分**：

```python
mixture_w = F.relu(self.conv1d_U(mixture))  # [M, N, K]
```

`F.relu` 就是 ReLU（rectified linear unit，线性整流函数）：$\mathrm{ReLU}(s) = \max(s, 0)$。分数小于 0 就变成 0，大于 0
就原样保留。剩下的是一张只有“匹配强度”的图，里面没有负数。

这一章回答四个问题：

1. 在语音上，ReLU 前后的分数是什么样？有多少变成了 0？
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
print(te.ch03.describe_scores(scores, w))
"""),
    code("""
print(te.ch03.describe_summary(scores))
"""),
    code("""
fig = te.ch03.plot_score_histogram(scores)
"""),
    md(
        en="""
Before the ReLU the scores are spread on both sides of 0, almost symmetrically: a random template matches a frame
"the right way round" about as often as "upside down". After the ReLU every negative score is **exactly 0**.
The pauses between words are quiet, not digital zeros: the samples there are small but not exactly 0 (the third line
above: almost no score is exactly 0), so frames in a pause get small scores of both signs, as they would in a real
recording with some background noise.

The fraction of exact zeros is the map's **sparsity**. For random templates on speech it is around one half:
""",
        zh="""
ReLU 之前，分数分布在 0 的两侧，几乎左右对称：一个随机模板和一帧“正着像”的次数，跟“反着像”的次数差不多。
ReLU 之后，所有负分都**恰好变成 0**。词与词之间的停顿很安静，但并不是数字上的 0：那里的样本值很小，却不恰好是 0（见上面第三行：恰好为 0 的分数几乎没有），
所以停顿里的帧也会得到很小的正分和负分，和带底噪的真实录音一样。

恰好为 0 的比例就是强度图的**稀疏性**（sparsity）。随机模板在语音上大约是一半：
""",
    ),
    code("""
print(te.ch03.describe_sparsity(w))
"""),
    md(
        en=r"""
## No bias: silence gives 0, a louder input a proportionally larger map

The document's table says `bias=False` (偏置=0). The encoder is then $w = \mathrm{ReLU}(U x)$ with no constant added,
and two things follow for every input $x$ and every $a > 0$:

$$E(0) = 0, \qquad E(a\,x) = \mathrm{ReLU}(a\,Ux) = a\,\mathrm{ReLU}(Ux) = a\,E(x).$$

Silence gives an all-zero map, and scaling the input scales the map (the ReLU keeps this, since
$\max(a s, 0) = a \max(s, 0)$ for $a > 0$). So the map's *pattern* does not depend on how loud the recording is, only
its size does, which fits the scale-invariant SI-SNR used to train TasNet (chapter 06). With a bias $b$, silence would
give $\mathrm{ReLU}(b) \neq 0$ and scaling would no longer pass through.

*Predict, then run*: what is the largest entry of the map of silence, with and without a bias? And how far is
`E(2x)` from `2 E(x)`?
""",
        zh=r"""
## 没有偏置：静音得 0，输入放大几倍，强度图也放大几倍

原文的参数表写着 `bias=False`（偏置=0）。于是编码器就是 $w = \mathrm{ReLU}(U x)$，没有加任何常数。对任何输入 $x$ 和任何 $a > 0$，
都有两条性质：

$$E(0) = 0, \qquad E(a\,x) = \mathrm{ReLU}(a\,Ux) = a\,\mathrm{ReLU}(Ux) = a\,E(x).$$

静音得到全 0 的强度图；输入放大几倍，强度图也放大几倍（ReLU 不会破坏这一点，因为 $a > 0$ 时 $\max(a s, 0) = a \max(s, 0)$）。
所以强度图的**形状**与录音的音量无关，只有整体大小随音量变化——这和训练 TasNet 所用的尺度不变信噪比 SI-SNR（第 6 章）正好相配。
如果有偏置 $b$，静音就会得到 $\mathrm{ReLU}(b) \neq 0$，缩放关系也不再成立。

**先预测，再运行**：静音的强度图里最大的数是多少（有偏置和没有偏置）？`E(2x)` 和 `2 E(x)` 相差多少？
""",
    ),
    code("""
print(te.ch03.describe_bias_free(te.ch03.bias_free_check(x, encoder)))
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
print(te.ch03.describe_pair(te.ch03.pair_scores(frame, u)))
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
te.ch03.shift_widget()
""", tags=["nbval-ignore-output"]),
    code("""
# what the slider shows, as numbers
for shift in (0.0, 0.25, 0.5):
    print(te.t(f"shift {shift:.2f}: ", f"平移 {shift:.2f}：") + te.ch03.describe_pair(te.ch03.shifted_scores(shift)))
assert abs(te.ch03.shifted_scores(0.5)["u"] + te.ch03.shifted_scores(0.0)["u"]) < 1e-9  # opposite scores
"""),
    md(
        en="""
The same thing along a whole sine. An encoder with the two templates `[u, -u]` slides over a 250 Hz sine; with L = 32
the hop is 16 samples, exactly half a period, so every frame is the previous one upside down. The raw scores flip sign
from frame to frame; after the ReLU, `u` lights up in every other frame and `-u` in the frames between. Together they
lose nothing: `relu(s) - relu(-s) = s` (the black dots).

This is one reason why trained encoders learn **several templates at one frequency, in different phases** (chapter
05). It is not the only one: even without a ReLU, one real template cannot cover a band at every phase (the STFT
needs a cosine *and* a sine), and Conv-TasNet's linear encoder learns several phases too; the ReLU makes them even
more necessary. The STFT, which has no ReLU, keeps the sign of its cosine and sine scores.
""",
        zh="""
沿着一整段正弦波看同一件事。一个只有两个模板 `[u, -u]` 的编码器在 250 Hz 正弦波上滑动；L = 32 时帧移是 16 个采样点，
正好半个周期，所以每一帧都是上一帧倒过来。原始分数逐帧变号；ReLU 之后，`u` 隔一帧亮一次，`-u` 在中间那些帧亮。
两者合起来什么都没丢：`relu(s) - relu(-s) = s`（黑点）。

这是训练后的编码器会在**同一个频率上学出好几个相位不同的模板**（第 5 章）的原因之一，但不是唯一的原因：
即使没有 ReLU，一个实数模板也无法在任何相位上都覆盖一个频带（STFT 需要一个余弦**和**一个正弦），Conv-TasNet 的线性编码器同样学出了多个相位；
ReLU 让它们变得更加必要。STFT 没有 ReLU，余弦和正弦分数的正负号都保留着。
""",
    ),
    code("""
fig = te.ch03.plot_sign_pair()
"""),
    md(
        en=r"""
## Why TasNet wanted nonnegative weights

The document's docstring says it: *"Estimation of the nonnegative mixture weight"*. The idea comes from the original
**TasNet** (Luo & Mesgarani, ICASSP 2018), whose encoder output is nonnegative. Its encoder is not a plain ReLU,
though: it normalises each frame to unit length and uses a **gated** convolution,
$w = \mathrm{ReLU}(x \circledast U) \odot \sigma(x \circledast V)$ (ReLU times a sigmoid, two sets of templates).
The one-line `F.relu(conv1d_U(mixture))` of the document comes from Kaituo Xu's PyTorch reimplementation of
Conv-TasNet, copied into Demucs v2 (links at the end). In TasNet the separator then estimates one **mask** per
speaker, with values between 0 and 1, and multiplies it with the mixture's map: $d_i = m_i \odot w$ ($\odot$: entry
by entry). A decoder turns each $d_i$ back into a waveform.

With a nonnegative map this reads like cutting a cake: each entry is an amount of "template n at time k", and the
mask says what fraction of it belongs to speaker i. If the masks of the speakers add up to 1, the parts add up to
the whole map. It is the same idea as masks on a magnitude spectrogram, and as non-negative matrix factorisation
(NMF), where sounds are sums of nonnegative parts. Here is the document's own table, split between two speakers:
""",
        zh=r"""
## TasNet 为什么想要非负权重

原文代码的注释已经说了：*“Estimation of the nonnegative mixture weight”*（估计非负的混合权重）。这个想法来自最初的
**TasNet**（Luo & Mesgarani，ICASSP 2018），它的编码器输出是非负的。不过那里的编码器并不是单个 ReLU：它先把每一帧归一化为单位长度，
再用**门控**卷积 $w = \mathrm{ReLU}(x \circledast U) \odot \sigma(x \circledast V)$（ReLU 乘以 sigmoid，两组模板）。
原文里那一行 `F.relu(conv1d_U(mixture))` 出自 Kaituo Xu 的 Conv-TasNet PyTorch 复现，后来被 Demucs v2 沿用（链接见本章末尾）。
在 TasNet 里，分离器（separator）接着为每个说话人估计一个**掩码**（mask），取值在 0 到 1 之间，再和混合语音的强度图逐元素相乘：
$d_i = m_i \odot w$（$\odot$：逐元素相乘）。最后由解码器（decoder）把每个 $d_i$ 变回波形。

强度图非负时，这就像切蛋糕：每个元素是“模板 n 在时刻 k”的一份量，掩码说明其中多大比例属于说话人 i。
如果各说话人的掩码加起来等于 1，各部分加起来就正好是整张图。这和在幅度谱（magnitude spectrogram）上做掩码是同一个思路，
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

Does this intuition hold for speech? Mix our sentence with a second speaker, a Mandarin sentence in a female voice,
at equal level, and put both speakers and the mixture through the random encoder:
""",
        zh="""
（混合图里为 0 的地方没有东西可分，掩码取什么值结果都是 0；这里写成 0.50。）

这个直觉放到语音上还成立吗？把我们的句子和第二个说话人（一句女声普通话）以相同电平混合，再把两个说话人和混合语音都送进那个随机编码器：
""",
    ),
    code("""
mixture, sources = te.mix(x, te.ch03.example_clip(te.ch03.SECOND_CLIP), level_db=0.0)
Audio(mixture.numpy(), rate=8000)
"""),
    code("""
check = te.ch03.mask_check(sources[0], sources[1], encoder)
print(te.ch03.describe_mask_check(check))
"""),
    md(
        en="""
Only approximately. The convolution is linear, so the mixture's *scores* are exactly the sum of the speakers' scores;
but the ReLU comes after the sum. Where one speaker scores +3 and the other −2, the mixture scores +1: the maps
`W1 + W2 = 3` and `W_mix = 1` disagree. The second line says how often that happens: in about half of the entries the
two speakers' scores have opposite signs, so the ReLU maps do not add up (the first line gives the relative error). The last two lines ask the question a separator faces: give each entry the best possible mask between 0 and 1
(we know the answer, speaker 1's own map, and clip the ratio to [0, 1]); how far is mask × mixture from speaker 1,
relative to speaker 1's size? On the ReLU map and on the signed scores the error is about the same. So the
nonnegative map is an *intuition* that guided TasNet's design, not a guarantee. (This is a random encoder; a trained
one would change the numbers, which chapter 06's model could check.) The next section shows what the experiments
said.
""",
        zh="""
只是近似成立。卷积是线性的，所以混合语音的**分数**恰好等于两个说话人分数之和；但 ReLU 是在求和**之后**才做的。
如果一个说话人得 +3 分、另一个得 −2 分，混合语音得 +1 分：`W1 + W2 = 3`，而 `W_mix = 1`，对不上。第二行说明这种情况有多常见：
大约一半的位置上，两个说话人的分数符号相反，所以两张 ReLU 图加起来不等于混合语音的图（第一行是相对误差）。
最后两行问的是分离器面对的问题：给每个位置配上 0 到 1 之间最好的掩码（我们知道答案——说话人 1 自己的图——把比值截到 [0, 1]），
掩码 × 混合语音离说话人 1 还差多远（相对于说话人 1 本身的大小）？在 ReLU 图上和在带符号的分数上，误差差不多。
所以“非负的图”是指导 TasNet 设计的一种**直觉**，不是保证。（这里用的是随机编码器；换成训练好的编码器，数字会变，可以用第 6 章的模型来检验。）
下一节看看实验是怎么说的。
""",
    ),
    md(
        en="""
## Conv-TasNet dropped the ReLU

The follow-up paper, **Conv-TasNet** (Luo & Mesgarani, IEEE/ACM TASLP 27(8), 2019, arXiv:1809.07454), compared the
combinations on WSJ0-2mix in its Table III (separation quality as SI-SNRi, the improvement of the scale-invariant
signal-to-noise ratio, in dB; higher is better). The numbers below are quoted from that table (they come from
a smaller configuration than the final model, which is why they are below its 15.3 dB):

| encoder | mask | SI-SNRi (dB) |
| --- | --- | --- |
| pseudo-inverse | softmax | 12.1 |
| linear | softmax | 12.9 |
| **linear** | **sigmoid** | **13.1** (chosen) |
| ReLU | softmax | 13.0 |
| ReLU | sigmoid | 12.9 |

The final Conv-TasNet uses a **linear** encoder (no ReLU) with sigmoid masks. The differences are small (at most 1 dB,
mostly a few tenths; the bars below start at 0 so they look as small as they are), and the network is trained end to
end: the decoder only has to turn masked maps into good waveforms, so the map does not need to be a sum of
nonnegative parts. The document's class keeps a ReLU, as does Kaituo Xu's reimplementation it comes from; for
learning what an encoder does, that is a fine choice.
""",
        zh="""
## Conv-TasNet 去掉了 ReLU

后续论文 **Conv-TasNet**（Luo & Mesgarani，IEEE/ACM TASLP 27(8)，2019，arXiv:1809.07454）在表 III 里比较了几种组合在 WSJ0-2mix 上的效果
（分离质量用 SI-SNRi 衡量，即尺度不变信噪比的提升量，单位 dB，越高越好）。下表的数字引自该表（这些实验用的是比最终模型小的配置，
所以都低于最终的 15.3 dB）：

| 编码器 | 掩码 | SI-SNRi (dB) |
| --- | --- | --- |
| pseudo-inverse（伪逆） | softmax | 12.1 |
| linear（线性） | softmax | 12.9 |
| **linear（线性）** | **sigmoid** | **13.1**（最终选用） |
| ReLU | softmax | 13.0 |
| ReLU | sigmoid | 12.9 |

最终的 Conv-TasNet 用的是**线性**编码器（没有 ReLU）加 sigmoid 掩码。差别很小（最多 1 dB，多数只有零点几 dB；下图的横轴从 0 开始，
差别看上去有多小就是多小），而且网络是端到端训练的：解码器只需要把加了掩码的图变成好的波形，图本身不必是非负部分之和。
原文的代码出自一个流行的 PyTorch 复现（kaituoxu/Conv-TasNet），那里同样保留了 ReLU；用来学习编码器在做什么，这完全没问题。
""",
    ),
    code("""
fig = te.ch03.plot_table3()
"""),
    md(
        en="""
## Exercises

**Exercise 03.1** A frame scores −2.5 with template `u`. What does the map hold after the ReLU for `u` and for `-u`?
Answer with a tuple `(value for u, value for -u)`.
""",
        zh="""
## 练习

**练习 03.1** 某一帧和模板 `u` 的分数是 −2.5。ReLU 之后，强度图里 `u` 和 `-u` 对应的值分别是多少？
用元组 `(u 的值, -u 的值)` 作答。
""",
    ),
    code("""
answer = None  # your answer: (value for u, value for -u) / 你的答案：(u 的值, -u 的值)
te.check("03.1", answer)
"""),
    code("""
te.solution("03.1")
"""),
    md(
        en="""
**Exercise 03.2** Undo the ReLU. You get `a = relu(s)` and `b = relu(-s)` (tensors) from a dictionary that holds `u` and `-u`.
Write a function `undo(a, b)` that returns the original scores `s`.
""",
        zh="""
**练习 03.2** 把 ReLU“撤销”。字典里同时有 `u` 和 `-u`，于是你拿到 `a = relu(s)` 和 `b = relu(-s)`（张量）。
写一个函数 `undo(a, b)`，返回原来的分数 `s`。
""",
    ),
    code("""
answer = None  # your answer: a function, e.g. lambda a, b: ... / 你的答案：一个函数，例如 lambda a, b: ...
te.check("03.2", answer)
"""),
    code("""
te.solution("03.2")
"""),
    md(
        en="""
**Exercise 03.3** Without running anything: for random templates on a long signal that has no silence, what fraction of the map
do you expect to be exactly 0 after the ReLU? (A number between 0 and 1.)
""",
        zh="""
**练习 03.3** 不运行代码，想一想：随机模板作用在一段没有静音的长信号上，ReLU 之后强度图里大约有多大比例恰好是 0？（0 到 1 之间的数。）
""",
    ),
    code("""
answer = None  # your answer: a fraction between 0 and 1 / 你的答案：0 到 1 之间的比例
te.check("03.3", answer)
"""),
    code("""
te.solution("03.3")
"""),
    md(
        en="""
**Exercise 03.4** Which encoder + mask did the final Conv-TasNet choose? Answer with a string such as `"ReLU + softmax"`.
""",
        zh="""
**练习 03.4** 最终的 Conv-TasNet 选了哪种“编码器 + 掩码”？用字符串作答，例如 `"ReLU + softmax"`。
""",
    ),
    code("""
answer = None  # your answer: "encoder + mask" / 你的答案："编码器 + 掩码"（用英文名称）
te.check("03.4", answer)
"""),
    code("""
te.solution("03.4")
"""),
    md(
        en=r"""
**Exercise 03.5** (open question, no checker) Suppose the encoder had `bias=True`. What would the map of a silent
recording look like? Would `E(2x) = 2 E(x)` still hold? Why would that trouble a separator trained with SI-SNR, a loss
that does not care about the output's scale?

*Our answer, in words*: with a bias $b_n$ per template, silence gives $\max(b_n, 0)$ in every frame: a constant
"hum" in the rows with a positive bias, which the separator would have to learn to ignore. And $E(2x) = \mathrm{ReLU}(2Ux + b)$
is no longer $2E(x)$, so the same sentence spoken louder gives a differently *shaped* map. A loss that ignores scale
asks the separator for the same answer at every level; a bias-free encoder makes that easy, because only the size of
the map changes with the level.
""",
        zh=r"""
**练习 03.5**（开放题，不自动检查）假设编码器用了 `bias=True`。一段静音录音的强度图会是什么样？`E(2x) = 2 E(x)` 还成立吗？
分离器用 SI-SNR 训练——这个损失函数不在乎输出的尺度——为什么这会给它带来麻烦？

**参考答案**：每个模板有一个偏置 $b_n$ 时，静音在每一帧都得到 $\max(b_n, 0)$：偏置为正的那些行会出现一条恒定的“嗡嗡声”，
分离器得学会忽略它。而且 $E(2x) = \mathrm{ReLU}(2Ux + b)$ 不再等于 $2E(x)$，同一句话大声说一遍，强度图的**形状**就变了。
与尺度无关的损失函数要求分离器在任何音量下给出同样的答案；没有偏置的编码器让这件事变得容易，因为音量只改变强度图的整体大小。
""",
    ),
    md(
        en=r"""
## Summary in three lines

1. $\mathrm{ReLU}(s) = \max(s, 0)$ keeps the positive scores and sets the rest to exactly 0: for random templates on
   speech about half the map is 0. Without a bias, silence gives 0 and $E(ax) = a\,E(x)$ for $a > 0$.
2. `u` and `-u` give opposite scores and the ReLU keeps only one: the sign (phase) is lost unless the dictionary holds
   both ($\mathrm{ReLU}(s) - \mathrm{ReLU}(-s) = s$).
3. TasNet wanted a nonnegative map (its encoder was gated, ReLU × sigmoid) so that masks in [0, 1] take parts of it;
   the plain-ReLU class comes from Kaituo Xu's reimplementation; Conv-TasNet found a linear encoder works as well or
   better (Table III: 13.1 vs 12.9–13.0 dB).

### References

- Y. Luo, N. Mesgarani, "TasNet: time-domain audio separation network for real-time, single-channel speech
  separation", ICASSP 2018 (gated, nonnegative encoder). [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 27(8), 2019 (Table III: encoder and mask nonlinearities).
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu, Conv-TasNet in PyTorch (the plain ReLU encoder): [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet);
  Demucs v2 `tasnet.py` (adds `audio_channels`): [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- J. Le Roux et al., "SDR – half-baked or well done?", ICASSP 2019 (SI-SDR, the scale-invariant measure).
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)

← Previous: [02 Template matching](02_template_matching.ipynb) · Next: [04 The strength map](04_strength_map.ipynb) →
""",
        zh=r"""
## 本章总结（三句话）

1. $\mathrm{ReLU}(s) = \max(s, 0)$ 保留正分，其余恰好变成 0：随机模板作用在语音上，强度图大约一半是 0。没有偏置时，静音得 0，
   且 $a > 0$ 时 $E(ax) = a\,E(x)$。
2. `u` 和 `-u` 的分数互为相反数，ReLU 只留下一个：除非字典里两个都有，否则符号（相位）就丢了（$\mathrm{ReLU}(s) - \mathrm{ReLU}(-s) = s$）。
3. TasNet 想要非负的图（它的编码器是门控的：ReLU × sigmoid），好让 [0, 1] 之间的掩码从中取出各部分；单 ReLU 的类出自 Kaituo Xu 的复现；
   Conv-TasNet 后来发现线性编码器同样好甚至更好（表 III：13.1 对 12.9–13.0 dB）。

### 参考文献

- Y. Luo, N. Mesgarani，“TasNet: time-domain audio separation network for real-time, single-channel speech
  separation”，ICASSP 2018（门控、非负的编码器）。[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 27(8)，2019（表 III：编码器与掩码的非线性）。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（单 ReLU 编码器）：[github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)；
  Demucs v2 的 `tasnet.py`（加了 `audio_channels`）：[github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- J. Le Roux 等，“SDR – half-baked or well done?”，ICASSP 2019（尺度不变的 SI-SDR）。
  [arXiv:1811.02508](https://arxiv.org/abs/1811.02508)

← 上一章：[第 2 章　模板匹配](02_template_matching.ipynb) · 下一章：[第 4 章　强度图](04_strength_map.ipynb) →
""",
    ),
]
