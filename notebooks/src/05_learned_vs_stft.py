# Chapter 05: learned templates vs STFT bases. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 05 Learned templates vs STFT bases

In chapters 01–04 the templates were made by hand (tones, clicks) or at random. The document says TasNet's templates are
**learned**: "自动学出来的，不再是固定的傅里叶基". This chapter looks inside an encoder that really was trained, the one in
the course's tiny TasNet (chapter 06 shows what it was trained for), and puts its 64 kernels next to the STFT's Fourier
bases of the same length.

Questions we answer with the trained weights:

1. What do learned kernels look like, sorted from low to high frequency?
2. Where do their frequency responses sit? The Conv-TasNet paper found **more than 60% of its filters below 1 kHz**.
3. Why are there several kernels at one frequency, with different phases, when the STFT has just one cos/sin pair?
4. What did training change, compared with the random start?
""",
        zh="""
# 05 学到的模板 vs 傅里叶基

第 01–04 章里的模板都是手工做的（纯音、脉冲）或者随机的。原文说 TasNet 的模板是"自动学出来的，不再是固定的傅里叶基"。
这一章就打开一个真正训练过的编码器（encoder）——本课程小型 TasNet 里的那一个（它为什么而训练，见第 06 章），
把它的 64 个卷积核（kernel）和同样长度的 STFT 傅里叶基（Fourier basis）摆在一起比较。

我们用训练好的权重回答四个问题：

1. 学到的卷积核按频率从低到高排好后，长什么样？
2. 它们的频率响应（frequency response）集中在哪里？Conv-TasNet 论文发现**超过 60% 的滤波器调谐在 1 kHz 以下**。
3. STFT 每个频率只有一对 cos/sin，为什么学到的模板在同一频率上会有好几个、相位各不相同？
4. 和随机初始化相比，训练到底改变了什么？
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
## The trained model

`te.load_pretrained()` loads the checkpoint that ships with the package (no download). It was produced by
`python -m tasnet_edu.cli.train` on the course's speech clips; the checkpoint records how long it trained.
""",
        zh="""
## 训练好的模型

`te.load_pretrained()` 读取随包附带的检查点（checkpoint），不需要下载。它由 `python -m tasnet_edu.cli.train`
在课程自带的语音片段上训练得到，检查点里记录了训练了多久。
""",
    ),
    code("""
model = te.load_pretrained()
facts = te.ch05.training_facts()
print(facts)
print("encoder:", model.encoder)
"""),
    code("""
learned = te.ch05.encoder_kernels(model)   # [N, L] = the conv1d_U weights
stft = te.ch05.stft_templates(16)         # stft_kernels(16) without its two all-zero sine rows
print("learned:", list(learned.shape), " STFT:", list(te.stft_kernels(16).shape), "->", list(stft.shape))
"""),
    md(
        en="""
## Kernels side by side, low to high frequency

Each kernel is sorted by its **peak frequency**: the frequency where the magnitude of its (zero-padded) FFT is largest
(`te.peak_frequency`). The STFT row shows the Hann-windowed cos and −sin of each bin; for L = 16 at 8 kHz the bins are
500 Hz apart (0, 500, …, 4000 Hz). The sine of bins 0 and 4000 Hz is all zeros, so 16 of the 18 STFT kernels are drawn.
""",
        zh="""
## 并排比较：按频率从低到高

每个卷积核按**峰值频率**（peak frequency）排序：对它做补零 FFT，幅度最大的那个频率（`te.peak_frequency`）。
下面一行是 STFT：每个频点（bin）一条加 Hann 窗的 cos 和一条 −sin。L = 16、采样率 8 kHz 时，频点间隔 500 Hz
（0、500、…、4000 Hz）。0 Hz 和 4000 Hz 的正弦分量全是 0，所以 18 个 STFT 核里画出了 16 个。
""",
    ),
    code("""
fig = te.ch05.compare_kernels(learned)
"""),
    md(
        en="""
## Frequency responses as a heat map

