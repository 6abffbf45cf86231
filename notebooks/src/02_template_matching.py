# Chapter 02: template matching. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en=r"""
# 02 Template matching: a score is a dot product

**After this chapter you can**

- compute a score as a dot product and read it as $\|\text{frame}\| \cdot \|\text{template}\| \cdot \cos\theta$;
- build templates whose meaning you know (tones on the DFT grid, a click) and read a score heat map;
- write all the scores as a double loop, as one matrix product and as one `conv1d`, and check that they agree;
- show by a computation why deep learning's "convolution" is a cross-correlation (no flip), i.e. template matching.

**Prerequisites**: chapter 01; vectors and the dot product; sine and cosine. **Time**: about 65 min.

Step 2 of the document: for every small piece of sound, "compare it with template 1 -> a score, with template 2 -> a
score, ..., with template N -> a score. This comparing is the convolution."

This chapter makes "compare" precise (a **dot product**), builds templates by hand whose meaning we know (pure tones,
a click), scores frames with them, and computes the scores in four ways, from a Python loop to `conv1d`: same numbers,
very different speed.
""",
        zh=r"""
# 第 2 章　模板匹配——分数就是点积

**学完本章，你将能够**

- 把分数算成点积，并把它读作 $\|\text{帧}\| \cdot \|\text{模板}\| \cdot \cos\theta$；
- 做几个含义明确的模板（落在 DFT 频点上的纯音、脉冲），读懂分数热力图；
- 用二重循环、一次矩阵乘法和一次 `conv1d` 分别算出所有分数，并验证结果一致；
- 用一个计算说明深度学习里的“卷积”其实是互相关（cross-correlation，不翻转卷积核），也就是模板匹配。

**先修知识**：第 1 章；向量与点积；正弦和余弦。**用时**：约 65 分钟。

原文的第二步：对每一小段声音，“用模板 1 比一比 → 得到一个分数，用模板 2 比一比 → 得到一个分数，……，用模板 N 比一比
→ 得到一个分数。这个‘比一比’就是卷积。”

这一章把“比一比”说清楚（就是**点积**，dot product），亲手做几个含义明确的模板（纯音、脉冲），用它们给帧打分，
再用四种写法算出同样的分数，从 Python 循环一直到 `conv1d`：结果相同，速度相差很大。
""",
    ),
    code("""
import math
import numpy as np
import torch
import torch.nn.functional as F
import tasnet_edu as te
from IPython.display import Audio
from tasnet_edu.core.signals import loudest_start
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
they have nothing in common. In PyTorch, `frame @ template` is this dot product.
""",
        zh=r"""
## 分数就是点积

取一个 4 个采样点的帧和一个 4 个采样点的模板（template），逐点相乘再把乘积加起来，这个和就是**分数**（score）：

$$s = \langle x, u \rangle = \sum_{l=0}^{L-1} x[l]\, u[l].$$

帧在模板为正的地方也为正、在模板为负的地方也为负（两者形状相像），分数就大；帧像是把模板上下翻转过来，分数就是负的；
两者毫不相干，分数接近 0。在 PyTorch 里，`frame @ template` 就是这个点积。
""",
    ),
    code("""
frame = torch.tensor([0.5, 1.0, -0.5, -1.0])
template = torch.tensor([1.0, 1.0, -1.0, -1.0])
products = frame * template  # en: sample by sample // zh: 逐点相乘
print(products.tolist(), "->", float(products.sum()))
assert frame @ template == (frame * template).sum()  # en: `@` computes the same sum // zh: `@` 算的是同一个和
for other in ([-1.0, -1.0, 1.0, 1.0], [1.0, -1.0, 1.0, -1.0]):
    print(other, "->", float(frame @ torch.tensor(other)))
print(float(torch.tensor([0.0, 1.0, 2.0, 3.0]) @ torch.tensor([-3.0, -2.0, -1.0, 0.0])))
"""),
    md(
        en=r"""
The first template has a shape close to the frame's (score 3), the second is the same template upside down (−3), the
third does not line up with the frame (0). The last line: a dot product compares **values**, not slopes. `[0, 1, 2, 3]`
and `[-3, -2, -1, 0]` both go up, yet their score is −4.

## Strength = loudness × likeness

Geometry splits every score into two factors:

$$\langle x, u \rangle = \|x\|\, \|u\| \cos\theta,$$

where $\|x\|$ is the frame's length, its **norm** (its square $\|x\|^2$ is the frame's energy: how loud it is),
$\|u\|$ the template's norm, and $\cos\theta \in [-1, 1]$ how alike their shapes are (the **cosine similarity**).
Scale a template to length 1 (divide it by its norm) and a score is $\|x\| \cos\theta$: **loudness × likeness**.
Every template from here on has $\|u\| = 1$. PyTorch computes $\cos\theta$ on its own (`F.cosine_similarity`), so
we can check the formula:
""",
        zh=r"""
