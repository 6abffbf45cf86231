"""Step 3, ReLU (notebook 03_relu): the chapter's figures and widget, the numbers its cells quote, exercises 03.x.

The notebook computes the ReLU, the sparsity, ``relu(s) - relu(-s) = s``, the bias-free scaling and the masks in its
own cells, with asserts (nbval runs them in both languages); these tests check what the package draws for it.
"""

import re
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

import tasnet_edu as te
from tasnet_edu.chapters import ch03_relu as relu
from tasnet_edu.core.audio import example_clip
from tasnet_edu.core.encoder import encoder_from_templates
from tasnet_edu.core.signals import random_templates, sine_frame, sine_template
from tasnet_edu.exercises import hint_for, passes
from tasnet_edu.ui.plotting import FIGURES

PROPERTY = settings(max_examples=25, deadline=None)
ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "03_relu.py"

# Conv-TasNet (Luo & Mesgarani, IEEE/ACM TASLP 27(8), 2019), Table III as the notebook quotes it: encoder, mask, SI-SNRi.
TABLE3 = (
    ("pseudo-inverse", "softmax", 12.1),
    ("linear", "softmax", 12.9),
    ("linear", "sigmoid", 13.1),
    ("ReLU", "softmax", 13.0),
    ("ReLU", "sigmoid", 12.9),
)
TABLE3_CHOSEN = ("linear", "sigmoid")


# --------------------------------------------------------------------------- the core functions the cells call
# (random templates, sine templates and frames, an encoder from templates: chapter 03 is their main user)


def test_random_templates_are_unit_length_and_seeded():
    u = random_templates(8, 16, seed=3)
    assert u.shape == (8, 16)
    assert torch.allclose(u.norm(dim=1), torch.ones(8), atol=1e-6)
    assert torch.equal(u, random_templates(8, 16, seed=3))
    assert not torch.equal(u, random_templates(8, 16, seed=4))


@pytest.mark.parametrize("N, L", [(0, 16), (4, 0), (2.5, 16)])
def test_random_templates_refuse_bad_sizes(N, L):
    with pytest.raises(ValueError):
        random_templates(N, L)


def test_encoder_from_templates_copies_weights_and_computes_relu_conv():
    u = random_templates(5, 8)
    encoder = encoder_from_templates(u)
    assert (encoder.L, encoder.N, encoder.audio_channels) == (8, 5, 1)
    assert torch.equal(encoder.templates[:, 0], u)
    x = torch.randn(2, 100, generator=torch.Generator().manual_seed(0))
    expected = F.relu(F.conv1d(x[:, None], u[:, None], stride=4))
    assert torch.allclose(encoder(x), expected, atol=1e-6)
    u[0, 0] = 99.0  # a copy: changing the templates later does not change the encoder
    assert encoder.templates[0, 0, 0] != 99.0


def test_encoder_from_templates_accepts_channels():
    u = torch.randn(3, 2, 6)
    encoder = encoder_from_templates(u)
    assert (encoder.L, encoder.N, encoder.audio_channels) == (6, 3, 2)
    assert encoder(torch.randn(1, 2, 30)).shape == (1, 3, 9)


@pytest.mark.parametrize("shape, words", [((4,), r"\[N, L\]"), ((0, 8), r"\[N, L\]"), ((3, 1), "L >= 2")])
def test_encoder_from_templates_refuses_bad_shapes(shape, words):
    with pytest.raises(ValueError, match=words):
        encoder_from_templates(torch.ones(shape))


def test_encoder_from_templates_accepts_numpy_and_refuses_lists():
    assert encoder_from_templates(np.ones((2, 4), dtype=np.float64)).N == 2
    with pytest.raises(TypeError):
        encoder_from_templates([[1.0, 2.0]])


def test_sine_frame_half_a_period_later_is_upside_down():
    a = sine_frame(250, 32, 0.0)
    assert torch.allclose(sine_frame(250, 32, 0.5), -a, atol=1e-6)
    assert torch.allclose(sine_frame(250, 32, 1.0), a, atol=1e-6)
    with pytest.raises(ValueError, match="Nyquist"):
        sine_frame(5000, 32)
    with pytest.raises(ValueError, match="Nyquist"):
        sine_frame(0, 32)


def test_sine_template_is_a_unit_sine():
    u = sine_template(250, 32)
    assert abs(float(u.norm()) - 1) < 1e-6
    assert abs(float(u[0])) < 1e-6 and float(u[1]) > 0  # starts at 0 and rises: a sine


