"""Thousands of distinct sentences for the synthetic corpus, generated from a small grammar.

The diverse corpus (``python tools/make_corpus.py --diverse``) needs far more
sentences than the 80 hand-written ones of the shipped clips. A grammar written
for this project (no licence question) combines subjects, verbs, objects and
endings; a seeded generator draws distinct sentences, and :func:`sentence_split`
keeps train, validation and test sentences disjoint.

>>> sentences("en", 3, seed=0) == sentences("en", 3, seed=0)
True
>>> len(set(sentences("zh", 500)))
500
"""

from __future__ import annotations

import numpy as np

from tasnet_edu.core.checks import check_size

_EN = {
    "subject": ["The old farmer", "My sister", "A tall man", "The young doctor", "Our teacher", "The little boy", "Her friend",
                "The quiet student", "A strong woman", "The driver", "His father", "The baker", "Every child", "The captain",
                "A kind nurse", "The pilot", "My neighbour", "The singer", "Their uncle", "The waiter", "A clever girl",
                "The painter", "Your cousin", "The old sailor", "The gardener", "A busy mother", "The guard", "The fisherman"],
    "verb": ["carried", "painted", "found", "opened", "cleaned", "dropped", "bought", "washed", "fixed", "moved", "brought",
             "watched", "counted", "lifted", "pushed", "sold", "packed", "checked", "folded", "borrowed", "hid", "shared",
             "mended", "measured", "ordered", "returned"],
    "object": ["the heavy box", "a red apple", "the broken chair", "two silver coins", "the wooden door", "a bag of rice",
               "the blue kettle", "an old map", "the small window", "a pile of letters", "the garden gate", "five green bottles",
               "the long rope", "a warm blanket", "the yellow bicycle", "a basket of eggs", "the dusty piano", "a bunch of keys",
               "the paper kite", "a bowl of soup", "the brass lamp", "three fresh loaves", "the leather bag", "a glass of milk"],
    "ending": ["before the rain started", "near the river", "after lunch", "in the morning", "without a word", "on Sunday",
               "at the station", "late last night", "behind the house", "with great care", "for the third time",
               "across the street", "in the cold kitchen", "during the storm", "under the bridge", "by the window",
               "at the market", "before dinner", "in a hurry", "next to the school", "on the way home", "at noon"],
}

_ZH = {
    "subject": ["老师", "我的妹妹", "那个高个子男人", "年轻的医生", "小明", "奶奶", "他的朋友", "一位司机", "邻居家的孩子",
                "我们的班长", "那位老渔夫", "厨师", "王阿姨", "李叔叔", "新来的同学", "护士", "爸爸", "一个小女孩", "店主",
                "那位画家", "我的表哥", "门口的保安", "张教授", "隔壁的奶奶"],
    "time": ["今天早上", "昨天下午", "上个星期", "每天晚上", "刚才", "周末", "明天中午", "下雨的时候", "春节前", "放学以后",
             "吃完饭以后", "天亮之前", "九点钟", "去年冬天", "星期三", "一大早"],
    "place": ["在厨房里", "在公园门口", "在火车站", "在教室里", "在河边", "在超市", "在楼下", "在院子里", "在办公室",
              "在菜市场", "在图书馆", "在小路上", "在桥上", "在窗户旁边", "在山脚下", "在商店里"],
    "action": ["洗了", "买了", "修好了", "打开了", "搬走了", "找到了", "画了", "送来了", "收拾了", "借走了", "放下了",
               "拿出了", "数了数", "包好了", "检查了", "带回了"],
    "object": ["一个红苹果", "那把旧椅子", "三本新书", "一袋大米", "蓝色的水壶", "一张地图", "那扇小窗户", "一堆信",
               "一辆自行车", "一篮鸡蛋", "那台钢琴", "一串钥匙", "一只风筝", "一碗热汤", "一盏台灯", "两条毛巾",
               "一杯牛奶", "一把雨伞", "那块手表", "几个盘子"],
}


def _draw(language: str, rng: np.random.Generator) -> str:
    if language == "en":
        g = _EN
        return f"{rng.choice(g['subject'])} {rng.choice(g['verb'])} {rng.choice(g['object'])} {rng.choice(g['ending'])}."
    g = _ZH
    return f"{rng.choice(g['subject'])}{rng.choice(g['time'])}{rng.choice(g['place'])}{rng.choice(g['action'])}{rng.choice(g['object'])}。"


def sentences(language: str, count: int, seed: int = 0) -> list[str]:
    """``count`` distinct sentences in ``language`` ("en" or "zh"), the same list for the same seed."""
    if language not in ("en", "zh"):
        raise ValueError(f"unknown language {language!r}; use 'en' or 'zh'")
    count = check_size("count", count, 1)
    rng = np.random.default_rng([seed, language == "zh"])
    out, seen = [], set()
    while len(out) < count:
        s = _draw(language, rng)
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def sentence_split(index: int) -> str:
    """Split by sentence index: one in ten is test, one in ten validation, the rest train."""
    return {0: "test", 1: "validation"}.get(index % 10, "train")