第一个模板和帧的形状相近（分数 3），第二个是把它上下翻转（−3），第三个和帧对不上（0）。最后一行说明点积比较的是**取值**，
不是走势：`[0, 1, 2, 3]` 和 `[-3, -2, -1, 0]` 都在上升，分数却是 −4。

## 强度 = 响度 × 相似度

从几何上看，每个分数都能拆成两个因子：

$$\langle x, u \rangle = \|x\|\, \|u\| \cos\theta,$$

其中 $\|x\|$ 是帧的长度，即它的**范数**（norm；范数的平方 $\|x\|^2$ 是帧的能量，表示这一帧有多响），$\|u\|$ 是模板的范数，
$\cos\theta \in [-1, 1]$ 表示两者形状有多像（**余弦相似度**，cosine similarity）。把模板缩放到长度 1（除以它的范数），
分数就是 $\|x\| \cos\theta$，即**响度 × 相似度**。从这里开始，所有模板都满足 $\|u\| = 1$。PyTorch 能单独算出
$\cos\theta$（`F.cosine_similarity`），我们用它来验证这个公式：
""",
    ),
    code("""
u = template / template.norm()  # en: length 1: ‖u‖ = 1 // zh: 缩放到长度 1：‖u‖ = 1
v = torch.tensor([1.0, 0.0, 0.0, -1.0])
v = v / v.norm()  # en: a template that fits the frame less well // zh: 和这一帧不那么像的模板
for x, w in ((frame, u), (2 * frame, u), (2 * frame, v)):  # en: 2 * frame: the same frame, twice as loud // zh: 2 * frame：同一帧，响一倍
    cos = F.cosine_similarity(x, w, dim=0)
    assert torch.isclose(x @ w, x.norm() * w.norm() * cos)
    print(f"‖x‖ {x.norm():.3f} × ‖u‖ {w.norm():.3f} × cos θ {cos:.3f} = {x @ w:.3f}")
"""),
    md(
        en="""
Each line ends with the score `x @ w`. Twice as loud gives twice the score with the same $\\cos\\theta$ (lines 1 and 2).
The third line scores the loud frame against the worse-fitting template: its $\\cos\\theta$ is lower than in line 1,
yet its score is higher. A score mixes how loud a frame is with how well it fits. That is what the "strength" of a
strength map means.

## Hand-made templates

A learned encoder invents its templates (chapter 05). To see what matching does we first make templates whose meaning
we know, each `L = 16` samples (2 ms at 8 kHz), all scaled to length 1 so their scores compare fairly:

- **tones**: a cosine of 500, 1000, 2000 or 3000 Hz, and the same tone shifted by a quarter period (a sine), since a
  frame can catch a wave at any point of its cycle; in the code they are called `cos500`, `sin500`, and so on;
- a **click**, written `δ` (a unit impulse): a single 1 in the middle of the frame.
""",
        zh="""
每一行最后的数就是分数 `x @ w`。响一倍，分数就翻倍，$\\cos\\theta$ 不变（第 1、2 行）。第 3 行用那个不太像的模板给响的帧打分：
它的 $\\cos\\theta$ 比第 1 行低，分数却比第 1 行高。分数里既有这一帧有多响，也有它和模板有多像。这就是“强度图”里“强度”二字的含义。

## 手工模板

学出来的编码器会自己“发明”模板（第 5 章）。为了看清匹配在做什么，我们先做几个含义明确的模板，每个 `L = 16` 个采样点
（8 kHz 下 2 毫秒），都缩放到长度 1，这样分数才能公平比较：

- **纯音**（tone）：500、1000、2000、3000 Hz 的余弦，以及同一个纯音错开四分之一周期的版本（正弦），
  因为一帧可能截到波形周期里的任何位置；代码里把它们记作 `cos500`、`sin500` 等；
- **脉冲**（click），记作 `δ`（单位脉冲）：帧正中间一个 1，其余全是 0。
""",
    ),
    code("""
fs, L = 8000, 16
n = torch.arange(L)  # en: sample index 0 .. L-1 // zh: 采样点序号 0 .. L-1
rows, names = [], []
for f in (500, 1000, 2000, 3000):
    rows += [torch.cos(2 * math.pi * f * n / fs), torch.sin(2 * math.pi * f * n / fs)]
    names += [f"cos{f}", f"sin{f}"]  # en: code names: cos500 is the 500 Hz cosine // zh: 代号：cos500 表示 500 Hz 的余弦
