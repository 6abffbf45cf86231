"""Helpers for the classroom check (``tests/course/test_browser.py``): Chromium, a JupyterLab server, a page.

The browser test opens a course notebook in a real JupyterLab, in a real
(headless) Chromium driven by Playwright, runs every cell, moves each control
of its widget (sliders and drop-downs) and takes a screenshot, in English and
with the Chinese UI.

Nothing is downloaded from the web: Chromium is Debian's ``chromium`` package
(installed with apt-get when missing), Playwright only drives it
(``playwright install`` is never run).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
OUTPUT = REPO / "test-output"
CHROMIUM = Path("/usr/bin/chromium")
# The course's JupyterLab settings (overrides.json), the same ones `./course lab` uses.
COURSE_LAB_SETTINGS = REPO / "tools" / "jupyterlab"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCALES = {"en": "en", "zh": "zh_CN"}  # JupyterLab's translation setting per course language


# --------------------------------------------------------------------------- Chromium


def _root_prefix() -> list[str] | None:
    """``[]`` when we are root, ``["sudo", "-n"]`` when password-less sudo works, else None."""
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return [sudo, "-n"]
    return None


def ensure_debian_packages(packages: list[str], present, timeout: float = 900) -> tuple[bool, str]:
    """Install Debian ``packages`` with apt-get unless ``present()`` is already true; returns ``(ok, why not)``.

    Runs ``apt-get update`` first only if the plain install fails. Returns
    ``(False, reason)`` only where they cannot be installed at all: no apt-get,
    not root and no password-less sudo, or apt-get failing.
    """
    if present():
        return True, ""
    # One apt-get at a time: tests on two workers (pytest-xdist) may both find their packages missing.
    with open(Path(tempfile.gettempdir()) / "tasnet-edu-apt-get.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _install_debian_packages(packages, present, timeout)


def _install_debian_packages(packages: list[str], present, timeout: float) -> tuple[bool, str]:
    if present():  # another worker installed them while this one waited
        return True, ""
    names = " ".join(packages)
    apt = shutil.which("apt-get")
    if apt is None:
        return False, f"Debian packages {names} are missing and there is no apt-get to install them"
    prefix = _root_prefix()
    if prefix is None:
        return False, (f"Debian packages {names} are missing and installing them needs root: run "
                       f"'sudo apt-get install -y {names}' once, then run the tests again")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = [*prefix, apt, "install", "-y", "--no-install-recommends", *packages]
    log = []
    deadline = time.monotonic() + timeout
    for step in ([install], [[*prefix, apt, "update"], install]):
        ok = True
        for cmd in step:
            try:
                done = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                      timeout=max(10.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                return False, f"'{' '.join(cmd)}' took longer than {timeout:.0f} s"
            log.append(f"$ {' '.join(cmd)}  -> exit {done.returncode}\n{done.stderr[-1500:]}")
            if done.returncode != 0:
                ok = False
                break
        if ok and present():
            return True, ""
    return False, f"could not install Debian's {names}:\n" + "\n".join(log)


def ensure_chromium(timeout: float = 900) -> tuple[str | None, str]:
    """Make sure Debian's Chromium is at ``/usr/bin/chromium``; returns ``(path or None, why not)``."""
    ok, why = ensure_debian_packages(["chromium"], CHROMIUM.exists, timeout)
    return (str(CHROMIUM), "") if ok else (None, why.replace("Debian packages chromium are", f"{CHROMIUM} is"))


# --------------------------------------------------------------------------- JupyterLab


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def write_lab_settings(settings_dir: Path, locale: str = "en") -> None:
    """User settings for a quiet, deterministic classroom JupyterLab.

    - the UI language (``locale``: ``"en"`` or ``"zh_CN"``),
    - no autosave: running the course must never rewrite the committed notebooks,
    - every cell kept in the page (no windowing), so outputs can be inspected,
    - no news / update pop-ups.
    """
    _write_json(settings_dir / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings",
                {"locale": locale})
    _write_json(settings_dir / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings",
                {"autosave": False})
    _write_json(settings_dir / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
                {"windowingMode": "none"})
    _write_json(settings_dir / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
                {"fetchNews": "false", "checkForUpdates": False})


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (kernels run in their own process group, so killpg misses them)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill(pids: list[int], sig: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class JupyterLab:
    """A JupyterLab server from this environment on 127.0.0.1, with its own temporary dirs.

    Use as a context manager: the server, its kernels and every other child
    process are stopped on exit, also when the test failed.
    """

    def __init__(self, root_dir: Path = NOTEBOOKS, locale: str = "en", startup_timeout: float = 120,
                 app_settings_dir: Path | None = COURSE_LAB_SETTINGS):
        self.root_dir = Path(root_dir)
        self.app_settings_dir = app_settings_dir
        self.locale = locale
        self.startup_timeout = startup_timeout
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self.log_path: Path | None = None

    # ----------------------------------------------------------------- HTTP
    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 20):
        """Call the server's REST API; returns the decoded JSON (or None for an empty reply)."""
        sep = "&" if "?" in path else "?"
        request = urllib.request.Request(f"{self.url}{path}{sep}token={self.token}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            data = reply.read()
        return json.loads(data) if data.strip() else None

    def set_locale(self, locale: str) -> None:
        """Switch JupyterLab's UI language (``"en"`` / ``"zh_CN"``) for pages loaded from now on."""
        raw = json.dumps({"locale": locale})
        self.api("PUT", "/lab/api/settings/@jupyterlab/translation-extension:plugin", {"raw": raw})
        self.locale = locale

    def lab_url(self, notebook: str, workspace: str = "classroom") -> str:
        """Page that opens ``notebook`` (relative to root_dir) in a fresh workspace."""
        return f"{self.url}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={self.token}"

    def log(self) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(errors="replace")[-4000:]
        return ""

    def shutdown_kernels(self) -> None:
        """Shut down every running kernel (a notebook's kernel holds torch and its figures: free the memory)."""
        with contextlib.suppress(Exception):
            for kernel in self.api("GET", "/api/kernels", timeout=5) or []:
                self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=15)

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> JupyterLab:
        self._tmp = tempfile.TemporaryDirectory(prefix="tasnet-edu-lab-")
        tmp = Path(self._tmp.name)
        dirs = {name: tmp / name for name in ("runtime", "config", "data", "settings", "workspaces", "checkpoints")}
        for d in dirs.values():
            d.mkdir()
        write_lab_settings(dirs["settings"], self.locale)
        env = dict(os.environ)
        env.update(
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTER_DATA_DIR=str(dirs["data"]),  # no user kernelspecs from ~/.local: this env's python3 kernel
            JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            PYTHONUNBUFFERED="1",
        )
        env.pop("TASNET_EDU_LANG", None)  # the language must come from the notebook's folder, as in class
        cmd = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.open_browser=False",
            "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: read the notebook model from the test
            "--LabApp.news_url=",
            # Checkpoints go to the temp dir: no .ipynb_checkpoints/ left in notebooks/.
            f"--FileCheckpoints.checkpoint_dir={dirs['checkpoints']}",
        ]
        if self.app_settings_dir is not None:
            cmd.append(f"--LabApp.app_settings_dir={self.app_settings_dir}")
        if os.geteuid() == 0:
            cmd.append("--allow-root")  # CI containers run as root
        self.log_path = tmp / "jupyterlab.log"
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=self.root_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.proc.returncode} while starting:\n{self.log()}")
            try:
                self.api("GET", "/api/status", timeout=5)
                self.api("GET", "/lab/api/settings/@jupyterlab/translation-extension:plugin", timeout=20)
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not answer on {self.url} within {self.startup_timeout:.0f} s:\n"
                                   f"{self.log()}")
            time.sleep(0.5)

    def stop(self) -> None:
        """Shut down kernels and server; kill whatever is left (process group and descendants)."""
        proc = self.proc
        if proc is not None:
            pids = _children(proc.pid)
            if proc.poll() is None:
                self.shutdown_kernels()
                pids = sorted(set(pids) | set(_children(proc.pid)))
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=10)
            _kill([p for p in pids if _alive(p)], signal.SIGTERM)
            deadline = time.monotonic() + 5
            while any(_alive(p) for p in pids) and time.monotonic() < deadline:
                time.sleep(0.1)
            _kill([p for p in pids if _alive(p)], signal.SIGKILL)
            self.proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> JupyterLab:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


