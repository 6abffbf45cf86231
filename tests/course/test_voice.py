"""ui.voice without a browser: takes and uploads become 8 kHz audio, every bad input gets its sentence, the fallback.

The browser side (microphone, upload button, refused permission) is
``test_voice_browser.py``; here the same Python code is driven directly, as the
widgets' messages would drive it.
"""

from __future__ import annotations

import io
import re
import string

import numpy as np
import pytest
import soundfile as sf
import torch

from tasnet_edu.core.audio import EXAMPLE_CLIP, SAMPLE_RATE, example_clip, load_audio
from tasnet_edu.ui import voice
from tasnet_edu.ui.i18n import use_language

CLIP = example_clip(EXAMPLE_CLIP).numpy()


def encoded(data, rate: int, fmt: str = "WAV") -> bytes:
    buffer = io.BytesIO()
    sf.write(buffer, np.asarray(data, dtype="float32"), rate, format=fmt)
    return buffer.getvalue()


def resampled(x, rate):
    import librosa

    return librosa.resample(np.asarray(x, dtype=np.float32), orig_sr=SAMPLE_RATE, target_sr=rate)


def correlation(a, b) -> float:
    n = min(len(a), len(b))
    return float(np.corrcoef(np.asarray(a)[:n], np.asarray(b)[:n])[0, 1])


# --------------------------------------------------------------------------- the sentences


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(voice.MESSAGES))
def test_every_sentence_exists_in_both_languages_with_the_same_blanks(key):
    en, zh = voice.MESSAGES[key]
    assert _fields(en) == _fields(zh), key
    assert re.search(r"[\u4e00-\u9fff]", zh), f"{key}: the Chinese text has no Chinese"
    assert not re.search(r"[\u4e00-\u9fff]", en), f"{key}: Chinese in the English text"


def test_message_follows_the_course_language():
    assert voice.message("limit", limit=10) == "Stopped at the 10 s limit."
    with use_language("zh"):
        assert voice.message("limit", limit=10) == "已到 10 秒上限，录音自动停止。"
    assert voice.message("limit", "zh", limit=2.5) == "已到 2.5 秒上限，录音自动停止。"


# --------------------------------------------------------------------------- takes from the microphone


def test_a_take_at_48k_reaches_8k_with_its_content():
    take = voice.check_take(resampled(CLIP, 48000), 48000, language="en")
    assert take.usable and take.kind == "ok" and take.problems == []
    assert take.audio.dtype == torch.float32 and take.audio.shape == (len(CLIP),)
    assert correlation(take.audio, CLIP) > 0.999
    assert "resampled from 48000 Hz to 8000 Hz" in take.text


def test_a_take_at_8k_is_kept_as_it_is():
    take = voice.check_take(CLIP, SAMPLE_RATE, language="en")
    assert np.array_equal(take.audio.numpy(), CLIP)


@pytest.mark.parametrize("pcm, problem, words", [
    (np.zeros(0), "empty", ("Nothing was recorded", "什么也没录到")),
    (0.5 * np.ones(4000), "empty", ("Nothing was recorded", "什么也没录到")),  # 0.08 s at 48 kHz
    (np.zeros(48000), "silent", ("The take is silent", "这段录音是静音")),
    (1e-4 * np.sin(np.arange(48000)), "silent", ("The take is silent", "这段录音是静音")),
])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_empty_and_silent_takes_are_refused_with_a_sentence(pcm, problem, words, language):
    take = voice.check_take(pcm, 48000, language=language)
    assert not take.usable and take.audio is None and take.kind == "error" and take.problems == [problem]
    assert words[language == "zh"] in take.text


def test_clipping_is_kept_with_a_warning_and_the_limit_is_said():
    loud = np.clip(40 * resampled(CLIP, 48000), -1, 1)
    take = voice.check_take(loud, 48000, limit=3, reason="limit", language="en")
    assert take.usable and take.kind == "warning" and take.problems == ["limit", "clipping"]
    assert "Clipping: " in take.text and "Stopped at the 3 s limit." in take.text
    with use_language("zh"):
        assert "削波" in voice.check_take(loud, 48000).text


# --------------------------------------------------------------------------- the recorder widget (no browser)


def pcm16(x) -> bytes:
    return (np.clip(np.asarray(x), -1, 1) * 32767).astype("<i2").tobytes()


def test_recorder_receives_a_take_as_the_browser_sends_it():
    rec = voice.Recorder(language="en")
    assert rec.audio is None and rec.status == "idle" and "Press Record" in rec.message
    assert rec.texts == {"record": "● Record", "stop": "■ Stop", "level": "input level"}
    assert (voice.STATIC / "recorder.js").read_text(encoding="utf-8") == rec._esm
    rec._on_message(rec, {"type": "started", "rate": 44100}, [])
    assert rec.status == "recording" and "44100 Hz" in rec.message
    rec._on_message(rec, {"type": "take", "rate": 44100, "reason": "button"}, [memoryview(pcm16(resampled(CLIP, 44100)))])
    assert rec.status == "done" and rec.message_kind == "ok" and rec.takes == 1
    assert abs(len(rec.audio) - len(CLIP)) <= 1 and correlation(rec.audio, CLIP) > 0.999  # 44.1 kHz: +-1 sample


