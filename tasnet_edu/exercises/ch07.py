"""Exercises of notebook 07_appendix: doubt the training-amount line (an open question; the appendix is reading)."""

from . import open_question

open_question("07.1", "Two points fit any line: nothing shows the trend stays straight (the validation curve had flattened by the end "
              "of stage 2). The stages differ in batch, clip length and hardware, not only in audio. Each "
              "point is one run, scored on 12 real recordings, with intervals wider than a dB. Test: train a third amount.",
              "两个点总能连成一条直线：没有证据说明趋势会一直是直线（第 2 阶段末尾，验证曲线已经变平）。"
              "两个阶段除了音频多少，每批大小、片段长度和硬件也都不同。每个点只训练了一次，只在 12 段真人录音上打分，"
              "区间宽度都超过 1 dB。检验办法：再训练第三种训练量。")
