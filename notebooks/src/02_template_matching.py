# Chapter 02: template matching. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 02 Template matching: a score is a dot product

**After this chapter you can**

- compute a score as a dot product and read it as $\|\text{frame}\| \cdot \|\text{template}\| \cdot \cos\theta$;
- build templates whose meaning you know (tones on the DFT grid, a click) and read a score heat map;
- explain why deep learning's "convolution" is a cross-correlation (no flip), and why that makes it template matching;
- check that a loop, a matrix product and `conv1d` are one computation.

**Prerequisites**: chapter 01; vectors and the dot product; sine and cosine. **Time**: about 25 min.

Step 2 of the document: for every small piece of sound, "compare it with template 1 -> a score, with template 2 -> a
score, ..., with template N -> a score. This comparing is the convolution."

This chapter makes "compare" precise (a **dot product**), builds templates by hand whose meaning we know (pure tones,
a click), scores frames of speech with them, and shows that a Python loop, a matrix product and `conv1d` are three
implementations of one computation: same numbers, very different speed.
""",
        zh=r"""
# 第 2 章　模板匹配——分数就是点积

**学完本章，你将能够**

- 把分数算成点积，并把它读作 $\|\text{帧}\| \cdot \|\text{模板}\| \cdot \cos\theta$；
- 做几个含义明确的模板（落在 DFT 频点上的纯音、脉冲），读懂分数热力图；
- 解释深度学习里的“卷积”其实是互相关（cross-correlation，不翻转卷积核），以及为什么这正好就是模板匹配；
- 验证 Python 循环、矩阵乘法和 `conv1d` 是同一个计算。

**先修知识**：第 1 章；向量与点积；正弦和余弦。**用时**：约 25 分钟。

原文的第二步：对每一小段声音，“用模板 1 比一比 → 得到一个分数，用模板 2 比一比 → 得到一个分数，……，用模板 N 比一比
→ 得到一个分数。这个‘比一比’就是卷积。”

这一章把“比一比”说清楚（就是**点积**，dot product），亲手做几个含义明确的模板（纯音、脉冲），用它们给语音的帧打分，
最后验证：Python 循环、矩阵乘法和 `conv1d` 是同一个计算的三种写法——结果相同，速度相差很大。
""",
    ),
    code("""
import torch
import torch.nn.functional as F
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("02")
"""),
    md(
        en=r"""
## A score is a dot product

Take a frame of 4 samples and a template of 4 samples. Multiply them sample by sample and add the products up: that
sum is the **score**,

$$s = \langle x, u \rangle = \sum_{l=0}^{L-1} x[l]\, u[l].$$

It is large when the frame is positive where the template is positive and negative where the template is negative
(the two have a similar shape), negative when the frame looks like the template turned upside down, and near 0 when
they have nothing in common. It compares **values**, not slopes: `[0, 1, 2, 3]` and `[-3, -2, -1, 0]` both go up, yet
their score is −4 (see the last line below).
""",
        zh=r"""
## 分数就是点积

取一个 4 个采样点的帧和一个 4 个采样点的模板（template），逐点相乘再把乘积加起来，这个和就是**分数**（score）：

$$s = \langle x, u \rangle = \sum_{l=0}^{L-1} x[l]\, u[l].$$

帧在模板为正的地方也为正、在模板为负的地方也为负（两者形状相像），分数就大；帧像是把模板上下翻转过来，分数就是负的；
两者毫不相干，分数接近 0。点积比较的是**取值**，不是走势：`[0, 1, 2, 3]` 和 `[-3, -2, -1, 0]` 都在上升，分数却是 −4（见下面最后一行）。
""",
    ),
    code("""
frame = torch.tensor([0.5, 1.0, -0.5, -1.0])
for template in (torch.tensor([1.0, 1.0, -1.0, -1.0]), torch.tensor([-1.0, -1.0, 1.0, 1.0]), torch.tensor([1.0, -1.0, 1.0, -1.0])):
    print(te.ch02.explain_dot(frame, template), "|", float(frame @ template))
print(te.ch02.explain_dot(torch.tensor([0.0, 1.0, 2.0, 3.0]), torch.tensor([-3.0, -2.0, -1.0, 0.0])))
"""),
    md(
        en=r"""
The three templates: one with the same shape as the frame (score 3), the same upside down (-3), and one that
does not line up with it (0). `frame @ template` is PyTorch's dot product.

