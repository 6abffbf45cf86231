"""Your own voice, in the real browser: the recorder and the upload of ``tasnet_edu.ui.voice`` in JupyterLab.

Headless Chromium gets a fake microphone that plays one of the course's clips
(``--use-fake-device-for-media-stream --use-file-for-fake-audio-capture``). A
small test notebook (written to a temporary folder, never to ``notebooks/``)
shows a recorder and an upload widget; the test runs it, records until the
time limit stops the take, and checks in the kernel's own output that

- the audio that reached the kernel is the clip (normalised correlation after
  alignment, at 8 kHz), and the strength map next to its STFT is drawn from it;
- an upload through Playwright's ``set_input_files`` (a 44.1 kHz stereo WAV) is
  converted and says so, and a file that is not audio gets its sentence;
- with the microphone permission refused, the widget says so (in Chinese for
  the Chinese notebook), with no traceback anywhere.

Like ``test_browser.py``: Debian's chromium (installed when missing, else skipped),
one JupyterLab server and one browser for the module, both stopped at the end.
"""

from __future__ import annotations

import base64
import json
import re

import numpy as np
import pytest
from browser_support import (
    JS_NOTEBOOK_READY,
    JS_RUN_FINISHED,
    OUTPUT,
    JupyterLab,
    chromium_context,
    clip_wav,
    fake_microphone_args,
    new_page,
    run_one_cell,
    write_microphone_wav,
    write_notebook,
)

from tasnet_edu.core.audio import SAMPLE_RATE

MIC_RATE = 48000  # the fake microphone's file; the browser records at its own rate, Python resamples to 8 kHz
LIMIT = 3.5  # seconds: longer than the clip (2.7 s), short enough for a quick test
CELLS = [  # (source, tags): what a chapter cell would do, plus a line that hands the audio to the test
    ("import base64, json\nimport numpy as np\nimport tasnet_edu as te\nfrom tasnet_edu.ui import voice\n"
     "from tasnet_edu.ui.i18n import detect_language\n_ = te.use_language(detect_language())", []),
    (f"rec = voice.Recorder(max_seconds={LIMIT})\nrec", ["nbval-ignore-output"]),
    ("up = voice.AudioUpload()\nup", ["nbval-ignore-output"]),
    ("x = voice.take_or_clip(rec, up)\npcm = (np.clip(x.numpy(), -1, 1) * 32767).astype('<i2')\n"
     "print('AUDIO ' + json.dumps({'n': len(pcm), 'b64': base64.b64encode(pcm.tobytes()).decode()}))", []),
    ("te.ch04.plot_map_comparison(x);", []),
]
RECORDER, UPLOAD, TAKE, MAP = 1, 2, 3, 4  # cell indices