@pytest.mark.parametrize("kind, words", [
    ("permission", ("refused the microphone", "拒绝了麦克风")),
    ("no_microphone", ("No microphone was found", "没有找到麦克风")),
    ("busy", ("in use by another program", "正被其他程序占用")),
    ("insecure", ("https or localhost", "https 或 localhost")),
    ("unsupported", ("cannot record here", "无法在这里录音")),
    ("something new", ("Recording failed (TypeError: x)", "录音失败（TypeError: x）")),
])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_recorder_says_why_it_cannot_record(kind, words, language):
    rec = voice.Recorder(language=language)
    rec._on_message(rec, {"type": "error", "kind": kind, "detail": "TypeError: x"}, [])
    assert rec.status == "error" and rec.message_kind == "error" and rec.audio is None
    assert words[language == "zh"] in rec.message


def test_recorder_never_raises_on_a_broken_message():
    rec = voice.Recorder(language="en")
    rec._on_message(rec, {"type": "take", "rate": 48000}, [memoryview(b"\x00\x01\x02")])  # odd number of bytes
    assert rec.status == "error" and rec.message.startswith("Recording failed (ValueError")
    rec._on_message(rec, {"type": "take", "rate": 48000}, [])  # no samples at all
    assert rec.take.problems == ["empty"] and "Nothing was recorded" in rec.message


def test_recorder_checks_its_time_limit():
    assert voice.Recorder(max_seconds=4).max_seconds == 4.0
    with pytest.raises(ValueError, match="max_seconds"):
        voice.Recorder(max_seconds=0)


# --------------------------------------------------------------------------- uploads


@pytest.mark.parametrize("fmt", ["WAV", "FLAC", "OGG", "MP3"])
def test_uploads_read_as_load_audio_reads_the_file(tmp_path, fmt):
    content = encoded(CLIP, SAMPLE_RATE, fmt)
    path = tmp_path / f"clip.{fmt.lower()}"
    path.write_bytes(content)
    take = voice.read_upload(content, path.name, language="en")
    assert take.usable and take.source == "file" and take.name == path.name
    assert torch.equal(take.audio, load_audio(path))
    assert correlation(take.audio, CLIP) > 0.99


@pytest.mark.parametrize("language", ["en", "zh"])
def test_stereo_44k_uploads_are_converted_and_say_so(language):
    stereo = np.stack([resampled(CLIP, 44100)] * 2, axis=1)
    take = voice.read_upload(encoded(stereo, 44100), "stereo.wav", language=language)
    assert take.usable and take.kind == "warning" and take.problems == ["stereo", "resampled"]
    assert abs(len(take.audio) - len(CLIP)) <= 1 and correlation(take.audio, CLIP) > 0.999
    said = {"en": ("2 channels: averaged to one", "at 44100 Hz: resampled to 8000 Hz"),
            "zh": ("有 2 个声道", "采样率是 44100 Hz：已重采样到")}[language]
    assert all(words in take.text for words in said), take.text


def test_long_uploads_are_cut_and_say_so():
    long = np.tile(CLIP, 15)  # 40 s
    take = voice.read_upload(encoded(long, SAMPLE_RATE), "long.wav", limit=30, language="en")
    assert take.usable and take.problems == ["too_long"] and take.audio.shape == (30 * SAMPLE_RATE,)
    assert "long.wav lasts 40.0 s: only its first 30 s are used." in take.text


@pytest.mark.parametrize("data, problem, en, zh", [
    (b"this is a text file, not audio", "not_audio", "notes.txt is not an audio file this course can read (",
     "notes.txt 不是本课程能读取的音频文件（"),
    (b"", "empty_file", "notes.txt is empty (0 bytes).", "notes.txt 是空文件（0 字节）。"),
    (encoded(np.zeros(8000), SAMPLE_RATE), "silent_file", "notes.txt is silent", "notes.txt 是静音"),
])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_bad_uploads_get_a_sentence_not_an_exception(data, problem, en, zh, language):
    take = voice.read_upload(data, "notes.txt", language=language)
    assert not take.usable and take.kind == "error" and take.problems == [problem]
    assert (zh if language == "zh" else en) in take.text
    assert "Traceback" not in take.text and "0x" not in take.text


def test_too_large_uploads_are_refused_before_reading(monkeypatch):
    monkeypatch.setattr(voice, "MAX_UPLOAD_BYTES", 1000)
    take = voice.read_upload(encoded(CLIP, SAMPLE_RATE), "big.wav", language="en")
    assert take.problems == ["too_big"] and "too large" in take.text


def test_clipped_uploads_are_kept_with_a_warning():
    take = voice.read_upload(encoded(np.clip(20 * CLIP, -1, 1), SAMPLE_RATE), "loud.wav", language="en")
    assert take.usable and "clipping" in take.problems and "Clipping" in take.text