# --------------------------------------------------------------------------- the page

# JavaScript run in the page (window.jupyterapp is there thanks to --LabApp.expose_app_in_browser).
JS_NOTEBOOK_READY = """(path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return false;
  const w = app.shell.currentWidget;
  if (!w || !w.context || w.context.path !== path || !w.context.isReady) return false;
  const s = w.sessionContext;
  return !!(s && s.session && s.session.kernel && s.session.kernel.status === 'idle');
}"""

JS_CELL_STATE = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = [];
  for (const cell of w.content.widgets) {
    const m = cell.model;
    if (m.type !== 'code') continue;
    const outputs = [];
    for (let i = 0; i < m.outputs.length; i++) {
      const o = m.outputs.get(i).toJSON();
      outputs.push({type: o.output_type, name: o.name || null,
                    text: o.output_type === 'stream' ? String(o.text).slice(0, 2000)
                        : o.output_type === 'error' ? (o.ename + ': ' + o.evalue) : null});
    }
    cells.push({count: m.executionCount, source: m.sharedModel.getSource().slice(0, 200), outputs});
  }
  return {kernel: kernel ? kernel.status : null, cells};
}"""

JS_RUN_FINISHED = """(n) => {
  // Run All is over when the kernel is idle and every code cell got an execution count,
  // or when a cell failed (Run All stops there).
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  let done = 0, failed = false;
  for (const cell of w.content.widgets) {
    const m = cell.model;
    if (m.type !== 'code' || !m.sharedModel.getSource().trim()) continue;  // empty cells never get a count
    if (m.executionCount !== null && m.executionCount !== undefined) done += 1;
    for (let i = 0; i < m.outputs.length; i++) {
      if (m.outputs.get(i).type === 'error') failed = true;
    }
  }
  return failed || done === n;
}"""

JS_CELLS_FINISHED = """(indices) => {
  // The cells at ``indices`` (over all cells) have run: the kernel is idle and each got an execution count,
  // or one of them failed.
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  let done = 0, failed = false;
  for (const i of indices) {
    const m = w.content.widgets[i].model;
    if (m.executionCount !== null && m.executionCount !== undefined) done += 1;
    for (let k = 0; k < m.outputs.length; k++) {
      if (m.outputs.get(k).type === 'error') failed = true;
    }
  }
  return failed || done === indices.length;
}"""

JS_WIDGET_OUTPUT = """(el) => {
  const out = el.querySelector('.widget-output');
  const imgs = out ? Array.from(out.querySelectorAll('img')) : [];
  return {text: out ? out.innerText : '', img: imgs.length ? imgs[0].getAttribute('src') : null, images: imgs.length};
}"""

JS_WIDGET_CHANGED = """([el, before]) => {
  const out = el.querySelector('.widget-output');
  const img = out ? out.querySelector('img') : null;
  const now = {text: out ? out.innerText : '', img: img ? img.getAttribute('src') : null};
  return !!now.img && (now.img !== before.img || now.text !== before.text);
}"""

JS_FRAME_WIDGET = """(el) => {
  // Scroll so the widget's cell and the markdown cell just above it (its heading) fill the view.
  const cell = el.closest('.jp-Cell');
  const prev = cell && cell.previousElementSibling;
  const scroller = el.closest('.jp-WindowedPanel-outer') || el.closest('.jp-Notebook');
  const room = scroller ? scroller.clientHeight : window.innerHeight;
  if (prev && prev.classList.contains('jp-MarkdownCell')
      && cell.getBoundingClientRect().bottom - prev.getBoundingClientRect().top < room) {
    prev.scrollIntoView({block: 'start'});
  } else {
    el.scrollIntoView({block: 'center'});
  }
}"""

JS_IMAGES_PAINTED = """async (el) => {
  // Every figure in the widget is loaded and decoded, so a screenshot shows it (not a blank box).
  const imgs = Array.from(el.querySelectorAll('.widget-output img'));
  if (!imgs.length || !imgs.every(img => img.complete && img.naturalWidth > 0)) return false;
  await Promise.all(imgs.map(img => img.decode().catch(() => null)));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
}"""


# --------------------------------------------------------------------------- Chromium via Playwright


def fonts_conf(folder: Path) -> Path:
    """A fontconfig file adding the course's own Noto Sans CJK to the system fonts.

    A fresh Debian has no CJK font, so Chromium would draw JupyterLab's Chinese
    menus as boxes; the font the course ships for matplotlib fixes that,
    without installing anything else.
    """
    from noto_cjk_sans_otc import FONT_PATH

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cache").mkdir(exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{Path(FONT_PATH).parent}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@contextlib.contextmanager
def chromium_context(executable: str, width: int = 1400, height: int = 900, extra_args=()):
    """Headless Chromium with a new empty profile (a Playwright BrowserContext); closed on exit.

    ``extra_args`` are added to :data:`CHROMIUM_FLAGS` (e.g. :func:`fake_microphone_args`).
    """
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tasnet-edu-chromium-") as tmp:
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf(Path(tmp) / "fonts")))
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(Path(tmp) / "profile"),
                executable_path=executable,
                headless=True,
                args=[*CHROMIUM_FLAGS, *extra_args],
                env=env,
                viewport={"width": width, "height": height},
                device_scale_factor=1,
            )
            try:
                context.set_default_timeout(60_000)
                yield context
            finally:
                context.close()


@contextlib.contextmanager
def new_page(context):
    """A fresh tab that records uncaught page errors in ``page.page_errors``; closed on exit."""
    page = context.new_page()
    page.page_errors = []
    page.on("pageerror", lambda err: page.page_errors.append(str(err)))
    try:
        yield page
    finally:
        with contextlib.suppress(Exception):
            page.close(run_before_unload=False)


# --------------------------------------------------------------------------- the classroom check

def _gray_on_white(image):
    """The image as a float grayscale array, transparent parts counted as white."""
    import numpy as np
    from PIL import Image

    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return np.asarray(Image.alpha_composite(white, rgba).convert("L"), dtype=np.float64)


def _ink(image) -> float:
    """Fraction of pixels that are clearly not white (transparent counts as white)."""
    gray = _gray_on_white(image)
    return float((gray < 200).mean()) if gray.size else 0.0


def changed_share(a, b) -> float:
    """Share of pixels of two same-size RGB(A) arrays that differ by more than 10% of full scale (the figure tests)."""
    import numpy as np

    return float((np.abs(a - b).max(axis=-1) > 0.1).mean())


def png_image(src: str | None):
    """The PIL image of a ``data:image/png;base64,...`` source (None for none)."""
    import base64
    import io

    from PIL import Image

    if not src or not src.startswith("data:image/png;base64,"):
        return None
    with Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as image:
        image.load()
        return image.copy()


def png_ink(src: str | None) -> float:
    """Ink of a ``data:image/png;base64,...`` image (0 for none)."""
    image = png_image(src)
    return 0.0 if image is None else _ink(image)


def block_difference(shown, source, grid: tuple[int, int] = (32, 16)) -> float:
    """Largest difference (of 255) between ``shown`` and ``source`` shrunk to a coarse grid of mean gray levels."""
    import numpy as np
    from PIL import Image

    a = _gray_on_white(shown)
    b = _gray_on_white(source)
    a = np.asarray(Image.fromarray(a.astype(np.uint8)).resize(grid, Image.Resampling.BOX), dtype=np.float64)
    b = np.asarray(Image.fromarray(b.astype(np.uint8)).resize(grid, Image.Resampling.BOX), dtype=np.float64)
    return float(np.abs(a - b).max())


def painted_like(shown, source, grid: tuple[int, int] = (32, 16), tolerance: float = 40.0) -> bool:
    """Whether ``shown`` (a crop of a screenshot) shows the picture ``source``, block by block.

    Both are shrunk to a coarse grid of mean gray levels; a block that the
    browser has not painted yet (white where the figure has ink) differs by far
    more than ``tolerance`` (of 255), while scaling and anti-aliasing do not.
    """
    if shown.size[0] < grid[0] or shown.size[1] < grid[1]:
        return False
    return block_difference(shown, source, grid) < tolerance


def take_screenshot(page, widget, path: Path, attempts: int = 30) -> None:
    """Screenshot of the page in which the widget's figures are really painted.

    On a busy machine headless Chromium may capture a frame before a large
    image is fully rasterised (a blank or half-drawn box where the figure
    should be), so compare each figure's box in the screenshot with the
    figure's own PNG and retry until they match.
    """
    import base64
    import io

    from PIL import Image

    figures = widget.evaluate("""(el) => Array.from(el.querySelectorAll('.widget-output img')).map(img => {
        const r = img.getBoundingClientRect();
        return {src: img.getAttribute('src') || '', box: [r.left, r.top, r.right, r.bottom]};
    })""")
    wanted = []
    for fig in figures:
        if fig["src"].startswith("data:image/png;base64,"):
            data = base64.b64decode(fig["src"].split(",", 1)[1])
            wanted.append((tuple(round(v) for v in fig["box"]), Image.open(io.BytesIO(data))))
    for _ in range(attempts):
        page.screenshot(path=str(path))
        with Image.open(path) as shot:
            w, h = shot.size
            if all(painted_like(shot.crop(box), source) for box, source in wanted
                   if 0 <= box[0] and 0 <= box[1] and box[2] <= w and box[3] <= h):
                return
        page.mouse.wheel(0, 1)  # nudge the compositor, then try again
        page.wait_for_timeout(500)
    raise AssertionError(f"the widget's figure is still not fully drawn in the screenshot {path}")


MENU_LABELS = {"en": {"file": "File", "run": "Run"}, "zh": {"file": "文件", "run": "运行"}}
CHAPTER_LINE = {"en": "Chapter {n} · ", "zh": "第 {n} 章　"}  # the first line te.start_chapter prints


def _cell_report(state: dict) -> str:
    lines = [f"kernel: {state['kernel']}"]
    for i, cell in enumerate(state["cells"]):
        first = cell["source"].splitlines()[0] if cell["source"] else ""
        lines.append(f"  code cell {i} [{cell['count']}] {first[:70]!r}")
        for o in cell["outputs"]:
            if o["type"] in ("error", "stream"):
                lines.append(f"      {o['type']}/{o['name']}: {(o['text'] or '')[:300]!r}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Redraw:
    """What moving a chapter's ``interactive`` widget must do in the classroom check.

    Every control of the widget (sliders and drop-downs; any other kind fails
    the check) is moved ``steps`` times in turn: a slider by one key press, a
    drop-down to its next option. Each move must redraw one figure.

    ``reference`` (a function of the values the controls show, in order, as
    text) renders the figure the package draws for those values: each figure
    the browser gets must then be that picture, fully drawn (:func:`drawn_like`),
    and every move must change the figure's pixels. Without a reference a
    figure counts as fully drawn when it has as much ink as the first one,
    within 20 % (enough for figures whose ink barely varies with the control).
    """

    steps: int = 3
    reference: Callable[[list[str]], Any] | None = None


def drawn_like(shown, reference, ink_tolerance: float = 0.1, tolerance: float = 40.0) -> str:
    """Why ``shown`` (the PNG the browser got) is not the picture ``reference``, fully drawn; ``""`` when it is.

    Same size (within 2 pixels: the tight bounding box), the same amount of ink
    (within ``ink_tolerance``, relative), and the same picture block by block on a
    fine 64 x 32 grid (within ``tolerance`` of 255, as :func:`painted_like`): a
    blank, half-drawn or wrong figure fails.
    """
    (w, h), (rw, rh) = shown.size, reference.size
    if abs(w - rw) > 2 or abs(h - rh) > 2:
        return f"size {w}x{h}, the package draws {rw}x{rh}"
    ink, ref_ink = _ink(shown), _ink(reference)
    if ref_ink <= 0.0 or abs(ink - ref_ink) > ink_tolerance * ref_ink:
        return f"ink {ink:.4f}, the package's figure has {ref_ink:.4f}"
    blocks = block_difference(shown, reference, grid=(64, 32))
    if blocks >= tolerance:
        return f"a block differs by {blocks:.0f} of 255 from the package's figure (64 x 32 grid)"
    return ""


def fit(shown, reference) -> str:
    """How close ``shown`` is to ``reference``, for the check's summary: ink of both and the largest block difference."""
    return (f"ink {_ink(shown):.4f}/{_ink(reference):.4f}, blocks "
            f"{block_difference(shown, reference, (64, 32)) if shown.size == reference.size else float('nan'):.1f}")


