# Chapter 05: learned templates vs STFT bases. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
# Nothing in the prose may depend on today's shipped kernels: every number is printed by a code cell, and every
# kernel the chapter singles out is found by computation (te.ch05), so the chapter stays true for a retrained model.
CELLS = [
    md(
        en=r"""
# 05 Learned templates and Fourier templates

**After this chapter you can**

- compute a kernel's frequency response with a zero-padded FFT and read its peak frequency;
- compare a trained encoder's kernels with the STFT's fixed Fourier kernels of the same length, and say in numbers
  where each puts its frequencies;
- find kernels that share a frequency but differ in phase, and explain why both a linear and a ReLU encoder want them;
- tell what training changed, measured against the random start, without trusting a picture alone.

**Prerequisites**: chapters 02–04 (template matching, the ReLU, the strength map and the STFT as fixed templates);
complex numbers at the level of $e^{j\varphi} = \cos\varphi + j\sin\varphi$. **Time**: about 30 min.

In chapters 01–04 the templates were made by hand (tones, clicks) or were the STFT's. The document says TasNet's
templates are **learned**: "自动学出来的，不再是固定的傅里叶基" (learned automatically, no longer fixed Fourier bases).
This chapter opens an encoder that really was trained, the one inside the course's tiny TasNet (chapter 06 shows what
it was trained for), and puts its kernels next to the STFT's Fourier kernels of the same length $L = 16$.
""",
        zh=r"""
# 第 5 章　学到的模板与傅里叶模板

**学完本章，你将能够**

- 用补零 FFT 算出一个卷积核的频率响应，读出它的峰值频率；
- 把训练好的编码器的卷积核和同样长度的 STFT 固定傅里叶核放在一起比较，并用数字说明两者各把频率放在哪里；
- 找出频率相同、相位不同的卷积核，并解释为什么线性编码器和带 ReLU 的编码器都需要它们；
- 以随机初始化为参照，说清训练改变了什么——用测量，而不是只看图。

**先修知识**：第 2–4 章（模板匹配、ReLU、强度图，以及“STFT 是一组固定模板”）；复数，会用 $e^{j\varphi} = \cos\varphi + j\sin\varphi$ 即可。
**用时**：约 30 分钟。

第 1–4 章的模板要么是手工做的（纯音、脉冲），要么是 STFT 的。原文说 TasNet 的模板是**学出来的**：“自动学出来的，不再是固定的傅里叶基”。
这一章打开一个真正训练过的编码器（encoder）——本课程小型 TasNet 里的那一个（它为什么而训练，见第 6 章），
把它的卷积核（kernel）和同样长度 $L = 16$ 的 STFT 傅里叶核摆在一起比较。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("05")
"""),
    md(
        en="""
## The trained models

`te.load_pretrained()` loads the learned model that ships with the package (no download); it is the document's
encoder, learned kernels followed by a ReLU. (That plain-ReLU `Encoder` class comes from Kaituo Xu's PyTorch
reimplementation of Conv-TasNet, as adapted in Demucs v2. The original TasNet of 2018 used a gated encoder instead, a ReLU
times a sigmoid on normalised segments; and Conv-TasNet's final model has no ReLU at all, see below.) It was produced by `python -m tasnet_edu.cli.train`, and all its
training speech is **synthetic** (text-to-speech voices). The course also ships the first model it trained,
`te.load_pretrained("learned-espeak")`, trained only on the 10 espeak-ng voices of the course's own clips. The
checkpoints record how they were trained:
""",
        zh="""
## 训练好的模型

`te.load_pretrained()` 读取随包附带的学习型模型，不需要下载；它就是原文的编码器：学到的卷积核，后接 ReLU。
（这个只用 ReLU 的 `Encoder` 类出自 Kaituo Xu 的 Conv-TasNet PyTorch 复现，后来被 Demucs v2 沿用。2018 年最初的 TasNet 用的是门控形式：
在归一化的片段上做 ReLU 乘以 sigmoid；而 Conv-TasNet 的最终模型根本没有 ReLU，见下文。）
它由 `python -m tasnet_edu.cli.train` 训练得到，训练用的语音全部是**合成**的（文本转语音生成的音色）。
课程还附带了最早训练出的那个模型 `te.load_pretrained("learned-espeak")`，它只用课程自带片段里的 10 种 espeak-ng 音色训练过。
检查点（checkpoint）里记录了它们是怎样训练的：
""",
    ),
    code("""
model = te.load_pretrained()
print(te.ch05.training_facts("learned"))
print(te.ch05.training_facts("learned-espeak"))
learned = te.ch05.encoder_kernels(model)                       # [N, L]: the rows of conv1d_U.weight
first = te.ch05.encoder_kernels(te.load_pretrained("learned-espeak"))
before = te.ch05.encoder_kernels(te.ch05.untrained_model())    # the seeded random start of training
stft = te.ch05.stft_templates(16)                              # stft_kernels(16) without its two all-zero sine rows
print(te.ch05.describe_change(first, learned, "learned-espeak", "learned"))
print(te.t(f"kernels [N, L]: {list(learned.shape)}, STFT: {list(stft.shape)}", f"卷积核 [N, L]：{list(learned.shape)}，STFT：{list(stft.shape)}"))
"""),
    md(
        en="""
The two validation scores cannot be compared with each other: each model was validated on mixtures of its own
training data (the augmented diverse corpus for `learned`, the shipped clips for `learned-espeak`). Chapter 06 scores
both on the same test sets, real voices included. `learned`'s line lists only its last run; it continued from the
first model through a CPU run (chapter 06 shows both stages).
""",
        zh="""
这两个验证分数不能直接比较：每个模型都是在自己训练数据的混合上验证的（`learned` 用增强后的多样语料，`learned-espeak`
用课程自带片段）。第 6 章在同样的测试集上（包括真人语音）给两个模型打分。`learned` 那一行只列出了它最后一次训练；
它是从第一版模型出发，先在 CPU 上训练了一段，再接着训练出来的（第 6 章给出这两个阶段）。
""",
    ),
    md(
        en=r"""
## Frequency response and peak frequency

To compare a learned kernel with a Fourier one we ask one question of each: **which frequencies does it respond
to?** Score a long pure tone of frequency $f$ with kernel $u_n$ (chapter 02): the score rises and falls as the tone's
phase slides past the frame, and the size of that swing is the kernel's **frequency response** at $f$,

$$H_n(f) = \left|\sum_{l=0}^{L-1} u_n[l]\, e^{-j 2\pi f l / f_s}\right|.$$

(Its real part is the score against a cosine of frequency $f$, its imaginary part minus the score against a sine:
dot products again, as in chapter 04's STFT.) The **peak frequency** of a kernel is the $f$ where $H_n(f)$ is largest
(`te.peak_frequency`).

The DFT of the $L = 16$ samples evaluates $H_n$ only at the frequencies $k f_s / L$, $f_s / L = 500$ Hz apart
(0, 500, …, 4000 Hz). Appending zeros
to the kernel before the FFT (a **zero-padded FFT**, length $n_{\text{fft}} > L$) evaluates the same $H_n$ on a finer
grid, $f_s / n_{\text{fft}}$ apart; it adds no information, it only samples the curve more densely. The course uses
$n_{\text{fft}} = 512$ (a grid of 15.625 Hz). *Predict, then run*: a 16-sample Hann-windowed tone of 700 Hz, which
is not a bin of $L = 16$; where does each FFT length put its peak?
""",
        zh=r"""
## 频率响应与峰值频率

要比较学到的卷积核和傅里叶核，我们对每个核只问一个问题：**它对哪些频率有反应**？用卷积核 $u_n$ 给一段很长的、频率为 $f$ 的纯音打分（第 2 章）：
纯音的相位在帧里滑动，分数就随之起伏，起伏的幅度就是这个核在 $f$ 处的**频率响应**（frequency response）：

$$H_n(f) = \left|\sum_{l=0}^{L-1} u_n[l]\, e^{-j 2\pi f l / f_s}\right|.$$

（它的实部就是这个核和频率为 $f$ 的余弦的点积，虚部是它和正弦的点积再取负号——和第 4 章的 STFT 一样，仍然是点积。）一个卷积核的**峰值频率**（peak frequency）
就是使 $H_n(f)$ 最大的 $f$（`te.peak_frequency`）。

对 $L = 16$ 个采样点做 DFT，只能在频率 $k f_s / L$ 上算出 $H_n$，间隔 $f_s / L = 500$ Hz（0、500、…、4000 Hz）。在 FFT 之前给卷积核后面补上一串 0
（**补零 FFT**，zero-padded FFT，长度 $n_{\text{fft}} > L$），就能在更密的网格上（间隔 $f_s / n_{\text{fft}}$）算出同一条 $H_n$ 曲线；
补零不会增加信息，只是把曲线采样得更密。本课程用 $n_{\text{fft}} = 512$（网格间隔 15.625 Hz）。
**先预测，再运行**：一个 16 点、加 Hann 窗的 700 Hz 纯音（700 Hz 不是 $L = 16$ 的频点），不同的 FFT 长度会把它的峰值放在哪里？
""",
    ),
    code("""
tone700 = te.ch05.windowed_tone(700)
for n_fft, spacing, peak in te.ch05.peak_by_n_fft(tone700, n_ffts=(16, 32, 512)):
    print(te.t(f"n_fft = {n_fft:3d}: grid {spacing:6.2f} Hz apart, peak at {peak:.1f} Hz",
               f"n_fft = {n_fft:3d}：网格间隔 {spacing:6.2f} Hz，峰值在 {peak:.1f} Hz"))
fig = te.ch05.plot_zero_padding(tone700)
"""),
    md(
        en="""
With 16 points the peak can only land on a multiple of 500 Hz; the padded FFT finds it close to 700 Hz. (Not exactly
at 700 Hz: a 2 ms kernel responds to a broad band, and the window's response around −700 Hz overlaps it a little.)
From now on "peak frequency" means the peak of the 512-point response.

## Kernels side by side, low to high frequency

Both sets sorted by peak frequency. The STFT row shows, for each bin, the Hann-windowed cosine and −sine (the sine of
the 0 Hz and 4000 Hz bins is all zeros and is left out).
""",
        zh="""
只有 16 个点时，峰值只能落在 500 Hz 的整数倍上；补零后的 FFT 找到的峰值就在 700 Hz 附近。（不正好是 700 Hz：2 毫秒的卷积核对很宽的频带都有反应，
窗函数在 −700 Hz 附近的响应也会叠加过来一点。）下文说的“峰值频率”都指 512 点响应的峰值。

## 并排比较：按频率从低到高

两组卷积核都按峰值频率排序。下面一行是 STFT：每个频点（bin）一条加 Hann 窗的余弦和一条 −正弦（0 Hz 和 4000 Hz 频点的正弦全是 0，没有画出）。
""",
    ),
    code("""
fig = te.ch05.compare_kernels(learned)
"""),
    md(
        en="""
## Frequency responses as a heat map

Each row is one kernel's $H_n(f)$, normalised to its own maximum, rows sorted by peak frequency; the dashed line marks
1 kHz. The STFT's responses are wide bumps spread evenly over the axis (a 16-sample Hann window cannot be sharper). The
random start's rows are ragged, their energy spread over the whole axis. Compare the learned panel with both: where are its rows crowded, and how wide are
their bumps?
""",
        zh="""
## 频率响应热图

每一行是一个卷积核的 $H_n(f)$，按各自的最大值归一化，行按峰值频率排序；虚线是 1 kHz。STFT 的响应是一个个很宽的“鼓包”，
在频率轴上均匀分布（16 个采样点的 Hann 窗做不出更窄的峰）。随机初始化的每一行都杂乱无章，能量散布在整个频率轴上。把学到的那一栏和这两栏比一比：
它的行挤在哪些频率上？鼓包有多宽？
""",
    ),
    code("""
fig = te.ch05.plot_response_heatmap({te.t("learned", "学到的"): learned, te.t("random start", "随机初始化"): before, "STFT": stft})
"""),
    md(
        en="""
## How many kernels peak below 1 kHz?

Conv-TasNet's authors looked at the filters of their best model (N = 512, L = 16, a *linear* encoder, trained on
WSJ0 read speech) and found "most of the filters are tuned to low acoustic frequencies (more than 60% tuned to
frequencies below 1 kHz)", which they compare with the mel scale and the cochlea, both of which give low frequencies
more resolution (Luo & Mesgarani 2019, Section V; the filters are shown in Fig. 5 of Section IV-G). Here are the same
counts for our kernels, the random start and the STFT. They are what this model has; they are not expected to match
the paper:
""",
        zh="""
## 有多少卷积核的峰值频率低于 1 kHz？

Conv-TasNet 的作者查看了他们最好的模型（N = 512，L = 16，**线性**编码器，在 WSJ0 朗读语音上训练）的滤波器，发现
“大多数滤波器的峰值频率在低频（超过 60% 低于 1 kHz）”，并把它和梅尔刻度（mel scale）、人耳耳蜗（cochlea）相比：两者都给低频更高的分辨率
（Luo & Mesgarani 2019，第 V 节；滤波器画在第 IV-G 节的图 5 中）。下面是我们的卷积核、随机初始化和 STFT 的同一统计。
这些数字就是这个模型的实际情况，不指望与论文一致：
""",
    ),
    code("""
for name, kernels in [("learned", learned), ("learned-espeak", first), (te.t("random start", "随机初始化"), before), ("STFT", stft)]:
    print(te.ch05.describe_share(name, kernels))
"""),
    code("""
fig = te.ch05.plot_peak_distribution({te.t("learned", "学到的"): learned, te.t("random start", "随机初始化"): before, "STFT": stft},
                                     paper_share=60)
"""),
    md(
        en="""
Left: one panel per kernel set, the share of its kernels in each 250 Hz band. Right: the share peaking below each
frequency; read each curve at the dashed 1 kHz line, and compare with the paper's star. A fair reading keeps the
differences in mind: a 16-sample kernel is 2 ms long, so its response is several hundred Hz wide; our model has far
fewer kernels than the paper's 512; and its training speech is synthetic, not recorded. What training changed is
measured against the random start; what "learned" adds over a fixed bank is measured against the STFT.
""",
        zh="""
左边：每组卷积核一栏，画出落在每个 250 Hz 频带里的卷积核占比。右边：峰值频率低于各个频率的卷积核占比；在 1 kHz 虚线处读出每条曲线的值，
再和论文的星号比较。读图时要记住几点差别：16 个采样点的卷积核只有 2 毫秒长，响应宽达几百 Hz；我们模型的卷积核比论文的 512 个少得多；
训练语音是合成的，不是录音。训练改变了什么，要和随机初始化比；“学出来”比固定的滤波器组多了什么，要和 STFT 比。
""",
    ),
    md(
        en="""
## Several phases at one frequency

A single real kernel cannot stand for a frequency band on its own. Its score for a tone depends on where in its cycle
the frame catches the tone (chapter 02): a cosine kernel can score 0 on a sine of its own frequency. The STFT solves this with exactly two
kernels per frequency, cos and −sin, 90° apart; together they give magnitude and phase (chapter 04). Conv-TasNet's final
encoder is **linear**: in the paper's Table III (Section IV-A) a linear encoder with sigmoid masks scored 13.1 dB
SI-SNRi, the ReLU encoder 13.0 and 12.9 dB (softmax and sigmoid masks), all on WSJ0-2mix with a smaller 1.5M-parameter
configuration. The paper observed that even this linear encoder holds several filters at the same frequency with different phases (Section IV-G). Ditter & Gerkmann (2020) built a fixed filterbank on that observation.

The **ReLU** of our encoder makes this even more necessary. After the ReLU a kernel reports only frames that match it
with a positive sign (chapter 03), so a band needs a kernel for each sign too: $u$ and $-u$, as in chapter 04's
$[U; -U]$. Two measurements. First, how many kernels have a partner that is nearly their negative? Then, which kernels
share a frequency (peaks within 100 Hz) with clearly different phases (at least 45° apart)? `te.ch05.same_frequency_group`
searches every band and returns the group with the most such kernels; the phase is that of the kernel's Fourier
transform at its peak, measured from the kernel's centre (a cosine centred in the frame has phase 0°).
""",
        zh="""
## 同一频率，多个相位

单独一个实数卷积核代表不了一个频带。它给纯音打的分，取决于这一帧截到的是纯音周期里的哪个位置（第 2 章）：余弦核给同频率的正弦打分可能为 0。
STFT 的办法是每个频率恰好两个核：cos 和 −sin，相差 90°，合起来给出幅度和相位（第 4 章）。Conv-TasNet 的最终编码器是**线性**的：
在论文的表 III（第 IV-A 节）中，线性编码器加 sigmoid 掩码在 WSJ0-2mix 上的 SI-SNRi 为 13.1 dB，ReLU 编码器为 13.0 和 12.9 dB（softmax 与 sigmoid 掩码；都是参数量 1.5M 的较小配置）。
论文观察到，即使是这个线性编码器，也在同一频率上放了好几个相位不同的滤波器（第 IV-G 节）。
Ditter 和 Gerkmann（2020）正是根据这一观察，设计了一组固定的多相位滤波器组。

我们编码器里的 **ReLU** 让这一点更加必要。经过 ReLU 之后，一个卷积核只报告与它“同号”匹配的帧（第 3 章），
所以每个频带还需要分别对应正、负两种符号的核：$u$ 和 $-u$，就像第 4 章的 $[U; -U]$。下面做两个测量。
第一，有多少个卷积核能找到一个几乎就是它的相反数的搭档？第二，哪些卷积核频率相同（峰值相差不超过 100 Hz）而相位明显不同（至少相差 45°）？
`te.ch05.same_frequency_group` 搜索每一个频带，返回这样的核最多的一组；相位取卷积核的傅里叶变换在峰值处的相位，以卷积核的中点为时间起点（居中的余弦相位为 0°）。
""",
    ),
    code("""
for name, kernels in [("learned", learned), (te.t("random start", "随机初始化"), before), ("STFT", stft)]:
    print(te.ch05.describe_negatives(name, kernels))
group = te.ch05.same_frequency_group(learned)
print(*te.ch05.describe_group(learned, group), sep="\\n")
fig = te.ch05.plot_phases(learned, group)
"""),
    md(
        en="""
Left: every learned kernel as a dot at (peak frequency, phase), the selected group ringed. Right: the selected
kernels, one per row. Read the printed lines against chapter 04: how do these phases compare with the STFT's cos and
−sin pair, and which of them are nearly a kernel and its negative?

## Before and after training

The same kernels (same index) at the seeded random start of training, and in the shipped model (with the first,
espeak-only model in between when the shipped one was trained further from it). Kernels are picked evenly over the
shipped model's peak frequencies. Look first, then read the measurements below the figure.
""",
        zh="""
左边：每个学到的卷积核是一个点，横坐标是峰值频率，纵坐标是相位；选出的那一组画了圈。右边：选出的卷积核，每行一个。
对照第 4 章读一读打印出的几行：这些相位和 STFT 的 cos、−sin 一对相比如何？其中哪几个几乎是一个核和它的相反数？

## 训练前后

同样几个卷积核（同一编号）：训练开始时的随机初始化（固定随机种子），以及随包附带的模型（如果它是在第一个只用 espeak 训练的模型上接着训练的，
中间一行就是那个模型）。所选的卷积核在随包模型的峰值频率上均匀分布。先看图，再读图下面的测量结果。
""",
    ),
    code("""
stages = te.ch05.training_stages()
fig = te.ch05.plot_before_after(stages)
"""),
    code("""
for name, kernels in stages.items():
    print(te.ch05.describe_kernels(name, kernels))
print(te.ch05.describe_change(before, learned, te.t("random start", "随机初始化"), "learned"))
"""),
    md(
        en="""
The first measurement is how band-like the kernels are: the share of a kernel's response energy that lies within
±250 Hz of its peak (the median over all kernels; the larger, the more a kernel is one oscillation of one frequency).
Compare the stages: did training make the kernels more band-like? And is every trained kernel an oscillation? Count
the ones that peak at 0 Hz: such a **low-pass** kernel responds to the frame's average (its DC part) and slow trends, not to an
oscillation.

## Browse the kernels

Move the slider through the learned kernels, low to high frequency. For each kernel: its waveform, its frequency
response, and the three frames of a synthetic test sentence that excite it most (the largest values it puts into the
strength map). Compare them with the kernel: the best-scoring frames are loud *and* shaped like it (score =
loudness × likeness, chapter 02). Template matching, with learned templates.
""",
        zh="""
第一项测量的是卷积核有多像“一个频带”：卷积核的响应能量中，落在峰值 ±250 Hz 以内的比例（取所有卷积核的中位数；越大，越像单一频率的一段振荡）。
比较各个阶段：训练是否让卷积核更像频带？训练后的卷积核都是振荡吗？数一数峰值在 0 Hz 的有几个：这样的**低通**（low-pass）卷积核
响应的是这一帧的平均值（直流分量，DC）和缓慢的趋势，而不是振荡。

## 逐个浏览卷积核

拖动滑块，按频率从低到高浏览学到的卷积核。每个核显示：波形、频率响应，以及一句合成测试语音里最能激活它的三帧（它在强度图里给出的最大值）。
把这些帧和卷积核比一比：得分最高的帧既响、形状又像它（分数 = 帧的幅度 × 相似程度，第 2 章）。这就是模板匹配，只不过模板是学出来的。
""",
    ),
    code("""
clip = te.load_clip(te.speech_clips("test")[0])
Audio(clip.numpy(), rate=8000)
"""),
    code("""
te.ch05.kernel_browser(learned, clip)
""", tags=["nbval-ignore-output"]),
    code("""
view = te.ch05.kernel_view(learned, 0, clip)   # what the slider shows at position 0
last = te.ch05.kernel_view(learned, len(learned) - 1, clip)
assert view["peak_hz"] <= last["peak_hz"] and len(view["best_frames"]) == 3
print(te.t(f"slider at 0: kernel #{view['kernel']}, peak {view['peak_hz']:.0f} Hz; "
           f"at {len(learned) - 1}: kernel #{last['kernel']}, peak {last['peak_hz']:.0f} Hz",
           f"滑块在 0：卷积核 #{view['kernel']}，峰值 {view['peak_hz']:.0f} Hz；"
           f"滑块在 {len(learned) - 1}：卷积核 #{last['kernel']}，峰值 {last['peak_hz']:.0f} Hz"))
"""),
    md(
        en="""
## Exercises

**Exercise 05.1** A kernel of $L = 16$ samples at $f_s = 8000$ Hz is zero-padded to $n_{\\text{fft}} = 64$. How many Hz
apart are the frequencies at which this FFT evaluates $H_n(f)$?
""",
        zh="""
## 练习

**练习 05.1** 一个 $L = 16$ 个采样点、采样率 $f_s = 8000$ Hz 的卷积核，补零到 $n_{\\text{fft}} = 64$ 再做 FFT。
这个 FFT 在哪些频率上算出 $H_n(f)$？相邻两个频率相隔多少 Hz？
""",
    ),
    code("""
answer = None  # your answer: a number in Hz / 你的答案：一个数（Hz）
te.check("05.1", answer)
"""),
    code("""
te.solution("05.1")
"""),
    md(
        en="""
**Exercise 05.2** How many of the learned kernels (`learned`) have their peak frequency from 2 kHz up to, but not
including, 3 kHz ($2000 \\le f < 3000$)? Compute it with `te.peak_frequency`.
""",
        zh="""
**练习 05.2** 学到的卷积核（`learned`）中，有多少个的峰值频率在 2 kHz 到 3 kHz 之间（$2000 \\le f < 3000$，不含 3 kHz）？
用 `te.peak_frequency` 算出来。
""",
    ),
    code("""
answer = None  # your answer: a whole number / 你的答案：一个整数
te.check("05.2", answer)
"""),
    code("""
te.solution("05.2")
"""),
    md(
        en="""
**Exercise 05.3** *Predict, then check.* Kernel $u$ has its peak at 1 kHz with phase $\\varphi$ there. What is the
phase of $-u$ at its peak, relative to $\\varphi$? Answer with the difference in degrees, then check your prediction
with `te.ch05.kernel_phase` on any kernel and its negative.
""",
        zh="""
**练习 05.3** **先预测，再验证**。卷积核 $u$ 的峰值在 1 kHz，那里的相位是 $\\varphi$。$-u$ 在峰值处的相位比 $\\varphi$ 差多少？
用度数作答，再用 `te.ch05.kernel_phase` 对任意一个卷积核和它的相反数验证你的预测。
""",
    ),
    code("""
answer = None  # your answer: a difference in degrees / 你的答案：相位差（度）
te.check("05.3", answer)
"""),
    code("""
te.solution("05.3")
"""),
    md(
        en="""
**Exercise 05.4** (open question, no checker) A 16-sample frame has only 16 numbers, yet the encoder has more kernels
than that (`learned.shape[0]`). Is that a waste? Use `te.ch05.negative_partners(learned)` and the phase figure to say
what the extra kernels are used for, and think about what a mask (chapter 06) can and cannot do with an encoder
output that is never negative.

*Our answer, in words*: a frame of 16 samples has 16 directions, so a linear encoder with 16 well-chosen kernels
already keeps all of it. The ReLU cuts every score below 0, so to keep both signs of a direction the encoder needs a
kernel and its negative (chapter 04's $[U; -U]$): twice as many kernels as directions. Several phases per band let
the strength of a band be read from any frame, wherever the frame catches the oscillation. And the masks of chapter
06 only scale the encoder's outputs by numbers between 0 and 1; with many overlapping kernels, two speakers can load
different kernels even where they share a band. The Conv-TasNet paper reports that more kernels (an "overcomplete"
encoder) separate better (Table II: N = 128, 256, 512).
""",
        zh="""
**练习 05.4**（开放题，不自动检查）一个 16 点的帧只有 16 个数，编码器的卷积核却比这多（`learned.shape[0]`）。这是浪费吗？
用 `te.ch05.negative_partners(learned)` 和上面的相位图说明多出来的卷积核用在了哪里；再想一想：编码器的输出永远不为负，
第 6 章的掩码（mask）能对它做什么、不能做什么？

**参考答案**：16 个采样点的帧只有 16 个方向，一个线性编码器只要 16 个选得好的卷积核就能完整保留它。ReLU 把所有小于 0 的分数都截掉，
要保留一个方向的正负两种符号，就需要一个核和它的相反数（第 4 章的 $[U; -U]$）：卷积核的个数是方向数的两倍。每个频带有几个相位，
无论帧截到振荡的哪个位置，都能读出这个频带的强度。第 6 章的掩码只能把编码器的输出乘以 0 到 1 之间的数；卷积核多、彼此重叠，
两个说话人即使在同一频带里，也可能落在不同的卷积核上。Conv-TasNet 论文报告：卷积核越多（“过完备”，overcomplete 的编码器），
分离效果越好（表 II：N = 128、256、512）。
""",
    ),
    md(
        en=r"""
## Summary in three lines

1. A kernel's frequency response $H_n(f)$ is the magnitude of its Fourier transform (a zero-padded FFT samples it
   finely); its peak frequency says which band the kernel listens to.
2. The STFT puts its kernels evenly, one cos/sin pair per bin; a learned encoder puts them where training placed
   them. Look for several phases at one frequency (a linear encoder needs them too) and for kernels paired with their
   negatives (the ReLU needs both signs); the counts printed above are this model's, and the paper's "more than 60%
   below 1 kHz" is the paper's.
3. What training changed is measured against the random start (where the peaks fall, how band-like the kernels are,
   how many are low-pass), not read off a picture. The next chapter shows what this encoder buys for separation.

### References

- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing Ideal Time–Frequency Magnitude Masking for Speech Separation",
  IEEE/ACM TASLP 27(8), 2019: Section IV-A and Table III (linear vs ReLU encoder), Section IV-G and Fig. 5 (the
  learned filters, several phases per frequency), Section V ("more than 60% tuned to frequencies below 1 kHz").
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Y. Luo, N. Mesgarani, "TasNet: Time-Domain Audio Separation Network for Real-Time, Single-Channel Speech
  Separation", ICASSP 2018 (a gated encoder: ReLU × sigmoid on normalised segments).
  [arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Kaituo Xu, Conv-TasNet in PyTorch (the document's plain ReLU `Encoder`), and Demucs v2 (which added
  `audio_channels`): [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet),
  [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- D. Ditter, T. Gerkmann, "A Multi-Phase Gammatone Filterbank for Speech Separation via TasNet", ICASSP 2020.
  [arXiv:1910.11615](https://arxiv.org/abs/1910.11615)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent, "Filterbank design for end-to-end speech separation", ICASSP
  2020. [arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- M. Müller, FMP notebooks (start page; chapter 2 covers the DFT, zero padding and the STFT):
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

← Previous: [04 The strength map](04_strength_map.ipynb) · Next: [06 Why the encoder is useful: separating speech](06_separation.ipynb) →
""",
        zh=r"""
## 本章总结（三句话）

1. 卷积核的频率响应 $H_n(f)$ 是它的傅里叶变换的幅度（补零 FFT 把它采样得更密）；峰值频率说明这个核“听”的是哪个频带。
2. STFT 把卷积核均匀排开，每个频点一对 cos/sin；学到的编码器把卷积核放在训练决定的位置。留意同一频率上的多个相位（线性编码器也需要它们），
   以及成对的“核与它的相反数”（ReLU 需要正负两种符号）；上面打印的数字是这个模型的，“超过 60% 低于 1 kHz”是论文的结果。
3. 训练改变了什么，要以随机初始化为参照来测量（峰值落在哪里、卷积核有多像频带、有多少是低通的），而不是只看图。下一章看看这个编码器对语音分离有什么用。

### 参考文献

- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing Ideal Time–Frequency Magnitude Masking for Speech Separation”，IEEE/ACM TASLP 27(8)，2019：
  第 IV-A 节与表 III（线性编码器与 ReLU 编码器），第 IV-G 节与图 5（学到的滤波器，同一频率多个相位），第 V 节（“超过 60% 的滤波器峰值低于 1 kHz”）。
  [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- Y. Luo, N. Mesgarani，“TasNet: Time-Domain Audio Separation Network for Real-Time, Single-Channel Speech Separation”，ICASSP 2018
  （门控编码器：在归一化的片段上做 ReLU × sigmoid）。[arXiv:1711.00541](https://arxiv.org/abs/1711.00541)
- Kaituo Xu，Conv-TasNet 的 PyTorch 复现（原文那个只用 ReLU 的 `Encoder` 出自这里），以及在其上加入 `audio_channels` 的 Demucs v2：
  [github.com/kaituoxu/Conv-TasNet](https://github.com/kaituoxu/Conv-TasNet)，
  [github.com/facebookresearch/demucs](https://github.com/facebookresearch/demucs)
- D. Ditter, T. Gerkmann，“A Multi-Phase Gammatone Filterbank for Speech Separation via TasNet”，ICASSP 2020。
  [arXiv:1910.11615](https://arxiv.org/abs/1910.11615)
- M. Pariente, S. Cornell, A. Deleforge, E. Vincent，“Filterbank design for end-to-end speech separation”，ICASSP 2020。
  [arXiv:1910.10400](https://arxiv.org/abs/1910.10400)
- M. Müller，FMP notebooks（总览页；第 2 章讲 DFT、补零与 STFT）：
  [audiolabs-erlangen.de/resources/MIR/FMP](https://www.audiolabs-erlangen.de/resources/MIR/FMP/C0/C0.html)

← 上一章：[第 4 章　强度图](04_strength_map.ipynb) · 下一章：[第 6 章　编码器为什么有用：语音分离](06_separation.ipynb) →
""",
    ),
]
