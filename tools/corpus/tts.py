"""Speech synthesisers from Debian packages: espeak-ng, flite and festival.

The diverse corpus speaks with three engines of three kinds: espeak-ng
(formant synthesis: every voice and variant, English and Mandarin), flite
(CMU ARCTIC voices, statistical/cluster synthesis) and festival (diphone voices
cut from recordings of real speakers, and an HTS voice). Install them with::

    sudo apt-get install espeak-ng flite festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts

A :class:`Speaker` names one voice setting; :func:`synthesize` turns a list of
texts into 8 kHz float32 waveforms.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tasnet_edu.core.audio import SAMPLE_RATE, load_audio

ESPEAK_EN = ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029", "en-us-nyc"]
ESPEAK_ZH = ["cmn"]
# espeak-ng's voice variants that sound like people (robots, whispers and the "fast" test voice left out).
ESPEAK_VARIANTS = [
    "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "f1", "f2", "f3", "f4", "f5", "klatt", "klatt2", "klatt3", "klatt4",
    "klatt5", "klatt6", "croak", "grandma", "grandpa", "adam", "Alex", "Alicia", "Andrea", "Andy", "Annie", "antonio",
    "aunty", "belinda", "benjamin", "boris", "caleb", "david", "Denis", "Diogo", "ed", "edward", "edward2", "Gene", "Gene2",
    "gustave", "Henrique", "Hugo", "iven", "iven2", "iven3", "iven4", "Jacky", "john", "kaukovalta", "Lee", "linda",
    "marcelo", "Marco", "Mario", "max", "Michael", "michel", "miguel", "Mike", "Nguyen", "pablo", "paul", "pedro", "quincy",
    "rob", "robert", "steph", "steph2", "steph3", "Tweaky", "zac", "anika", "norbert", "sandro", "shelby", "travis", "victor",
]
# flite and festival voices, with the real person each was built from (two engines can share one person).
FLITE = {"kal": "kal", "kal16": "kal", "awb": "awb", "rms": "rms", "slt": "slt"}
FESTIVAL = {"kal_diphone": "kal", "ked_diphone": "ked", "cmu_us_slt_arctic_hts": "slt"}


@dataclass(frozen=True)
class Speaker:
    """One synthetic voice: engine, voice name, the person behind it, and (espeak-ng) pitch 0-99 and speed (words/min)."""

    engine: str  # "espeak-ng", "flite" or "festival"
    voice: str
    person: str
    language: str = "en"
    pitch: int = 50
    speed: int = 165

    @property
    def name(self) -> str:
        """A folder-safe identifier."""
        tail = f"_p{self.pitch}_s{self.speed}" if self.engine == "espeak-ng" else ""
        return f"{self.engine}_{self.voice}{tail}".replace("+", "-")


def missing_engines() -> list[str]:
    """The synthesiser commands not installed here."""
    return [cmd for cmd in ("espeak-ng", "flite", "festival") if shutil.which(cmd) is None]


def synthesize(speaker: Speaker, texts: list[str], sample_rate: int = SAMPLE_RATE) -> list[np.ndarray]:
    """Speak each text with ``speaker``; returns float32 waveforms at ``sample_rate``."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp, f"{i}.wav") for i in range(len(texts))]
        if speaker.engine == "espeak-ng":
            for text, path in zip(texts, paths):
                subprocess.run(["espeak-ng", "-v", speaker.voice, "-p", str(speaker.pitch), "-s", str(speaker.speed),
                                "-w", str(path), text], check=True, capture_output=True)
        elif speaker.engine == "flite":
            for text, path in zip(texts, paths):
                subprocess.run(["flite", "-voice", speaker.voice, "-t", text, "-o", str(path)], check=True, capture_output=True)
        elif speaker.engine == "festival":
            # One festival process for all texts: loading a voice takes longer than speaking a sentence.
            lines = [f"(voice_{speaker.voice})"]
            for text, path in zip(texts, paths):
                quoted = text.replace("\\", " ").replace('"', " ")
                lines.append(f'(utt.save.wave (SynthText "{quoted}") "{path}" \'riff)')
            script = Path(tmp, "speak.scm")
            script.write_text("\n".join(lines) + "\n")
            subprocess.run(["festival", "-b", str(script)], check=True, capture_output=True)
        else:
            raise ValueError(f"unknown engine {speaker.engine!r}; use 'espeak-ng', 'flite' or 'festival'")
        return [load_audio(path, sample_rate).numpy() for path in paths]
