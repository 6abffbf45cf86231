"""Language of what the package draws and prints (every notebook): zh / en, and Chinese without boxes."""

import warnings
from importlib import metadata
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest
import torch
from matplotlib import font_manager

from tasnet_edu import current_language, t, use_language
from tasnet_edu.ui.i18n import CJK_FONT_NAME, detect_language, register_cjk_font
from tasnet_edu.ui.plotting import plot_map, plot_waveform

CHINESE = "编码器（encoder）把波形切成帧：强度图 [M, N, K]，时间（秒），幅度，−1"


def _chinese_figure():
    fig, axes = plt.subplots(1, 3, figsize=(9, 2.5), layout="constrained")
    axes[0].plot([0, 1, 2], [-1.0, 0.5, -0.25])  # negative tick labels: the minus sign must render too
    axes[0].set_title(CHINESE)
    axes[0].set_xlabel(t("time (s)", "时间（秒）"))
    axes[0].set_ylabel(t("amplitude", "幅度"))
    plot_waveform(torch.linspace(-1, 1, 80), ax=axes[1], title=t("waveform", "波形"))
    plot_map(torch.rand(4, 10), ax=axes[2], ylabel=t("template n", "模板 n"), title=t("strength map", "强度图"), db=True)
    fig.suptitle("中文标题 Chinese title")
    return fig


@pytest.mark.parametrize("language", ["zh", "en"])
def test_chinese_figure_saves_without_glyph_warnings(language, tmp_path):
    with use_language(language) as chosen, warnings.catch_warnings():
        assert chosen == language
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise here
        fig = _chinese_figure()
        fig.savefig(tmp_path / "figure.png")
    assert (tmp_path / "figure.png").stat().st_size > 1000


def test_without_the_cjk_font_matplotlib_would_warn(tmp_path):
    """The check above can fail: with DejaVu Sans alone, Chinese glyphs are missing."""
    with use_language("zh"):
        with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
            fig, ax = plt.subplots()
            ax.set_title("强度图")
            with pytest.warns(UserWarning, match="Glyph"):
                fig.savefig(tmp_path / "boxes.png")


def test_font_file_is_registered_and_openly_licensed():
    from noto_cjk_sans_otc import FONT_PATH

    path = register_cjk_font()
    assert Path(path).is_file() and Path(path) == Path(FONT_PATH)
    found = font_manager.findfont(font_manager.FontProperties(family=CJK_FONT_NAME), fallback_to_default=False)
    assert Path(found) == Path(FONT_PATH)
    with use_language("zh"):
        assert matplotlib.rcParams["font.family"][-1] == CJK_FONT_NAME

    dist = metadata.distribution("noto-cjk-sans-otc")
    licenses = [f for f in dist.files if f.name == "LICENSE" and "licenses" in f.parts]
    assert licenses, "the font's wheel must ship its license file"
    assert "SIL Open Font License" in licenses[0].read_text(encoding="utf-8")


def test_t_picks_the_current_language():
    with use_language("zh"):
        assert current_language() == "zh"
        assert t("Time (s)", "时间（秒）") == "时间（秒）"
    with use_language("en"):
        assert current_language() == "en"
        assert t("Time (s)", "时间（秒）") == "Time (s)"


@pytest.mark.parametrize("bad", ["fr", "ZH", "", None, "chinese"])
def test_unknown_language_is_refused(bad):
    with pytest.raises(ValueError, match="'zh'.*'en'"):
        use_language(bad)
    assert current_language() == "en"


def test_detect_language_from_folder(tmp_path):
    for name in ("zh", "en"):
        (tmp_path / name).mkdir()
        assert detect_language(tmp_path / name) == name
    assert detect_language(tmp_path) == "en"  # any other folder: English
    assert detect_language(str(tmp_path / "zh")) == "zh"


def test_detect_language_uses_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "zh").mkdir()
    monkeypatch.chdir(tmp_path / "zh")  # what the Jupyter kernel of notebooks/zh sees
    assert detect_language() == "zh"


def test_environment_variable_wins(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    monkeypatch.setenv("TASNET_EDU_LANG", "zh")
    assert detect_language(tmp_path / "en") == "zh"
    monkeypatch.setenv("TASNET_EDU_LANG", "en")
    assert detect_language(tmp_path / "en") == "en"
    monkeypatch.setenv("TASNET_EDU_LANG", "")  # empty counts as unset
    assert detect_language(tmp_path / "en") == "en"


def test_bad_environment_variable_is_refused(monkeypatch):
    monkeypatch.setenv("TASNET_EDU_LANG", "fr")
    with pytest.raises(ValueError, match="TASNET_EDU_LANG.*'fr'"):
        detect_language()
