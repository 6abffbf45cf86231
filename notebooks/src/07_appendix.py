# Chapter 07, an optional appendix: how the shipped model was made (its data, its two training stages, the data and
# budget ablations, the training-amount trend, speed). Built by tools/notebooks.py into notebooks/en and notebooks/zh.
# Every number is computed in a cell from the stored checkpoint, training log and ablation results; no figures module.
CELLS = [
    md(
        en=r"""
# 07 Appendix: how the shipped model was made

This chapter is **optional reading**: the course ends with chapter 06. It tells the research behind the model that
chapters 05 and 06 load with `te.load_pretrained()`, with every number read from the files that ship with the course
(the checkpoint, its training log, the stored ablations), as README's research notes give them.

**After this chapter you can**

- say what the shipped model trained on (synthetic voices, augmented) and read its two training stages from the
  checkpoint itself: steps, batch, clip length, time, and the hours of audio they add up to;
- read the learning curve of both stages and say why the shipped checkpoint is not the last one;
- read the data ablation and the training-budget table with their intervals, compute the training-amount trend in dB
  per doubling of the audio, and say why two points make a rough guide, not a law;
- say what the real-time factor measures and what the course's memory-allocator setting changes.

**Prerequisites**: chapter 06 (SI-SNRi, the results table, the encoder ablation). **Time**: about 40 min.
""",
        zh=r"""
# 第 7 章　附录：课程自带的模型是怎么做出来的

本章是**选读**：课程到第 6 章就结束了。这里讲的是第 5、6 章用 `te.load_pretrained()` 读取的那个模型背后的研究，
每个数字都从课程自带的文件里读出来（检查点、它的训练记录、存档的消融实验结果），和 README 里的研究记录一致。

**学完本章，你将能够**

- 说出课程自带的模型用什么数据训练（经过增强的合成声音），并直接从检查点里读出它的两个训练阶段：步数、每批大小、片段长度、用时，以及它们合起来相当于多少小时的音频；
- 看懂两个阶段的学习曲线，说出为什么课程自带的检查点不是最后一个；
- 连同区间一起读懂数据消融表和训练量表，算出训练量的趋势（音频每翻一倍提升多少 dB），并说明为什么两个点只能给出粗略的参考，而不是规律；
- 说出实时率衡量的是什么，以及课程对内存分配器的设置改变了什么。

**先修知识**：第 6 章（SI-SNRi、结果表、编码器的消融实验）。**用时**：约 40 分钟。
""",
    ),
    code("""
import math

import torch
import tasnet_edu as te
from IPython.display import Audio, Markdown, display
te.start_chapter("07")
"""),
    md(
        en="""
## The training speech: synthetic voices, augmented

No recording of a real person went into training. The corpus is made by `python tools/make_corpus.py --diverse`
(about 290 MB, not in git; it needs Debian's speech engines): every English and Mandarin voice variant of espeak-ng
that sounds human, with random pitch and rate, the voices of flite and festival (built from recordings of real
speakers), and thousands of generated sentences. Training voices, validation voices and test voices are different
voices, and the three splits share no sentence either.

Synthetic voices are too regular and too clean, so every clip goes through its own random chain of **data
augmentation**: a longer or shorter vocal tract (resampling), jitter and shimmer (pitch and loudness that wobble from
period to period), breath noise, a spectral tilt, room reverberation, a band limit, the Codec 2 speech codec and
background noise, each with its own probability (`tools/corpus/augment.py`). Mixtures are then drawn anew at every
training step (**dynamic mixing**): new pairs, new crops, new levels.

The cell writes two of these steps in a few lines on a course clip: a band limit from 300 to 3000 Hz (a sharp cut of
the FFT; the corpus uses a Butterworth filter with random edges) and white noise 15 dB below the speech (the corpus
colours its noise and draws its level between 15 and 40 dB). It checks the noise level it asked for and plays the
clip before and after.
""",
        zh="""
## 训练语音：经过增强的合成声音

训练数据里没有一条真人录音。语料由 `python tools/make_corpus.py --diverse` 生成（约 290 MB，不在 git 仓库里；需要 Debian 的语音合成引擎）：
espeak-ng 中所有听起来像人声的英语和普通话声音变体（音高和语速随机），flite 和 festival 的声音（由真人录音做成），以及几千个自动生成的句子。
训练、验证、测试用的是不同的声音，三部分也没有共用的句子。

合成声音太规整、太干净，所以每个片段都要经过一串各自随机的**数据增强**（data augmentation）：把声道变长或变短（重采样）、
抖动（音高和响度逐周期地轻微起伏）、呼吸噪声、频谱倾斜、房间混响、频带限制、Codec 2 语音编解码和背景噪声，每一步都按各自的概率出现（`tools/corpus/augment.py`）。
混合也是在每个训练步现场重新生成的（**动态混合**）：新的配对、新的截取位置、新的电平。

下面的单元格在一个课程片段上用几行代码写出其中两步：把频带限制在 300 到 3000 Hz（直接在 FFT 上一刀切；语料里用的是边缘随机的 Butterworth 滤波器），
再加上比语音低 15 dB 的白噪声（语料里的噪声带有颜色，电平在 15 到 40 dB 之间随机取）。单元格核对加进去的噪声电平，并播放处理前后的片段。
""",
    ),
    code("""
clip = te.load_clip("en_s00_v0.flac")                  # en: a course clip, 8 kHz // zh: 课程自带的一个片段，8 kHz
freqs = torch.fft.rfftfreq(len(clip), d=1 / 8000)      # en: the frequency of every FFT bin, in Hz // zh: 每个 FFT 频点的频率（Hz）
spectrum = torch.fft.rfft(clip)
band = torch.fft.irfft(spectrum * ((freqs >= 300) & (freqs <= 3000)), n=len(clip))   # en: keep 300 to 3000 Hz // zh: 只保留 300 到 3000 Hz
noise = torch.randn(len(clip), generator=torch.Generator().manual_seed(0))
snr_db = 15
augmented = band + noise * band.norm() / noise.norm() / 10 ** (snr_db / 20)   # en: noise 15 dB below the speech // zh: 噪声比语音低 15 dB
measured = 10 * torch.log10(band.pow(2).sum() / (augmented - band).pow(2).sum())
assert abs(float(measured) - snr_db) < 1e-3
in_band = band.pow(2).sum() / clip.pow(2).sum()        # en: the share of the clip's energy the band keeps // zh: 频带限制后保留的能量占比
print("snr_db =", round(float(measured), 2), "| in_band =", f"{float(in_band):.0%}")
display(Audio(clip.numpy(), rate=8000), Audio(augmented.numpy(), rate=8000))
"""),
    md(
        en="""
## The two training stages, read from the checkpoint

The first model (`learned-espeak` in README's results table) trained on the course's shipped clips only, 10 espeak-ng
voices. The shipped model continued from it on the augmented corpus, in two stages: stage 1 on one CPU thread with
small batches of short clips, stage 2 from stage 1's last checkpoint on one GPU with large batches of longer clips.
The checkpoint file records both: its own training settings (`train_config`) and, under `init`, the facts of the
checkpoint it started from. The cell prints each stage's steps, batch, clip length and minutes, multiplies steps ×
batch × seconds into hours of audio seen, and checks the sum against the hours stored with the budget ablation below.
""",
        zh="""
## 从检查点里读出两个训练阶段

第一版模型（README 结果表里的 `learned-espeak`）只用课程自带的片段训练过，也就是 10 个 espeak-ng 声音。课程自带的模型从它出发，在增强后的语料上继续训练，分两个阶段：
第 1 阶段在一个 CPU 线程上训练，每批是少量较短的片段；第 2 阶段从第 1 阶段最后的检查点接着训练，在一块 GPU 上，每批是大量较长的片段。
检查点文件把两个阶段都记了下来：它自己的训练设置（`train_config`），以及 `init` 下面它出发时那个检查点的情况。
下面的单元格打印每个阶段的步数、每批大小、片段长度和用时（分钟），把“步数 × 每批大小 × 秒数”换算成见过的音频小时数，并和后面训练量消融里存档的小时数核对。
""",
    ),
    code("""
from tasnet_edu.core.evaluation import ablation_results
from tasnet_edu.core.model import load_checkpoint

ckpt = load_checkpoint("learned")                      # en: the shipped checkpoint: weights and training facts // zh: 课程自带的检查点：权重和训练情况
stages = [(ckpt["init"], ckpt["init"]["train_config"]), (ckpt, ckpt["train_config"])]   # en: stage 1, stage 2 // zh: 第 1 阶段、第 2 阶段
hours = []
for facts, config in stages:
    hours.append(facts["step"] * config["batch_size"] * config["segment_seconds"] / 3600)   # en: steps x batch x seconds // zh: 步数 × 每批大小 × 秒数
    print({"step": facts["step"], "batch_size": config["batch_size"], "segment_seconds": config["segment_seconds"],
           "minutes": round(facts["train_seconds"] / 60),
           "seconds_per_step": round(facts["train_seconds"] / facts["step"], 2), "hours": round(hours[-1], 1)})
runs = ablation_results()["runs"]
assert abs(runs["budget-cpu"]["audio_hours"] - hours[0]) < 0.1 and abs(runs["budget-gpu"]["audio_hours"] - sum(hours)) < 0.1
print("sum(hours) =", round(sum(hours), 1), "| hours[1] / hours[0] =", round(hours[1] / hours[0]))
"""),
    md(
        en="""
Stage 2 saw about 70 times the audio of stage 1 in a fifth of the time: each GPU step carried 16 times the audio of a
CPU step (64 two-second mixtures against 8 one-second ones) and still took a small fraction of its time (the seconds
per step above). README has the commands that made both stages
(`tools/train.py` with `--init`) and stage 2's settings (`tools/train_gpu.json`).

## The learning curve of both stages

Every so many steps, training scored the model on synthetic validation mixtures (their SI-SNRi chooses the
checkpoint) and, only to watch, on the real test recordings. The log ships next to the checkpoint. The cell prints,
per stage, how many evaluations it made, its last step, the step with the best validation score, and that step's two
scores; it checks that the shipped checkpoint is stage 2's best, then draws the curve (one panel per stage: each stage
scored its own validation mixtures, so compare within a panel).
""",
        zh="""
第 2 阶段见过的音频约为第 1 阶段的 70 倍，用时却只有五分之一：GPU 上的每一步处理的音频是 CPU 上每一步的 16 倍（64 个两秒的混合，对 8 个一秒的混合），用时却只有后者的一小部分（见上面打印的每步秒数）。
两个阶段的训练命令（带 `--init` 的 `tools/train.py`）和第 2 阶段的设置（`tools/train_gpu.json`）见 README。

## 两个阶段的学习曲线

训练时每隔若干步就给模型打一次分：在合成的验证混合上（用它们的 SI-SNRi 挑选检查点），以及在真人测试录音上（只观察，不参与挑选）。
训练记录和检查点放在一起。下面的单元格对每个阶段打印：评估了几次、最后一步、验证得分最高的那一步，以及那一步的两个得分；
然后核对课程自带的检查点正是第 2 阶段得分最高的那一步，再画出曲线（每个阶段一张图：各阶段的验证混合不同，只在同一张图内比较）。
""",
    ),
    code("""
from tasnet_edu.core.evaluation import training_log

log = training_log("learned")                          # en: one row per evaluation // zh: 每次评估一行
for stage in (1, 2):
    rows = [row for row in log if row["stage"] == stage]
    best = max(rows, key=lambda row: row["val_si_snri"])   # en: the best synthetic validation score // zh: 合成验证集上得分最高的一次
    print({"stage": stage, "len(rows)": len(rows), "last": rows[-1]["step"], "best": best["step"],
           "val_si_snri": round(best["val_si_snri"], 1), "real_si_snri": round(best["real_si_snri"], 1), "lr": rows[-1]["lr"]})
assert best["step"] == ckpt["step"] and abs(best["val_si_snri"] - ckpt["validation_si_snri"]) < 0.01
fig = te.ch06.plot_learning_curve(log)
"""),
    md(
        en="""
Read the curve with the choice rule in mind. The checkpoint is chosen on synthetic validation data, never on the real
recordings, so the real test set stays held out; it is not a blind test, since its curve was watched during
development. By the end of stage 2 the validation curve had flattened, and the learning rate had already been halved
once: more steps of the same run would add little. The run's last checkpoint is kept (`runs/gpu-learned/last.pt`, not
shipped) so that training can go on.

## Which training data? An ablation

Starting from the first model (10 espeak-ng voices), fine-tuned on more and more varied synthetic speech: the answer
to "why does it not separate my voice well?". The cell prints the gain of the last row over the first on real
speakers. As in chapter 06's encoder ablation, the unseen synthetic test set here pools English and Mandarin in one
set of 100 mixtures, so its numbers differ from the two language columns of chapter 06's results table.
""",
        zh="""
读这些曲线时，要记住检查点是怎么挑的。检查点按合成验证集挑选，从不用真人录音挑选，所以真人测试集始终是留出的；但它不是“盲测”：开发过程中看过它的曲线。
到第 2 阶段末尾，验证曲线已经变平，学习率也已经减半过一次：同一次训练再多跑些步数，收获也不大。
这次训练的最后一个检查点保存了下来（`runs/gpu-learned/last.pt`，不随课程发布），以便接着训练。

## 用什么数据训练？一个消融实验

从第一版模型（10 个 espeak-ng 声音）出发，在越来越多样的合成语音上继续训练——这也回答了“为什么它分不开我的声音？”这个问题。
单元格打印最后一行相对第一行在真人语音上的提升。和第 6 章的编码器消融一样，这里“没听过的合成声音”把英语和普通话合成一组 100 个混合，
所以数字和第 6 章结果表里分语言的两列不同。
""",
    ),
    code("""
from tasnet_edu.core.evaluation import ablation_table

display(Markdown(ablation_table("data", te.current_language())))
print({"real": f"{runs['data-augmented']['real']['mean'] - runs['data-none']['real']['mean']:+.1f} dB",
       "steps": ablation_results()["steps"]["data"]})
"""),
    md(
        en="""
Every row fine-tunes the first model for the same number of steps on the data of its row and the rows above. Any
fine-tuning on more voices lifts real speakers from below zero to clearly above it. At this budget the voices of flite and
festival (built from recordings of real speakers) change little; augmentation gives the best score on real speakers
and the lowest of the fine-tuned rows on the clean synthetic test set, but its intervals overlap those of the row
above it on both: a trend, not a proof (overlapping intervals do not show there is no difference either; a paired
comparison on the same mixtures would be the sharper test). Each row is one training run.

## How much training? The budget

The same data, more of it: the shipped model's two stages on the augmented corpus, scored on the same test sets as
the data ablation. Stage 1's row is the checkpoint stage 2 continued from (the last of its run); stage 2's row is the
shipped checkpoint. With $h$ the hours of audio seen and $a$, $b$ the real-voice means of stages 1 and 2, a straight
line in the score against $\\log_2 h$ gives the gain per doubling of the audio, and where that line would reach a
target score:

$$
\\text{dB per doubling} = \\frac{b - a}{\\log_2(h_b / h_a)}, \\qquad
h_{\\text{target}} = h_b \\cdot 2^{(\\text{target} - b) / \\text{dB per doubling}}.
$$

The cell shows the table, computes both for the aim of 8 dB on real voices (README, issue 9), and turns the missing
audio into GPU hours at stage 2's pace (seconds of audio per second of training, from the checkpoint above).
""",
        zh="""
每一行都从第一版模型出发，训练同样的步数，用的是本行和上面各行的数据。只要在更多声音上继续训练，真人语音的成绩就从负数升到
明显高于 0。在这点预算下，加入 flite 和 festival 的声音（由真人录音做成）变化不大；数据增强让真人语音得分最高，
在干净的合成测试集上则是几个继续训练的行里最低的，但在两个测试集上，它的区间都和上一行的区间重叠：只能算一个趋势，还不能算证明。
反过来，区间重叠也不说明两者没有差别；在同一批混合上做配对比较，才是更灵敏的检验。每一行都只训练了一次。

## 训练多少？训练量

同样的数据，用得更多：课程自带的模型在增强语料上的两个阶段，在和数据消融相同的测试集上打分。第 1 阶段那一行是第 2 阶段出发时的检查点（第 1 阶段的最后一个）；
第 2 阶段那一行就是课程自带的检查点。记 $h$ 为见过的音频小时数，$a$、$b$ 为第 1、2 阶段在真人语音上的平均分。把得分看成 $\\log_2 h$ 的直线，
就得到音频每翻一倍的提升，以及这条直线在哪里达到目标分数：

$$
\\text{dB per doubling} = \\frac{b - a}{\\log_2(h_b / h_a)}, \\qquad
h_{\\text{target}} = h_b \\cdot 2^{(\\text{target} - b) / \\text{dB per doubling}}.
$$

（dB per doubling：每翻一倍提升的分贝数。）单元格显示这张表，按真人语音 8 dB 的目标（README，issue 9）算出这两个量，
再按第 2 阶段的速度（每秒训练处理多少秒音频，来自上面的检查点）把还缺的音频换算成 GPU 小时数。
""",
    ),
    code("""
display(Markdown(ablation_table("budget", te.current_language())))
a, b = runs["budget-cpu"], runs["budget-gpu"]
per_doubling = (b["real"]["mean"] - a["real"]["mean"]) / math.log2(b["audio_hours"] / a["audio_hours"])
target = 8.0
times = 2 ** ((target - b["real"]["mean"]) / per_doubling)     # en: times stage 2's audio // zh: 是第 2 阶段音频的多少倍
pace = hours[1] * 3600 / ckpt["train_seconds"]                 # en: seconds of audio per second of GPU training // zh: 每秒 GPU 训练处理的音频秒数
gpu_hours = b["audio_hours"] * (times - 1) / pace
print(f"per_doubling = {per_doubling:+.2f} dB | hours = {b['audio_hours'] * times:,.0f} | times = {times:.0f} | gpu_hours = {gpu_hours:.0f}")
"""),
    md(
        en="""
These are README's numbers: about a third of a dB per doubling, so 8 dB would need on the order of a hundred thousand
hours of audio, more than a hundred times what the shipped model saw, and tens of hours of one GPU. Read them with
their limits:

- **Two points make a rough guide, not a law.** Any two points fit a straight line; nothing here shows that the score
  keeps rising by the same amount per doubling, and stage 2's flattened validation curve hints that it may not.
- **The stages differ in more than the amount.** Batch, clip length and hardware changed between them, so the gain is
  not the amount of audio alone.
- **One run each, twelve recordings.** Each point is a single training run, scored on 66 mixtures of the same 12 real
  recordings; the intervals in the table cover the test mixtures, not the run.

The other lever is a larger separator (this one has 225,881 weights, the paper's about 5 million), which would cost
separation speed. This project had about 20 minutes of one GPU; on a 2-core machine, stage 2 alone would take days.

## Speed, and the memory allocator

Chapter 06 measured the **real-time factor** (RTF = processing time / audio length) in a cell. README gives the
course's speed measurements, made by `./course benchmark`: the best of 20 separations of a 4 s mixture, in fresh
processes that take turns between glibc's default memory allocator settings and the course's. They are timings on a
shared machine and vary from minute to minute, so this chapter quotes none of them; run the benchmark on your machine.

What the allocator setting does: every forward pass allocates and frees tensors of a few MB. With its default settings
glibc can hand buffers that large back to the operating system when they are freed and ask for fresh pages the next
time, and faulting those pages in costs time at every pass. `./course` starts everything (JupyterLab, its kernels, the tests) with
`GLIBC_TUNABLES` set so that buffers below 32 MiB come from glibc's own heap and freed memory is kept for reuse
(`mmap_threshold`, `trim_threshold`). PyTorch's tuning guide gives the same reason for using jemalloc or TCMalloc. The
other change README names is on the model side: the separator's dilated depthwise convolution computed as shifted
multiply-adds on the CPU, with the same weights and the same result. The model was not made smaller to be faster.
""",
        zh="""
这些就是 README 里的数字：音频每翻一倍约提升三分之一个 dB，所以要达到 8 dB，大约需要十万小时量级的音频，是课程自带模型见过的一百多倍，
需要一块 GPU 训练几十个小时。读这些数字时要记住它们的限制：

- **两个点只能给出粗略的参考，而不是规律。** 任意两个点都能连成一条直线；这里没有任何证据说明每翻一倍的提升会一直不变，
  而第 2 阶段变平的验证曲线暗示它可能会变小。
- **两个阶段的差别不只是训练量。** 两个阶段之间，每批大小、片段长度和硬件都变了，所以这份提升不全是音频多少带来的。
- **每个点只训练了一次，只有 12 段录音。** 每个点都只是一次训练，只在同样 12 段真人录音组成的 66 个混合上打分；表中的区间只反映测试混合，不反映训练的随机性。

另一个办法是用更大的分离器（这个有 225,881 个权重，论文里的约 500 万个），代价是分离速度。这个项目只用了一块 GPU 约 20 分钟；
在 2 核的机器上，单是第 2 阶段就要好几天。

## 速度与内存分配器

第 6 章在单元格里测过**实时率**（real-time factor，RTF）= 处理时间 / 音频时长。README 给出了课程的速度测量结果，由 `./course benchmark` 测得：
对一段 4 秒的混合分离 20 次取最快的一次，在全新的进程里轮流使用 glibc 默认的内存分配器设置和课程的设置。这些计时是在共用的机器上测的，
每分钟都在变，所以本章一个也不引用；请在你自己的机器上运行这个测试。

内存分配器的设置做了什么：每次前向计算都要分配、释放几 MB 大小的张量。按默认设置，glibc 可能在这么大的缓冲区释放时把它还给操作系统，下次再重新申请内存页，
而每次前向计算都要重新把这些页调入，很花时间。`./course` 启动一切（JupyterLab、它的内核、测试）时都设置了 `GLIBC_TUNABLES`，
让 32 MiB 以下的缓冲区从 glibc 自己的堆里分配，释放后的内存留着复用（`mmap_threshold`、`trim_threshold`）。PyTorch 的性能调优指南也出于同样的原因建议使用 jemalloc 或 TCMalloc。
README 提到的另一项改动在模型这边：分离器的空洞深度可分离卷积在 CPU 上改用几次错位的乘加来计算，权重相同，结果也相同。模型并没有为了变快而缩小。
""",
    ),
    md(
        en="""
## Exercise

**Exercise 07.1** (open question, no checker) Someone reads the budget table and concludes: "train on 120,000 hours
and the model reaches 8 dB on real voices." Give three reasons to doubt that, and one experiment that would test it.
""",
        zh="""
## 练习

**练习 07.1**（开放题，不自动检查）有人看了训练量表就下结论：“用 120,000 小时的音频训练，模型在真人语音上就能达到 8 dB。”
请给出三条怀疑这个结论的理由，以及一个能检验它的实验。
""",
    ),
    code("""
te.solution("07.1")
"""),
    md(
        en=r"""
## Summary in three lines

1. The shipped model never heard a real person in training: synthetic voices, each clip through a random chain of
   augmentation, mixed anew at every step, in two stages whose facts the checkpoint itself records.
2. Fine-tuning on more voices lifted real voices above zero; augmentation and, above all, more training audio lifted
   them further; every comparison here is one run, to be read with its interval.
3. A straight line through two points gives a rough cost of going further, not a promise; speed on the CPU came from
   the allocator and the depthwise convolution, not from a smaller model.

### References

- Y. Luo, N. Mesgarani, "Conv-TasNet: Surpassing Ideal Time-Frequency Magnitude Masking for Speech Separation",
  IEEE/ACM TASLP 2019 (the separator, the training recipe): [arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- N. Zeghidour, D. Grangier, "Wavesplit: end-to-end speech separation by speaker clustering", 2020 (dynamic mixing as
  data augmentation): [arXiv:2002.08933](https://arxiv.org/abs/2002.08933)
- PyTorch, performance tuning guide (memory allocators): [pytorch.org](https://pytorch.org/tutorials/recipes/recipes/tuning_guide.html)
- D. Rowe, Codec 2 (the codec of the augmentation, and the real test recordings): [github.com/drowe67/codec2](https://github.com/drowe67/codec2)

{{navigation}}
""",
        zh=r"""
## 本章总结（三句话）

1. 课程自带的模型在训练中从没听过真人的声音：用的是合成声音，每个片段都经过一串随机的数据增强，每一步都重新混合；训练分两个阶段，检查点自己记下了它们的情况。
2. 在更多声音上继续训练，让真人语音的成绩升到 0 以上；数据增强，尤其是更多的训练音频，让它继续提升；这里的每个比较都只训练了一次，要连同区间一起看。
3. 穿过两个点的直线只能粗略估计继续提升的代价，不是承诺；CPU 上的速度来自内存分配器的设置和深度可分离卷积的算法，而不是把模型变小。

### 参考文献

- Y. Luo, N. Mesgarani，“Conv-TasNet: Surpassing Ideal Time-Frequency Magnitude Masking for Speech Separation”，
  IEEE/ACM TASLP 2019（分离器和训练配方）：[arXiv:1809.07454](https://arxiv.org/abs/1809.07454)
- N. Zeghidour, D. Grangier，“Wavesplit: end-to-end speech separation by speaker clustering”，2020（把动态混合用作数据增强）：
  [arXiv:2002.08933](https://arxiv.org/abs/2002.08933)
- PyTorch 性能调优指南（内存分配器）：[pytorch.org](https://pytorch.org/tutorials/recipes/recipes/tuning_guide.html)
- D. Rowe，Codec 2（数据增强用到的编解码器，也是真人测试录音的来源）：[github.com/drowe67/codec2](https://github.com/drowe67/codec2)

{{navigation}}
""",
    ),
]