## Strength = loudness × likeness

Geometry splits every score into two factors:

$$\langle x, u \rangle = \|x\|\, \|u\| \cos\theta,$$

where $\|x\|$ is the frame's length (its energy is $\|x\|^2$: how loud the frame is), $\|u\|$ the template's, and
$\cos\theta \in [-1, 1]$ how alike their shapes are. Our templates all have $\|u\| = 1$, so a score is
**loudness × likeness**: a loud frame that half fits can beat a quiet frame that fits perfectly. That is what the
"strength" of a strength map means.
""",
        zh=r"""
三个模板分别是：和帧形状相同的（分数 3）、上下翻转的（-3）、对不上的（0）。`frame @ template` 就是 PyTorch 里的点积。

## 强度 = 幅度 × 相似度

从几何上看，每个分数都能拆成两个因子：

$$\langle x, u \rangle = \|x\|\, \|u\| \cos\theta,$$

其中 $\|x\|$ 是帧的长度（范数；它的平方 $\|x\|^2$ 是帧的能量，即这一帧有多响），$\|u\|$ 是模板的长度，$\cos\theta \in [-1, 1]$
表示两者形状有多像。我们的模板都满足 $\|u\| = 1$，所以分数 = **帧的幅度（范数，即这一帧有多响）× 相似程度**：一个很响、只有一半像的帧，
分数可能超过一个很轻、完全吻合的帧。这就是“强度图”里“强度”二字的含义。
""",
    ),
    code("""
u = torch.tensor([1.0, 1.0, -1.0, -1.0])
print(te.ch02.describe_cosine(frame, u))
print(te.ch02.describe_cosine(2 * frame, u))          # twice as loud: twice the score, same cos θ
print(te.ch02.describe_cosine(frame, torch.tensor([1.0, 0.0, 0.0, -1.0])))  # a worse fit
"""),
    md(
        en="""
## Hand-made templates

A learned encoder invents its templates (chapter 05). To see what matching does we first make templates whose meaning
we know, each `L = 16` samples (2 ms at 8 kHz), all with the same energy so their scores compare fairly:

- **tones** (`te.ch02.tone`): a cosine of 500, 1000, 2000 or 3000 Hz, and the same tone shifted by a quarter
  period (a sine), since a frame can catch a wave at any point of its cycle;
- a **click** (`te.ch02.click`): a single 1 in the middle of the frame.
""",
        zh="""
## 手工模板

学出来的编码器会自己“发明”模板（第 5 章）。为了看清匹配在做什么，我们先做几个含义明确的模板，每个 `L = 16` 个采样点
（8 kHz 下 2 毫秒），能量都相同，这样分数才能公平比较：

- **纯音**（tone，`te.ch02.tone`）：500、1000、2000、3000 Hz 的余弦，以及同一个纯音错开四分之一周期的版本（正弦），
  因为一帧可能截到波形周期里的任何位置；
- **脉冲**（click，`te.ch02.click`）：帧正中间一个 1，其余全是 0。
""",
    ),
    code("""
templates, names = te.ch02.template_bank(L=16)
print(list(templates.shape), names)
print([round(float(e), 3) for e in (templates ** 2).sum(1)])
"""),
    code("""
fig = te.ch02.plot_templates(templates, names)
"""),
    md(
        en=r"""
Why these four frequencies? With $L = 16$ samples at $f_s = 8000$ Hz, a tone makes a whole number of cycles in one
frame exactly when its frequency is a multiple of $f_s / L = 500$ Hz: these are the **DFT bins** of a 16-sample frame
(chapter 04). 500, 1000, 2000 and 3000 Hz are bins 1, 2, 4 and 6, so every cos and sin template is orthogonal to every
other one (score 0 between different templates), which keeps the heat maps below clean. A 700 Hz template would not be:
""",
        zh=r"""
为什么选这四个频率？$L = 16$ 个采样点、$f_s = 8000$ Hz 时，只有频率是 $f_s / L = 500$ Hz 的整数倍的纯音，才会在一帧里恰好走完整数个周期：
这些就是 16 点帧的 **DFT 频点**（第 4 章）。500、1000、2000、3000 Hz 分别是第 1、2、4、6 个频点，所以任意两个不同的 cos、sin 模板都正交
（彼此的分数为 0），下面的热力图才这么“干净”。换成 700 Hz 的模板就不是这样了：
""",
    ),
    code("""
