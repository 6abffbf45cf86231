"""Your own voice in the notebook: a microphone recorder, a file upload, and "your audio or a shipped clip".

Three names for a chapter cell::

    rec = te.ui.voice.Recorder()             # Record / Stop, level meter, 10 s limit, playback of the take
    up = te.ui.voice.AudioUpload()           # a WAV, FLAC, OGG or MP3 file, read as load_audio reads files
    voice = te.ui.voice.take_or_clip(rec, up)  # the newest usable take or upload, else the course's clip (says so)

or both widgets in one: ``panel = te.ui.voice.VoicePanel()``, then ``take_or_clip(panel)``.

Everything is 8 kHz mono float32 ``[T]``, as every chapter expects. The recorder
captures the microphone in the browser at the browser's rate and sends 16-bit PCM
to the kernel; Python resamples it to 8 kHz with librosa (soxr), the resampler of
:func:`tasnet_edu.core.audio.load_audio`. Recordings and uploads stay in memory:
nothing is written to disk. Problems (no microphone, permission refused, a silent
or clipped take, a file that is not audio or too long, a stereo or 44.1 kHz file)
are shown in the widget as one sentence in the notebook's language, never as a
traceback. The widget's JavaScript and CSS ship in ``tasnet_edu/ui/static``
(anywidget); nothing is fetched from the web.

The checks are plain functions (:func:`check_take`, :func:`read_upload`), so tests
and notebooks reach them without a browser.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import anywidget
import ipywidgets as widgets
import numpy as np
import torch
import traitlets

from ..core.audio import EXAMPLE_CLIP, SAMPLE_RATE, clip_row, example_clip, load_audio_bytes
from ..core.checks import as_float_tensor
from .i18n import current_language

STATIC = Path(__file__).resolve().parent / "static"
MAX_RECORD_SECONDS = 10.0  # the recorder's default time limit
MAX_UPLOAD_SECONDS = 30.0  # longer uploads are cut to this
MAX_UPLOAD_BYTES = 50 * 2**20  # larger files are refused before decoding
MIN_SECONDS = 0.25  # a shorter take counts as empty
SILENCE_PEAK = 1e-3  # a take whose peak stays below this (-60 dBFS) is silent
CLIP_LEVEL = 0.99  # samples at or above this (absolute) count as clipped
CLIP_SHARE = 0.001  # more than this share of clipped samples: warn

# Every sentence the widgets show or print, in both languages: (English, 中文). Placeholders use str.format.
MESSAGES = {
    # the recorder's buttons and labels
    "record": ("● Record", "● 录音"),
    "stop": ("■ Stop", "■ 停止"),
    "level": ("input level", "输入电平"),
    "ready": ("Press Record, speak for a few seconds, then Stop (at most {limit:g} s).",
              "点击“录音”，说几秒钟，再点击“停止”（最长 {limit:g} 秒）。"),
    "recording": ("Recording… (the browser captures at {rate} Hz)", "正在录音……（浏览器以 {rate} Hz 采集）"),
    # the microphone could not be used
    "permission": ("The browser refused the microphone. Allow it (the camera/microphone icon in the address bar), "
                   "then press Record again; or upload a file, or go on with the course's clip.",
                   "浏览器拒绝了麦克风权限。请在地址栏的摄像头/麦克风图标处允许使用，再点击“录音”；"
                   "也可以上传音频文件，或直接使用课程自带的音频。"),
    "no_microphone": ("No microphone was found. Plug one in and press Record again; or upload a file, "
                      "or go on with the course's clip.",
                      "没有找到麦克风。请接上麦克风再点击“录音”；也可以上传音频文件，或直接使用课程自带的音频。"),
    "busy": ("The microphone is in use by another program (or could not start). Close that program and press Record again.",
             "麦克风正被其他程序占用（或无法启动）。请关闭那个程序，再点击“录音”。"),
    "insecure": ("This page may not use the microphone: browsers allow it only on https or localhost pages. "
                 "Open JupyterLab at http://localhost:… (or https), or upload a file instead.",
                 "此页面不能使用麦克风：浏览器只在 https 或 localhost 页面上允许录音。"
                 "请通过 http://localhost:…（或 https）打开 JupyterLab，或改为上传音频文件。"),
    "unsupported": ("This browser cannot record here (no Web Audio). Use a recent Chrome, Edge or Firefox, or upload a file.",
                    "此浏览器无法在这里录音（不支持 Web Audio）。请使用较新的 Chrome、Edge 或 Firefox，或上传音频文件。"),
    "failed": ("Recording failed ({detail}). Press Record to try again, or upload a file.",
               "录音失败（{detail}）。请再点击“录音”重试，或上传音频文件。"),
    # what a take or an upload holds
    "empty": ("Nothing was recorded ({seconds:.1f} s). Press Record, speak, then Stop.",
              "什么也没录到（{seconds:.1f} 秒）。请点击“录音”，说话，再点击“停止”。"),
    "silent": ("The take is silent (peak {peak_db:.0f} dBFS): is the right microphone selected and not muted? "
               "Record again.",
               "这段录音是静音（峰值 {peak_db:.0f} dBFS）：麦克风选对了吗？是否被静音？请重新录音。"),
    "silent_file": ("{name} is silent (peak {peak_db:.0f} dBFS): pick a file with sound in it.",
                    "{name} 是静音（峰值 {peak_db:.0f} dBFS）：请选一个有声音的文件。"),
    "clipping": ("Clipping: {share:.1%} of the samples hit full scale, so the loudest parts are cut flat. "
                 "Speak softer or further from the microphone and record again (the take is kept).",
                 "削波：{share:.1%} 的采样点达到满幅，最响的部分被削平了。请小声一点或离麦克风远一点再录（这段录音仍保留）。"),
    "limit": ("Stopped at the {limit:g} s limit.", "已到 {limit:g} 秒上限，录音自动停止。"),
    "recorded": ("Recorded {seconds:.1f} s, resampled from {rate} Hz to {target} Hz (peak {peak_db:.0f} dBFS). "
                 "Listen to it below; it is kept in memory only.",
                 "录好了 {seconds:.1f} 秒，已从 {rate} Hz 重采样到 {target} Hz（峰值 {peak_db:.0f} dBFS）。"
                 "可以在下方回放；录音只保存在内存中。"),
    # uploads
    "choose": ("Choose a WAV, FLAC, OGG or MP3 file (up to {limit:g} s are used).",
               "选择一个 WAV、FLAC、OGG 或 MP3 文件（最多使用 {limit:g} 秒）。"),
    "upload": ("Upload audio", "上传音频"),
    "not_audio": ("{name} is not an audio file this course can read ({reason}). Use a WAV, FLAC, OGG or MP3 file.",
                  "{name} 不是本课程能读取的音频文件（{reason}）。请使用 WAV、FLAC、OGG 或 MP3 文件。"),
    "empty_file": ("{name} is empty (0 bytes).", "{name} 是空文件（0 字节）。"),
    "too_big": ("{name} is {megabytes:.0f} MB, too large for the notebook (at most {limit:.0f} MB). Cut it first.",
                "{name} 有 {megabytes:.0f} MB，对笔记本来说太大了（最多 {limit:.0f} MB）。请先剪短。"),
    "too_long": ("{name} lasts {seconds:.1f} s: only its first {limit:g} s are used.",
                 "{name} 长 {seconds:.1f} 秒：只使用前 {limit:g} 秒。"),
    "stereo": ("{name} has {channels} channels: averaged to one (mono).",
               "{name} 有 {channels} 个声道：已取平均，合成单声道。"),
    "resampled": ("{name} is at {rate} Hz: resampled to {target} Hz, TasNet's rate.",
                  "{name} 的采样率是 {rate} Hz：已重采样到 TasNet 使用的 {target} Hz。"),
    "loaded": ("{name}: {seconds:.1f} s at {target} Hz, mono (peak {peak_db:.0f} dBFS). Kept in memory only.",
               "{name}：{seconds:.1f} 秒，{target} Hz，单声道（峰值 {peak_db:.0f} dBFS）。只保存在内存中。"),
    # take_or_clip
    "using": ("Using {what}: {seconds:.2f} s at {target} Hz.", "使用{what}：{seconds:.2f} 秒，{target} Hz。"),
    "your_take": ("your recording", "你的录音"),
    "panel": ("Voice {number}: record it, or upload a file", "第 {number} 个声音：录音，或者上传一个文件"),
    "your_file": ("your file {name}", "你上传的文件 {name}"),
    "no_take": ("No recording or upload yet", "还没有录音或上传"),
    "no_microphone_used": ("The microphone could not be used", "麦克风无法使用"),
    "why_empty": ("Your take was empty", "你的录音是空的"),
    "why_silent": ("Your take was silent", "你的录音是静音"),
    "why_file": ("Your file could not be used", "你上传的文件无法使用"),
    "fallback": ("{why}: using the course's clip {clip} instead. Record or upload above, then run this cell again.",
                 "{why}：改用课程自带的音频 {clip}。在上方录音或上传后，再运行这个单元格。"),
    "fallback_waveform": ("{why}: using the fallback waveform instead. Record or upload above, then run this cell again.",
                          "{why}：改用给定的备用波形。在上方录音或上传后，再运行这个单元格。"),
}


def message(key: str, language: str | None = None, **values) -> str:
    """The sentence ``key`` of :data:`MESSAGES` in ``language`` (default: the course language), filled in.

    >>> message("limit", "en", limit=10)
    'Stopped at the 10 s limit.'
    >>> message("limit", "zh", limit=10)
    '已到 10 秒上限，录音自动停止。'
    """
    en, zh = MESSAGES[key]
    return (zh if (language or current_language()) == "zh" else en).format(**values)


_ORDER = itertools.count()


def _db(value: float) -> float:
    return float(20 * np.log10(max(float(value), 1e-6)))


@dataclass
class Take:
    """Audio from the learner, checked: ``audio [T]`` at 8 kHz (None when unusable) and what was said about it.

    ``kind`` is ``"ok"``, ``"warning"`` (usable, with a note such as clipping or
    resampling) or ``"error"`` (not usable: ``audio`` is None); ``problems`` the
    keys of :data:`MESSAGES` that apply; ``text`` the sentences shown.
    """

    audio: torch.Tensor | None
    kind: str
    text: str
    problems: list[str] = field(default_factory=list)
    source: str = "take"  # "take" (microphone) or "file"
    name: str = ""
    order: int = field(default_factory=lambda: next(_ORDER))  # newer takes have larger numbers

    @property
    def usable(self) -> bool:
        return self.audio is not None


def check_take(pcm, rate: int, limit: float = MAX_RECORD_SECONDS, reason: str = "button",
               language: str | None = None, sample_rate: int = SAMPLE_RATE) -> Take:
    """Check a microphone take (``pcm`` mono samples in [-1, 1] at ``rate``) and resample it to 8 kHz.

    Empty (shorter than 0.25 s) or silent takes are refused; clipping is kept, with a
    warning; reaching the time limit is said.

    >>> take = check_take(np.zeros(48000, dtype="float32"), 48000, language="en")
    >>> take.usable, take.problems
    (False, ['silent'])
    >>> take = check_take(0.5 * np.sin(np.arange(48000) / 10).astype("float32"), 48000, language="en")
    >>> take.usable, tuple(take.audio.shape), take.kind
    (True, (8000,), 'ok')
    """
    import librosa

    x = np.asarray(pcm, dtype=np.float32).reshape(-1)
    seconds = len(x) / rate
    if seconds < MIN_SECONDS:
        return Take(None, "error", message("empty", language, seconds=seconds), ["empty"])
    peak = float(np.abs(x).max())
    if peak < SILENCE_PEAK:
        return Take(None, "error", message("silent", language, peak_db=_db(peak)), ["silent"])
    audio = x if rate == sample_rate else librosa.resample(x, orig_sr=rate, target_sr=sample_rate)
    audio = as_float_tensor(np.ascontiguousarray(audio, dtype=np.float32), "recording")
    problems, lines = [], [message("recorded", language, seconds=seconds, rate=rate, target=sample_rate, peak_db=_db(peak))]
    if reason == "limit":
        problems.append("limit")
        lines.append(message("limit", language, limit=limit))
    share = float((np.abs(x) >= CLIP_LEVEL).mean())
    if share > CLIP_SHARE:
        problems.append("clipping")
        lines.append(message("clipping", language, share=share))
    kind = "warning" if "clipping" in problems else "ok"
    return Take(audio, kind, "\n".join(lines), problems)


def read_upload(data, name: str = "upload", limit: float = MAX_UPLOAD_SECONDS, language: str | None = None,
                sample_rate: int = SAMPLE_RATE) -> Take:
    """Read an uploaded file's bytes as :func:`~tasnet_edu.core.audio.load_audio` reads files, and say what was done.

    Stereo is averaged to mono and other rates are resampled to 8 kHz (both said);
    files longer than ``limit`` seconds are cut (said); files that are not audio,
    empty, too large or silent are refused with a sentence, never an exception.

    >>> read_upload(b"not audio at all", "notes.txt", language="en").problems
    ['not_audio']
    """
    import io

    import soundfile as sf

    data = bytes(data)
    fail = lambda key, **values: Take(None, "error", message(key, language, name=name, **values), [key], "file", name)
    if len(data) == 0:
        return fail("empty_file")
    if len(data) > MAX_UPLOAD_BYTES:
        return fail("too_big", megabytes=len(data) / 2**20, limit=MAX_UPLOAD_BYTES / 2**20)
    try:
        audio = load_audio_bytes(data, name, sample_rate)
        info = sf.info(io.BytesIO(data))
    except ValueError as error:
        reason = str(error)
        if "(" in reason and ")" in reason:  # load_audio's message: "could not read NAME as audio (REASON); use ..."
            reason = reason[reason.index("(") + 1 : reason.rindex(")")].rstrip(".")
        return fail("not_audio", reason=reason)
    problems, lines = [], []
    if info.channels > 1:
        problems.append("stereo")
        lines.append(message("stereo", language, name=name, channels=info.channels))
    if info.samplerate != sample_rate:
        problems.append("resampled")
        lines.append(message("resampled", language, name=name, rate=info.samplerate, target=sample_rate))
    seconds = len(audio) / sample_rate
    if seconds > limit:
        problems.append("too_long")
        lines.append(message("too_long", language, name=name, seconds=seconds, limit=limit))
        audio = audio[: int(round(limit * sample_rate))].clone()
    peak = float(audio.abs().max())
    if peak < SILENCE_PEAK:
        return fail("silent_file", peak_db=_db(peak))
    share = float((audio.abs() >= CLIP_LEVEL).float().mean())
    if share > CLIP_SHARE:
        problems.append("clipping")
        lines.append(message("clipping", language, share=share))
    lines.insert(0, message("loaded", language, name=name, seconds=len(audio) / sample_rate, target=sample_rate,
                            peak_db=_db(peak)))
    kind = "warning" if problems else "ok"
    return Take(audio, kind, "\n".join(lines), problems, "file", name)


# --------------------------------------------------------------------------- the widgets


class Recorder(anywidget.AnyWidget):
    """The microphone recorder: Record / Stop, a level meter, a time limit and playback; the take arrives at 8 kHz.

    ``rec = Recorder()`` in a cell shows it; after a take ``rec.audio`` is the last
    usable take (``[T]`` float32 at 8 kHz, else None), ``rec.take`` the checked
    :class:`Take` and ``rec.message`` what the widget shows. Texts are in
    ``language`` (default: the course language); ``max_seconds`` is the limit (10 s).
    """

    _esm = (STATIC / "recorder.js").read_text(encoding="utf-8")
    _css = (STATIC / "recorder.css").read_text(encoding="utf-8")
    max_seconds = traitlets.Float(MAX_RECORD_SECONDS).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    message = traitlets.Unicode("").tag(sync=True)
    message_kind = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("idle").tag(sync=True)  # idle, recording, done, error
    takes = traitlets.Int(0).tag(sync=True)  # how many takes arrived (tests wait on it)

    def __init__(self, max_seconds: float = MAX_RECORD_SECONDS, language: str | None = None, **kwargs):
        if not 0.5 <= float(max_seconds) <= 30:  # 30 s of 16-bit PCM at 96 kHz is 5.8 MB, one widget message
            raise ValueError(f"max_seconds must be between 0.5 and 30 s; got {max_seconds}")
        self.language = language or current_language()
        self.take: Take | None = None
        super().__init__(max_seconds=float(max_seconds), **kwargs)
        self.texts = {key: message(key, self.language) for key in ("record", "stop", "level")}
        self._say("", message("ready", self.language, limit=self.max_seconds))
        self.on_msg(self._on_message)

    @property
    def audio(self) -> torch.Tensor | None:
        return self.take.audio if self.take is not None else None

    def _say(self, kind: str, text: str) -> None:
        self.message_kind, self.message = kind, text

    def _on_message(self, _widget, content, buffers) -> None:
        try:  # whatever happens, the learner sees a sentence, never a traceback
            kind = content.get("type")
            if kind == "started":
                self.status = "recording"
                self._say("", message("recording", self.language, rate=int(content.get("rate", 0))))
            elif kind == "take":
                pcm = np.frombuffer(bytes(buffers[0]), dtype="<i2").astype(np.float32) / 32768 if buffers else np.zeros(0)
                self.receive(pcm, int(content.get("rate", SAMPLE_RATE)), str(content.get("reason", "button")))
            elif kind == "error":
                self.fail(str(content.get("kind", "failed")), str(content.get("detail", "")))
        except Exception as error:  # noqa: BLE001
            self.status = "error"
            self._say("error", message("failed", self.language, detail=f"{type(error).__name__}: {error}"))

    def receive(self, pcm, rate: int, reason: str = "button") -> Take:
        """A take from the browser (or a test): check it, keep it if usable, show what was found."""
        take = check_take(pcm, rate, self.max_seconds, reason, self.language)
        take.name = f"take {self.takes + 1}"
        self.take = take
        self.status = "done" if take.usable else "error"
        self._say(take.kind, take.text)
        self.takes += 1
        return take

    def fail(self, kind: str, detail: str = "") -> None:
        """The browser could not record: show why (``kind`` is a key of :data:`MESSAGES`)."""
        key = kind if kind in ("permission", "no_microphone", "busy", "insecure", "unsupported") else "failed"
        self.status = "error"
        self._say("error", message(key, self.language, detail=detail or kind))


class AudioUpload(widgets.VBox):
    """A file picker (ipywidgets ``FileUpload``) for WAV, FLAC, OGG or MP3, with its message and a player.

    ``up = AudioUpload()`` in a cell shows it; after an upload ``up.audio`` is the
    file at 8 kHz mono (``[T]`` float32, at most ``max_seconds``) or None, and
    ``up.take`` the checked :class:`Take`. ``up.load(data, name)`` reads bytes
    directly (what the picker calls).
    """

    def __init__(self, max_seconds: float = MAX_UPLOAD_SECONDS, language: str | None = None, **kwargs):
        language = language or current_language()
        picker = widgets.FileUpload(accept=".wav,.flac,.ogg,.oga,.mp3,audio/*", multiple=False,
                                    description=message("upload", language))
        picker.add_class("tasnet-upload-picker")
        status = widgets.HTML(value=self._html("", message("choose", language, limit=float(max_seconds))))
        status.add_class("tasnet-upload-message")
        player = widgets.Audio(format="wav", autoplay=False, loop=False, controls=True, layout=widgets.Layout(display="none"))
        super().__init__([picker, status, player], **kwargs)
        self.add_class("tasnet-upload")
        self.language, self.max_seconds, self.take = language, float(max_seconds), None
        self.picker, self.status, self.player = picker, status, player
        picker.observe(self._on_upload, names="value")

    @property
    def audio(self) -> torch.Tensor | None:
        return self.take.audio if self.take is not None else None

    @staticmethod
    def _html(kind: str, text: str) -> str:
        import html

        colour = {"error": "#b71c1c", "warning": "#8d5a00", "ok": "#1b5e20"}.get(kind, "inherit")
        lines = "<br>".join(html.escape(line) for line in text.splitlines())
        return f'<div class="tasnet-upload-text" data-kind="{kind}" style="color: {colour}; line-height: 1.4">{lines}</div>'

    def _on_upload(self, change) -> None:
        try:
            files = change["new"]
            if files:
                first = files[0]
                self.load(first["content"], str(first.get("name", "upload")))
        except Exception as error:  # noqa: BLE001 — a sentence, never a traceback
            self.status.value = self._html("error", message("failed", self.language, detail=f"{type(error).__name__}: {error}"))

    def load(self, data, name: str = "upload") -> Take:
        """Read ``data`` (the file's bytes) with :func:`read_upload`; show the message and the player."""
        import io

        import soundfile as sf

        take = read_upload(data, name, self.max_seconds, self.language)
        self.take = take
        self.status.value = self._html(take.kind, take.text)
        if take.usable:
            buffer = io.BytesIO()
            sf.write(buffer, take.audio.numpy(), SAMPLE_RATE, format="WAV", subtype="PCM_16")
            self.player.value = buffer.getvalue()
            self.player.layout.display = None
        else:
            self.player.layout.display = "none"
        return take



class VoicePanel(widgets.VBox):
    """A :class:`Recorder` above an :class:`AudioUpload`: one cell, both ways in; ``panel.audio`` is the newer usable one.

    ``number`` titles the panel ("Voice 1: record it, or upload a file") where a cell asks for several voices.
    """

    def __init__(self, max_seconds: float = MAX_RECORD_SECONDS, language: str | None = None, number: int | None = None,
                 **kwargs):
        self.recorder = Recorder(max_seconds=max_seconds, language=language)
        self.upload = AudioUpload(language=language)
        title = [] if number is None else [widgets.HTML(f"<b>{message('panel', language, number=number)}</b>")]
        super().__init__([*title, self.recorder, self.upload], **kwargs)
        self.add_class("tasnet-voice-panel")

    @property
    def take(self) -> Take | None:
        return _latest([self.recorder, self.upload])

    @property
    def audio(self) -> torch.Tensor | None:
        take = self.take
        return take.audio if take is not None else None


def _latest(sources) -> Take | None:
    """The newest usable take among ``sources`` (recorders, uploads, panels), else the newest take, else None."""
    takes = [getattr(s, "take", None) for s in sources if s is not None]
    takes = sorted((take for take in takes if take is not None), key=lambda take: take.order)
    usable = [take for take in takes if take.usable]
    return (usable or takes or [None])[-1]


def _why_key(take: Take | None, sources) -> str:
    """Which sentence tells why the fallback clip is used."""
    if take is None:
        recorders = [getattr(s, "recorder", s) for s in sources]  # a VoicePanel holds one
        failed = any(r.status == "error" for r in recorders if isinstance(r, Recorder))
        return "no_microphone_used" if failed else "no_take"
    if take.source == "file":
        return "why_file"
    return "why_silent" if "silent" in take.problems else "why_empty"


def take_or_clip(*sources, fallback=EXAMPLE_CLIP, quiet: bool = False) -> torch.Tensor:
    """The learner's audio (the usable take of the last of ``sources`` that has one) or a shipped clip; prints which.

    ``sources`` are :class:`Recorder` and :class:`AudioUpload` widgets (None is skipped);
    ``fallback`` a shipped clip's file name (read with ``example_clip``: silent ends
    trimmed) or a waveform. Returns ``[T]`` float32 at 8 kHz. Without a microphone,
    or when nothing was recorded yet, the notebook goes on with the clip and the
    printed line says so (the same line every run: nbval can compare it).

    >>> voice = take_or_clip(fallback="en_s00_v0.flac")  # doctest: +ELLIPSIS
    No recording or upload yet: using the course's clip en_s00_v0.flac ("The quick brown fox jumps over the lazy dog.")...
    """
    language = current_language()
    take = _latest(sources)
    if take is not None and take.usable:
        what = message("your_take", language) if take.source == "take" else message("your_file", language, name=take.name)
        if not quiet:
            print(message("using", language, what=what, seconds=len(take.audio) / SAMPLE_RATE, target=SAMPLE_RATE))
        return take.audio
    why = message(_why_key(take, sources), language)
    if isinstance(fallback, str):
        row = clip_row(fallback)
        clip = f'{fallback} ("{row["text"]}")' if language == "en" else f"{fallback}（“{row['text']}”）"
        audio, said = example_clip(fallback), message("fallback", language, clip=clip, why=why)
    else:
        audio, said = as_float_tensor(fallback, "fallback"), message("fallback_waveform", language, why=why)
    if not quiet:
        print(said)
    return audio