# --------------------------------------------------------------------------- what the cells show, on other data


def test_random_templates_on_speech_give_about_half_zeros():
    s = random_templates(64, 16) @ example_clip().unfold(0, 16, 8).T
    assert 0.4 < float((torch.relu(s) == 0).float().mean()) < 0.65


@PROPERTY
@given(seed=st.integers(0, 2**16), L=st.integers(2, 40))
def test_a_dictionary_with_u_and_minus_u_loses_nothing(seed, L):
    """The notebook's [U; -U] check, for random templates and signals: relu(s) - relu(-s) = s."""
    g = torch.Generator().manual_seed(seed)
    U, x = torch.randn(3, L, generator=g), torch.randn(5 * L, generator=g)
    s = encoder_from_templates(U).scores(x[None])[0]
    w = encoder_from_templates(torch.cat([U, -U]))(x[None])[0]
    assert torch.allclose(w[:3] - w[3:], s, atol=1e-5)
    assert torch.equal(torch.relu(s) - torch.relu(-s), s)


@PROPERTY
@given(seed=st.integers(0, 2**16), a=st.floats(0.01, 100))
def test_a_bias_free_encoder_is_positively_homogeneous(seed, a):
    g = torch.Generator().manual_seed(seed)
    encoder = encoder_from_templates(torch.randn(4, 8, generator=g))
    x = torch.randn(1, 64, generator=g)
    assert torch.allclose(encoder(a * x), a * encoder(x), rtol=1e-4, atol=1e-5 * a)
    assert torch.equal(encoder(torch.zeros(1, 64)), torch.zeros(1, 4, 15))


# --------------------------------------------------------------------------- figures and the widget


def test_score_histogram_draws_two_panels_in_chinese_without_warnings():
    with te.use_language("zh"):
        scores = torch.randn(1, 4, 500, generator=torch.Generator().manual_seed(1))
        scores[0, 0, :50] = 0.0  # some silent frames
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = relu.plot_score_histogram(scores)
            fig.canvas.draw()
        assert len(fig.axes) == 2
        assert "ReLU" in fig.axes[1].get_title()
        # the 50 exact zeros of 2000 scores are counted in words, with their share
        assert any("50 个分数（2.50%）" in text.get_text() for text in fig.axes[0].texts)
        with pytest.raises(ValueError, match="empty"):
            relu.plot_score_histogram(torch.zeros(0))
    plt.close("all")


def test_plot_shift_and_widget():
    import ipywidgets as widgets

    for shift, expected in ((0.0, ["+2.00", "-2.00", "+2.00", "+0.00"]), (0.25, ["+0.00"] * 4),
                            (0.5, ["-2.00", "+2.00", "+0.00", "+2.00"])):
        fig = relu.plot_shift(shift)
        assert len(fig.axes) == 2
        assert [text.get_text() for text in fig.axes[1].texts] == expected  # u, -u, then both after the ReLU
    plt.close("all")
    widget = relu.shift_widget()
    assert isinstance(widget, widgets.interactive)
    assert widget.result is None  # the update returns None, so the figure is not shown twice
    assert widget.kwargs == {"shift": 0.0}


def test_plot_sign_pair_refuses_other_shapes():
    with pytest.raises(ValueError, match=r"\[2, K\]"):
        relu.plot_sign_pair(torch.zeros(3, 5))


def test_plot_toy_masks():
    w = torch.tensor(relu.SEED_TABLE, dtype=torch.float32)
    mask1 = torch.where(w > 0, torch.tensor(relu.SEED_TABLE_PART1) / w, 0.5)
    with te.use_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = relu.plot_toy_masks(w, mask1)
            fig.canvas.draw()
        assert len(fig.axes) == 4
        texts = [tx.get_text() for tx in fig.axes[1].texts]
        assert "0.75" in texts and "1.00" in texts
    with pytest.raises(ValueError, match="same shape"):
        relu.plot_toy_masks(w, mask1[:, :2])
    plt.close("all")