print(te.ch02.dft_bins(L=16))   # (frequency, f * L / fs): a whole number of cycles = a DFT bin
print(round(te.ch02.tones_are_orthogonal(L=16), 6), round(te.ch02.tones_are_orthogonal(L=16, frequencies=(700, 1000)), 2))
"""),
    md(
        en="""
The document pictures its templates as "a drum", "a voice", "a piano". Look at the pictures above: a 2 ms template
is far too short for that (a 100 Hz voice needs 10 ms for one period). What it can hold is a slice of an oscillation
in one frequency band, a click, a slope. Telling voices and instruments apart is the separator's job, which looks at
how these short matches change over time.
""",
        zh="""
原文把模板想象成“像鼓声”“像人声”“像钢琴”。看看上面的图：2 毫秒的模板太短，装不下这些（100 Hz 的人声一个周期就要 10 毫秒）。
它能装下的是某个频带里一小段振荡、一个脉冲或一段斜坡。区分人声和乐器要靠分离器：它观察这些短匹配如何随时间变化。
""",
    ),
    md(
        en="""
## Scoring a test signal

A test signal of four 20 ms parts: a 500 Hz tone, a 2000 Hz tone, silence with one click, a 1000 Hz tone.
(At 2 ms per frame these tones are too short to recognise by ear, but you can hear them change.)
""",
        zh="""
## 给测试信号打分

测试信号由四段 20 毫秒组成：500 Hz 纯音、2000 Hz 纯音、一段带一个脉冲的静音、1000 Hz 纯音。
（这么短的纯音很难听清音高，但能听出它们在变化。）
""",
    ),
    code("""
signal, segments = te.ch02.tone_sequence()
Audio(signal.numpy(), rate=8000)
"""),
    md(
        en="""
We slice it into frames (chapter 01) and score every frame with every template: `te.match_templates(frames, templates)`
gives a `[N, K]` table of scores, 9 templates × 79 frames.
""",
        zh="""
把它切成帧（第 1 章），再用每个模板给每一帧打分：`te.match_templates(frames, templates)` 得到 `[N, K]` 的分数表，
9 个模板 × 79 帧。
""",
    ),
    code("""
frames = te.slice_frames(signal, L=16)
scores = te.match_templates(frames, templates)
print(list(frames.shape), "->", list(scores.shape))
"""),
    code("""
fig = te.ch02.plot_scores(signal, templates, names, segments=segments)
"""),
    md(
        en="""
Read the heat map row by row (templates) and column by column (time). In each part, one template lights up:

- the **frequency** must match: the 2000 Hz part scores on the 2000 Hz rows and almost nowhere else;
- the **phase** must match too: here a sine wave scores on the `sin` templates and 0 on the `cos` ones, because each
  test tone starts at phase 0 and the hop is a whole number of periods or half a period. In general a frame catches a wave at some phase
  and scores on both, in proportion to it (chapter 04 combines the pair). In the 500 Hz part
  the hop (1 ms) is half a period, so every other frame catches the wave upside down and scores negative: the stripes.
  This is why learned encoders keep several templates of one frequency at different phases (chapter 05), and why
  chapter 03's ReLU, which keeps only positive scores, does not lose the tone;
- the **click** scores only in the frame where it sits right in the middle, where the click template expects it.

The winners, per part, from the frames that lie fully inside it:
""",
        zh="""
按行（模板）和按列（时间）来读这张热力图（heat map）。每一段里都有一个模板“亮”起来：

- **频率**要对上：2000 Hz 那段只在 2000 Hz 的行上有分数，其他地方几乎没有；
- **相位**（phase）也要对上：这里正弦波在 `sin` 模板上得分、在 `cos` 模板上得 0，是因为每段测试纯音都从相位 0 开始，
  而帧移恰好是整数个或半个周期。一般情况下，一帧截到的波形处于某个相位，在两个模板上都会得分，比例取决于相位（第 4 章会把这一对合起来）。
  500 Hz 那段里，帧移（1 毫秒）正好是半个周期，
  所以每隔一帧截到的波形就是上下颠倒的，分数为负，形成条纹。这就是为什么学到的编码器会在同一频率上保留好几个不同相位的模板
  （第 5 章），也是为什么第 3 章的 ReLU 只保留正分时，这个纯音并不会丢；