rows.append((n == L // 2).float())  # en: δ: one 1 in the middle of the frame // zh: δ：帧正中间一个 1
names.append("δ")
U = torch.stack(rows)
U = U / U.norm(dim=1, keepdim=True)  # en: every row scaled to ‖u‖ = 1 // zh: 每一行都缩放到 ‖u‖ = 1
print(list(U.shape), names)
assert torch.allclose(U, te.ch02.template_bank(L)[0], atol=1e-5)  # en: the bank the course's figures draw // zh: 和课程插图用的模板组相同
fig = te.ch02.plot_templates(U, names)
"""),
    md(
        en=r"""
Why these four frequencies? With $L = 16$ samples at $f_s = 8000$ Hz, a tone makes a whole number of cycles in one
frame exactly when its frequency is a multiple of $f_s / L = 500$ Hz (chapter 04 calls these frequencies the **DFT
bins** of a 16-sample frame). Two different tones of this kind are **orthogonal**: their dot product is 0. One matrix
product scores every template against every other: `G = U @ U.T`, with `G[i, j]` the score of template `i` against
template `j`. Below: how many cycles each frequency makes in one frame; the largest score between two different tone
templates; the click against each tone; and the largest score of a 700 Hz tone against the bank's tones.
""",
        zh=r"""
为什么选这四个频率？$L = 16$ 个采样点、$f_s = 8000$ Hz 时，只有频率是 $f_s / L = 500$ Hz 的整数倍的纯音，才会在一帧里恰好走完整数个周期
（第 4 章把这些频率叫作 16 点帧的 **DFT 频点**）。两个不同的这种纯音**正交**（orthogonal）：点积为 0。一次矩阵乘法就能让每个模板和其他每个模板比一比：
`G = U @ U.T`，`G[i, j]` 是模板 `i` 和模板 `j` 的点积。下面依次打印：每个频率在一帧里走几个周期；两个不同纯音模板之间最大的分数；
脉冲和每个纯音的分数；700 Hz 纯音和模板组里各纯音之间最大的分数。
""",
    ),
    code("""
print([f * L / fs for f in (500, 1000, 2000, 3000, 700)])  # en: cycles in one frame // zh: 一帧里的周期数
G = U @ U.T
print(f"{(G[:8, :8] - torch.eye(8)).abs().max():.3f}")  # en: tone against another tone // zh: 纯音与另一个纯音
print([round(g, 2) + 0.0 for g in G[8, :8].tolist()])  # en: δ against each tone // zh: δ 与每个纯音
u700 = torch.stack([torch.cos(2 * math.pi * 700 * n / fs), torch.sin(2 * math.pi * 700 * n / fs)])
u700 = u700 / u700.norm(dim=1, keepdim=True)
print(f"{(u700 @ U[:8].T).abs().max():.2f}")  # en: 700 Hz against the bank's tones // zh: 700 Hz 与模板组里的纯音
"""),
    md(
        en="""
The tone templates are mutually orthogonal, which keeps the heat maps below clean. The click is orthogonal to the sines
(every sine here is 0 at the middle sample, where the click sits) but not to the cosines: ±0.35 there. A 700 Hz tone
makes 1.4 cycles per frame and overlaps the bank's tones.

The document pictures its templates as "a drum", "a voice", "a piano". Look at the pictures above: a 2 ms template
is far too short for that (a 100 Hz voice needs 10 ms for one period). What it can hold is a slice of an oscillation
in one frequency band, a click, a slope. Telling voices and instruments apart is the separator's job, which looks at
how these short matches change over time.

## Scoring a test signal

A test signal of four 20 ms parts: a 500 Hz tone, a 2000 Hz tone, silence with one click, a 1000 Hz tone. Together
they last only 80 ms, a short blip when you play it; the score table below takes it apart.
""",
        zh="""
纯音模板两两正交，所以下面的热力图才这么“干净”。脉冲和正弦模板正交（这里的每个正弦在正中间那个采样点上都是 0，脉冲正好在那里），
和余弦模板却不正交：分数是 ±0.35。700 Hz 的纯音在一帧里走 1.4 个周期，和模板组里的纯音有重叠。

原文把模板想象成“像鼓声”“像人声”“像钢琴”。看看上面的图：2 毫秒的模板太短，装不下这些（100 Hz 的人声一个周期就要 10 毫秒）。
它能装下的是某个频带里的一小段振荡、一个脉冲或一段斜坡。区分人声和乐器要靠分离器：它观察这些短时匹配的结果如何随时间变化。

## 给测试信号打分

测试信号由四段 20 毫秒组成：500 Hz 纯音、2000 Hz 纯音、一段带一个脉冲的静音、1000 Hz 纯音。
四段加起来只有 80 毫秒，播放出来只是短短的一声；下面的分数表会把它拆开来看。
""",
    ),
    code("""
seconds = torch.arange(160) / fs  # en: 20 ms: the times of 160 samples // zh: 20 毫秒：160 个采样点的时刻
impulse = torch.zeros(160)
impulse[80] = 1.0  # en: silence with one click // zh: 静音里一个脉冲
parts = {"500 Hz": 0.5 * torch.sin(2 * math.pi * 500 * seconds), "2000 Hz": 0.5 * torch.sin(2 * math.pi * 2000 * seconds),
         "δ": impulse, "1000 Hz": 0.5 * torch.sin(2 * math.pi * 1000 * seconds)}
signal = torch.cat(list(parts.values()))
segments = [(160 * i, 160 * (i + 1), label) for i, label in enumerate(parts)]  # en: (start, end, label) // zh: （起点，终点，标签）
print(list(signal.shape), segments)
Audio(signal.numpy(), rate=fs)
"""),
    md(
        en="""
We slice it into frames (chapter 01) and score every frame with every template, one dot product at a time, exactly as
defined: a double loop over the templates `i` and the frames `k`, filling a table of scores `[N, K]`. The package's
`te.match_templates` computes the same table (chapter 04 uses it); the `assert` checks that they agree.
""",
        zh="""
把它切成帧（第 1 章），再用每个模板给每一帧打分，严格按定义一次算一个点积：对模板 `i` 和帧 `k` 做二重循环，填满一张
`[N, K]` 的分数表。课程包里的 `te.match_templates` 算的是同一张表（第 4 章会用到它）；`assert` 检查两者一致。
""",
    ),
    code("""
def match_loop(frames, U):
    scores = torch.zeros(U.shape[0], frames.shape[0])  # en: [N, K] // zh: [N, K]
    for i in range(U.shape[0]):  # en: template i // zh: 第 i 个模板
        for k in range(frames.shape[0]):  # en: frame k // zh: 第 k 帧
            scores[i, k] = (frames[k] * U[i]).sum()  # en: one score: a dot product // zh: 一个分数：一次点积
    return scores


frames = te.slice_frames(signal, L)  # en: [K, L] // zh: [K, L]
scores = match_loop(frames, U)
print(list(frames.shape), "->", list(scores.shape))
assert torch.allclose(scores, te.match_templates(frames, U), atol=1e-6)
"""),
    code("""
fig = te.ch02.plot_scores(signal, scores, names, segments=segments)
"""),
    md(
        en="""
Read the heat map row by row (templates) and column by column (time). In each tone part, one template lights up:

- the **frequency** must match: the 2000 Hz part scores on the 2000 Hz rows and almost nowhere else;
- the **phase** must match too: each tone scores on its `sin` template and about 0 on its `cos` one. Each part starts
  at phase 0 (a sine starts at 0, going up), and one hop (8 samples, 1 ms) holds exactly 1 period of 1000 Hz and 2
  periods of 2000 Hz (the first line printed below), so every frame of these parts starts at the same point of the wave
  as the part's first frame. For 500 Hz, one hop is half a period: every other frame starts half a period later,
  catches the wave upside down and scores negative, hence the stripes. A frame that starts anywhere else in the cycle
  scores on both the `cos` and the `sin` template, in proportion to its phase (chapter 04 combines the pair). This is
  why learned encoders keep several templates of one frequency at different phases (chapter 05), and why chapter 03's
  ReLU, which keeps only positive scores, does not lose the tone;
- the **click**: the `δ` template scores only when the click falls on the frame's middle sample, where its single 1
  sits. The click also lights the `cos` rows faintly (±0.35, as `G` showed), in that frame and in the next one, which
  has the click on its first sample.

For each part, the template with the highest score in the frames lying fully inside the part:
""",
        zh="""
按行（模板）和按列（时间）来读这张热力图（heat map）。每一段纯音里，都有一个模板“亮”起来：

- **频率**要对上：2000 Hz 那段只在 2000 Hz 的行上有分数，其他地方几乎没有；
- **相位**（phase）也要对上：每段纯音都在它的 `sin` 模板上得分，在 `cos` 模板上几乎为 0。每一段都从相位 0 开始（正弦从 0 开始上升），
  而一个帧移（8 个采样点，1 毫秒）恰好是 1000 Hz 的 1 个周期、2000 Hz 的 2 个周期（见下面打印的第一行），
  所以这两段里的每一帧都和该段第一帧从波形的同一个位置开始。对 500 Hz 来说，一个帧移只有半个周期：每隔一帧，起点就晚半个周期，
  截到的波形上下颠倒，分数为负，于是出现条纹。如果一帧从周期里的其他位置开始，它在 `cos` 和 `sin` 两个模板上都会得分，
  比例取决于相位（第 4 章会把这一对合起来）。这就是为什么学到的编码器会在同一频率上保留好几个不同相位的模板（第 5 章），
  也是为什么第 3 章的 ReLU 只保留正分时，这个纯音并不会丢；
- **脉冲**：只有当脉冲正好落在帧的正中间时，`δ` 模板才会得分，因为模板里唯一的 1 就在正中间。脉冲还会让 `cos` 那几行微微发亮
  （±0.35，和上面的 `G` 一致）：一次是在这一帧，一次是在下一帧，那一帧的第一个采样点正好是脉冲。

每一段里得分最高的模板（只看完全落在这一段里的帧）：
""",
    ),
    code("""
hop = L // 2
print([f * hop / fs for f in (500, 1000, 2000)])  # en: periods in one hop // zh: 一个帧移里的周期数
for start, end, label in segments:
    inside = [k for k in range(scores.shape[1]) if start <= k * hop and k * hop + L <= end]  # en: frames fully inside the part // zh: 完全落在这一段里的帧
    best = scores[:, inside].max(dim=1).values  # en: each template's highest score in the part // zh: 每个模板在这一段里的最高分
    print(f"{label} -> {names[int(best.argmax())]!r} {best.max():.2f}")  # en: the template's code name, its score // zh: 模板的代号和它的分数
"""),
    md(
        en="""
## The same scores without a loop

The loop computes `N × K` dot products one by one. Three vectorised ways give the same table in one call:

1. a **matrix product**: the frames are the rows of a `[K, L]` matrix, the templates the rows of `U`, `[N, L]`; then
   `frames @ U.T` is `[K, N]`, every dot product at once (`.T` turns it into `[N, K]`);
2. **`einsum`**: `torch.einsum("kl,nl->nk", frames, U)` says the same with indices: multiply along `l` and sum `l`
   away. `te.match_templates` is written this way;
3. **`conv1d`** with the templates as the convolution's weights `U[:, None, :]`, shape `[N, 1, L]` (N output channels,
   1 input channel), and `stride = L // 2`, on the whole signal `[M = 1, 1, T]`: it slices the frames itself. This is
   what the Encoder's `conv1d_U` does; its N output channels are the N templates, as the document's table says
   ("N: output channels = number of kernels").

Floats added in a different order can differ in the last bits, so we compare with a small tolerance:
""",
        zh="""
## 不用循环，算出同样的分数

循环要一个一个地算 `N × K` 个点积。下面三种向量化的写法，一次调用就得到同一张表：

1. **矩阵乘法**：把帧当作 `[K, L]` 矩阵的各行，模板是 `U` 的各行，`[N, L]`；`frames @ U.T` 的形状是 `[K, N]`，一次算出所有点积
   （`.T` 把它转成 `[N, K]`）；
2. **`einsum`**：`torch.einsum("kl,nl->nk", frames, U)` 用下标说同一件事：沿 `l` 相乘，再把 `l` 求和消掉。`te.match_templates` 就是这样写的；
3. **`conv1d`**：把模板当作卷积的权重 `U[:, None, :]`，形状 `[N, 1, L]`（N 个输出通道，1 个输入通道），`stride = L // 2`，
   作用在整段信号 `[M = 1, 1, T]` 上：它自己切帧。这正是编码器里 `conv1d_U` 做的事；原文参数表说“N：输出通道 = 卷积核数量”，
   指的就是这 N 个输出通道，每个通道一个模板。

浮点数相加的顺序不同，最后几位就可能不同，所以比较时留一点容差：
""",
    ),
    code("""
by_matmul = (frames @ U.T).T  # en: [K, L] @ [L, N] = [K, N], turned into [N, K] // zh: [K, L] @ [L, N] = [K, N]，再转成 [N, K]
by_einsum = torch.einsum("kl,nl->nk", frames, U)  # en: multiply along l, sum l away // zh: 沿 l 相乘，再把 l 求和消掉
by_conv = F.conv1d(signal.view(1, 1, -1), U[:, None, :], stride=L // 2)[0]  # en: [1, 1, T] -> [1, N, K] // zh: [1, 1, T] -> [1, N, K]
print(list(by_matmul.shape), list(by_einsum.shape), list(by_conv.shape))
for other in (by_matmul, by_einsum, by_conv, te.match_templates(frames, U)):
    assert torch.allclose(other, scores, atol=1e-6)  # en: the loop's scores, up to float rounding // zh: 与循环的分数相同，只差浮点舍入
print(round(float((by_conv - scores).abs().max()), 5))
"""),
    md(
        en=r"""
The largest difference rounds to 0. The encoder is exactly this `conv1d`, followed by a ReLU: its `N` learned
templates are the rows of `conv1d_U.weight`, shape `[N, 1, L]`.

## Convolution or cross-correlation?

A signals-and-systems course defines convolution with the kernel **flipped**: $(x * u)[t] = \sum_l x[t - l]\, u[l]$.
Template matching does not flip: it slides the template along the signal and takes the dot product with the frame
starting at $t$, $\sum_l x[t + l]\, u[l]$, the **cross-correlation**. Which one does `conv1d` compute? We compute both
by hand, with stride 1 and a kernel that is not symmetric (a symmetric one looks the same flipped), and compare:
""",
        zh=r"""
最大差值四舍五入后是 0。编码器就是这个 `conv1d`（后面接一个 ReLU）：它学到的 `N` 个模板就是 `conv1d_U.weight` 的各行，形状 `[N, 1, L]`。

## 卷积还是互相关？

《信号与系统》里的卷积要先把卷积核**翻转**：$(x * u)[t] = \sum_l x[t - l]\, u[l]$。模板匹配并不翻转：它让模板沿着信号滑动，
和从 $t$ 开始的那一帧做点积，$\sum_l x[t + l]\, u[l]$，这叫**互相关**（cross-correlation）。`conv1d` 算的是哪一个？
我们取步长 1 和一个不对称的卷积核（对称的卷积核翻转后还是它自己，分不出来），把两种都亲手算出来比一比：
""",
    ),
    code("""
x = torch.arange(8.0)
k3 = torch.tensor([1.0, 2.0, 3.0])
by_conv1d = F.conv1d(x.view(1, 1, -1), k3.view(1, 1, -1))[0, 0]  # en: stride 1: a frame at every start t // zh: 步长 1：每个起点 t 一帧
correlation = torch.stack([x[t : t + 3] @ k3 for t in range(6)])  # en: slide, no flip // zh: 滑动，不翻转
convolution = torch.stack([x[t : t + 3] @ k3.flip(0) for t in range(6)])  # en: flip the kernel first // zh: 先把卷积核翻转
print(by_conv1d.tolist())
print(correlation.tolist())
print(convolution.tolist())
assert torch.equal(by_conv1d, correlation) and not torch.equal(by_conv1d, convolution)
assert np.array_equal(np.convolve(x.numpy(), k3.numpy(), mode="valid"), convolution.numpy())  # en: NumPy's convolve flips // zh: NumPy 的 convolve 会翻转
"""),
    md(
        en="""
`conv1d` gives the first line: the cross-correlation, the dot product of the kernel with each frame. The textbook
convolution (NumPy's `np.convolve`, checked on the last line of the cell) gives the third. So the "convolution" of deep
learning is template matching, the same computation as our loop. (For learned templates the flip does not matter: a
network would simply learn the flipped kernel.)

## Scoring speech

Now a quarter of a second of speech: the loudest quarter second of the course's English example sentence, a
synthetic male voice (espeak-ng). This time the scores come from one `conv1d` call. Speech is not one pure tone, so
several templates score at once, and which one scores highest changes from frame to frame. This voice has most of its
energy low, so the 500 and 1000 Hz rows are the brightest.
""",
        zh="""
`conv1d` 得到的是第一行：互相关，也就是卷积核和每一帧的点积。教科书里的卷积（NumPy 的 `np.convolve`，单元格最后一行验证过）得到的是第三行。
所以深度学习里的“卷积”就是模板匹配，和我们的循环是同一个计算。（对学出来的模板来说，翻不翻转无关紧要：网络会直接学出翻转后的卷积核。）

## 给语音打分

现在换成四分之一秒的语音：课程自带的英语例句里最响的四分之一秒，是用 espeak-ng 合成的男声。这次分数由一次 `conv1d` 调用算出。
语音不是单一的纯音，所以往往好几个模板同时得分，而且得分最高的模板每一帧都在变。这个声音的能量大多在低频，所以 500 和 1000 Hz 那几行最亮。
""",
    ),
    code("""
clip = te.load_clip("en_s00_v0.flac")  # en: "The quick brown fox jumps over the lazy dog." // zh: 英语例句“The quick brown fox jumps over the lazy dog.”
start = loudest_start(clip, 2000, 500)  # en: the loudest 0.25 s (chapter 01) // zh: 最响的 0.25 秒（第 1 章）
speech = clip[start : start + 2000]
speech_scores = F.conv1d(speech.view(1, 1, -1), U[:, None, :], stride=L // 2)[0]
print(list(speech.shape), "->", list(speech_scores.shape))
fig = te.ch02.plot_scores(speech, speech_scores, names, best=False)
Audio(speech.numpy(), rate=fs)
"""),
    md(
        en="""
## Why the vectorised ways are fast

The loop runs one Python step per dot product. The matrix product and `conv1d` hand the whole job to optimised C code
(or to a GPU) in one call. Timings on this machine for 0.1 s of audio, on one core, in milliseconds (they differ from run to run
and from machine to machine; on inputs this small, the matrix product and `conv1d` are close and either may come first):
""",
        zh="""
## 为什么向量化的写法快

循环每算一个点积就要执行一步 Python 代码。矩阵乘法和 `conv1d` 则一次调用就把整个任务交给优化过的 C 代码（或 GPU）。
下面是这台机器上用一个核处理 0.1 秒音频的用时，单位毫秒（每次运行、每台机器都会不同；输入这么小时，矩阵乘法和 `conv1d` 相差不大，谁快都有可能）：
""",
    ),
    code("""
import time


def time_three_ways(x, repeats=20):
    ways = {"match_loop": lambda: match_loop(te.slice_frames(x, L), U),
            "frames @ U.T": lambda: te.slice_frames(x, L) @ U.T,
            "F.conv1d": lambda: F.conv1d(x.view(1, 1, -1), U[:, None, :], stride=L // 2)}
    best = {}
    for name, way in ways.items():
        runs = []
        for _ in range(1 if name == "match_loop" else repeats):  # en: the slow loop runs once // zh: 很慢的循环只跑一次
            begin = time.perf_counter()
            way()
            runs.append(1000 * (time.perf_counter() - begin))
        best[name] = min(runs)  # en: the fastest run, in ms // zh: 最快的一次，单位毫秒
    return best


threads = torch.get_num_threads()
torch.set_num_threads(1)  # en: one core for all three, as the loop has: steadier on a busy machine // zh: 三种写法都只用一个核（和循环一样）：机器忙时更稳定
for name, ms in time_three_ways(speech[:800]).items():
    print(f"{name:>12}: {ms:9.3f} ms")
torch.set_num_threads(threads)
""", tags=["nbval-ignore-output"]),
    md(
        en="The timings vary; the results do not. The same input as the timing cell, checked:",
        zh="用时会变，结果不会变。用和上面计时相同的输入再核对一次：",
    ),
    code("""
piece = speech[:800]
fast = F.conv1d(piece.view(1, 1, -1), U[:, None, :], stride=L // 2)[0]
assert torch.allclose(match_loop(te.slice_frames(piece, L), U), fast, atol=1e-5)
assert torch.allclose((te.slice_frames(piece, L) @ U.T).T, fast, atol=1e-5)
print(fast.numel(), list(fast.shape))
"""),
    md(
        en="""
## Exercises

**Exercise 02.1** (build) Write `my_cosine(frames, U)`: $\\cos\\theta$ between every frame and every template, from the
formula $\\langle x, u \\rangle / (\\|x\\|\\,\\|u\\|)$ (without `F.cosine_similarity`). `frames` is `[K, L]`, or a batch
`[M, K, L]`; `U` is `[N, L]`, and its templates need not have length 1. Return `[N, K]` (for a batch, `[M, N, K]`),
like the score table. A silent frame (all zeros) has no direction: return 0 for it, not `nan`. `te.check` runs your
function on its own inputs (odd `L`, a batch, a frame and the same frame 100 times louder, silence) and compares.
""",
        zh="""
## 练习

**练习 02.1**（动手写）写一个函数 `my_cosine(frames, U)`：按公式 $\\langle x, u \\rangle / (\\|x\\|\\,\\|u\\|)$ 算出每一帧和每个模板之间的
$\\cos\\theta$（不要用 `F.cosine_similarity`）。`frames` 的形状是 `[K, L]`，或者一批帧 `[M, K, L]`；`U` 是 `[N, L]`，其中的模板长度不一定是 1。
和分数表一样，返回 `[N, K]`（一批帧时返回 `[M, N, K]`）。静音帧（全是 0）没有方向：对它返回 0，而不是 `nan`。
`te.check` 会用它自己的输入（奇数 `L`、一批帧、一帧及其响 100 倍的版本、静音）运行你的函数并核对结果。
""",
    ),
    code("""
def my_cosine(frames, U):
    # en: frames [K, L] or [M, K, L], templates U [N, L] -> cos θ [N, K] or [M, N, K]; 0 for a silent frame // zh: frames [K, L] 或 [M, K, L]，模板 U [N, L] -> cos θ [N, K] 或 [M, N, K]；静音帧得 0
    ...  # en: your code // zh: 你的代码


te.check("02.1", my_cosine)
"""),
    code("""
te.solution("02.1")
"""),
    md(
        en="""
**Exercise 02.2** (build) Write `my_conv_scores(x, U)`: the encoder's scores before its ReLU, for a batch of waveforms
`x` (shape `[M, T]`) and templates `U` (`[N, L]`), as `[M, N, K]` with hop `L // 2`. Build it from scratch: slice every waveform
into frames (chapter 01, `unfold` works on the last axis of a batch too), then score the frames; `te.check` compares
with `F.conv1d`. It must also take stereo audio: `x` of shape `[M, 2, T]` with templates `U` of shape `[N, 2, L]` (one row per channel),
where a score adds up the dot products of both channels, as a `Conv1d` with 2 input channels does.
""",
        zh="""
**练习 02.2**（动手写）写一个函数 `my_conv_scores(x, U)`：编码器在 ReLU 之前的分数。输入一批波形 `x`（形状 `[M, T]`）和模板 `U`（`[N, L]`），
返回 `[M, N, K]`，帧移 `L // 2`。从零写起：先把每段波形切成帧（第 1 章；`unfold` 对一批波形的最后一个轴同样适用），再给这些帧打分；
`te.check` 会拿 `F.conv1d` 的结果来核对。它还要能处理立体声：`x` 的形状是 `[M, 2, T]`，模板 `U` 的形状是 `[N, 2, L]`（每个声道一行），
这时一个分数是两个声道的点积之和，和有 2 个输入通道的 `Conv1d` 一样。
""",
    ),
    code("""
def my_conv_scores(x, U):
    # en: x [M, T] with U [N, L], or stereo x [M, 2, T] with U [N, 2, L] -> scores [M, N, K], hop L // 2 // zh: x [M, T] 配 U [N, L]，或立体声 x [M, 2, T] 配 U [N, 2, L] -> 分数 [M, N, K]，帧移 L // 2
    ...  # en: your code // zh: 你的代码


te.check("02.2", my_conv_scores)
"""),
    code("""
te.solution("02.2")
"""),
    md(
        en="""
**Exercise 02.3** (open question, no checker) *Predict, then run.* Build the bank again with 700 Hz instead of
500 Hz (copy the bank cell without its `assert`, change 500 to 700, and call the results `U7` and `names7`), score the test signal with
`F.conv1d` and draw the heat map with `te.ch02.plot_scores(signal, scores7, names7, segments=segments)`. Before
running: will the 500 Hz part still light up one row only? Will the 700 Hz rows stay dark in the 1000 Hz part?
Write down your prediction and the reason, run it, then compare with our answer (the next cell).
""",
        zh="""
**练习 02.3**（开放题，不自动检查）**先预测，再运行。** 把 500 Hz 换成 700 Hz，重新做一组模板（复制做模板的那个单元格，去掉其中的 `assert`，把 500 改成 700，
把结果叫作 `U7` 和 `names7`），用 `F.conv1d` 给测试信号打分，再用 `te.ch02.plot_scores(signal, scores7, names7, segments=segments)`
画出热力图。运行之前先想一想：500 Hz 那一段还会只亮一行吗？在 1000 Hz 那一段里，700 Hz 的行会保持暗吗？
写下你的预测和理由，运行之后，再和参考答案（下一个单元格）对照。
""",
    ),
    code("""
te.solution("02.3")
"""),
    md(
        en=r"""
## Summary in three lines

1. Matching a frame with a template = their dot product $\langle x, u \rangle = \|x\|\,\|u\|\cos\theta$: loudness
   times likeness; large when they look alike, negative when one is the other upside down, about 0 when unrelated.
2. A template responds to a frequency *and* a phase; tones on the DFT grid ($f_s/L$ apart) are orthogonal, which is why
   the score table `[N, K]` of the test signal is so clean.
3. `conv1d` is a cross-correlation (no flip), i.e. template matching; a double loop, `frames @ U.T`, `einsum` and
   `conv1d` compute the same scores, and the vectorised ones are far faster than the loop.

### References

- Y. Luo, N. Mesgarani, "Conv-TasNet", IEEE/ACM TASLP 2019: the encoder as a 1-D convolution with N filters.
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- A. Zhang et al., *Dive into Deep Learning*, "Convolutions for Images" (the cross-correlation operation):
  [d2l.ai/chapter_convolutional-neural-networks/conv-layer.html](https://d2l.ai/chapter_convolutional-neural-networks/conv-layer.html)
- M. Müller, FMP notebooks (start page; chapter 2 covers the DFT and the STFT):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. 帧和模板的匹配 = 两者的点积 $\langle x, u \rangle = \|x\|\,\|u\|\cos\theta$：响度 × 相似度；相像时大，一个是另一个上下颠倒时为负，毫不相干时约为 0。
2. 模板对频率**和**相位都敏感；落在 DFT 频点上（间隔 $f_s/L$）的纯音彼此正交，所以测试信号的分数表 `[N, K]` 才这么干净。
3. `conv1d` 是互相关（不翻转），也就是模板匹配；二重循环、`frames @ U.T`、`einsum` 和 `conv1d` 算出的分数相同，向量化的写法比循环快得多。

### 参考文献

- Y. Luo, N. Mesgarani，“Conv-TasNet”，IEEE/ACM TASLP 2019：编码器就是一个有 N 个滤波器的一维卷积。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- 阿斯顿·张等，《动手学深度学习》，“图像卷积”一节（互相关运算）：
  [zh.d2l.ai/chapter_convolutional-neural-networks/conv-layer.html](https://zh.d2l.ai/chapter_convolutional-neural-networks/conv-layer.html)
- M. Müller，FMP notebooks（总览页；第 2 章讲 DFT 与 STFT）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

{{navigation}}
""",
    ),
]