JS_CONTROLS = """(el) => {
  // The controls of an ipywidgets 'interactive', in order: kind, description, shown value (and options).
  const items = Array.from(el.children).filter(c => !c.classList.contains('widget-output'));
  return items.map(c => {
    const label = c.querySelector('.widget-label');
    const description = label ? label.innerText.trim() : '';
    if (c.classList.contains('widget-slider')) {
      const readout = c.querySelector('.widget-readout');
      return {kind: 'slider', description, value: readout ? readout.innerText.trim() : ''};
    }
    if (c.classList.contains('widget-dropdown')) {
      const select = c.querySelector('select');
      // ipywidgets shows the labels' spaces as no-break spaces: give them back as typed in Python
      const options = Array.from(select.options).map(o => o.text.replace(/\u00a0/g, ' ').trim());
      return {kind: 'dropdown', description, value: select.selectedIndex >= 0 ? options[select.selectedIndex] : '',
              index: select.selectedIndex, options};
    }
    return {kind: 'other: ' + c.className, description, value: ''};
  });
}"""


def move_control(widget, index: int, control: dict) -> str:
    """Move control ``index`` of the ``interactive`` widget as a learner does; returns what was done.

    A slider: one arrow-key step (left at its maximum). A drop-down: the next
    option (the first after the last), chosen in its ``<select>``.
    """
    item = widget.locator(":scope > .widget-slider, :scope > .widget-dropdown").nth(index)
    if control["kind"] == "slider":
        handle = item.locator(".noUi-handle").first
        handle.focus()
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.press("ArrowLeft" if at_max else "ArrowRight")
        return "ArrowLeft" if at_max else "ArrowRight"
    if control["kind"] == "dropdown":
        option = (control["index"] + 1) % len(control["options"])
        item.locator("select").select_option(index=option)
        return f"select {control['options'][option]!r}"
    raise AssertionError(f"cannot move a {control['kind']} ({control['description']!r})")