def test_the_notebook_splits_the_same_table_the_figure_draws():
    """The toy-mask cell writes the document's table and speaker 1's part; the registered figure uses the same."""
    text = SOURCE.read_text(encoding="utf-8")
    rows = lambda table: ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in table)  # noqa: E731
    for name, table in (("W", relu.SEED_TABLE), ("W1", relu.SEED_TABLE_PART1)):
        written = re.search(rf"^{name} = torch\.tensor\(\[(.*)\]\)", text, re.M).group(1).replace("2.,", "2,")
        assert written == rows(table), name
    w, p1 = np.array(relu.SEED_TABLE), np.array(relu.SEED_TABLE_PART1)
    assert ((0 <= p1) & (p1 <= w)).all()  # a part of a nonnegative map: masks in [0, 1] exist


def _table_rows(text):
    """(encoder, mask, SI-SNRi, bold) of each row of the Table III quoted in a notebook's Markdown."""
    row = re.compile(r"^\| (\**)(pseudo-inverse|linear|ReLU)\b.*?\| \**(softmax|sigmoid)\** \| \**(\d+\.\d)", re.M)
    return [(e, m, float(v), bool(bold)) for bold, e, m, v in row.findall(text)]


def test_table3_is_quoted_the_same_in_both_languages():
    rows = _table_rows(SOURCE.read_text(encoding="utf-8"))
    assert len(rows) == 10  # five rows in English, five in Chinese
    for quoted in (rows[:5], rows[5:]):
        assert [(e, m, v) for e, m, v, _ in quoted] == list(TABLE3)
        assert [(e, m) for e, m, _, bold in quoted if bold] == [TABLE3_CHOSEN]
    table = {(e, m): v for e, m, v in TABLE3}
    assert max(table, key=table.get) == TABLE3_CHOSEN


def _check_histogram(fig):
    s = (random_templates(64, 16) @ example_clip().unfold(0, 16, 8).T).double().numpy().ravel()
    before, after = fig.axes
    limit = before.get_xlim()[1]
    inside = np.abs(s) <= limit

    def counted(ax, side):
        return sum(p.get_height() for p in ax.patches[:len(before.patches)] if side(p.get_x() + p.get_width() / 2))

    # Before the ReLU: every nonzero score in the drawn range, negatives left of 0 (in their own colour).
    assert counted(before, lambda c: c < 0) == (inside & (s < 0)).sum()
    assert counted(before, lambda c: c > 0) == (inside & (s > 0)).sum()
    assert all(p.get_facecolor() == matplotlib.colors.to_rgba(relu.NEGATIVE)
               for p in before.patches if p.get_x() + p.get_width() < 0)
    # After: the same positive scores, nothing left of 0 but the one bar (cut off) of the scores that became 0.
    assert counted(after, lambda c: c > 0) == (inside & (s > 0)).sum()
    assert counted(after, lambda c: c < 0) == 0
    assert len(after.patches) == len(before.patches) + 1
    assert f"{(s <= 0).mean():.0%}" in after.texts[0].get_text()
    assert f"{int((s == 0).sum())}" in before.texts[0].get_text()  # the exact zeros of the silent frames, in words


def _check_sign_pair(fig):
    # 12 frames of L = 32 (hop 16) of a 250 Hz sine, scored by a sine template u and by -u: plain dot products.
    u = sine_template(250.0, 32)
    frames = sine_frame(250.0, 13 * 16).unfold(0, 32, 16)[:12]
    score_u = (frames @ u).numpy()
    before, after = fig.axes[:2]
    heights = lambda ax: np.array([p.get_height() for p in ax.patches])  # noqa: E731
    assert np.allclose(heights(before), np.concatenate([score_u, -score_u]), atol=1e-5)
    assert np.allclose(heights(after), np.maximum(np.concatenate([score_u, -score_u]), 0), atol=1e-5)
    assert (score_u > 0).any() and (score_u < 0).any()  # the scores flip sign: ReLU keeps u's in some frames only
    recovered = [line for line in after.lines if line.get_marker() == "."][0]
    assert np.allclose(recovered.get_ydata(), score_u, atol=1e-5)  # relu(s) - relu(-s) gives u's scores back


def _check_masks(fig):
    w, part1 = np.array(relu.SEED_TABLE, dtype=float), np.array(relu.SEED_TABLE_PART1, dtype=float)
    mask1 = np.where(w > 0, part1 / np.where(w > 0, w, 1), 0.5)
    shown = {"mixture": w, "mask1": mask1, "estimate1": part1, "estimate2": w - part1}
    top = float(w.max())
    for ax, (key, values) in zip(fig.axes, shown.items()):
        assert np.allclose(ax.images[0].get_array(), values)
        vmax = 1.0 if key == "mask1" else top
        assert ax.images[0].get_clim() == (0, vmax)
        texts = [(tx.get_text(), tx.get_color()) for tx in ax.texts]
        write = (lambda v: f"{v:.2f}") if key == "mask1" else (lambda v: f"{v:g}")
        assert texts == [(write(v), "black" if v > 0.55 * vmax else "white") for v in values.ravel()]
    assert len(fig.axes) == 4