def best_alignment(recorded: np.ndarray, clip: np.ndarray, window: int = SAMPLE_RATE) -> tuple[float, int]:
    """Highest normalised correlation of a 1 s window of ``recorded`` with the (looped) clip, and its lag.

    The fake microphone plays the clip in a loop from wherever it is when recording
    starts, so the window is searched in three copies of the clip; windows are taken
    every 0.25 s and the best one counts (one may straddle the loop's seam).
    """
    from scipy.signal import correlate

    looped = np.tile(clip, 3).astype(np.float64)
    energy = np.sqrt(np.convolve(looped**2, np.ones(window), mode="valid"))
    best, lag = -1.0, 0
    for start in range(0, len(recorded) - window + 1, SAMPLE_RATE // 4):
        w = recorded[start : start + window].astype(np.float64)
        if np.sqrt((w**2).sum()) < 1e-3:
            continue
        c = correlate(looped, w, mode="valid", method="fft") / (energy * np.sqrt((w**2).sum()) + 1e-12)
        i = int(np.argmax(c))
        if c[i] > best:
            best, lag = float(c[i]), i - start
    return best, lag


def kernel_audio(outputs: list[dict]) -> tuple[np.ndarray, str]:
    """The audio the kernel printed (``AUDIO {...}``) and the other printed lines."""
    text = "".join(o["text"] for o in outputs if o["type"] == "stream")
    match = re.search(r"^AUDIO (.*)$", text, re.M)
    assert match, f"the kernel printed no audio: {text[:500]!r} / {outputs!r}"[:2000]
    payload = json.loads(match.group(1))
    pcm = np.frombuffer(base64.b64decode(payload["b64"]), dtype="<i2").astype(np.float32) / 32768
    assert len(pcm) == payload["n"]
    return pcm, text[: match.start()] + text[match.end() :]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("voice")
    write_microphone_wav(root / "microphone.wav", MIC_RATE)
    for language in ("en", "zh"):
        write_notebook(root / "notebooks" / language / "recorder_demo.ipynb", CELLS)
    return root


@pytest.fixture(scope="module")
def lab(workdir):
    with JupyterLab(root_dir=workdir / "notebooks") as server:
        yield server


@pytest.fixture(scope="module")
def browser(chromium, workdir):
    with chromium_context(chromium, extra_args=fake_microphone_args(workdir / "microphone.wav")) as context:
        yield context


def open_and_run_all(page, lab: JupyterLab, language: str) -> None:
    """Open the test notebook in ``language``'s folder, run all cells, wait until the recorder is shown."""
    notebook = f"{language}/recorder_demo.ipynb"
    page.goto(lab.lab_url(notebook, workspace=f"voice-{language}-{len(page.context.pages)}"),
              wait_until="domcontentloaded", timeout=180_000)
    page.wait_for_function(JS_NOTEBOOK_READY, arg=notebook, timeout=180_000, polling=500)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(JS_RUN_FINISHED, arg=len(CELLS), timeout=180_000, polling=500)
    page.locator(".tasnet-recorder-button").wait_for(state="visible", timeout=60_000)


def choose(page, path) -> None:
    """Upload ``path`` as a learner does: click the upload button, pick the file in the chooser.

    ipywidgets' ``FileUpload`` keeps its ``<input type=file>`` out of the page, so
    Playwright sets the files on the chooser the click opens (``set_input_files`` on that input).
    """
    with page.expect_file_chooser(timeout=60_000) as chooser:
        page.locator(".tasnet-upload-picker").click()
    chooser.value.set_files(str(path))


def no_traceback(page) -> None:
    shown = page.locator(".jp-OutputArea-output", has_text="Traceback")
    assert shown.count() == 0, f"a traceback is shown: {shown.all_inner_texts()[:2]}"
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, f"stderr shown: {stderr.all_inner_texts()[:2]}"
    assert not page.page_errors, f"errors in the page: {page.page_errors}"


def _failed(page, lab, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"voice-{name}-failed.png"))
    print(f"--- JupyterLab log (tail) ---\n{lab.log()}\n--- page errors ---\n{page.page_errors}")


