"""The course's speech corpus: sentences, voices, and the script that synthesises them.

Used by chapters 00, 04, 05 and 06 (and by training). The clips ship
with the package under ``tasnet_edu/data/speech``; learners never need the
synthesiser. To regenerate them (needs Debian's ``espeak-ng``)::

    python tools/make_corpus.py --out tasnet_edu/data/speech

Sentences are split into train / validation / test *by sentence*, so the test
mixtures contain sentences the model never heard in training.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tasnet_edu.core.audio import MANIFEST, SAMPLE_RATE, SPEECH_DIR
from tasnet_edu.core.speakers import DIVERSE_DIR, REAL_DIR

from .augment import remove_dc
from .diverse import SCALES, build
from .tts import missing_engines

SENTENCES_EN = [
    "The quick brown fox jumps over the lazy dog.",
    "Please call Stella and ask her to bring these things.",
    "A rainbow is a division of white light into many colors.",
    "The birch canoe slid on the smooth planks.",
    "Glue the sheet to the dark blue background.",
    "It is easy to tell the depth of a well.",
    "These days a chicken leg is a rare dish.",
    "Rice is often served in round bowls.",
    "The juice of lemons makes fine punch.",
    "The box was thrown beside the parked truck.",
    "Four hours of steady work faced us.",
    "A large size in stockings is hard to sell.",
    "The boy was there when the sun rose.",
    "A rod is used to catch pink salmon.",
    "The source of the huge river is the clear spring.",
    "Kick the ball straight and follow through.",
    "Help the woman get back to her feet.",
    "A pot of tea helps to pass the evening.",
    "Smoky fires lack flame and heat.",
    "The soft cushion broke the man's fall.",
    "The salt breeze came across from the sea.",
    "The girl at the booth sold fifty bonds.",
    "The small pup gnawed a hole in the sock.",
    "The fish twisted and turned on the bent hook.",
    "Press the pants and sew a button on the vest.",
    "The swan dive was far short of perfect.",
    "The beauty of the view stunned the young boy.",
    "Two blue fish swam in the tank.",
    "Her purse was full of useless trash.",
    "The colt reared and threw the tall rider.",
    "It snowed, rained, and hailed the same morning.",
    "Read verse out loud for pleasure.",
    "Hoist the load to your left shoulder.",
    "Take the winding path to reach the lake.",
    "Note closely the size of the gas tank.",
    "Wipe the grease off his dirty face.",
    "Mend the coat before you go out.",
    "The wrist was badly strained and hung limp.",
    "The stray cat gave birth to kittens.",
    "The young girl gave no clear response.",
    "The meal was cooked before the bell rang.",
    "What joy there is in living.",
    "A king ruled the state in the early days.",
    "The ship was torn apart on the sharp reef.",
    "Sickness kept him home the third week.",
    "The wide road shimmered in the hot sun.",
    "The lazy cow lay in the cool grass.",
    "Lift the square stone over the fence.",
]

SENTENCES_ZH = [
    "今天天气很好。",
    "我们一起去公园散步。",
    "请把窗户打开一点。",
    "他每天早上六点起床。",
    "这本书非常有意思。",
    "妈妈在厨房里做饭。",
    "明天下午有一场雨。",
    "小猫躺在沙发上睡觉。",
    "请问火车站怎么走？",
    "我喜欢喝热茶。",
    "学生们正在教室里上课。",
    "这条河流向东边的大海。",
    "周末我们去看电影吧。",
    "他的声音听起来很清楚。",
    "老师在黑板上写字。",
    "春天的花开得很美。",
    "请把门关好再出去。",
    "我们明天早上见面。",
    "这个苹果又大又红。",
    "飞机马上就要起飞了。",
    "孩子们在操场上跑步。",
    "他把信放进了邮箱。",
    "冬天的风很冷。",
    "音乐让人心情愉快。",
    "桌子上有一杯牛奶。",
    "我们需要更多的时间。",
    "她每天晚上读书。",
    "山上的空气很新鲜。",
    "请安静一点，大家在听。",
    "这座城市有很多桥。",
    "爷爷在院子里种花。",
    "我们坐地铁去学校。",
]


@dataclass(frozen=True)
class Voice:
    """One espeak-ng voice setting: voice name with variant, speed (words/min), pitch (0-99)."""

    name: str
    speed: int
    pitch: int


VOICES_EN = [
    Voice("en-us+m3", 165, 45),
    Voice("en-us+f3", 160, 65),
    Voice("en-gb+m1", 150, 35),
    Voice("en-gb+f4", 170, 70),
    Voice("en-us+m7", 175, 25),
    Voice("en-gb-x-rp+f2", 155, 55),
]
VOICES_ZH = [
    Voice("cmn+m3", 190, 45),
    Voice("cmn+f3", 185, 70),
    Voice("cmn+m1", 200, 30),
    Voice("cmn+f4", 195, 60),
]
VOICES_PER_SENTENCE = 2


def split_of(sentence_index: int) -> str:
    """Split by sentence: every 8th sentence is test, the one after it validation."""
    return {0: "test", 1: "validation"}.get(sentence_index % 8, "train")


TEST_VOICES_PER_SENTENCE = 3


def voices_for(sentence_index: int, voices: list) -> list:
    """The voices that speak one sentence.

    Train and validation sentences: two voices, rotating with the sentence index.
    Test sentences (every 8th): three voices, rotating so that each voice is
    tested equally often. (With the first rule alone, every 8th sentence would
    have fallen on the same few voices: the English test set had male voices only.
    The validation sentences, used only to pick the best checkpoint, still follow
    the first rule: their English voices are the three female ones.)
    """
    i, n = sentence_index, len(voices)
    if split_of(i) == "test":
        k = i // 8
        return [voices[(TEST_VOICES_PER_SENTENCE * k + j) % n] for j in range(TEST_VOICES_PER_SENTENCE)]
    return [voices[(i + j * (n // 2 + 1)) % n] for j in range(VOICES_PER_SENTENCE)]


def corpus_plan() -> list[dict]:
    """Every clip to synthesise: file name, text, language, split and voice."""
    plan = []
    for language, sentences, voices in (("en", SENTENCES_EN, VOICES_EN), ("zh", SENTENCES_ZH, VOICES_ZH)):
        for i, text in enumerate(sentences):
            for j, voice in enumerate(voices_for(i, voices)):
                plan.append(
                    {
                        "file": f"{language}_s{i:02d}_v{j}.flac",
                        "language": language,
                        "sentence": i,
                        "split": split_of(i),
                        "voice": voice.name,
                        "speed": voice.speed,
                        "pitch": voice.pitch,
                        "text": text,
                    }
                )
    return plan


def synthesize(text: str, voice: Voice, sample_rate: int = SAMPLE_RATE):
    """Speak ``text`` with espeak-ng; return float32 mono audio at ``sample_rate``, silence trimmed."""
    import librosa
    import numpy as np

    if shutil.which("espeak-ng") is None:
        raise RuntimeError("espeak-ng is not installed: apt-get install espeak-ng (only needed to regenerate the clips)")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "clip.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice.name, "-s", str(voice.speed), "-p", str(voice.pitch), "-w", str(wav), text],
            check=True,
            capture_output=True,
        )
        audio, _ = librosa.load(wav, sr=sample_rate, mono=True)
    audio, _ = librosa.effects.trim(audio, top_db=40)
    # espeak-ng's output carries a small DC offset (~0.005) that paints a 0 Hz stripe into the pauses of every map.
    audio = remove_dc(audio, sample_rate, keep_silent_ends=True)
    # Same loudness for every clip: peak at 0.5, leaving headroom for mixing.
    return (0.5 * audio / np.abs(audio).max()).astype(np.float32)


def write_corpus(out_dir: Path) -> Path:
    """Synthesise every clip of :func:`corpus_plan` into ``out_dir`` with a CSV manifest."""
    import soundfile as sf

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = corpus_plan()
    for row in plan:
        voice = Voice(row["voice"], row["speed"], row["pitch"])
        sf.write(out_dir / row["file"], synthesize(row["text"], voice), SAMPLE_RATE, subtype="PCM_16")
    with open(out_dir / MANIFEST, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(plan[0]))
        writer.writeheader()
        writer.writerows(plan)
    return out_dir / MANIFEST


CODEC2_DIR = Path("/usr/share/codec2/raw")  # Debian package codec2-examples
# Real speakers in codec2-examples: one recording each (f2400/m2400 repeat forig/morig through a codec; david4,
# vk2tpm_004 and 700d_end_over are modem or radio test signals, not clean speech).
REAL_RECORDINGS = ["hts1", "hts2", "forig", "morig", "mmt1", "big_dog", "cross", "kristoff", "cq_ref", "g3plx", "vk5qi",
                   "ve9qrp_10s"]
REAL_SECONDS = 2.0


def write_real_set(out: Path = REAL_DIR, source: Path = CODEC2_DIR, seed: int = 0) -> Path:
    """The real-speech test set: the recordings (FLAC, mean removed), their licence, and one fixed mixture per pair."""
    import librosa
    import numpy as np
    import soundfile as sf

    if not source.is_dir():
        raise SystemExit(f"error: no {source}; on Debian: sudo apt-get install codec2-examples")
    out.mkdir(parents=True, exist_ok=True)
    recordings, audio = [], {}
    for name in REAL_RECORDINGS:
        x = np.fromfile(source / f"{name}.raw", dtype="<i2").astype(np.float32) / 32768
        x -= x.mean()
        audio[name] = x
        f0, voiced, _ = librosa.pyin(x, fmin=60, fmax=400, sr=SAMPLE_RATE, frame_length=1024)
        sf.write(out / f"{name}.flac", x, SAMPLE_RATE, subtype="PCM_16")
        recordings.append({"file": f"{name}.flac", "speaker": name, "seconds": round(len(x) / SAMPLE_RATE, 2),
                           "median_f0_hz": round(float(np.nanmedian(f0[voiced])), 0),
                           "source": f"codec2-examples: /usr/share/codec2/raw/{name}.raw", "license": "LGPL-2.1"})
    rng = np.random.default_rng(seed)
    mixtures = []
    length = int(REAL_SECONDS * SAMPLE_RATE)
    for i, a in enumerate(REAL_RECORDINGS):
        for b in REAL_RECORDINGS[i + 1 :]:
            starts = []
            for name in (a, b):
                x = audio[name]
                # A start whose 2-second window is at least as loud as the whole recording (speech, not a pause).
                candidates = [t for t in range(0, max(1, len(x) - length + 1), SAMPLE_RATE // 10)
                              if np.mean(x[t : t + length] ** 2) >= np.mean(x**2)] or [0]
                starts.append(int(rng.choice(candidates)))
            seconds = min(REAL_SECONDS, (len(audio[a]) - starts[0]) / SAMPLE_RATE, (len(audio[b]) - starts[1]) / SAMPLE_RATE)
            mixtures.append({"file_a": f"{a}.flac", "start_a": starts[0], "file_b": f"{b}.flac", "start_b": starts[1],
                             "seconds": round(seconds, 4), "level_db": round(float(rng.uniform(-5, 5)), 2)})
    for name, rows in (("recordings.csv", recordings), ("mixtures.csv", mixtures)):
        with open(out / name, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    table = "\n".join(f"| {r['file']} | {r['seconds']} | {r['median_f0_hz']:.0f} |" for r in recordings)
    (out / "README.md").write_text(f"""# The real-speech test set