- **脉冲**只在它恰好位于帧正中间的那一帧得分，因为脉冲模板期待它在那里。

每一段的赢家（只看完全落在这一段里的帧）：
""",
    ),
    code("""
for label, winner, best in te.ch02.segment_winners(scores, names, segments, L=16):
    print(f"{label}: {winner} ({best:.2f})")
"""),
    md(
        en="""
## Scoring speech

Now a quarter of a second of speech (the loudest part of a shipped clip, synthetic like all of the course's clips). Speech is not one pure tone, so several
templates score at once, and the winner changes from frame to frame. A male voice has most of its energy low, so the
500 and 1000 Hz rows are the brightest.
""",
        zh="""
## 给语音打分

现在换成四分之一秒的语音（随包语音里最响的一段；和课程里的所有语音一样，是合成的）。语音不是单一的纯音，所以往往好几个模板同时得分，而且每一帧的赢家都在变。
男声的能量大多在低频，所以 500 和 1000 Hz 那几行最亮。
""",
    ),
    code("""
speech = te.ch02.speech_piece(seconds=0.25)
Audio(speech.numpy(), rate=8000)
"""),
    code("""
fig = te.ch02.plot_scores(speech, templates, names)
"""),
    md(
        en="""
## Three implementations of one computation

1. a **Python loop**: one multiplication at a time, exactly as defined (`te.ch02.match_templates_loop`);
2. **frames, then one matrix product**: `te.slice_frames` + `te.match_templates` (an `einsum`, i.e. `frames @ templates.T`);
3. **`conv1d`** with the templates as the convolution's weights `[N, 1, L]` and `stride = L // 2`: this is what the
   Encoder's `conv1d_U` does (`te.ch02.match_with_conv` is that one call).

On a small piece (the loop is slow), all three agree:
""",
        zh="""
## 三种写法，同样的结果

1. **Python 循环**：严格按定义，一次算一个乘法（`te.ch02.match_templates_loop`）；
2. **先切帧，再做一次矩阵乘法**：`te.slice_frames` + `te.match_templates`（一个 `einsum`，即 `frames @ templates.T`）；
3. **`conv1d`**：把模板当作卷积的权重 `[N, 1, L]`，`stride = L // 2`，这正是编码器里 `conv1d_U` 做的事
   （`te.ch02.match_with_conv` 就是这一次调用）。

在一小段信号上（循环很慢），三者结果一致：
""",
    ),
    code("""
piece = speech[:400]
by_loop = te.ch02.match_templates_loop(te.slice_frames(piece, 16), templates)
by_einsum = te.match_templates(te.slice_frames(piece, 16), templates)
by_conv = F.conv1d(piece.view(1, 1, -1), templates.unsqueeze(1), stride=8)[0]
print(list(by_loop.shape), list(by_einsum.shape), list(by_conv.shape))
print(torch.allclose(by_loop, by_conv, atol=1e-5), torch.allclose(by_einsum, by_conv, atol=1e-5))
print(round(float((by_loop - by_conv).abs().max()), 5), round(float((by_einsum - by_conv).abs().max()), 5))
"""),
    md(
        en=r"""
The largest difference rounds to 0: the tiny float errors come only from adding the products in a different order.

## Convolution or cross-correlation?

A signals-and-systems course defines convolution with the kernel **flipped**: $(x * u)[t] = \sum_l x[t - l]\, u[l]$.
PyTorch's `conv1d` (like every deep-learning "convolution") does not flip: it computes the **cross-correlation**
$\sum_l x[t + l]\, u[l]$, a dot product of the template with the frame starting at $t$. That is exactly template
matching. (For learned templates the difference does not matter: a network would simply learn the flipped kernel.)
NumPy has both, so we can ask:
""",
        zh=r"""
最大差值四舍五入后是 0：微小的浮点误差只是因为乘积相加的顺序不同。

## 卷积还是互相关？

《信号与系统》里的卷积要先把卷积核**翻转**：$(x * u)[t] = \sum_l x[t - l]\, u[l]$。PyTorch 的 `conv1d`（以及深度学习里所有的“卷积”）
并不翻转，它算的是**互相关**（cross-correlation）$\sum_l x[t + l]\, u[l]$，也就是模板和从 $t$ 开始的那一帧的点积——这正是模板匹配。
（对学出来的模板来说，翻不翻转无关紧要：网络会直接学出翻转后的卷积核。）NumPy 两种都有，可以直接验证：
""",
    ),
    code("""
print(te.ch02.describe_correlation(te.ch02.correlation_vs_convolution(torch.arange(8.0), torch.tensor([1.0, 2.0, 3.0]))))
"""),
    md(
        en="""
## Why the vectorised ways are fast

The loop does one Python operation per multiplication. The matrix product and `conv1d` hand the whole job to optimised
C code (or to a GPU) in one call. Timings on this machine for 0.1 s of audio (they differ from run to run and from
machine to machine; on inputs this small, einsum and `conv1d` are close and either may come first):
""",
        zh="""
## 为什么向量化的写法快

循环每做一次乘法就要执行一次 Python 操作。矩阵乘法和 `conv1d` 则一次调用就把整个任务交给优化过的 C 代码（或 GPU）。
下面是这台机器上处理 0.1 秒音频的用时（每次运行、每台机器都会不同；输入这么小时，einsum 和 `conv1d` 相差不大，谁快都有可能）：
""",
    ),
    code("""
timings = te.ch02.time_three_ways(speech[:800], templates)
""", tags=["nbval-ignore-output"]),
    md(
        en="The timings vary; the results do not. Same input as the timing cell, checked exactly:",
        zh="用时会变，结果不会变。用和上面计时相同的输入再核对一次：",
    ),
    code("""
frames = te.slice_frames(speech[:800], 16)
fast = te.ch02.match_with_conv(speech[:800], templates)
assert torch.allclose(te.ch02.match_templates_loop(frames, templates), fast, atol=1e-5)
assert torch.allclose(te.match_templates(frames, templates), fast, atol=1e-5)
print(te.t(f"loop, einsum and conv1d agree on all {fast.numel()} scores {list(fast.shape)}",
           f"循环、einsum 和 conv1d 的 {fast.numel()} 个分数 {list(fast.shape)} 全部一致"))
"""),
    md(
        en="""
The encoder is exactly this `conv1d` (followed by a ReLU): its `N` learned templates are the rows of `conv1d_U.weight`,
shape `[N, 1, L]`.

## Exercises

**Exercise 02.1** Score a 1000 Hz sine `te.ch02.sine_wave(1000, 0.01)` with `te.ch02.template_bank(16)`.
Which template scores highest? Answer with its name from `names`, for example `"2000 Hz cos"`.
""",
        zh="""
编码器就是这个 `conv1d`（后面接一个 ReLU）：它学到的 `N` 个模板就是 `conv1d_U.weight` 的各行，形状 `[N, 1, L]`。

## 练习

**练习 02.1** 用 `te.ch02.template_bank(16)` 给 1000 Hz 的正弦波 `te.ch02.sine_wave(1000, 0.01)` 打分。
哪个模板分数最高？用 `names` 里的名字作答，例如 `"2000 Hz cos"`。
""",
    ),
    code("""
answer = None  # your answer: a template name, e.g. "2000 Hz cos" / 你的答案：模板名称，例如 "2000 Hz cos"
te.check("02.1", answer)
"""),
    code("""
te.solution("02.1")
"""),
    md(
        en="""
**Exercise 02.2** Use the frame `[3, -1, 2, 0]` as its own template. What is its score?
""",
        zh="""
**练习 02.2** 把帧 `[3, -1, 2, 0]` 当作它自己的模板，分数是多少？
""",
    ),
    code("""
answer = None  # your answer: the score / 你的答案：分数
te.check("02.2", answer)
"""),
    code("""
te.solution("02.2")
"""),
    md(
        en="""
**Exercise 02.3** An encoder with `N = 64` templates of `L = 16` samples encodes one second of audio (`T = 8000`).
How many multiplications does its convolution do?
""",
        zh="""
**练习 02.3** 一个编码器有 `N = 64` 个模板，每个 `L = 16` 个采样点，处理一秒钟的音频（`T = 8000`）。
它的卷积一共做多少次乘法？
""",
    ),
    code("""
answer = None  # your answer: a whole number / 你的答案：一个整数
te.check("02.3", answer)
"""),
    code("""
te.solution("02.3")
"""),
    md(
        en="""
**Exercise 02.4** (open question, no checker) *Predict, then run.* Replace the 500 Hz templates by 700 Hz ones:
`te.ch02.template_bank(16, frequencies=(700, 1000, 2000, 3000))`, and draw the heat map of the same test signal with
`te.ch02.plot_scores`. Before running: will the 500 Hz part still light up one row only? Will the 700 Hz rows stay dark
in the 1000 Hz part?

*Our answer, in words*: 700 Hz is not a bin of a 16-sample frame (700 · 16 / 8000 = 1.4 cycles), so the 700 Hz
templates are not orthogonal to the others (their dot products with the 1000 Hz ones reach 0.56). The 500 Hz part
and the 1000 Hz part now also score on the 700 Hz rows: the heat map smears across neighbouring rows. One frequency
per row, cleanly, needs templates on the DFT grid, or many more templates than samples.
""",
        zh="""
**练习 02.4**（开放题，不自动检查）**先预测，再运行。** 把 500 Hz 的模板换成 700 Hz：
`te.ch02.template_bank(16, frequencies=(700, 1000, 2000, 3000))`，再用 `te.ch02.plot_scores` 画出同一个测试信号的热力图。
运行之前先想一想：500 Hz 那一段还会只亮一行吗？在 1000 Hz 那一段里，700 Hz 的行会保持暗吗？

**参考答案**：700 Hz 不是 16 点帧的频点（700 × 16 / 8000 = 1.4 个周期），所以 700 Hz 的模板和其他模板不正交（和 1000 Hz 模板的点积最大可达 0.56）。
500 Hz 段和 1000 Hz 段都会在 700 Hz 的行上得分：热力图在相邻几行之间“糊”开了。想让每一行干干净净只对应一个频率，
模板就要落在 DFT 频点上，或者用比采样点多得多的模板。
""",
    ),
    md(
        en=r"""
## Summary in three lines

1. Matching a frame with a template = their dot product $\langle x, u \rangle = \|x\|\,\|u\|\cos\theta$: loudness
   times likeness; large when they look alike, negative when one is the other upside down, about 0 when unrelated.
2. A template responds to a frequency *and* a phase; tones on the DFT grid ($f_s/L$ apart) are orthogonal, which is why
   the score table `[N, K]` of the test signal is so clean.
3. `conv1d` is a cross-correlation (no flip), i.e. template matching; a loop, a matrix product and `conv1d` are three
   implementations of it, and the two vectorised ones are hundreds of times faster than the loop.

### References

- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 2019: the encoder as a 1-D convolution with N filters.
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- A. Zhang et al., *Dive into Deep Learning*, "Convolutions for Images" (the cross-correlation operation):
  [d2l.ai/chapter_convolutional-neural-networks/conv-layer.html](https://d2l.ai/chapter_convolutional-neural-networks/conv-layer.html)
- M. Müller, FMP notebooks (start page; chapter 2 covers the DFT and the STFT):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

← Previous: [01 Slicing](01_slicing.ipynb) · Next: [03 ReLU: keep the positive scores](03_relu.ipynb) →
""",
        zh=r"""
## 本章总结（三句话）

1. 帧和模板的匹配 = 两者的点积 $\langle x, u \rangle = \|x\|\,\|u\|\cos\theta$：帧的幅度 × 相似程度；相像时大，一个是另一个上下颠倒时为负，毫不相干时约为 0。
2. 模板对频率**和**相位都敏感；落在 DFT 频点上（间隔 $f_s/L$）的纯音彼此正交，所以测试信号的分数表 `[N, K]` 才这么干净。
3. `conv1d` 是互相关（不翻转），也就是模板匹配；循环、矩阵乘法和 `conv1d` 是它的三种写法，两种向量化写法都比循环快几百倍。

### 参考文献

- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 2019：编码器就是一个有 N 个滤波器的一维卷积。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- 阿斯顿·张等，《动手学深度学习》，“图像卷积”一节（互相关运算）：
  [zh.d2l.ai/chapter_convolutional-neural-networks/conv-layer.html](https://zh.d2l.ai/chapter_convolutional-neural-networks/conv-layer.html)
- M. Müller，FMP notebooks（总览页；第 2 章讲 DFT 与 STFT）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

← 上一章：[第 1 章　切片](01_slicing.ipynb) · 下一章：[第 3 章　ReLU——只保留正分](03_relu.ipynb) →
""",
    ),
]