FIGURE_CHECKS = {"03_relu_histogram": _check_histogram, "03_relu_sign_pair": _check_sign_pair,
                 "03_relu_masks": _check_masks}


@pytest.mark.parametrize("name", sorted(FIGURE_CHECKS))
@pytest.mark.parametrize("language", ["en", "zh"])
def test_registered_figures_draw_what_the_chapter_computes(name, language):
    with te.use_language(language):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = FIGURES[name]()
            fig.canvas.draw()
        FIGURE_CHECKS[name](fig)
    plt.close(fig)


# --------------------------------------------------------------------------- exercises 03.x


def _solution(id):
    """The function or class that exercise ``id``'s solution code defines (its last top-level definition)."""
    from tasnet_edu.exercises import EXERCISES, load_all

    load_all()
    code = EXERCISES[id].solution_code
    namespace = {"torch": torch, "F": F, "nn": torch.nn, "te": te}
    exec(compile(code, "<solution>", "exec"), namespace)
    return namespace[re.findall(r"^(?:def|class) (\w+)", code, re.M)[-1]]


def _half(m):
    return m.shape[1] // 2


UNDO_MISTAKES = {  # a wrong undo_relu -> a phrase of its hint
    "returned None": lambda m: None,
    "all values are zero": lambda m: torch.zeros_like(m[:, :_half(m)]),
    "split the 2N rows": lambda m: m,  # its input unchanged
    "axes in the wrong order": lambda m: (m[:, :_half(m)] - m[:, _half(m):]).transpose(1, 2),
    "|s|, no signs": lambda m: m[:, :_half(m)] + m[:, _half(m):],
    "relu(s) alone": lambda m: m[:, :_half(m)],
    "signs are flipped": lambda m: m[:, _half(m):] - m[:, :_half(m)],
    "not interleaved": lambda m: m[:, 0::2] - m[:, 1::2],
    "(dim 1)": lambda m: m[:_half(m)] - m[_half(m):],  # the cell's m_both[:N] - m_both[N:], on the batch axis
    "raised ZeroDivisionError": lambda m: 1 / 0,
}


def test_exercise_03_1_undo_relu():
    assert passes("03.1", _solution("03.1"))
    assert passes("03.1", lambda m: torch.relu(m[:, :_half(m)]) - torch.relu(m[:, _half(m):]))
    for phrase, wrong in UNDO_MISTAKES.items():
        hint = hint_for("03.1", wrong)
        assert hint is not None and phrase in hint[0], (phrase, hint)
    assert "这是 |s|" in hint_for("03.1", UNDO_MISTAKES["|s|, no signs"])[1]
    assert "pass your function itself" in hint_for("03.1", 3)[0]


def test_exercise_03_2_upside_down_is_measured_on_the_chapter_clip():
    x = example_clip()
    encoder = encoder_from_templates(random_templates(64, 16))
    up, down = encoder(x[None])[0] > 0, encoder(-x[None])[0] > 0
    measured = float((up & down).sum() / up.sum())
    assert measured == 0.0 and passes("03.2", measured) and passes("03.2", torch.tensor(0))
    for guess in (0.5, 1, 50):
        assert "-s" in hint_for("03.2", guess)[0] and "-s" in hint_for("03.2", guess)[1]
    assert "number" in hint_for("03.2", "zero")[0]


def test_exercise_03_3_is_an_open_question_with_a_hidden_answer(capsys, monkeypatch):
    import tasnet_edu.exercises as exercises
    from tasnet_edu.exercises import EXERCISES

    monkeypatch.setattr(exercises, "SHOW_SOLUTIONS", False)

    assert "open question" in hint_for("03.3", "anything")[0]
    assert "max(b_n, 0)" in EXERCISES["03.3"].solution_en and "max(b_n, 0)" in EXERCISES["03.3"].solution_zh
    te.solution("03.3")
    assert "max(b_n, 0)" not in capsys.readouterr().out  # hidden unless solutions are switched on


