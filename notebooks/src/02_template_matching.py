# Chapter 02: template matching. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 02 Template matching: a score is a dot product

Step 2 of the document: for every small piece of sound, "compare it with template 1 -> a score, with template 2 -> a
score, ..., with template N -> a score. This comparing is the convolution."

This chapter makes "compare" precise (a **dot product**), builds templates by hand whose meaning we know (pure tones,
a click), scores real frames with them, and shows that a Python loop, a matrix product and `conv1d` give the same
numbers, with `conv1d` by far the fastest.
""",
        zh="""
# 02 模板匹配：分数就是点积

原文的第二步：对每一小段声音，"用模板 1 比一比 → 得到一个分数，用模板 2 比一比 → 得到一个分数，……，用模板 N 比一比
→ 得到一个分数。这个'比一比'就是卷积。"

这一章把"比一比"说清楚（就是**点积**，dot product），亲手做几个含义明确的模板（纯音、脉冲），用它们给真实的帧打分，
最后验证：Python 循环、矩阵乘法和 `conv1d` 算出的数完全一样，而 `conv1d` 快得多。
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
        en="""
## A score is a dot product

Take a frame of 4 samples and a template of 4 samples. Multiply them sample by sample and add the products up: that
sum is the **score**. It is large when the frame goes up where the template goes up and down where it goes down,
negative when the frame looks like the template turned upside down, and near 0 when they have nothing in common.
""",
        zh="""
## 分数就是点积

取一个 4 个采样点的帧和一个 4 个采样点的模板（template），逐点相乘再把乘积加起来，这个和就是**分数**（score）。
帧在模板上升的地方上升、在模板下降的地方下降，分数就大；帧像是把模板上下翻转过来，分数就是负的；两者毫不相干，分数接近 0。
""",
    ),
    code("""
frame = torch.tensor([0.5, 1.0, -0.5, -1.0])
for template in (torch.tensor([1.0, 1.0, -1.0, -1.0]), torch.tensor([-1.0, -1.0, 1.0, 1.0]), torch.tensor([1.0, -1.0, 1.0, -1.0])):
    print(te.ch02.explain_dot(frame, template), "|", float(frame @ template))
"""),
    md(
        en="""
The three templates: one with the same shape as the frame (score 3), the same upside down (-3), and one that
does not line up with it (0). `frame @ template` is PyTorch's dot product.

## Hand-made templates

A learned encoder invents its templates (chapter 05). To see what matching does we first make templates whose meaning
we know, each `L = 16` samples (2 ms at 8 kHz), all with the same energy so their scores compare fairly:

- **tones** (`te.ch02.tone`): a cosine of 500, 1000, 2000 or 3000 Hz, and the same tone shifted by a quarter
  period (a sine), since a frame can catch a wave at any point of its cycle;
- a **click** (`te.ch02.click`): a single 1 in the middle of the frame.
""",
        zh="""
三个模板分别是：和帧形状相同的（分数 3）、上下翻转的（-3）、对不上的（0）。`frame @ template` 就是 PyTorch 里的点积。

## 手工模板

学出来的编码器会自己"发明"模板（第 05 章）。为了看清匹配在做什么，我们先做几个含义明确的模板，每个 `L = 16` 个采样点
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
把它切成帧（第 01 章），再用每个模板给每一帧打分：`te.match_templates(frames, templates)` 得到 `[N, K]` 的分数表，
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
- the **phase** must match too: a sine wave scores on the `sin` templates and 0 on the `cos` ones. In the 500 Hz part
  the hop (1 ms) is half a period, so every other frame catches the wave upside down and scores negative: the stripes.
  This is why learned encoders keep several templates of one frequency at different phases (chapter 05), and why
  chapter 03's ReLU, which keeps only positive scores, does not lose the tone;
- the **click** scores only in the frame where it sits right in the middle, where the click template expects it.

The winners, per part, from the frames that lie fully inside it:
""",
        zh="""
按行（模板）和按列（时间）来读这张热力图（heat map）。每一段里都有一个模板"亮"起来：

- **频率**要对上：2000 Hz 那段只在 2000 Hz 的行上有分数，其他地方几乎没有；
- **相位**（phase）也要对上：正弦波在 `sin` 模板上得分，在 `cos` 模板上得 0。500 Hz 那段里，步长（1 毫秒）正好是半个周期，
  所以每隔一帧截到的波形就是上下颠倒的，分数为负，形成条纹。这就是为什么学到的编码器会在同一频率上保留好几个不同相位的模板
  （第 05 章），也是为什么第 03 章的 ReLU 只保留正分时，这个纯音并不会丢；
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

Now a quarter of a second of real speech (the loudest part of a shipped clip). Speech is not one pure tone, so several
templates score at once, and the winner changes from frame to frame. A male voice has most of its energy low, so the
500 and 1000 Hz rows are the brightest.
""",
        zh="""
## 给语音打分

现在换成四分之一秒的真实语音（随包录音里最响的一段）。语音不是单一的纯音，所以往往好几个模板同时得分，而且每一帧的赢家都在变。
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
## Three ways to the same numbers

1. a **Python loop**: one multiplication at a time, exactly as defined (`te.ch02.match_templates_loop`);
2. **frames, then one matrix product**: `te.slice_frames` + `te.match_templates` (an `einsum`, i.e. `frames @ templates.T`);
3. **`conv1d`** with the templates as the convolution's weights `[N, 1, L]` and `stride = L // 2`: this is what the
   Encoder's `conv1d_U` does (`te.ch02.match_with_conv` is that one call).

On a small piece (the loop is slow), all three agree:
""",
        zh="""
## 三种算法，同样的数

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
        en="""
The largest difference rounds to 0: the tiny float errors come only from adding the products in a different order.

## Why the convolution is the fast way

The loop does one Python operation per multiplication. The matrix product and `conv1d` hand the whole job to optimised
C code (or to a GPU) in one call. Timings on this machine for 0.1 s of audio (they differ from run to run and from
machine to machine):
""",
        zh="""
最大差值四舍五入后是 0：微小的浮点误差只是因为乘积相加的顺序不同。

## 为什么卷积是最快的算法

循环每做一次乘法就要执行一次 Python 操作。矩阵乘法和 `conv1d` 则一次调用就把整个任务交给优化过的 C 代码（或 GPU）。
下面是这台机器上处理 0.1 秒音频的用时（每次运行、每台机器都会不同）：
""",
    ),
    code("""
# NBVAL_IGNORE_OUTPUT
timings = te.ch02.time_three_ways(speech[:800], templates)
"""),
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
answer = None  # a template name, e.g. "2000 Hz cos"
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
answer = None  # the score of [3, -1, 2, 0] with itself
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
answer = None  # a whole number
te.check("02.3", answer)
"""),
    code("""
te.solution("02.3")
"""),
    md(
        en="""
## Summary in three lines

1. Matching a frame with a template = their dot product: large when they look alike, negative when one is the other
   upside down, about 0 when unrelated.
2. A template responds to a frequency *and* a phase; the score table `[N, K]` shows which template fits which frame.
3. A loop, a matrix product and `conv1d` give the same scores; `conv1d` (the encoder's `conv1d_U`) is the fast way.

Next: [03 ReLU: keep the positive scores](03_relu.ipynb).
""",
        zh="""
## 3 行话总结

1. 帧和模板的匹配 = 两者的点积：相像时大，一个是另一个上下颠倒时为负，毫不相干时约为 0。
2. 模板对频率**和**相位都敏感；分数表 `[N, K]` 显示每一帧最像哪个模板。
3. 循环、矩阵乘法和 `conv1d` 算出同样的分数；`conv1d`（编码器里的 `conv1d_U`）是最快的算法。

下一章：[03 ReLU：只保留正分](03_relu.ipynb)。
""",
    ),
]