def classroom_check(page, lab: JupyterLab, notebook: str, language: str, screenshot: Path,
                    timeout_s: float = 180, expect: Redraw = Redraw(), cells: list[int] | None = None) -> dict:
    """Open ``notebook`` in JupyterLab, run its cells, move each widget control, take a screenshot.

    What a teacher does in class, checked step by step: the UI is in the
    course language (menu bar, Run menu), every cell run runs without an error
    or anything on stderr, the first cell prints the chapter line in the
    notebook's language, and each control (slider or drop-down) of the first
    ``interactive`` widget, moved ``expect.steps`` times, redraws it with
    exactly one, fully drawn figure (see :class:`Redraw`). Returns a summary dict.

    ``cells`` (indices over all cells, the first code cell among them; see
    :func:`cells_to_run`): run only these, one by one, as Run > Run Selected Cell
    does; None: Run > Run All Cells from the menu.
    """
    timeout = timeout_s * 1000
    labels = MENU_LABELS[language]
    lab.set_locale(LOCALES[language])
    page.goto(lab.lab_url(notebook, workspace=f"classroom-{language}"), wait_until="domcontentloaded",
              timeout=timeout)

    # 1. JupyterLab is up, the notebook is open with an idle kernel, the menus speak the course language.
    page.wait_for_function(JS_NOTEBOOK_READY, arg=notebook, timeout=timeout, polling=500)
    menus = [s.strip() for s in page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").all_inner_texts()]
    assert labels["file"] in menus, f"menu bar should contain {labels['file']!r} in {language}, has {menus}"

    # 2. Clear stored outputs, then Run > Run All Cells, as a teacher would (or run the given cells one by one).
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    n_code = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets"
                           ".filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim()).length")
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").filter(
        has_text=re.compile(rf"^\s*{labels['run']}\s*$")).first.click()
    item = page.locator('.lm-Menu-item[data-command="runmenu:run-all"]')
    item.wait_for(state="visible", timeout=30_000)
    if cells is None:
        item.click()
        page.wait_for_function(JS_RUN_FINISHED, arg=n_code, timeout=timeout, polling=500)
    else:
        page.keyboard.press("Escape")  # the Run menu opened in the course language; close it
        item.wait_for(state="hidden", timeout=30_000)
        for i in cells:
            outputs = run_one_cell(page, i, timeout_s=timeout_s)
            if any(o["type"] == "error" for o in outputs):
                break  # reported with every cell's outputs below

    def run_finished():
        if cells is None:
            page.wait_for_function(JS_RUN_FINISHED, arg=n_code, timeout=timeout, polling=500)
        else:
            page.wait_for_function(JS_CELLS_FINISHED, arg=cells, timeout=timeout, polling=500)

    state = page.evaluate(JS_CELL_STATE)
    report = _cell_report(state)
    ran = range(len(state["cells"])) if cells is None else page.evaluate(  # as code cells are counted in state
        "(indices) => { const ws = window.jupyterapp.shell.currentWidget.content.widgets;"
        " return indices.map(i => ws.slice(0, i).filter(c => c.model.type === 'code').length); }", cells)
    not_run = [i for i in ran if state["cells"][i]["count"] is None and state["cells"][i]["source"].strip()]
    errors = [o for c in state["cells"] for o in c["outputs"] if o["type"] == "error"]
    stderr = [o for c in state["cells"] for o in c["outputs"] if o["type"] == "stream" and o["name"] == "stderr"]
    assert not errors, f"{notebook}: a cell raised an error in JupyterLab:\n{report}"
    assert not stderr, f"{notebook}: a cell wrote to stderr (a warning?) in JupyterLab:\n{report}"
    assert not not_run, f"{notebook}: code cells {not_run} did not run:\n{report}"
    first_out = "".join(o["text"] or "" for o in state["cells"][0]["outputs"] if o["type"] == "stream")
    line = CHAPTER_LINE[language].format(n=int(Path(notebook).name[:2]))
    assert line in first_out, (f"{notebook}: the first cell should print the chapter line in {language} "
                               f"(containing {line!r}), printed {first_out!r}")

    # 3. The widget: move each control, step by step as a learner does. Each move must redraw (new figure
    #    or new printed text; a new figure whenever there is a reference), and show exactly one, fully
    #    drawn figure.
    widget = page.locator(".widget-interact").first
    try:
        widget.wait_for(state="visible", timeout=60_000)
    except Exception as exc:
        raise AssertionError(f"{notebook}: no ipywidgets 'interactive' widget was displayed "
                             f"(widget extension not loaded?)\n{report}") from exc
    widget.scroll_into_view_if_needed()
    widget.locator(".widget-output img").first.wait_for(state="visible", timeout=60_000)
    run_finished()
    controls = widget.evaluate(JS_CONTROLS)
    assert controls, f"{notebook}: the interactive widget has no control"
    odd = [c for c in controls if c["kind"] not in ("slider", "dropdown")]
    assert not odd, f"{notebook}: the widget has controls the classroom check cannot move yet: {odd}"
    first = widget.evaluate(JS_WIDGET_OUTPUT)
    first_ink = png_ink(first["img"])
    assert first_ink > 0.01, f"{notebook}: the widget's first figure is blank (ink {first_ink:.3f})"

    def check_drawn(shown: dict, values: list[str], what: str) -> None:
        if expect.reference is None:
            return
        image = png_image(shown["img"])
        assert image is not None, f"{notebook}: {what}: the widget shows no PNG figure"
        reference = expect.reference(values)
        why = drawn_like(image, reference)
        fits.append(fit(image, reference))
        if why:
            OUTPUT.mkdir(exist_ok=True)
            image.save(OUTPUT / f"{Path(screenshot).stem}-figure-failed.png")
        assert not why, (f"{notebook}: {what} (values {values}): the figure is not the one the package draws, "
                         f"fully drawn: {why} (blank or half drawn? widget messages on kernel subshells, "
                         "see tools/jupyterlab)")

    values = [[c["value"] for c in controls]]
    texts = [first["text"]]
    fits = []
    moves = []
    check_drawn(first, values[0], "the first figure")
    changed_figure = False
    before = first
    for index in range(len(controls)):
        for step in range(expect.steps):
            control = widget.evaluate(JS_CONTROLS)[index]
            what = f"{control['kind']} {control['description']!r} move {step + 1} ({control['value']!r}"
            done = move_control(widget, index, control)
            try:
                page.wait_for_function(JS_WIDGET_CHANGED, arg=[widget.element_handle(), before],
                                       timeout=60_000, polling=250)
            except Exception as exc:
                now = widget.evaluate(JS_CONTROLS)[index]["value"]
                raise AssertionError(f"{notebook}: {what} -> {now!r}, {done}) redrew nothing within 60 s") from exc
            run_finished()
            page.wait_for_timeout(300)  # a late second figure would show up here
            after = widget.evaluate(JS_WIDGET_OUTPUT)
            shown = [c["value"] for c in widget.evaluate(JS_CONTROLS)]
            what += f" -> {shown[index]!r})"
            assert shown[index] != control["value"], f"{notebook}: {what}: the control's value did not change"
            moves.append(what)
            values.append(shown)
            texts.append(after["text"])
            assert after["images"] == 1, (
                f"{notebook}: after {what} the widget shows {after['images']} figures, expected 1 "
                "(figures flushed twice: are widget messages running on kernel subshells? see tools/jupyterlab)")
            if expect.reference is None:
                ink = png_ink(after["img"])
                assert 0.8 * first_ink <= ink <= 1.25 * first_ink, (
                    f"{notebook}: after {what} the figure is blank or half drawn: ink {ink:.3f} against "
                    f"{first_ink:.3f} for the first figure (matplotlib drawing the same figure from two threads? "
                    "widget messages on kernel subshells, see tools/jupyterlab)")
            else:
                assert after["img"] != before["img"], f"{notebook}: after {what} the figure did not change"
                check_drawn(after, shown, f"after {what}")
            changed_figure = changed_figure or after["img"] != before["img"]
            before = after

    # 4. Nothing went wrong on the way (stderr or a traceback shown anywhere, widget output included).
    shown_stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert shown_stderr.count() == 0, (f"{notebook}: stderr output shown in the page: "
                                       f"{shown_stderr.all_inner_texts()[:3]}")
    traceback = page.locator(".jp-OutputArea-output", has_text="Traceback")
    assert traceback.count() == 0, f"{notebook}: a traceback is shown: {traceback.all_inner_texts()[:3]}"

    # 5. The picture for the README / the teacher: menus, the widget and its figure.
    widget.evaluate(JS_FRAME_WIDGET)
    page.mouse.move(0, 0)
    page.wait_for_function(JS_IMAGES_PAINTED, arg=widget.element_handle(), timeout=60_000, polling=250)
    page.wait_for_timeout(500)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    take_screenshot(page, widget, screenshot)
    return {
        "notebook": notebook,
        "language": language,
        "menus": menus,
        "code_cells": n_code,
        "cells_run": n_code if cells is None else len(cells),
        "controls": [f"{c['kind']} {c['description']}" for c in controls],
        "moves": moves,
        "values": values,
        "text": texts,
        "figure_changed": changed_figure,
        "fits": fits,
        "page_errors": list(getattr(page, "page_errors", [])),
    }


