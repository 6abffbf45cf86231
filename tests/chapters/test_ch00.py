"""Chapter 00 (notebook 00_introduction): the document's class shown verbatim, the figures, the warm-up exercises."""

import ast
import inspect
from pathlib import Path

import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch00_intro as intro
from tasnet_edu.core.signals import loudest_start
from tasnet_edu.exercises import EXERCISES, load_all, passes
from tasnet_edu.reference import document_encoder
from tasnet_edu.ui.plotting import FIGURES

SOURCE = Path(__file__).resolve().parents[2] / "notebooks" / "src" / "00_introduction.py"


def code_cells() -> list[str]:
    """The code cells of the notebook's source, as written (``code("...")`` or ``code('...')`` calls)."""
    tree = ast.parse(SOURCE.read_text(encoding="utf-8"))
    return [node.args[0].value.strip("\n") for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "code"]


@pytest.fixture(scope="module")
def party():
    mixture, sources = te.mix(te.load_clip(intro.PARTY_CLIPS[0]), te.load_clip(intro.PARTY_CLIPS[1]), 0.0)
    return sources[0], sources[1], mixture


def test_the_notebook_shows_the_documents_class_letter_for_letter():
    """The cell that defines ``Encoder`` is the reference copy (the document's code), plus its two imports."""
    cell = next(c for c in code_cells() if "class Encoder(nn.Module):" in c)
    reference = inspect.getsource(document_encoder.Encoder).strip("\n")
    assert cell == "import torch.nn as nn\nimport torch.nn.functional as F\n\n\n" + reference


def test_the_class_of_the_cell_runs_like_the_reference(party):
    namespace = {}
    exec(next(c for c in code_cells() if "class Encoder(nn.Module):" in c), namespace)
    torch.manual_seed(0)
    cell = namespace["Encoder"](L=16, N=8, audio_channels=1)
    ours = te.Encoder(L=16, N=8)
    ours.load_state_dict(cell.state_dict())
    x = party[2][:4000]
    assert torch.equal(cell(x.reshape(1, 1, -1)), ours(x.unsqueeze(0)))
    assert cell(x.unsqueeze(0)).shape == (8, te.num_frames(4000, 16))  # the docstring's [M, T] loses the axis M


def test_the_notebooks_mix_is_te_mix(party):
    s1, s2 = te.load_clip(intro.PARTY_CLIPS[0]), te.load_clip(intro.PARTY_CLIPS[1])
    T = min(len(s1), len(s2))
    s1, s2 = s1[:T], s2[:T]
    s2 = s2 * (s1.pow(2).mean() / s2.pow(2).mean()).sqrt()
    assert torch.equal(s1 + s2, party[2])  # the cell's four lines (no peak above 0.9 to lower)


@pytest.mark.parametrize("language, words", [("en", ["speaker 1 (English)", "speaker 2 (Mandarin)", "mixture"]),
                                             ("zh", ["说话人 1（英语）", "说话人 2（普通话）", "混合语音"])])
def test_plot_cocktail_party_in_both_languages(party, language, words):
    with te.use_language(language):
        fig = intro.plot_cocktail_party(*party)
        titles = [ax.get_title(loc="left") for ax in fig.axes]
        assert len(fig.axes) == 3
        for title, word in zip(titles, words):
            assert title.startswith(word)
        assert fig.axes[-1].get_xlabel() == te.t("time (s)", "时间（秒）")


def test_plot_cocktail_party_bad_input(party):
    with pytest.raises(ValueError, match="three waveforms"):
        intro.plot_cocktail_party(party[0], party[1][:100], party[2])


def test_loudest_start_finds_the_burst():
    x = torch.zeros(1000)
    x[600:640] = 1.0
    assert loudest_start(x, 40, 40) == 600
    with pytest.raises(ValueError, match="shorter than the window"):
        loudest_start(torch.zeros(10), 40)
    with pytest.raises(ValueError, match=r"expected one waveform \[T\]"):
        loudest_start(torch.zeros(2, 100), 40)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_zoom(party, language):
    with te.use_language(language):
        fig = intro.plot_zoom(party[0], 2400, 2496, L=16, width=320)
        assert len(fig.axes) == 3
        last = fig.axes[2].get_title(loc="left")
        assert last.startswith(te.t("2 ms = 16 samples = one frame (L = 16)", "2 毫秒 = 16 个采样点 = 一帧（L = 16）"))
        assert "320" in fig.axes[1].get_title(loc="left") and "40" in fig.axes[1].get_title(loc="left")


def test_plot_zoom_bad_input():
    with pytest.raises(ValueError, match="expected one waveform"):
        intro.plot_zoom(torch.zeros(2, 8000), 0, 0)
    with pytest.raises(ValueError, match="must lie in the window"):
        intro.plot_zoom(torch.zeros(8000), 100, 90)  # the frame starts before the window
    with pytest.raises(ValueError, match="must lie in the window"):
        intro.plot_zoom(torch.zeros(100), 0, 0)  # the window does not fit in the clip


