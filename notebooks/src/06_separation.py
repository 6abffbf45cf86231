# Chapter 06: why the encoder exists — separating speech. Built by tools/notebooks.py into notebooks/en and notebooks/zh.
CELLS = [
    md(
        en="""
# 06 Why: separating speech

The document ends with the reason for the whole encoder: "因为后面要做：语音分离" — separation is easier in the
encoder's feature space than on the raw waveform. This chapter runs the complete tiny TasNet on mixtures of two voices
it has never heard, draws every stage, lets you listen, and measures how well it works against the classic approach:
masking an STFT spectrogram, even with *ideal* (oracle) masks.

```
mixture [M, T] -> encoder [M, N, K] -> separator: masks [M, 2, N, K] -> mask x map -> decoder -> voices [M, 2, T]
```
""",
        zh="""
# 06 为什么：语音分离

原文最后说出了编码器存在的理由："因为后面要做：语音分离"——在编码器的特征空间里做分离，比直接在原始波形上做容易。
这一章把完整的小型 TasNet 用在它从没听过的双人混合语音上：画出每一步、让你亲耳听，并和经典做法比一比：
在 STFT 频谱图上加掩码（mask），哪怕是用"理想"（先知）掩码。

```
mixture [M, T] -> encoder [M, N, K] -> separator: masks [M, 2, N, K] -> mask x map -> decoder -> voices [M, 2, T]
```
""",
    ),
    code("""
import torch
import tasnet_edu as te
from IPython.display import Audio
te.start_chapter("06")
"""),
    md(
        en="""
## A mixture of two unseen sentences

`te.fixed_mixtures("test", ...)` mixes clips from the **test split**: sentences that were never used in training.
The second voice is scaled to a level between −5 and 5 dB relative to the first, as in the Conv-TasNet recipe.
""",
        zh="""
## 两句"没听过"的话混在一起

`te.fixed_mixtures("test", ...)` 用的是**测试集**（test split）里的语音：训练时从未用过的句子。
第二个声音相对第一个的电平在 −5 到 5 dB 之间，和 Conv-TasNet 的训练配方一样。
""",
    ),
    code("""
example = te.fixed_mixtures("test", 1, seed=0)[0]
mixture, sources = example["mixture"], example["sources"]
print("level difference:", example["level_db"], "dB;", "texts:", [c["text"] for c in example["clips"]])
Audio(mixture.numpy(), rate=8000)
"""),
    code("""
Audio(sources[0].numpy(), rate=8000)
"""),
    code("""
Audio(sources[1].numpy(), rate=8000)
"""),
    md(
        en="""
## Every stage of the separation

`te.ch06.separate` runs the shipped model and keeps what happens inside: the encoder's strength map (rows sorted
from low to high frequency, drawn in dB like a spectrogram), the separator's two masks (values between 0 and 1: how
much of each template's strength belongs to each voice), and the decoder's two waveforms next to the true voices.
""",
        zh="""
## 分离的每一步

`te.ch06.separate` 运行随包附带的模型，并保留中间结果：编码器的强度图（行按频率从低到高排好，
像频谱图一样用 dB 画出）、分离器（separator）给出的两张掩码（0 到 1 之间：每个模板的强度有多少属于哪个声音），
以及解码器（decoder）输出的两个波形和真实声音的对比。
""",
    ),
    code("""
model = te.load_pretrained()
result = te.ch06.separate(model, mixture, sources)
print({name: list(value.shape) for name, value in result.items()})
fig = te.ch06.plot_pipeline(result, mixture, sources)
"""),
    code("""
Audio(result["estimates"][0].numpy(), rate=8000)
"""),
    code("""
Audio(result["estimates"][1].numpy(), rate=8000)
"""),
    md(
        en="""
The decoder is a transposed convolution with the encoder's stride: each frame's masked weights pick a mix of N basis
signals of L samples, and overlapping frames are added up (overlap-add). `model(mixture)` returns exactly as many
samples as it was given: the model pads the input so no trailing samples are lost (compare chapter 01's dropped samples).
""",
        zh="""
解码器是一个与编码器步长相同的转置卷积（transposed convolution）：每一帧被掩码后的权重挑出 N 条长为 L 的基信号来组合，
重叠的帧再相加（重叠相加，overlap-add）。`model(mixture)` 输出的采样点数和输入完全一样：模型先给输入补零，
所以末尾不会丢点（对比第 01 章里被丢掉的采样点）。
""",
    ),
    code("""
print(len(mixture), "samples in ->", result["estimates"].shape[-1], "samples out")
"""),
    md(
        en="""
## Scoring: SI-SNR

**SI-SNR** (scale-invariant signal-to-noise ratio) compares an estimate `e` with the true source `r`, after removing
their means: the part of `e` that points along `r` is the target `s = (<e, r> / |r|^2) r`, the rest `e - s` is noise,
and `SI-SNR = 10 log10(|s|^2 / |e - s|^2)` dB. Scaling the estimate changes nothing, so a quieter but clean voice is not
punished. **SI-SNRi** is the improvement over doing nothing: SI-SNR of the estimate minus SI-SNR of the mixture itself.
Because the model's two outputs come in no fixed order, both pairings are scored and the better one counts
(*permutation invariant training*, PIT, uses the same rule as its loss).
""",
        zh="""
## 打分：SI-SNR

**SI-SNR**（尺度不变信噪比，scale-invariant signal-to-noise ratio）把估计信号 `e` 和真实声源 `r` 去均值后比较：
`e` 沿 `r` 方向的分量是目标 `s = (<e, r> / |r|^2) r`，剩下的 `e - s` 是噪声，`SI-SNR = 10 log10(|s|^2 / |e - s|^2)` dB。
把估计整体放大或缩小，分数不变，所以"声音小但干净"不会被扣分。**SI-SNRi** 是相对"什么都不做"的提升：
估计的 SI-SNR 减去混合语音本身的 SI-SNR。模型的两路输出没有固定顺序，所以两种配对都算一遍，取更好的那个
（排列不变训练，permutation invariant training，PIT，的损失函数也用同样的规则）。
""",
    ),
    code("""
noise = 0.1 * sources[1]
print("scale, SI-SNR (dB):", te.ch06.si_snr_demo(sources[0], noise))
print("mixture   SI-SNR:", [round(float(te.ch06.si_snr(mixture, s)), 2) for s in sources])
print("separated SI-SNR:", [round(float(te.ch06.si_snr(e, s)), 2) for e, s in zip(result["estimates"], sources)])
print("SI-SNRi:", round(float(te.ch06.si_snr_improvement(result["estimates"][None], sources[None], mixture[None])[0]), 1), "dB")
"""),
    md(
        en="""
## Learned encoder vs STFT encoder vs ideal masks

The baselines:

* **STFT encoder**: the same separator and decoder, trained the same way, but the encoder is fixed:
  `stft_kernels(16)` (real and imaginary parts, no ReLU since Fourier coefficients are signed).
* **Ideal masks** on a 32 ms Hann STFT with 8 ms hop, computed from the *true* sources (so not a method, an upper bound
  for magnitude masking): ideal ratio mask `IRM = |S_i| / sum_j |S_j|`, ideal binary mask `IBM = 1` where a source is
  the loudest, and the Wiener-filter-like mask `WFM = |S_i|^2 / sum_j |S_j|^2`.

Computed live on 6 test mixtures (the README's table uses 100):
""",
        zh="""
## 学到的编码器 vs STFT 编码器 vs 理想掩码

对照组：

* **STFT 编码器**：同样的分离器和解码器、同样的训练方式，只是编码器固定为 `stft_kernels(16)`
  （实部和虚部；傅里叶系数有正有负，所以不加 ReLU）。
* **理想掩码**（ideal mask）：在 32 ms Hann 窗、8 ms 帧移的 STFT 上，用*真实*声源算出来（所以它不是一种方法，
  而是"幅度掩码"能达到的上限）：理想比值掩码 `IRM = |S_i| / sum_j |S_j|`、理想二值掩码 `IBM`（哪个声源最响就取 1），
  以及类维纳滤波掩码 `WFM = |S_i|^2 / sum_j |S_j|^2`。

下面在 6 个测试混合上现场计算（README 中的表格用了 100 个）：
""",
    ),
    code("""
live = te.ch06.results_table(count=6)
print(te.ch06.markdown_table({k: round(v, 1) for k, v in live.items()}, te.current_language()))
"""),
    code("""
fig = te.ch06.plot_results(te.ch06.shipped_results(), {k: te.t(*v) for k, v in te.ch06.METHODS.items()})
print(te.ch06.markdown_table(te.ch06.shipped_results(), te.current_language()))
"""),
    md(
        en="""
The bar chart shows the stored results of the shipped checkpoints on all 100 test mixtures (`python -m
tasnet_edu.cli.evaluate` recomputes them; a test checks they match). For comparison, the Conv-TasNet paper on WSJ0-2mix
(real speech, 512 kernels, trained for days on a GPU): Conv-TasNet 15.3 dB, IRM 12.2, IBM 13.0, WFM 13.4 dB — the title
*"Surpassing Ideal Time-Frequency Magnitude Masking"*. The ideal masks are stuck with the STFT's fixed, coarse
dictionary and the mixture's phase; a learned encoder with short kernels is not. On this course's test set the tiny
learned model passes the ideal ratio and binary masks, as the paper's title says, and comes close to the Wiener-like
mask; the same separator on fixed STFT kernels stays below all three.
""",
        zh="""
条形图是随包检查点在全部 100 个测试混合上的存档结果（`python -m tasnet_edu.cli.evaluate` 可以重新计算，有测试检查两者一致）。
作为对照，Conv-TasNet 论文在 WSJ0-2mix 上（真实语音、512 个卷积核、在 GPU 上训练好几天）：Conv-TasNet 15.3 dB，
IRM 12.2、IBM 13.0、WFM 13.4 dB——这正是论文标题 *"Surpassing Ideal Time-Frequency Magnitude Masking"*（超越理想时频幅度掩码）
的来历。理想掩码受限于 STFT 固定而粗糙的"字典"和混合语音的相位；用短卷积核学出来的编码器没有这个限制。
在本课程的测试集上，这个小小的学习型模型超过了理想比值掩码和理想二值掩码（正如论文标题所说），并接近类维纳滤波掩码；
而换成固定 STFT 卷积核的同一个分离器，三者都没有超过。
""",
    ),
    md(
        en="""
## Watch it learn

A short live run: a fresh TinyTasNet (the same seeded start as the shipped one) trained for 40 steps on small batches.
The loss is −SI-SNR, so lower is better. The numbers vary between machines (timing and the progress bar certainly do),
so the cell after it checks only that the loss fell.
""",
        zh="""
## 看它学习

现场跑一小段训练：一个全新的 TinyTasNet（和随包模型相同的随机初始化）在小批量数据上训练 40 步。
损失是 −SI-SNR，越低越好。数值在不同机器上会略有不同（耗时和进度条当然也不同），
所以紧接着的单元格只检查一件事：损失下降了。
""",
    ),
    code("""
# NBVAL_IGNORE_OUTPUT
config = te.ch06.TrainConfig(batch_size=4, segment_seconds=0.5)
fresh, optimizer = te.ch06.new_run(config)
losses = te.ch06.train_steps(fresh, optimizer, config, start=0, steps=40)
"""),
    code("""
first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10
assert last < first, (first, last)
print("mean loss of the first 10 steps > mean of the last 10:", first > last)
fig = te.ch06.plot_losses(losses)
"""),
    md(
        en="""
## Fast enough for real time?

`real_time_factor` times how long the model takes for 4 s of audio: the benchmark script
(`python tools/benchmark.py`) reports it on an idle machine; the timing here varies, so the next cell only checks the
output length.
""",
        zh="""
## 够快吗？

`real_time_factor` 测量模型处理 4 秒音频需要多久：基准脚本（`python tools/benchmark.py`）在空闲机器上报告它；
这里的计时会变化，所以下一个单元格只检查输出长度。
""",
    ),
    code("""
# NBVAL_IGNORE_OUTPUT
print(f"{te.ch06.real_time_factor(model):.0f}x faster than real time")
"""),
    code("""
with torch.no_grad():
    out = model(torch.zeros(1, 32000))
print(list(out.shape))
"""),
    md(
        en="""
## Exercises

**06.1** An estimate is the true source plus noise of **equal energy**, uncorrelated with the source
(`e = r + n`, `<r, n> = 0`, `|n| = |r|`). What is its SI-SNR in dB?
""",
        zh="""
## 练习

**06.1** 一个估计等于真实声源加上**能量相同**且与声源不相关的噪声（`e = r + n`，`<r, n> = 0`，`|n| = |r|`）。
它的 SI-SNR 是多少 dB？
""",
    ),
    code("""
answer = None  # dB
te.check("06.1", answer)
"""),
    code("""
te.solution("06.1")
"""),
    md(
        en="""
**06.2** A "separator" that simply returns the mixture twice. What SI-SNRi does it get, in dB?
""",
        zh="""
**06.2** 一个"分离器"什么也不做，两路都直接输出混合语音。它的 SI-SNRi 是多少 dB？
""",
    ),
    code("""
answer = None  # dB
te.check("06.2", answer)
"""),
    code("""
te.solution("06.2")
"""),
    md(
        en="""
**06.3** Separate `te.fixed_mixtures("test", 2, seed=0)[1]` with `model` and give its SI-SNRi in dB (one decimal is enough).
""",
        zh="""
**06.3** 用 `model` 分离 `te.fixed_mixtures("test", 2, seed=0)[1]`，给出它的 SI-SNRi（dB，保留一位小数即可）。
""",
    ),
    code("""
answer = None  # dB
te.check("06.3", answer)
"""),
    code("""
te.solution("06.3")
"""),
    md(
        en="""
## Summary in three lines

1. The encoder turns a mixture into a strength map; the separator masks it per voice; the decoder overlap-adds the voices back.
2. SI-SNRi measures the gain in dB, whatever the output's scale and order (PIT).
3. With 2 ms learned kernels, a tiny model beats the ideal ratio and binary STFT masks; fixed STFT kernels do not: that is why TasNet learns its templates.
""",
        zh="""
## 3 行话总结

1. 编码器把混合语音变成强度图；分离器为每个声音做一张掩码；解码器再用重叠相加把声音还原出来。
2. SI-SNRi 以 dB 衡量提升，与输出的音量和顺序无关（PIT）。
3. 用 2 毫秒短卷积核学出来的编码器，让小模型超过了理想比值掩码和理想二值掩码；固定的 STFT 卷积核做不到：这就是 TasNet 要"学"模板的原因。
""",
    ),
]