Recordings of real people from Debian's `codec2-examples` package (David Rowe's Codec 2,
https://github.com/drowe67/codec2; LGPL-2.1: `LICENSE.LGPL-2.1`, `COPYRIGHT.codec2-examples`), 8 kHz mono,
the mean removed, stored as FLAC. Written by `python tools/make_corpus.py --real`.

Test and demo material only: no model of the course trains on them or is chosen with them.
One recording per file; the package does not name the speakers, so the files keep their package names and each file
counts as one speaker (two files could be the same person; nothing in the package says so).
Those named after amateur-radio call signs (vk5qi, ve9qrp, g3plx) are radio recordings with noise and a narrow band.

| file | seconds | median pitch (Hz) |
| --- | ---: | ---: |
{table}

`mixtures.csv`: one {REAL_SECONDS:.0f}-second mixture for every pair of recordings (start of each in samples, the
second voice's level in dB relative to the first, uniform in [-5, 5], seed {seed}).
""")
    shutil.copy("/usr/share/common-licenses/LGPL-2.1", out / "LICENSE.LGPL-2.1")
    shutil.copy("/usr/share/doc/codec2-examples/copyright", out / "COPYRIGHT.codec2-examples")
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the course's speech clips with espeak-ng, or (--diverse) "
                                     "write the diverse training corpus with espeak-ng, flite and festival.")
    parser.add_argument("--out", type=Path, default=SPEECH_DIR, help="folder for the FLAC clips and clips.csv")
    parser.add_argument("--diverse", type=Path, nargs="?", const=DIVERSE_DIR, default=None, metavar="DIR",
                        help=f"write the diverse corpus into DIR (default {DIVERSE_DIR}); resumes where it stopped")
    parser.add_argument("--scale", choices=sorted(SCALES), default="full", help="size of the diverse corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--real", action="store_true", help=f"write the real-speech test set into {REAL_DIR}")
    args = parser.parse_args(argv)
    if args.real:
        out = write_real_set()
        print(f"wrote the real test set into {out}")
        return
    if args.diverse is not None:
        missing = missing_engines()
        if missing:
            raise SystemExit(f"error: {', '.join(missing)} not installed; on Debian: sudo apt-get install espeak-ng flite "
                             "festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts codec2")
        out = build(args.diverse, SCALES[args.scale], seed=args.seed)
        print(f"wrote the {args.scale} diverse corpus into {out} (train with: python tools/train.py "
              f"--data {out / 'augmented'})")
        return
    manifest = write_corpus(args.out)
    print(f"wrote {len(corpus_plan())} clips and {manifest}")


if __name__ == "__main__":
    main()