# --------------------------------------------------------------------------- your own voice (test_voice_browser.py)


def fake_microphone_args(wav: Path) -> list[str]:
    """Chromium flags for a fake microphone that plays ``wav`` (16-bit PCM WAV) in a loop.

    Permission is not granted by these flags: grant it with
    ``context.grant_permissions(["microphone"], origin=...)``, or leave it out to
    see the refusal (headless Chromium then denies the request).
    """
    return ["--use-fake-device-for-media-stream", f"--use-file-for-fake-audio-capture={Path(wav)}"]


def write_notebook(path: Path, cells: list[tuple[str, list[str]]]) -> Path:
    """A notebook of code cells ``(source, tags)`` (no outputs) at ``path``, for a test to open in JupyterLab."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for source, tags in cells:
        cell = nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = list(tags)
        nb.cells.append(cell)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


JS_RUN_ONE_CELL = """async (index) => {
  // Run the code cell at ``index`` (counted over all cells) as a learner does: select it, Run Selected Cell.
  const app = window.jupyterapp;
  const nb = app.shell.currentWidget.content;
  nb.activeCellIndex = index;
  nb.deselectAll();
  const before = nb.widgets[index].model.executionCount;
  app.commands.execute('notebook:run-cell');
  return before;
}"""

JS_CELL_DONE = """([index, before]) => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const m = w.content.widgets[index].model;
  return !!kernel && kernel.status === 'idle' && m.executionCount !== null && m.executionCount !== before;
}"""

JS_CELL_OUTPUTS = """(index) => {
  // Every output of one cell, whole: stream text, text/plain, errors, and which image types it holds.
  const m = window.jupyterapp.shell.currentWidget.content.widgets[index].model;
  const outputs = [];
  for (let i = 0; i < m.outputs.length; i++) {
    const o = m.outputs.get(i).toJSON();
    const data = o.data || {};
    outputs.push({type: o.output_type, name: o.name || null,
                  text: o.output_type === 'stream' ? String(o.text)
                      : o.output_type === 'error' ? (o.ename + ': ' + o.evalue) : String(data['text/plain'] || ''),
                  mimes: Object.keys(data)});
  }
  return outputs;
}"""


def run_one_cell(page, index: int, timeout_s: float = 120) -> list[dict]:
    """Run the cell at ``index`` (over all cells) in the open notebook, wait until done; returns its outputs."""
    before = page.evaluate(JS_RUN_ONE_CELL, index)
    page.wait_for_function(JS_CELL_DONE, arg=[index, before], timeout=timeout_s * 1000, polling=250)
    return page.evaluate(JS_CELL_OUTPUTS, index)


# --------------------------------------------------------------------------- your own voice in the chapters


def clip_wav(rate: int = 48000, channels: int = 1):
    """The course's example clip (8 kHz, NumPy) and a 16-bit WAV of it (bytes) at ``rate`` with ``channels`` equal channels."""
    import io

    import librosa
    import numpy as np
    import soundfile as sf

    from tasnet_edu.core.audio import EXAMPLE_CLIP, SAMPLE_RATE, example_clip

    clip = example_clip(EXAMPLE_CLIP).numpy()
    y = librosa.resample(clip, orig_sr=SAMPLE_RATE, target_sr=rate) if rate != SAMPLE_RATE else clip
    buffer = io.BytesIO()
    sf.write(buffer, np.stack([y] * channels, axis=1), rate, format="WAV", subtype="PCM_16")
    return clip, buffer.getvalue()