def bridge_inputs():
    """What the notebook's image -> CNN / sound -> Conv1d cell computes, in short."""
    import torch.nn.functional as F

    image = torch.zeros(8, 8)
    image[2:6, 2:6] = 1.0
    kernel = torch.tensor([[-1.0, 0.0, 1.0]] * 3)
    fmap = F.relu(F.conv2d(image[None, None], kernel[None, None]))[0, 0]
    piece = torch.sin(torch.arange(64) * 0.7)
    templates = torch.randn(4, 16, generator=torch.Generator().manual_seed(0))
    strength = F.relu(F.conv1d(piece[None, None], templates[:, None], stride=8))[0]
    return image, kernel, fmap, piece, templates, strength


def test_the_bridge_cell_computes_patch_dot_kernel():
    """Each entry of both maps is one patch (frame) · one kernel, which is what the cell's asserts check."""
    image, kernel, fmap, piece, templates, strength = bridge_inputs()
    assert list(fmap.shape) == [6, 6] and list(strength.shape) == [4, 7]
    assert fmap[2, 1] == 3.0 and fmap[:, 2:].eq(0).all()  # the square's left edge only: the ReLU drops the right one
    for n in range(4):
        for k in range(7):
            assert torch.isclose(strength[n, k], torch.relu(piece[8 * k : 8 * k + 16] @ templates[n]))
    assert torch.allclose(strength, te.encoder_from_templates(templates)(piece[None])[0])


@pytest.mark.parametrize("language, words", [("en", ["image", "strength map [N, K]", "stride L // 2 = 8"]),
                                             ("zh", ["图片", "强度图 [N, K]", "步长 L // 2 = 8"])])
def test_plot_cnn_bridge_in_both_languages(language, words):
    with te.use_language(language):
        fig = intro.plot_cnn_bridge(*bridge_inputs(), at=(2, 1), frame=2)
        assert len(fig.axes) == 6
        texts = [ax.get_title() for ax in fig.axes] + [ax.get_ylabel() for ax in fig.axes]
        for word in words:
            assert any(word in text for text in texts), word


def test_plot_cnn_bridge_bad_input():
    image, kernel, fmap, piece, templates, strength = bridge_inputs()
    with pytest.raises(ValueError, match="shapes do not fit"):
        intro.plot_cnn_bridge(image, kernel, fmap[1:], piece, templates, strength)
    with pytest.raises(ValueError, match="shapes do not fit"):
        intro.plot_cnn_bridge(image, kernel, fmap, piece[:40], templates, strength)


def test_figures_are_registered():
    assert len(FIGURES["00_cnn_bridge"]().axes) == 6
    for name in ("00_cocktail_party", "00_zoom_to_one_frame", "00_cnn_bridge"):
        assert name in FIGURES
    fig = FIGURES["00_zoom_to_one_frame"]()
    assert len(fig.axes) == 3


def test_exercises_00():
    load_all()
    assert {"00.1", "00.2", "00.3"} <= set(EXERCISES)
    assert passes("00.1", 4000) and passes("00.1", 4000.0) and passes("00.1", torch.tensor(4000))
    for wrong in (8000, 16000, 2000, "4000", True):
        assert not passes("00.1", wrong)
    assert EXERCISES["00.1"].checker(8000)[0].startswith("8000 samples is one whole second")


def right_shape(M, C, T, L, N):
    return (M, N, (T - L) // (L // 2) + 1)


@pytest.mark.parametrize("wrong, phrase", [
    (lambda M, C, T, L, N: None, "not yet"),
    (lambda M, C, T, L, N: [M, C, (T - L) // (L // 2) + 1], "not C"),
    (lambda M, C, T, L, N: [M, N, (T - L) // L + 1], "not L"),
    (lambda M, C, T, L, N: [M, N, (T - L) // (L // 2)], "the + 1"),
    (lambda M, C, T, L, N: [M, N, 2 * T // L - 1], "2T/L - 1 only holds"),
    (lambda M, C, T, L, N: [M, (T - L) // (L // 2) + 1, N], "wrong values"),
    (lambda M, C, T, L, N: [M, N], "three numbers"),
    (lambda M, C, T, L, N: 1 / 0, "ZeroDivisionError"),
    (right_shape(1, 1, 100, 16, 4), "pass your function itself"),
])
def test_the_shape_exercise_names_the_mistake(wrong, phrase):
    from tasnet_edu.exercises import hint_for

    assert passes("00.2", right_shape) and passes("00.2", lambda *a: torch.Size(right_shape(*a)))
    assert phrase in hint_for("00.2", wrong)[0]


def test_the_shape_hint_speaks_chinese():
    from tasnet_edu.exercises import hint_for

    assert "不是 C" in hint_for("00.2", lambda M, C, T, L, N: [M, C, (T - L) // (L // 2) + 1])[1]


def test_check_prints_in_the_current_language(capsys):
    with te.use_language("zh"):
        te.check("00.1", 4000)
        te.check("00.1", None)
        out = capsys.readouterr().out
        assert "✓ 00.1：正确！" in out and "还没有作答" in out