Each row is one kernel's magnitude response, normalised to its own maximum, rows sorted by peak frequency. The dashed
line marks 1 kHz. The STFT's responses are evenly spread, wide bumps (a 16-sample Hann window cannot be sharper);
the learned ones are placed where the training speech needed them.
""",
        zh="""
## 频率响应热图

每一行是一个卷积核的幅度响应，按各自最大值归一化，行按峰值频率排序；虚线是 1 kHz。
STFT 的响应在频率轴上均匀分布，而且很宽（16 个采样点的 Hann 窗做不出更窄的峰）；
学到的卷积核则放在训练语音需要的地方。
""",
    ),
    code("""
before = te.ch05.encoder_kernels(te.ch05.untrained_model())
fig = te.ch05.plot_response_heatmap({te.t("learned", "学到的"): learned, te.t("before training", "训练前"): before, "STFT": stft})
"""),
    md(
        en="""
## How many kernels sit below 1 kHz?

The paper reports that more than 60% of Conv-TasNet's learned filters (N = 512, trained on WSJ0 speech) are tuned
below 1 kHz, like the mel scale and the cochlea give more resolution to low frequencies. Here is the same count for our
tiny model, for its random start, and for the STFT:
""",
        zh="""
## 有多少卷积核在 1 kHz 以下？

论文报告：Conv-TasNet（N = 512，在 WSJ0 语音上训练）学到的滤波器里，超过 60% 调谐在 1 kHz 以下——
就像梅尔刻度（mel scale）和人耳耳蜗（cochlea）一样，把更多分辨率留给低频。下面是我们的小模型、
它的随机初始状态以及 STFT 的同一统计：
""",
    ),
    code("""
for name, kernels in [("learned", learned), ("before training", before), ("STFT", stft)]:
    print(f"{name:16s} {100 * te.ch05.share_below(kernels, 1000):5.1f}% of {len(kernels)} kernels peak below 1 kHz")
"""),
    code("""
fig = te.ch05.plot_peak_histogram({te.t("learned", "学到的"): learned, te.t("before training", "训练前"): before, "STFT": stft})
"""),
    md(
        en="""
What to read from this: a 16-sample kernel is only 2 ms long, so its frequency resolution is coarse (about 500 Hz), and
our model has only 64 kernels and a few thousand training steps on synthetic speech, not 512 kernels trained for days
on real speech. Compare the learned share with the random start (what training changed) and with the STFT (an even
spread), rather than expecting the paper's exact number.
""",
        zh="""
怎么读这些数字：16 个采样点的卷积核只有 2 毫秒长，频率分辨率很粗（约 500 Hz）；我们的模型只有 64 个核，
在合成语音上训练了几千步，而论文是 512 个核、在真实语音上训练好几天。所以与其期待和论文一模一样的比例，
不如把"学到的"和"训练前"比较（训练改变了什么），再和 STFT 比较（均匀分布）。
""",
    ),
    md(
        en="""
## Several phases at one frequency

The STFT has exactly two kernels per frequency, cos and −sin, 90° apart: together they give magnitude and phase.
After a **ReLU** (chapter 03) a kernel only reports frames that match it with a positive sign, so one kernel can no
longer stand for both signs. Learned encoders answer this with several kernels at about the same frequency but shifted
in phase, as the paper noticed. Here are learned kernels that peak between 300 and 700 Hz, with their phase at the peak:
""",
        zh="""
## 同一频率，多个相位

STFT 每个频率恰好两个核：cos 和 −sin，相差 90°，合起来给出幅度和相位。
而经过 **ReLU**（第 03 章）之后，一个卷积核只报告与它"同号"匹配的帧，一个核不再能同时代表正负两种情况。
学到的编码器的办法是：在差不多同一频率上放好几个核，相位（phase）各不相同——论文里也观察到了这一点。
下面是峰值在 300–700 Hz 之间的学到的卷积核，以及它们在峰值频率处的相位：
""",
    ),
    code("""
group = te.ch05.same_frequency_group(learned, low=300, high=700)
print("kernels:", group.tolist())
fig = te.ch05.plot_phases(learned, group)
"""),
    md(
        en="""