def write_microphone_wav(path: Path, rate: int = 48000) -> Path:
    """The course's example clip as a 16-bit mono WAV at ``rate``, for :func:`fake_microphone_args` to play."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(clip_wav(rate)[1])
    return path


def notebook_cells(path: Path) -> list[tuple[str, str]]:
    """``(cell_type, source)`` of every cell of the notebook at ``path``, in order (as JupyterLab shows them)."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"]) for c in cells]


def voice_cells(cells: list[tuple[str, str]], marker: str) -> tuple[int, list[int]]:
    """Where a chapter's "your own voice" section is: the recorder cell and the cells that use the take.

    ``cells`` as :func:`notebook_cells` gives them; the recorder cell is the first
    code cell whose source contains ``marker`` (``te.ui.voice.VoicePanel(``); the
    cells using the take are the code cells right after it, up to the next
    markdown cell. Indices count every cell (as ``run_one_cell`` does).
    """
    found = [i for i, (kind, source) in enumerate(cells) if kind == "code" and marker in source]
    assert found, f"no code cell contains {marker!r}"
    recorder, uses = found[0], []
    for i in range(recorder + 1, len(cells)):
        if cells[i][0] == "markdown":
            break
        if cells[i][0] == "code" and cells[i][1].strip():
            uses.append(i)
    assert uses, f"no code cell uses the take after the recorder cell {recorder} ({marker!r})"
    return recorder, uses