@pytest.mark.browser
def test_recording_and_upload_reach_the_kernel(lab, browser, workdir, tmp_path):
    clip, _ = clip_wav(MIC_RATE)
    browser.grant_permissions(["microphone"], origin=lab.url)
    with new_page(browser) as page:
        try:
            open_and_run_all(page, lab, "en")
            # Without a take the cell falls back to the course's clip and says so.
            fallback, said = kernel_audio(run_one_cell(page, TAKE))
            assert "No recording or upload yet: using the course's clip en_s00_v0.flac" in said and len(fallback) == len(clip)

            # Record: Record, then the time limit stops the take; the kernel checks it and answers in the widget.
            page.locator(".tasnet-recorder-button").click()
            page.wait_for_function("() => parseFloat(document.querySelector('.tasnet-recorder-bar').style.width) > 10",
                                   timeout=30_000, polling=100)  # the level meter moves while recording
            message = page.locator(".tasnet-recorder-message")
            page.wait_for_function("""() => { const m = document.querySelector('.tasnet-recorder-message');
                return m && (m.dataset.kind === 'ok' || m.dataset.kind === 'warning' || m.dataset.kind === 'error'); }""",
                                   timeout=60_000, polling=250)
            said_in_widget = message.inner_text()
            assert message.get_attribute("data-kind") == "ok", said_in_widget
            assert f"Stopped at the {LIMIT:g} s limit" in said_in_widget and "resampled from" in said_in_widget
            assert page.locator(".tasnet-recorder-player").is_visible(), "no playback of the take"

            recorded, said = kernel_audio(run_one_cell(page, TAKE))
            assert said.startswith("Using your recording"), said
            assert abs(len(recorded) - LIMIT * SAMPLE_RATE) <= SAMPLE_RATE * 0.05, len(recorded)
            correlation, lag = best_alignment(recorded, clip)
            print(f"recorded {len(recorded)} samples; correlation with the clip {correlation:.4f} at lag {lag}")
            # A busy machine can drop a few audio blocks in headless Chromium (0.94 seen under load; 1.000 when idle).
            assert correlation > 0.9, f"the recording does not match the clip: correlation {correlation:.3f}"

            # The strength map and its STFT, drawn from the recording.
            outputs = run_one_cell(page, MAP, timeout_s=180)
            assert any("image/png" in o["mimes"] for o in outputs), outputs
            figure = page.locator(".jp-Cell").nth(MAP).locator(".jp-OutputArea-output img")
            figure.first.wait_for(state="visible", timeout=60_000)

            # Upload a 44.1 kHz stereo WAV: converted, and said so; the next run of the cell uses it.
            _, stereo = clip_wav(44100, channels=2)
            upload = tmp_path / "stereo-44k.wav"
            upload.write_bytes(stereo)
            choose(page, upload)
            text = page.locator(".tasnet-upload-text")
            page.wait_for_function("() => (document.querySelector('.tasnet-upload-text') || {}).dataset?.kind === 'warning'",
                                   timeout=60_000, polling=250)
            said_in_widget = text.inner_text()
            assert "2 channels: averaged" in said_in_widget and "44100 Hz: resampled to 8000 Hz" in said_in_widget
            uploaded, said = kernel_audio(run_one_cell(page, TAKE))
            assert said.startswith("Using your file stereo-44k.wav"), said
            assert best_alignment(uploaded, clip)[0] > 0.99

            # A file that is not audio: one sentence, no traceback; the good upload is still used.
            notes = tmp_path / "notes.txt"
            notes.write_text("this is not audio\n")
            choose(page, notes)
            page.wait_for_function("() => (document.querySelector('.tasnet-upload-text') || {}).dataset?.kind === 'error'",
                                   timeout=60_000, polling=250)
            assert "notes.txt is not an audio file this course can read" in text.inner_text()
            no_traceback(page)
            OUTPUT.mkdir(exist_ok=True)
            page.locator(".jp-Cell").nth(RECORDER).scroll_into_view_if_needed()
            page.screenshot(path=str(OUTPUT / "voice-en.png"))
        except BaseException:
            _failed(page, lab, "en")
            raise


@pytest.mark.browser
def test_refused_microphone_is_said_in_the_widget(lab, browser):
    browser.clear_permissions()  # nobody allows the microphone: headless Chromium refuses the request
    with new_page(browser) as page:
        try:
            open_and_run_all(page, lab, "zh")
            page.locator(".tasnet-recorder-button").click()
            page.wait_for_function("() => (document.querySelector('.tasnet-recorder-message') || {}).dataset?.kind === 'error'",
                                   timeout=60_000, polling=250)
            said = page.locator(".tasnet-recorder-message").inner_text()
            assert "浏览器拒绝了麦克风权限" in said, said
            assert page.locator(".tasnet-recorder-button").inner_text().strip() == "● 录音"
            # No microphone at all (the fake device cannot be unplugged: the browser's answer is stubbed).
            page.evaluate("""() => { navigator.mediaDevices.getUserMedia =
                () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError')); }""")
            page.locator(".tasnet-recorder-button").click()
            page.wait_for_function("() => document.querySelector('.tasnet-recorder-message').innerText.includes('没有找到麦克风')",
                                   timeout=60_000, polling=250)
            _, printed = kernel_audio(run_one_cell(page, TAKE))
            assert "麦克风无法使用：改用课程自带的音频 en_s00_v0.flac" in printed, printed
            no_traceback(page)
            OUTPUT.mkdir(exist_ok=True)
            page.locator(".jp-Cell").nth(RECORDER).scroll_into_view_if_needed()
            page.screenshot(path=str(OUTPUT / "voice-zh.png"))
        except BaseException:
            _failed(page, lab, "zh-refused")
            raise