## Before and after training

The same eight kernels (same index) at the seeded random initialisation that training started from, and after
training. Training turned noise into oscillations with a clear frequency.
""",
        zh="""
## 训练前后

同样 8 个卷积核（同一编号）：上面是训练开始时的随机初始化（固定随机种子），下面是训练之后。
训练把一团噪声变成了有明确频率的振荡。
""",
    ),
    code("""
fig = te.ch05.plot_before_after(before, learned)
"""),
    md(
        en="""
## Browse the kernels

Move the slider through the 64 learned kernels, low to high frequency. For each kernel: its waveform, its spectrum, and
the three frames of a test sentence that excite it most (the largest values it puts into the strength map). The frames
look like the kernel: template matching, learned.
""",
        zh="""
## 逐个浏览卷积核

拖动滑块，按频率从低到高浏览 64 个学到的卷积核。每个核显示：波形、频谱，以及一句测试语音里最能激活它的三帧
（它在强度图里给出的最大值）。这些帧长得像这个核本身——这就是"模板匹配"，只不过模板是学出来的。
""",
    ),
    code("""
clip = te.load_clip(te.speech_clips("test")[0])
Audio(clip.numpy(), rate=8000)
"""),
    code("""
# NBVAL_IGNORE_OUTPUT
te.ch05.kernel_browser(learned, clip)
"""),
    code("""
view = te.ch05.kernel_view(learned, 0, clip)   # what the slider shows at position 0
last = te.ch05.kernel_view(learned, len(learned) - 1, clip)
assert view["peak_hz"] <= last["peak_hz"] and len(view["best_frames"]) == 3
print(f"lowest kernel #{view['kernel']} peaks at {view['peak_hz']:.0f} Hz; highest #{last['kernel']} at {last['peak_hz']:.0f} Hz")
"""),
    md(
        en="""
## Exercises

**05.1** With L = 16 at 8000 Hz, how many Hz apart are the STFT bins? (Check `te.ch05.bin_frequencies`.)
""",
        zh="""
## 练习

**05.1** L = 16、采样率 8000 Hz 时，STFT 相邻频点相隔多少 Hz？（可以用 `te.ch05.bin_frequencies` 验证。）
""",
    ),
    code("""
answer = None  # a number in Hz
te.check("05.1", answer)
"""),
    code("""
te.solution("05.1")
"""),
    md(
        en="""
**05.2** How many of the 64 learned kernels peak **below 1 kHz**? Compute it with `te.peak_frequency`.
""",
        zh="""
**05.2** 64 个学到的卷积核里，有多少个的峰值频率**低于 1 kHz**？用 `te.peak_frequency` 算一算。
""",
    ),
    code("""
answer = None  # a whole number
te.check("05.2", answer)
"""),
    code("""
te.solution("05.2")
"""),
    md(
        en="""
**05.3** Which learned kernel (its index in `learned`, 0..63) has the **highest** peak frequency?
""",
        zh="""
**05.3** 哪一个学到的卷积核（它在 `learned` 中的编号，0..63）峰值频率**最高**？
""",
    ),
    code("""
answer = None  # an index
te.check("05.3", answer)
"""),
    code("""
te.solution("05.3")
"""),
    md(
        en="""
## Summary in three lines

1. Learned kernels are short oscillations, each tuned to a band, like Fourier bases but placed by training, not by a formula.
2. Sorted by frequency they cover the spectrum unevenly, with several phases at one frequency because of the ReLU.
3. The STFT is one fixed dictionary; the encoder learns its own — the next chapter shows what that buys for separation.
""",
        zh="""
## 3 行话总结

1. 学到的卷积核是一段段短振荡，各自调谐到一个频带——像傅里叶基，但位置由训练决定，而不是由公式决定。
2. 按频率排好后，它们在频谱上分布不均匀；因为有 ReLU，同一频率上会出现多个相位。
3. STFT 是一本固定的"字典"，编码器自己学一本——下一章看看这对语音分离有什么用。
""",
    ),
]