def unchecked_cells(path: Path) -> list[int]:
    """Code cells whose outputs nbval does not compare (``NBVAL_IGNORE_OUTPUT``, ``NBVAL_SKIP``, raising cells...).

    Indices count every cell (as :func:`notebook_cells`). nbval runs every other code cell
    and compares its outputs with the stored ones, which have no error and nothing on
    stderr (tests/course/test_notebooks.py): these are the cells only a browser run checks.
    """
    from nbval.plugin import find_comment_markers, find_metadata_tags

    found = []
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        options = dict(find_metadata_tags(cell.get("metadata", {})) or ())
        options.update(find_comment_markers(source))
        if options.get("check") is False or options.get("skip") or options.get("check_exception"):
            found.append(i)
    return found


def _names(source: str) -> tuple[set[str], set[str], set[str], set[str]] | None:
    """``(assigned, called on, used, imported)`` names of a code cell; None where it is not plain Python.

    Assigned: ``x = ``, ``x[0] = ``, ``x.a = ``, ``for x in``, ``with ... as x``, ``def x``, ``import x``;
    called on: the receiver of a method called as a statement (``model.eval()`` may change ``model``).
    """
    import ast

    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return None
    assigned, called_on, used, imported = set(), set(), set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else assigned).add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            imported |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            assigned.add(node.name)
        elif isinstance(node, ast.Attribute | ast.Subscript) and not isinstance(node.ctx, ast.Load):
            root = node.value
            while isinstance(root, ast.Attribute | ast.Subscript):
                root = root.value
            if isinstance(root, ast.Name):
                assigned.add(root.id)
    for statement in tree.body:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
            called_on.add(call.func.value.id)
    return assigned | imported, called_on, used, imported


def cells_to_run(cells: list[tuple[str, str]], targets) -> list[int]:
    """The code cells JupyterLab must run so that the ``targets`` run as in the notebook; indices in order.

    ``cells`` as :func:`notebook_cells` gives them, ``targets`` indices over all cells.
    Kept: the targets, the first code cell (it starts the chapter: language, style,
    seeds), and, going back from the last target, every code cell that assigns or
    changes (calls a method of) a name that a kept cell after it uses: a slice by
    names, read from the code. A cell that is not plain Python is kept whenever it
    comes before a target.
    """
    code = [i for i, (kind, source) in enumerate(cells) if kind == "code" and source.strip()]
    assert code, "the notebook has no code cell"
    keep = {*targets, code[0]}
    assert keep <= set(code), f"not code cells: {sorted(keep - set(code))}"
    names = {i: _names(cells[i][1]) for i in code}
    modules = set().union(*(n[3] for n in names.values() if n is not None))  # te.f() changes no variable
    last, needed = max(keep), set()
    for i in reversed(code):
        if i > last:
            continue
        if names[i] is None:
            keep.add(i)
            continue
        assigned, called_on, used, _ = names[i]
        if i in keep or (assigned | (called_on - modules)) & needed:
            keep.add(i)
            needed |= used
    return sorted(keep)


def fallback_sentence(language: str, clip: str) -> str:
    """The start of what ``take_or_clip`` prints without a take: "No recording or upload yet: using ... CLIP"."""
    from tasnet_edu.ui.voice import message

    said = message("fallback", language, why=message("no_take", language), clip=clip)
    return said[: said.index(clip) + len(clip)]


def take_pattern(language: str) -> re.Pattern:
    """What ``take_or_clip`` prints when it uses a recording: "Using your recording: 1.52 s at 8000 Hz." (seconds)."""
    from tasnet_edu.ui.voice import message

    said = message("using", language, what=message("your_take", language), seconds=1234.5, target=8000)
    before, after = said.split("1234.50")
    return re.compile(re.escape(before) + r"(\d+\.\d\d)" + re.escape(after))


JS_RECORDING_FOR = """([el, seconds]) => {
  // The recorder (its .tasnet-recorder root) has captured at least ``seconds`` of audio: its clock says so.
  const clock = el.querySelector('.tasnet-recorder-clock');
  return !!clock && parseFloat(clock.textContent) >= seconds;
}"""

JS_TAKE_ANSWERED = """(el) => {
  // The kernel has answered the take: the message says ok, warning or error.
  const m = el.querySelector('.tasnet-recorder-message');
  return !!m && ['ok', 'warning', 'error'].includes(m.dataset.kind);
}"""


def record_take(recorder, seconds: float = 1.2, timeout_s: float = 60) -> tuple[str, str]:
    """Press Record on ``recorder`` (a locator of one ``.tasnet-recorder``), Stop after ``seconds`` of audio.

    Waits until the kernel has checked the take; returns the widget's message and its kind
    (``ok``, ``warning`` or ``error``).
    """
    page = recorder.page
    recorder.locator(".tasnet-recorder-button").click()
    page.wait_for_function(JS_RECORDING_FOR, arg=[recorder.element_handle(), seconds], timeout=timeout_s * 1000,
                           polling=100)
    recorder.locator(".tasnet-recorder-button").click()  # Stop
    page.wait_for_function(JS_TAKE_ANSWERED, arg=recorder.element_handle(), timeout=timeout_s * 1000, polling=250)
    message = recorder.locator(".tasnet-recorder-message")
    return message.inner_text(), message.get_attribute("data-kind") or ""