def _my_encoder(forward, init=None):
    """A learner's MyEncoder, as the notebook's skeleton starts it, with ``forward(self, mixture)`` filled in."""

    class MyEncoder(torch.nn.Module):
        def __init__(self, L, N):
            super().__init__()
            self.L, self.N = L, N
            self.U = torch.nn.Parameter(torch.randn(N, L))
            if init is not None:
                init(self)

        def forward(self, mixture):
            return forward(self, mixture)

    return MyEncoder


def _scores(self, mixture, hop=None, U=None):
    frames = mixture[:, 0].unfold(-1, self.L, hop or self.L // 2)
    return (frames @ (self.U if U is None else U).T).transpose(1, 2)


ENCODER_MISTAKES = {  # a wrong forward -> a phrase of its hint
    "returned None": lambda self, x: None,
    "expected 3": lambda self, x: torch.zeros(1),
    "axis 1 has 1": lambda self, x: x,  # its input unchanged
    "axes in the wrong order": lambda self, x: torch.relu(_scores(self, x)).transpose(1, 2),
    "forgot the ReLU": lambda self, x: _scores(self, x),
    "is your hop L?": lambda self, x: torch.relu(_scores(self, x, hop=self.L)),
    "a hop of 1?": lambda self, x: torch.relu(_scores(self, x, hop=1)),
    "for odd L the hop rounds down": lambda self, x: torch.relu(_scores(self, x, hop=(self.L + 1) // 2)),
    "drop the channel axis": lambda self, x: torch.relu(x.unfold(-1, self.L, self.L // 2) @ self.U.T),
    "a bias added": lambda self, x: torch.relu(_scores(self, x) + 0.1),
    "templates are flipped": lambda self, x: torch.relu(_scores(self, x, U=self.U.flip(-1))),
    "must be int": lambda self, x: _scores(self, x, hop=self.L / 2),  # an exception names the case, no traceback
}


def test_exercise_03_4_my_encoder():
    assert passes("03.4", _solution("03.4"))
    assert passes("03.4", _my_encoder(lambda self, x: torch.relu(_scores(self, x))))
    assert passes("03.4", _my_encoder(lambda self, x: F.relu(F.conv1d(x, self.U[:, None], stride=self.L // 2))))
    assert passes("03.4", _my_encoder(lambda self, x: torch.relu(_scores(self, x)), lambda self: setattr(self, "b", 0)))
    for phrase, forward in ENCODER_MISTAKES.items():
        hint = hint_for("03.4", _my_encoder(forward))
        assert hint is not None and phrase in hint[0], (phrase, hint)
    en, zh = hint_for("03.4", _my_encoder(ENCODER_MISTAKES["forgot the ReLU"]))
    assert "random input, M = 1, L = 16" in en and "忘了 ReLU" in zh and "随机输入" in zh
    assert "帧移是不是写成了 L" in hint_for("03.4", _my_encoder(ENCODER_MISTAKES["is your hop L?"]))[1]


def test_exercise_03_4_asks_for_the_class_and_its_templates():
    cls = _my_encoder(lambda self, x: None)
    assert "class itself" in hint_for("03.4", cls(16, 8))[0]
    assert "class itself" in hint_for("03.4", lambda x: x)[0]

    class Document(torch.nn.Module):  # the document's layout: a Conv1d, no self.U
        def __init__(self, L, N):
            super().__init__()
            self.conv1d_U = torch.nn.Conv1d(1, N, L, stride=L // 2, bias=False)

    assert "self.U of shape [N, L]" in hint_for("03.4", Document)[0]
    transposed = _my_encoder(lambda self, x: None, lambda self: setattr(self, "U", torch.nn.Parameter(torch.zeros(self.L, self.N))))
    en, zh = hint_for("03.4", transposed)
    assert "[8, 16]" in en and "got [16, 8]" in en and "现在是 [16, 8]" in zh


def test_exercise_03_skeletons_in_the_notebook_print_not_yet(capsys):
    """The notebook's skeletons (bodies ``...``) get a friendly "not yet", in both languages."""
    def undo_relu(m):
        ...

    def forward(self, mixture):
        ...

    te.check("03.1", undo_relu)
    assert "not yet" in capsys.readouterr().out
    with te.use_language("zh"):
        te.check("03.4", _my_encoder(forward))
        assert "还没完成" in capsys.readouterr().out
