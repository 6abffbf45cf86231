# Chapter 05: learned templates vs STFT bases. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
# Nothing in the prose may depend on today's shipped kernels: every number is printed by a code cell, and every
# kernel the chapter singles out is found by computation in a cell, so the chapter stays true for a retrained model.
CELLS = [
    md(
        en=r"""
# 05 Learned templates and Fourier templates

**After this chapter you can**

- compute a kernel's frequency response with a zero-padded FFT (`torch.fft.rfft`) and read its peak frequency;
- sort a trained encoder's kernels by frequency, put them next to the STFT's fixed Fourier kernels of the same
  length, and say in numbers where each puts its frequencies;
- find kernels that share a frequency but differ in phase, or that are nearly each other's negative, and say why a
  masked encoder, with or without a ReLU, can use them;
- tell what training changed, measured against the random start, not only seen in a picture.

**Prerequisites**: chapters 02–04 (template matching, the ReLU, the strength map and the STFT as fixed templates);
complex numbers at the level of $e^{j\varphi} = \cos\varphi + j\sin\varphi$. **Time**: about 90 min.

In chapters 01–04 the templates were made by hand (tones, clicks) or were the STFT's. The document says TasNet's
templates are **learned**: "自动学出来的，不再是固定的傅里叶基" (learned automatically, no longer fixed Fourier bases),
and "比 STFT 更灵活" (more flexible than the STFT). This chapter opens an encoder that really was trained, the one
inside the course's tiny TasNet (chapter 06 shows what it was trained for), and puts its kernels next to the STFT's
Fourier kernels of the same length $L = 16$. Flexible means that training *may* find any bank of $N$ kernels, an STFT-like one
included; whether that buys better separation is a separate question, measured in chapter 06.
""",
        zh=r"""
# 第 5 章　学到的模板与傅里叶模板

**学完本章，你将能够**

- 用补零 FFT（`torch.fft.rfft`）算出一个卷积核的频率响应，读出它的峰值频率；
- 把训练好的编码器的卷积核按频率排序，和同样长度的 STFT 固定傅里叶核放在一起，用数字说明两者各把频率放在哪里；
- 找出频率相同、相位不同的卷积核，以及几乎互为相反数的卷积核，并说明加掩码的编码器（不论有没有 ReLU）为什么用得上它们；
- 以随机初始化为参照，用测量说清训练改变了什么，而不是只看图。

**先修知识**：第 2–4 章（模板匹配、ReLU、强度图，以及“STFT 是一组固定模板”）；复数，会用 $e^{j\varphi} = \cos\varphi + j\sin\varphi$ 即可。
**用时**：约 90 分钟。

第 1–4 章的模板要么是手工做的（纯音、脉冲），要么是 STFT 的。原文说 TasNet 的模板是**学出来的**：“自动学出来的，不再是固定的傅里叶基”，
而且“比 STFT 更灵活”。这一章打开一个真正训练过的编码器（encoder）——本课程小型 TasNet 里的那一个（它为什么而训练，见第 6 章），
把它的卷积核（kernel）和同样长度 $L = 16$ 的 STFT 傅里叶核摆在一起比较。“更灵活”是指训练**可以**找到任意一组 $N$ 个卷积核，
也包括类似 STFT 的那一组；至于这种灵活能不能换来更好的分离效果，是另一个问题，第 6 章会去测量。
""",
    ),
    code("""
import torch
import tasnet_edu as te
from tasnet_edu.core.model import untrained_model
from IPython.display import Audio
te.start_chapter("05")
"""),
    md(
        en="""
## The trained models

`te.load_pretrained()` loads the trained model that comes with the course (no download). Its encoder is the
document's: a `Conv1d` whose weights are the kernels, then a ReLU. (This plain-ReLU form comes from the PyTorch
reimplementation the document quotes; the original TasNet of 2018 used a gated encoder, and Conv-TasNet's final
encoder is linear, see below.) All its training speech is **synthetic** (text-to-speech voices). Two more sets of
kernels serve as references: the course's first model, `te.load_pretrained("learned-espeak")`, trained only on the
10 espeak-ng voices of the course's own clips (the shipped model's training started from it), and `untrained_model()`,
the same network at the seeded random initialisation that training from scratch starts from. The kernels are the
rows of the encoder's weight:
""",
        zh="""
## 训练好的模型

`te.load_pretrained()` 读取课程自带的训练好的模型，不需要下载。它的编码器就是原文的编码器：一个 `Conv1d`（权重就是卷积核），后接 ReLU。
（这种只用 ReLU 的形式来自原文引用的 PyTorch 复现；2018 年最初的 TasNet 用的是门控编码器，而 Conv-TasNet 的最终编码器是线性的，见下文。）
它的训练语音全部是**合成**的（由文本转语音程序生成）。另外两组卷积核作为参照：一组来自课程的第一版模型 `te.load_pretrained("learned-espeak")`，
它只用课程自带片段里的 10 种 espeak-ng 音色训练过（课程自带的模型就是从它接着训练出来的）；另一组来自 `untrained_model()`，
也就是同一个网络在固定随机种子下的随机初始化，从零开始训练时就从这里出发。卷积核就是编码器权重的各行：
""",
    ),
    code("""
model = te.load_pretrained()
weight = model.encoder.conv1d_U.weight     # en: the encoder's Conv1d: N kernels, C = 1 input channel, L samples // zh: 编码器的 Conv1d：N 个卷积核，C = 1 个输入通道，L 个采样点
print("conv1d_U.weight [N, C, L]:", list(weight.shape))
learned = weight.detach()[:, 0, :]         # en: [N, L]: one kernel per row // zh: [N, L]：每行一个卷积核
# en: two references: the first model, and the seeded random start of training // zh: 两组参照：第一版模型，以及训练开始时的随机初始化（固定随机种子）
first = te.load_pretrained("learned-espeak").encoder.conv1d_U.weight.detach()[:, 0, :]
before = untrained_model().encoder.conv1d_U.weight.detach()[:, 0, :]
N, L = learned.shape
stft = te.stft_kernels(L)[:, 0, :]             # en: chapter 04: cos rows, then -sin rows // zh: 第 4 章：先是 cos 各行，再是 -sin 各行
stft = stft[stft.abs().amax(dim=-1) > 1e-6]    # en: drop the two all-zero sines (0 Hz and 4000 Hz) // zh: 去掉两行全为 0 的正弦（0 Hz 与 4000 Hz）
for name, k in {"learned": learned, "first": first, "before": before, "stft": stft}.items():
    print(f"{name:8s} [N, L] = {list(k.shape)}")
"""),
    md(
        en=r"""
## Frequency response and peak frequency

To compare a learned kernel with a Fourier one we ask one question of each: **which frequencies does it respond
to?** Score a long pure tone of frequency $f$ with kernel $u_n$ (chapter 02): the score rises and falls as the tone's
phase slides past the frame, and the size of that swing is the kernel's **frequency response** at $f$,

$$H_n(f) = \left|\sum_{l=0}^{L-1} u_n[l]\, e^{-j 2\pi f l / f_s}\right|.$$

(Its real part is the score against a cosine of frequency $f$, its imaginary part minus the score against a sine:
dot products again, as in chapter 04's STFT.) The **peak frequency** of a kernel is the $f$ where $H_n(f)$ is largest.

The DFT of the $L = 16$ samples evaluates $H_n$ only at the frequencies $k f_s / L$, $f_s / L = 500$ Hz apart
(0, 500, …, 4000 Hz). Appending zeros to the kernel before the FFT (a **zero-padded FFT**, length
$n_{\text{fft}} > L$; `torch.fft.rfft(kernel, n=nfft)` does the padding) evaluates the same $H_n$ on a finer grid,
$f_s / n_{\text{fft}}$ apart; it adds no information, it only samples the curve more densely. The peak frequency
is then `argmax * sr / nfft`: the index of the largest value times the grid spacing. *Predict, then run*: a
16-sample Hann-windowed tone of 700 Hz, which is not a bin of $L = 16$; where does each FFT length put its peak?
""",
        zh=r"""
## 频率响应与峰值频率

要比较学到的卷积核和傅里叶核，我们对每个核只问一个问题：**它对哪些频率有反应**？用卷积核 $u_n$ 给一段很长的、频率为 $f$ 的纯音打分（第 2 章）：
纯音的相位在帧里滑动，分数就随之起伏，起伏的幅度就是这个核在 $f$ 处的**频率响应**（frequency response）：

$$H_n(f) = \left|\sum_{l=0}^{L-1} u_n[l]\, e^{-j 2\pi f l / f_s}\right|.$$

（求和的实部就是这个核和频率为 $f$ 的余弦的点积，虚部是它和正弦的点积再取负号——和第 4 章的 STFT 一样，仍然是点积。）
一个卷积核的**峰值频率**（peak frequency）就是使 $H_n(f)$ 最大的 $f$。

对 $L = 16$ 个采样点做 DFT，只能在频率 $k f_s / L$ 上算出 $H_n$，间隔 $f_s / L = 500$ Hz（0、500、…、4000 Hz）。在 FFT 之前给卷积核后面补上一串 0
（**补零 FFT**，zero-padded FFT，长度 $n_{\text{fft}} > L$；`torch.fft.rfft(kernel, n=nfft)` 会自动补零），就能在更密的网格上
（间隔 $f_s / n_{\text{fft}}$）算出同一条 $H_n$ 曲线；补零不会增加信息，只是把曲线采样得更密。峰值频率就是 `argmax * sr / nfft`：
最大值所在的下标乘以网格间隔。**先预测，再运行**：一个 16 点、加 Hann 窗的 700 Hz 纯音（700 Hz 不是 $L = 16$ 的频点），
不同的 FFT 长度会把它的峰值放在哪里？
""",
    ),
    code("""
sr = 8000
n = torch.arange(L)
tone700 = torch.hann_window(L) * torch.cos(2 * torch.pi * 700 * n / sr)   # en: a kernel whose frequency we know // zh: 一个已知频率的卷积核
for nfft in (16, 32, 512):
    H = torch.fft.rfft(tone700, n=nfft).abs()   # en: nfft - L zeros appended, then the FFT // zh: 先补 nfft - L 个 0，再做 FFT
    print(f"nfft = {nfft:3d}: sr / nfft = {sr / nfft:6.2f} Hz, argmax -> {H.argmax() * sr / nfft:5.1f} Hz")
fig = te.ch05.plot_zero_padding(tone700)
"""),
    md(
        en="""
With 16 points the peak can only land on a multiple of 500 Hz; the padded FFT finds it close to 700 Hz. (Not exactly
at 700 Hz: a 2 ms kernel responds to a broad band, and the window's response around −700 Hz overlaps it a little.)
From now on $n_{\\text{fft}} = 512$, a grid 15.625 Hz apart, and "peak frequency" means the peak of that response.
One call handles all kernels: `rfft` works along the last axis, one row per kernel. The package's
`te.frequency_response` and `te.peak_frequency` compute the same, which the cell checks.
""",
        zh="""
只有 16 个点时，峰值只能落在 500 Hz 的整数倍上；补零后的 FFT 找到的峰值就在 700 Hz 附近。（不正好是 700 Hz：2 毫秒的卷积核对很宽的频带都有反应，
窗函数在 −700 Hz 附近的响应也会叠加过来一点。）下文一律用 $n_{\\text{fft}} = 512$（网格间隔 15.625 Hz），“峰值频率”都指这条响应的峰值。
一次调用就能处理所有卷积核：`rfft` 沿最后一个轴计算，每行一个卷积核。课程包里的 `te.frequency_response` 和 `te.peak_frequency` 算的是同样的东西，下面的单元格会核对。
""",
    ),
    code("""
nfft = 512
H = torch.fft.rfft(learned, n=nfft).abs()   # en: [N, nfft // 2 + 1]: |H_n(f)| at f = 0, 15.625, ..., 4000 Hz // zh: [N, nfft // 2 + 1]：f = 0、15.625、…、4000 Hz 处的 |H_n(f)|
peaks = H.argmax(dim=-1) * sr / nfft         # en: each kernel's peak frequency in Hz // zh: 每个卷积核的峰值频率（Hz）
print("H:", list(H.shape), " peaks:", list(peaks.shape), f" peaks[0] = {peaks[0]:.1f} Hz")
freqs, mags = te.frequency_response(learned, sr, n_fft=nfft)
assert torch.allclose(H, mags, atol=1e-5)
assert torch.equal(peaks, te.peak_frequency(learned, sr, n_fft=nfft))
"""),
    md(
        en="""
## Kernels side by side, low to high frequency

`torch.argsort(peaks)` lists the kernel indices from the lowest peak to the highest (`stable=True`: kernels with the
same peak keep their order, as `te.sort_by_frequency` does). Both sets are drawn in that order, the peak frequency
above each kernel, all kernels of a set on one vertical scale. The STFT row holds, for each bin, the Hann-windowed
cosine and −sine. (The STFT's 500 Hz pair peaks away from 500 Hz: at such a low frequency a 2 ms window's response
to −f overlaps the one to +f, as for the 700 Hz tone above.)
""",
        zh="""
## 并排比较：按频率从低到高

`torch.argsort(peaks)` 按峰值从低到高列出卷积核的下标（`stable=True`：峰值相同的卷积核保持原来的顺序，和 `te.sort_by_frequency` 一样）。
两组卷积核都按这个顺序画出，每个卷积核上方标着它的峰值频率，同一组的卷积核用同一个纵坐标尺度。STFT 那一组是每个频点（bin）一条加 Hann 窗的余弦和一条 −正弦。
（STFT 的 500 Hz 那一对，峰值并不在 500 Hz：频率这么低时，2 毫秒窗口对 −f 的响应和对 +f 的响应叠在一起，和上面 700 Hz 的纯音一样。）
""",
    ),
    code("""
order = torch.argsort(peaks, stable=True)   # en: kernel indices, lowest peak first // zh: 卷积核下标，峰值最低的在前
assert torch.equal(order, te.sort_by_frequency(learned))
stft_order = torch.argsort(torch.fft.rfft(stft, n=nfft).abs().argmax(dim=-1), stable=True)
print("order[:4] :", order[:4].tolist(), peaks[order[:4]].tolist())
print("order[-4:]:", order[-4:].tolist(), peaks[order[-4:]].tolist())
fig = te.ch05.compare_kernels(learned[order], stft[stft_order])
"""),
    md(
        en="""
## Frequency responses as a heat map

Each row is one kernel's $|H_n(f)|$, divided by its own maximum (so every row reaches 1, the colour bar), rows sorted
by peak frequency; the dashed line marks 1 kHz. The STFT's responses are wide bumps spread evenly over the axis (a
16-sample Hann window cannot be sharper). The random start's rows are ragged, their response spread over the whole
axis. Compare the learned panel with both: where are its rows crowded, and how wide are their bumps? A row that is
bright over a wide range belongs to a kernel with more than one bump or a very broad one; its peak frequency alone
says little about it.
""",
        zh="""
## 频率响应热图

每一行是一个卷积核的 $|H_n(f)|$，除以这一行自己的最大值（所以每行最大都是 1，见色标），行按峰值频率排序；虚线是 1 kHz。STFT 的响应是一个个很宽的“鼓包”，
在频率轴上均匀分布（16 个采样点的 Hann 窗做不出更窄的峰）。随机初始化的每一行都杂乱无章，响应散布在整个频率轴上。把学到的那一栏和这两栏比一比：
它的行挤在哪些频率上？鼓包有多宽？如果某一行在很宽的范围内都很亮，说明这个卷积核的响应有不止一个鼓包，或者鼓包很宽；单看它的峰值频率，说明不了多少。
""",
    ),
    code("""
responses = {}
for name, k in {"learned": learned, "before": before, "stft": stft}.items():
    Hk = torch.fft.rfft(k, n=nfft).abs()
    Hk = Hk[torch.argsort(Hk.argmax(dim=-1), stable=True)]   # en: rows from low to high peak // zh: 行按峰值从低到高
    responses[name] = Hk / Hk.amax(dim=-1, keepdim=True)    # en: each row divided by its own maximum // zh: 每行除以自己的最大值
fig = te.ch05.plot_response_heatmap(responses)
"""),
    md(
        en="""
## How many kernels peak below 1 kHz?

Conv-TasNet's authors looked at the filters of their best model (N = 512, L = 16, a *linear* encoder, trained on
WSJ0-2mix, mixtures of read speech). Fig. 5 of the paper (Section IV-G) shows its encoder and decoder filters with the
magnitudes of their FFTs, sorted by how similar the filters are (not by frequency); the text says "the majority of the
filters are tuned to lower frequencies". The discussion (Section V) puts a number on it: "more than 60% tuned to
frequencies below 1 kHz", and likens this to the mel scale and to the tonotopic map of the mammalian auditory system,
both of which give low frequencies more room. The paper does not say how "tuned to" was measured; here it is the peak
frequency. The cell counts, for each set, the kernels whose peak lies below 1 kHz. These shares are this model's;
they need not match the paper's. *Before running*: from the heat map, do you expect `learned` above or below 0.60?
""",
        zh="""
## 有多少卷积核的峰值频率低于 1 kHz？

Conv-TasNet 的作者查看了他们最好的模型（N = 512，L = 16，**线性**编码器，在 WSJ0-2mix 上训练，即朗读语音的混合）的滤波器。
论文的图 5（第 IV-G 节）画出了编码器和解码器的滤波器以及它们 FFT 的幅度，按滤波器彼此的相似程度排序（不是按频率）；正文说“大多数滤波器调谐在较低的频率上”。
讨论部分（第 V 节）给出了数字：“超过 60% 调谐在 1 kHz 以下的频率”，并把它比作梅尔刻度（mel scale）和哺乳动物听觉系统的音调拓扑组织（tonotopic organization）：
两者都给低频更多的位置。论文没有说明“调谐在”是怎么测量的；这里用的是峰值频率。下面的单元格对每一组卷积核数一数峰值低于 1 kHz 的有多少。
这些比例是这个模型自己的，不必与论文一致。**运行之前先想一想**：从热图看，你预计 `learned` 的比例高于还是低于 0.60？
""",
    ),
    code("""
peaks_by_set = {}
for name, k in {"learned": learned, "first": first, "before": before, "stft": stft}.items():
    p = torch.fft.rfft(k, n=nfft).abs().argmax(dim=-1) * sr / nfft
    below = int((p < 1000).sum())
    print(f"{name:8s} {below:2d} / {len(k)} < 1000 Hz   {below / len(k):.2f}")
    peaks_by_set[name] = p
fig = te.ch05.plot_peak_distribution(peaks_by_set, paper_share=60)
"""),
    md(
        en="""
Left: one panel per kernel set, the share of its kernels in each 250 Hz band. Right: the share peaking below each
frequency; read each curve just left of the dashed 1 kHz line (the printed shares count peaks strictly below 1 kHz;
a curve jumps at 1 kHz where kernels peak at exactly 1000 Hz), and compare with the paper's star at 60%.
A fair reading keeps the differences in mind: a 16-sample kernel is 2 ms long, so its response is several hundred Hz
wide; our model has far fewer kernels than the paper's 512; its encoder has a ReLU; and its training speech is
synthetic, not recorded. What training changed is measured against the random start (`before`); what "learned" adds
over a fixed bank is measured against the STFT.
""",
        zh="""
左边：每组卷积核一栏，画出落在每个 250 Hz 频带里的卷积核占比。右边：峰值频率低于各个频率的卷积核占比；在 1 kHz 虚线的紧左边读出每条曲线的值（就是上面打印的比例：只数峰值严格低于 1 kHz 的；峰值正好在 1000 Hz 的卷积核会让曲线在虚线处再跳一级），
再和论文在 60% 处的星号比较。读图时要记住几点差别：16 个采样点的卷积核只有 2 毫秒长，响应宽达几百 Hz；我们模型的卷积核比论文的 512 个少得多；
我们的编码器带 ReLU；训练语音是合成的，不是录音。训练改变了什么，要和随机初始化（`before`）比；“学出来”比固定的滤波器组多了什么，要和 STFT 比。
""",
    ),
    md(
        en="""
## Several phases at one frequency

A single real kernel cannot stand for a frequency band on its own. Its score for a tone depends on where in its cycle
the frame catches the tone (chapter 02): a cosine kernel can score 0 on a sine of its own frequency. The STFT solves
this with exactly two kernels per frequency, cos and −sin, 90° apart; together they give magnitude and phase (chapter
04). Conv-TasNet's final encoder is **linear**: in the paper's Table III (Section IV-A, a smaller 1.5M-parameter
configuration on WSJ0-2mix) a linear encoder with sigmoid masks scored 13.1 dB SI-SNRi, the ReLU encoder 13.0 and
12.9 dB (softmax and sigmoid masks). Even that linear encoder holds filters with the same frequency tuning and various
phases (Fig. 5, Section IV-G); the authors suggest that this explicit coding of phase may be the key reason it outperforms STFT-based methods.
Ditter & Gerkmann (2020) built a fixed multi-phase filterbank on that observation. A linear encoder does not *need*
several phases to keep the signal (16 independent kernels already keep a 16-sample frame), but they help a mask: with
several phases per band, the band's strength shows in some entry whatever the phase of the frame, and a mask scales
entries one by one.

The **ReLU** of our encoder adds a second reason. After the ReLU a kernel reports only frames that match it with a
positive sign (chapter 03), so keeping a band at both signs takes a kernel and its negative: $u$ and $-u$, as in
chapter 04's $[U; -U]$. First measurement: how many kernels have a partner that is nearly their negative (cosine
similarity below −0.9)?
""",
        zh="""
## 同一频率，多个相位

单独一个实数卷积核代表不了一个频带。它给纯音打的分，取决于这一帧截到的是纯音周期里的哪个位置（第 2 章）：余弦核给同频率的正弦打分可能为 0。
STFT 的办法是每个频率恰好两个核：cos 和 −sin，相差 90°，合起来给出幅度和相位（第 4 章）。Conv-TasNet 的最终编码器是**线性**的：
在论文的表 III（第 IV-A 节，参数量 1.5M 的较小配置，WSJ0-2mix）中，线性编码器加 sigmoid 掩码的 SI-SNRi 为 13.1 dB，ReLU 编码器为 13.0 和 12.9 dB（softmax 与 sigmoid 掩码）。
即使是这个线性编码器，也有一些滤波器调谐在同一频率上、相位却各不相同（图 5，第 IV-G 节）；作者推测，这种显式的相位编码可能正是它胜过基于 STFT 的方法的关键原因。
Ditter 和 Gerkmann（2020）根据这一观察设计了一组固定的多相位滤波器组。线性编码器要保留信号，并不**需要**多个相位（16 个线性无关的卷积核就能完整保留 16 个采样点的帧），
但多个相位对掩码有帮助：一个频带有几个相位，无论帧截到的相位是多少，总有某个元素能反映这个频带的强弱；而掩码正是逐个元素地缩放。

我们的编码器后面还有 **ReLU**，这又多了一个理由。经过 ReLU 之后，一个卷积核只报告与它“同号”匹配的帧（第 3 章），
所以一个频带要保留正、负两种符号，就需要一个核和它的相反数：$u$ 和 $-u$，就像第 4 章的 $[U; -U]$。
第一项测量：有多少个卷积核能找到一个几乎就是它的相反数的搭档（余弦相似度低于 −0.9）？
""",
    ),
    code("""
for name, k in {"learned": learned, "before": before, "stft": stft}.items():
    unit = k / k.norm(dim=-1, keepdim=True)   # en: every kernel scaled to norm 1 // zh: 每个卷积核缩放到范数 1
    cos = unit @ unit.T                        # en: [N, N]: cosine similarity of every pair // zh: [N, N]：每一对的余弦相似度
    cos.fill_diagonal_(1.0)                    # en: a kernel is not its own partner // zh: 卷积核不能和自己配对
    paired = int((cos.min(dim=-1).values < -0.9).sum())
    print(f"{name:8s} paired = {paired:2d} / {len(k)}   (cos < -0.9)")
"""),
    md(
        en="""
Second measurement: which kernels share a frequency but differ in phase? The **phase** of a kernel is the angle of its
complex spectrum at the peak frequency. Measured from the kernel's first sample it would turn quickly with small
changes of the peak, so the cell measures time from the kernel's centre, sample $(L-1)/2$: multiplying by
$e^{+j 2\\pi f (L-1)/2 / f_s}$ moves the time origin there. Then a cosine centred in the frame has phase 0°, a centred
sine −90°, and $-u$ has $u$'s phase moved by 180°. The cell checks the first two, then looks for a band: among the
kernels peaking from 1 kHz up to below 4 kHz (at least two cycles in 2 ms, so the phase is easy to see; at 4000 Hz
the phase can only be 0° or 180°), the kernel with the most others within 50 Hz of its peak, and those others.
""",
        zh="""
第二项测量：哪些卷积核频率相同、相位不同？卷积核的**相位**是它的复数频谱在峰值频率处的辐角。如果从卷积核的第一个采样点开始计时，
峰值稍有变化，这个角度就会转得很快；所以下面的单元格以卷积核的中点（第 $(L-1)/2$ 个采样点）为时间起点：乘以 $e^{+j 2\\pi f (L-1)/2 / f_s}$
就把时间起点移到了那里。这样，居中的余弦相位为 0°，居中的正弦为 −90°，$-u$ 的相位比 $u$ 差 180°。单元格先验证前两条，再找一个频带：
在峰值从 1 kHz 到 4 kHz（不含）的卷积核里（2 毫秒内至少有两个周期，相位容易看清；4000 Hz 处的相位只能是 0° 或 180°），
找出峰值 ±50 Hz 内其他卷积核最多的那一个，连同这些卷积核一起列出。
""",
    ),
    code("""
def phase_at_peak(k):
    X = torch.fft.rfft(k, n=nfft)
    b = X.abs().argmax(dim=-1)                                        # en: the peak's bin in each row // zh: 每行峰值所在的频点
    to_centre = torch.exp(2j * torch.pi * b * (k.shape[-1] - 1) / 2 / nfft)   # en: time origin moved to the centre // zh: 时间起点移到中点
    return torch.angle(X[torch.arange(len(k)), b] * to_centre).rad2deg()

centred = torch.arange(L) - (L - 1) / 2
cos_sin = torch.stack([torch.cos(2 * torch.pi * 1000 * centred / sr), torch.sin(2 * torch.pi * 1000 * centred / sr)])
print("phase_at_peak(cos_sin), 1000 Hz:", phase_at_peak(cos_sin).round().int().tolist())

phases = phase_at_peak(learned)
usable = (peaks >= 1000) & (peaks < sr / 2)
near = (peaks[:, None] - peaks[None, :]).abs() <= 50                  # en: [N, N]: peaks within 50 Hz // zh: [N, N]：峰值相差不超过 50 Hz
centre = int(((near & usable).sum(dim=1) * usable).argmax())          # en: the kernel with the most such neighbours // zh: 这样的邻居最多的卷积核
group = torch.nonzero(near[centre] & usable).flatten()
group = group[torch.argsort(phases[group])]                           # en: sorted by phase // zh: 按相位排序
for i in group.tolist():
    print(f"#{i:2d}: peaks = {peaks[i]:6.1f} Hz, phases = {phases[i]:+4.0f}°")
fig = te.ch05.plot_phases(learned, peaks, phases, group)
"""),
    md(
        en="""
Left: every learned kernel as a dot at (peak frequency, phase), the group ringed. Right: the group's kernels, one per
row. Read the printed phases against chapter 04: which pairs differ by about 180° (a kernel and its negative, the pairs
counted above), and which by about 90°, like the STFT's cos and −sin?

## Before and after training

The figure compares the same kernels (same index) at three stages: top, the random start of training (`before`);
middle, the first model, trained on espeak voices only (`first`); bottom, the course's model (`learned`). The eight
kernels are picked from `learned`'s sorted order, spread from its lowest peak to its highest. Look first, then read
the measurements below the figure.
""",
        zh="""
左边：每个学到的卷积核是一个点，横坐标是峰值频率，纵坐标是相位；选出的那一组画了圈。右边：这一组卷积核，每行一个。
对照第 4 章读一读打印出的相位：哪几对相差约 180°（一个核和它的相反数，也就是上面数过的那种搭档）？哪几对相差约 90°，像 STFT 的 cos 和 −sin？

## 训练前后

下图比较同一编号的几个卷积核在三个阶段的样子：上行是训练开始时的随机初始化（`before`），中行是只用 espeak 训练的第一版模型（`first`），
下行是课程自带的模型（`learned`）。这 8 个卷积核从 `learned` 排好的顺序里挑选，从峰值最低的到最高的大致均匀分布。先看图，再读图下面的测量结果。
""",
    ),
    code("""
stages = {"before": before, "first": first, "learned": learned}
picks = order[torch.linspace(0, N - 1, 8).round().long()]   # en: 8 kernels, from the lowest peak of `learned` to the highest // zh: 8 个卷积核，从 `learned` 峰值最低的到最高的
fig = te.ch05.plot_before_after({name: k[picks] for name, k in stages.items()}, picks)
"""),
    md(
        en="""
Three measurements, one line per stage. The share peaking below 1 kHz, as before. How **band-like** the kernels
are: the share of a kernel's response energy ($|H_n(f)|^2$, summed over the grid) that lies within ±250 Hz of its
peak, the median over all kernels; the larger, the more a kernel is one oscillation of one frequency. And how many
peak at 0 Hz: such a **low-pass** kernel responds to the frame's average (its DC part) and slow trends, not to an
oscillation. Did training make the kernels more band-like? Is every trained kernel an oscillation?
""",
        zh="""
每个阶段打印一行，包含三项测量。一是峰值低于 1 kHz 的比例，和前面一样。二是卷积核有多像**一个频带**：卷积核的响应能量（$|H_n(f)|^2$ 在网格上求和）中，
落在峰值 ±250 Hz 以内的比例，取所有卷积核的中位数；越大，越像单一频率的一段振荡。三是峰值在 0 Hz 的有几个：这样的**低通**（low-pass）卷积核
响应的是这一帧的平均值（直流分量，DC）和缓慢的趋势，而不是振荡。训练是否让卷积核更像频带？训练后的卷积核都是振荡吗？
""",
    ),
    code("""
freqs = torch.fft.rfftfreq(nfft, d=1 / sr)   # en: the grid: 0, 15.625, ..., 4000 Hz // zh: 频率网格：0、15.625、…、4000 Hz
for name, k in stages.items():
    energy = torch.fft.rfft(k, n=nfft).abs() ** 2
    p = freqs[energy.argmax(dim=-1)]
    near_peak = (freqs[None, :] - p[:, None]).abs() <= 250
    band = ((energy * near_peak).sum(dim=-1) / energy.sum(dim=-1)).median()
    print(f"{name:8s} p < 1000 Hz: {(p < 1000).float().mean():.2f}   band (±250 Hz): {band:.2f}   p == 0: {int((p == 0).sum()):2d}")
"""),
    md(
        en="""
## Browse the kernels

Template matching, with learned templates. The cell below scores every frame of a synthetic test sentence with every
learned kernel (the strength map before the ReLU, chapter 04, as `[K, N]`). The slider then walks through the learned
kernels from low to high frequency. For each kernel: its waveform, its frequency response, and the three frames with
its largest scores (the largest values it puts into the strength map). Compare them with the kernel: the
best-scoring frames are loud *and* shaped like it (score = norm of the frame × norm of the kernel × cosine
similarity, chapter 02).
""",
        zh="""
## 逐个浏览卷积核

这就是模板匹配，只不过模板是学出来的。下面的单元格用每个学到的卷积核给一句合成测试语音的每一帧打分（也就是 ReLU 之前的强度图，第 4 章，这里写成 `[K, N]`）。
然后拖动滑块，按频率从低到高浏览学到的卷积核。每个核显示：波形、频率响应，以及它得分最高的三帧（它在强度图里给出的最大值）。
把这些帧和卷积核比一比：得分最高的帧既响、形状又像它（分数 = 帧的范数 × 卷积核的范数 × 余弦相似度，第 2 章）。
""",
    ),
    code("""
clip = te.load_clip(te.speech_clips("test")[0])
scores = te.slice_frames(clip, L) @ learned.T   # en: [K, N]: every frame scored by every kernel // zh: [K, N]：每个卷积核给每一帧打分
print("scores [K, N]:", list(scores.shape))
Audio(clip.numpy(), rate=sr)
"""),
    code("""
te.ch05.kernel_browser(learned, clip)
""", tags=["nbval-ignore-output"]),
    code("""
view = te.ch05.kernel_view(learned, 0, clip)            # en: what the slider shows at position 0 // zh: 滑块在位置 0 时显示的内容
best = torch.argsort(scores[:, order[0]], descending=True)[:3]   # en: the lowest kernel's three best frames // zh: 峰值最低的卷积核得分最高的三帧
assert view["kernel"] == order[0] and torch.equal(view["best_frames"], best)
assert torch.allclose(view["scores"], scores[best, order[0]], atol=1e-5)
print(f"view['kernel'] = {view['kernel']}, view['peak_hz'] = {view['peak_hz']:.0f} Hz, best = {best.tolist()}")
"""),
    md(
        en="""
## Exercises

**Exercise 05.1** (build) Write `my_peak_frequency(kernels, sr)`: the peak frequency in Hz of every kernel, from a
zero-padded FFT of $n_{\\text{fft}} = 512$ points, for kernels of any length L sampled at `sr` Hz. `kernels` is `[N, L]`,
or several banks at once `[S, N, L]`; the result has the kernel axes without L (`[N]` or `[S, N]`). `te.check` runs
your function on its own kernels (random banks, an odd L at `sr = 16000`, windowed tones, a constant kernel and one
alternating +1, −1, two banks at once) and compares it with `te.peak_frequency`. When it passes, try it on
`torch.stack([before, learned])` and compare the two rows.
""",
        zh="""
## 练习

**练习 05.1**（动手写）写一个函数 `my_peak_frequency(kernels, sr)`：用 $n_{\\text{fft}} = 512$ 点的补零 FFT，求出每个卷积核的峰值频率（单位 Hz）。
卷积核的长度 L 可以是任意值，采样率是 `sr` Hz。`kernels` 的形状是 `[N, L]`，也可以是几组卷积核叠在一起的 `[S, N, L]`；
返回值去掉 L 这个轴（`[N]` 或 `[S, N]`）。`te.check` 会用它自己准备的卷积核（随机的卷积核组、`sr = 16000` 下的奇数 L、加窗的纯音、
全为常数的卷积核和 +1、−1 交替的卷积核、两组一起）运行你的函数，并与 `te.peak_frequency` 比较。通过以后，
试试 `torch.stack([before, learned])`，比一比两行的结果。
""",
    ),
    code("""
def my_peak_frequency(kernels, sr):
    # en: kernels: [..., L]; return the peak frequency of each kernel in Hz, [...] // zh: kernels：[..., L]；返回每个卷积核的峰值频率（Hz），形状 [...]
    # en: use a zero-padded FFT of 512 points // zh: 用 512 点的补零 FFT
    ...


te.check("05.1", my_peak_frequency)
"""),
    code("""
te.solution("05.1")
"""),
    md(
        en="""
**Exercise 05.2** (build) The partner count above only says *how many* kernels have a near-negative. Write
`my_partners(kernels)` that says *which*: for `kernels` of shape `[N, L]`, a long tensor `[N]` whose entry n is the
index of kernel n's partner, the kernel with the lowest cosine similarity to it, if that similarity is below −0.9,
and −1 if kernel n has no partner. `te.check` tries a bank $[U; -U]$, random kernels (no partners), near-negatives
with noise, and partners of very different norms. When it passes, `my_partners(learned)` lists the pairs; how many
entries are not −1, and does that match the count printed above? Are the pairs mutual?
""",
        zh="""
**练习 05.2**（动手写）上面只数出了有多少个卷积核能找到近似相反数的搭档。写一个函数 `my_partners(kernels)`，说出是**哪些**：
`kernels` 的形状是 `[N, L]`，返回一个整数（`long`）张量 `[N]`，第 n 个元素是第 n 个卷积核的搭档的下标：搭档是与它余弦相似度最低的那个卷积核，
前提是这个相似度低于 −0.9；没有搭档的卷积核记为 −1。`te.check` 会用 $[U; -U]$、随机卷积核（没有搭档）、加了噪声的近似相反数、
以及范数相差很大的搭档来检查。通过以后，用 `my_partners(learned)` 列出这些搭档：不是 −1 的有几个？和上面打印的个数一致吗？搭档是互相的吗？
""",
    ),
    code("""
def my_partners(kernels):
    # en: kernels: [N, L]; return [N]: the index of each kernel's partner, or -1 // zh: kernels：[N, L]；返回 [N]：每个卷积核的搭档的下标，没有则为 -1
    # en: partner: lowest cosine similarity, if it is below -0.9 // zh: 搭档：余弦相似度最低的那个，且低于 -0.9
    ...


te.check("05.2", my_partners)
"""),
    code("""
te.solution("05.2")
"""),
    md(
        en="""
**Exercise 05.3** (open question, no checker) A 16-sample frame has only 16 numbers, yet the encoder has more kernels
than that (`N`). Is that a waste? Use the partners and the phase figure above to say what the extra kernels are used
for, and think about what a mask (chapter 06) can and cannot do with an encoder output that is never negative. Think
it through, then compare with our answer:
""",
        zh="""
**练习 05.3**（开放题，不自动检查）一个 16 点的帧只有 16 个数，编码器的卷积核却比这多（`N` 个）。这是浪费吗？
用上面找到的搭档和相位图说明多出来的卷积核用在了哪里；再想一想：编码器的输出永远不为负，第 6 章的掩码（mask）能对它做什么、不能做什么？
先自己想一想，再对照参考答案：
""",
    ),
    code("""
te.solution("05.3")
"""),
    md(
        en=r"""
## Summary in three lines

1. A kernel's frequency response $H_n(f)$ is the magnitude of its Fourier transform (a zero-padded FFT samples it
   finely: `torch.fft.rfft(kernel, n=nfft).abs()`); its peak frequency, `argmax * sr / nfft`, says which band the
   kernel listens to.
2. The STFT puts its kernels evenly, one cos/sin pair per bin; a learned encoder puts them where training placed
   them. Look for several phases at one frequency (they help a linear encoder too: a band's strength shows in some
   entry at any phase, which entry-by-entry masks need) and for kernels paired with their negatives (the ReLU needs
   both signs); the shares and counts printed above are this model's, and "more than 60% below 1 kHz" is the paper's.
3. What training changed is measured against the random start (where the peaks fall, how band-like the kernels are,
   how many are low-pass), not read off a picture. The next chapter shows what this encoder buys for separation.

### References

- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing Ideal Time–Frequency Magnitude Masking for Speech Separation",
  IEEE/ACM TASLP 27(8), 2019: Section IV-A and Table III (linear vs ReLU encoder), Section IV-G and Fig. 5 (the
  learned filters and the magnitudes of their FFTs; filters with the same frequency tuning show various phases),
  Section V ("more than 60% tuned to frequencies below 1 kHz").
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

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. 卷积核的频率响应 $H_n(f)$ 是它的傅里叶变换的幅度（补零 FFT 把它采样得更密：`torch.fft.rfft(kernel, n=nfft).abs()`）；
   峰值频率 `argmax * sr / nfft` 说明这个核“听”的是哪个频带。
2. STFT 把卷积核均匀排开，每个频点一对 cos/sin；学到的编码器把卷积核放在训练决定的位置。留意同一频率上的多个相位（对线性编码器也有帮助：
   无论帧的相位如何，频带的强弱总能在某个元素上体现出来，而掩码是逐个元素起作用的），以及成对的“核与它的相反数”（ReLU 需要正负两种符号）；
   上面打印的比例和个数是这个模型的，“超过 60% 低于 1 kHz”是论文的结果。
3. 训练改变了什么，要以随机初始化为参照来测量（峰值落在哪里、卷积核有多像频带、有多少是低通的），而不是只看图。下一章看看这个编码器对语音分离有什么用。

### 参考文献

- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing Ideal Time–Frequency Magnitude Masking for Speech Separation”，IEEE/ACM TASLP 27(8)，2019：
  第 IV-A 节与表 III（线性编码器与 ReLU 编码器），第 IV-G 节与图 5（学到的滤波器及其 FFT 幅度；调谐在同一频率的滤波器相位各不相同），
  第 V 节（“超过 60% 调谐在 1 kHz 以下的频率”）。
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

{{navigation}}
""",
    ),
]