@dataclass(frozen=True)
class VoiceTakes:
    """What a chapter's "your own voice" cells must do in the browser once the learner has recorded.

    ``marker`` finds the recorder cell (:func:`voice_cells`); ``fallbacks`` is the
    course clip each of its recorders falls back to, in order (one per recorder:
    each is recorded in turn, and the cells using the takes are re-run after each
    take); ``check(printed, seconds, language)`` checks what those cells print with
    the takes (``seconds``: the length of each take used so far, as printed); ``media``
    what they must show (``"img"`` a figure, ``"audio"`` a player).
    """

    marker: str
    fallbacks: tuple[str, ...]
    check: Callable[[str, list[float], str], None] | None = None
    media: str = "img"
    seconds: float = 1.2


def _printed(page, index: int) -> tuple[str, list[dict]]:
    outputs = page.evaluate(JS_CELL_OUTPUTS, index)
    return "".join(o["text"] for o in outputs if o["type"] == "stream" and o["name"] == "stdout"), outputs


def voice_take_check(page, notebook: Path, language: str, expect: VoiceTakes, screenshot: Path) -> dict:
    """Record into a chapter's recorder(s) with the fake microphone, re-run the cells that use the takes.

    The notebook is open in ``page`` with the recorder and the take cells already run
    (without a take: each prints the fallback sentence naming its clip, checked here).
    For each recorder in turn: record a take, re-run the take cells; then every
    recorded voice is said to be "your recording" (of the length the widget says),
    every other one still names its course clip, the cells show their figure or
    player, and no cell has an error, stderr or a traceback. Screenshot at the end.
    """
    recorder_cell, uses = voice_cells(notebook_cells(notebook), expect.marker)
    cells = page.locator(".jp-Notebook .jp-Cell")
    recorders = cells.nth(recorder_cell).locator(".tasnet-recorder")
    recorders.first.wait_for(state="visible", timeout=60_000)
    assert recorders.count() == len(expect.fallbacks), (
        f"{notebook.name}: {recorders.count()} recorders shown, expected {len(expect.fallbacks)}")
    using = take_pattern(language)

    def printed_by_take_cells() -> tuple[str, list[dict]]:
        texts, outputs = zip(*(_printed(page, i) for i in uses))
        return "".join(texts), [o for out in outputs for o in out]

    before, _ = printed_by_take_cells()
    for clip in expect.fallbacks:
        assert fallback_sentence(language, clip) in before, (
            f"{notebook.name}: without a take the cells should say {fallback_sentence(language, clip)!r}; "
            f"printed {before!r}")
    assert not using.search(before), f"{notebook.name}: 'your recording' used before any take: {before!r}"

    said, seconds, printed, steps = [], [], before, [before]
    for k in range(len(expect.fallbacks)):
        text, kind = record_take(recorders.nth(k), expect.seconds)
        said.append(text)
        assert kind in ("ok", "warning"), f"{notebook.name}: recorder {k + 1}: the take was refused: {text!r}"
        recorded = re.search(r"(\d+\.\d)", text)
        assert recorded, f"{notebook.name}: recorder {k + 1} does not say how long the take is: {text!r}"
        for i in uses:
            outputs = run_one_cell(page, i, timeout_s=180)
            bad = [o for o in outputs if o["type"] == "error" or (o["type"] == "stream" and o["name"] == "stderr")]
            assert not bad, f"{notebook.name}: cell {i} failed after take {k + 1}: {bad}"
        printed, outputs = printed_by_take_cells()
        steps.append(printed)
        seconds = [float(s) for s in using.findall(printed)]
        assert len(seconds) == k + 1, (f"{notebook.name}: after {k + 1} take(s), 'your recording' should be used "
                                       f"{k + 1} time(s); printed {printed!r}")
        assert abs(seconds[k] - float(recorded.group(1))) <= 0.06, (
            f"{notebook.name}: the widget recorded {recorded.group(1)} s, the cell used {seconds[k]} s")
        assert 0.5 < seconds[k] < 10, f"{notebook.name}: take {k + 1} lasts {seconds[k]} s"
        for j, other in enumerate(expect.fallbacks):
            sentence = fallback_sentence(language, other)
            assert (sentence in printed) == (j > k), (
                f"{notebook.name}: after take {k + 1}, {sentence!r} should {'' if j > k else 'no longer '}be printed; "
                f"printed {printed!r}")
        if expect.check is not None:
            expect.check(printed, seconds, language)
        shown = sum(cells.nth(i).locator(f".jp-OutputArea-output {expect.media}").count() for i in uses)
        assert shown >= 1, f"{notebook.name}: after take {k + 1} the take cells show no {expect.media}"
        if expect.media == "audio":
            assert shown >= len(uses), f"{notebook.name}: {shown} players for {len(uses)} take cells"
        else:
            assert any("image/png" in o["mimes"] for o in outputs), f"{notebook.name}: no figure: {outputs}"
            cells.nth(uses[0]).locator(".jp-OutputArea-output img").first.wait_for(state="visible", timeout=60_000)

    state = page.evaluate(JS_CELL_STATE)
    errors = [o for c in state["cells"] for o in c["outputs"]
              if o["type"] == "error" or (o["type"] == "stream" and o["name"] == "stderr")]
    assert not errors, f"{notebook.name}: errors or stderr after recording:\n{_cell_report(state)}"
    traceback = page.locator(".jp-OutputArea-output", has_text="Traceback")
    assert traceback.count() == 0, f"{notebook.name}: a traceback is shown: {traceback.all_inner_texts()[:3]}"
    shown_stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert shown_stderr.count() == 0, f"{notebook.name}: stderr shown: {shown_stderr.all_inner_texts()[:3]}"

    cells.nth(recorder_cell).evaluate("(el) => el.scrollIntoView({block: 'start'})")
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot))
    return {"recorder_cell": recorder_cell, "take_cells": uses, "widget": said, "seconds": seconds, "printed": steps}


def fonts_drawn(page, selector: str) -> list[dict]:
    """The fonts Chromium really drew ``selector``'s text with (CSS.getPlatformFontsForNode): the book's tests."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