def test_upload_widget_reads_what_the_browser_sends(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    up = voice.AudioUpload(language="en")
    assert up.audio is None and up.player.layout.display == "none" and "Choose a WAV" in up.status.value
    content = encoded(np.stack([resampled(CLIP, 44100)] * 2, axis=1), 44100)
    up.picker.set_state({"value": [{"name": "mine.wav", "type": "audio/wav", "size": len(content),
                                    "content": memoryview(content), "last_modified": 0}]})  # as the browser sets it
    assert up.take.name == "mine.wav" and abs(len(up.audio) - len(CLIP)) <= 1
    assert 'data-kind="warning"' in up.status.value and "averaged to one" in up.status.value
    assert up.player.layout.display is None
    assert sf.info(io.BytesIO(up.player.value)).samplerate == SAMPLE_RATE  # the player plays what the kernel has
    up.load(b"<html>not audio</html>", "page.html")
    assert up.audio is None and 'data-kind="error"' in up.status.value and up.player.layout.display == "none"
    assert list(tmp_path.iterdir()) == []  # nothing written to disk


# --------------------------------------------------------------------------- your audio or the course's clip


def test_without_audio_the_clip_is_used_and_said(capsys):
    x = voice.take_or_clip(voice.Recorder(), voice.AudioUpload(), None)
    assert torch.equal(x, example_clip(EXAMPLE_CLIP))
    assert capsys.readouterr().out == (
        "No recording or upload yet: using the course's clip en_s00_v0.flac "
        '("The quick brown fox jumps over the lazy dog.") instead. Record or upload above, then run this cell again.\n')
    with use_language("zh"):
        voice.take_or_clip(voice.Recorder(), fallback="zh_s08_v1.flac")
    assert capsys.readouterr().out == ("还没有录音或上传：改用课程自带的音频 zh_s08_v1.flac（“请问火车站怎么走？”）。"
                                       "在上方录音或上传后，再运行这个单元格。\n")


def test_a_refused_microphone_is_named_as_the_reason(capsys):
    panel = voice.VoicePanel(language="en")
    panel.recorder.fail("permission")
    voice.take_or_clip(panel)
    assert capsys.readouterr().out.startswith("The microphone could not be used: using the course's clip")


def test_the_newest_usable_audio_wins(capsys):
    rec, up = voice.Recorder(), voice.AudioUpload()
    rec.receive(resampled(CLIP, 48000), 48000)
    assert voice.take_or_clip(rec, up) is rec.audio
    assert capsys.readouterr().out == f"Using your recording: {len(CLIP) / SAMPLE_RATE:.2f} s at 8000 Hz.\n"
    up.load(encoded(CLIP[:8000], SAMPLE_RATE), "mine.flac")
    assert voice.take_or_clip(rec, up) is up.audio
    assert capsys.readouterr().out == "Using your file mine.flac: 1.00 s at 8000 Hz.\n"
    up.load(b"junk", "junk.bin")  # replaces the upload; a bad newer file does not hide the recording
    assert voice.take_or_clip(up, rec, quiet=True) is rec.audio


def test_an_unusable_take_falls_back_and_says_why(capsys):
    rec = voice.Recorder()
    rec.receive(np.zeros(48000), 48000)
    x = voice.take_or_clip(rec, fallback=torch.ones(800))
    assert torch.equal(x, torch.ones(800))
    assert capsys.readouterr().out.startswith("Your take was silent: using the fallback waveform instead.")
    up = voice.AudioUpload()
    up.load(b"junk", "junk.bin")
    voice.take_or_clip(up)
    assert capsys.readouterr().out.startswith("Your file could not be used: using the course's clip en_s00_v0.flac")


def test_the_panel_holds_both_and_gives_the_newer():
    panel = voice.VoicePanel(language="en")
    assert panel.children == (panel.recorder, panel.upload) and panel.audio is None
    panel.upload.load(encoded(CLIP, SAMPLE_RATE), "a.wav")
    panel.recorder.receive(resampled(CLIP[:8000], 48000), 48000)
    assert panel.audio is panel.recorder.audio and voice.take_or_clip(panel, quiet=True) is panel.recorder.audio


def test_the_widget_code_ships_in_the_package_and_fetches_nothing():
    js = (voice.STATIC / "recorder.js").read_text(encoding="utf-8")
    css = (voice.STATIC / "recorder.css").read_text(encoding="utf-8")
    assert "export default" in js
    for text in (js, css):
        assert not re.search(r"https?://|import\s*\(|from\s+['\"]", text), "the widget must not load anything"


def test_a_numbered_panel_says_which_voice_in_the_readers_language():
    en, zh = voice.VoicePanel(language="en", number=1), voice.VoicePanel(language="zh", number=2)
    assert "Voice 1" in en.children[0].value and "第 2 个声音" in zh.children[0].value
    assert en.children[1:] == (en.recorder, en.upload)  # recorder and upload button under the title
    plain = voice.VoicePanel(language="en")
    assert plain.children == (plain.recorder, plain.upload)  # no title unless numbered
