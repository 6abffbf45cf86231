"""Step 3, ReLU (notebook 03_relu): scores before/after, u and -u, masks on a nonnegative map, exercises 03.x."""

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
from tasnet_edu.exercises import hint_for, passes
from tasnet_edu.ui.plotting import FIGURES

PROPERTY = settings(max_examples=25, deadline=None)
ROOT = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------- audio and encoders


def test_random_templates_are_unit_length_and_seeded():
    u = relu.random_templates(8, 16, seed=3)
    assert u.shape == (8, 16)
    assert torch.allclose(u.norm(dim=1), torch.ones(8), atol=1e-6)
    assert torch.equal(u, relu.random_templates(8, 16, seed=3))
    assert not torch.equal(u, relu.random_templates(8, 16, seed=4))


@pytest.mark.parametrize("N, L", [(0, 16), (4, 0), (2.5, 16)])
def test_random_templates_refuse_bad_sizes(N, L):
    with pytest.raises(ValueError):
        relu.random_templates(N, L)


def test_encoder_from_templates_copies_weights_and_computes_relu_conv():
    u = relu.random_templates(5, 8)
    encoder = relu.encoder_from_templates(u)
    assert (encoder.L, encoder.N, encoder.audio_channels) == (8, 5, 1)
    assert torch.equal(encoder.templates[:, 0], u)
    x = torch.randn(2, 100, generator=torch.Generator().manual_seed(0))
    expected = F.relu(F.conv1d(x[:, None], u[:, None], stride=4))
    assert torch.allclose(encoder(x), expected, atol=1e-6)
    u[0, 0] = 99.0  # a copy: changing the templates later does not change the encoder
    assert encoder.templates[0, 0, 0] != 99.0


def test_encoder_from_templates_accepts_channels():
    u = torch.randn(3, 2, 6)
    encoder = relu.encoder_from_templates(u)
    assert (encoder.L, encoder.N, encoder.audio_channels) == (6, 3, 2)
    assert encoder(torch.randn(1, 2, 30)).shape == (1, 3, 9)


@pytest.mark.parametrize("shape, words", [((4,), r"\[N, L\]"), ((0, 8), r"\[N, L\]"), ((3, 1), "L >= 2")])
def test_encoder_from_templates_refuses_bad_shapes(shape, words):
    with pytest.raises(ValueError, match=words):
        relu.encoder_from_templates(torch.ones(shape))


def test_encoder_from_templates_accepts_numpy_and_refuses_lists():
    assert relu.encoder_from_templates(np.ones((2, 4), dtype=np.float64)).N == 2
    with pytest.raises(TypeError):
        relu.encoder_from_templates([[1.0, 2.0]])


def test_random_encoder_is_seeded():
    a, b = relu.random_encoder(16, 64), relu.random_encoder(16, 64)
    assert (a.L, a.N) == (16, 64)
    assert torch.equal(a.templates, b.templates)


# --------------------------------------------------------------------------- scores, ReLU, sparsity


def test_relu_keeps_positive_scores():
    s = torch.tensor([-2.0, -0.0, 0.0, 0.5, 3.0])
    assert torch.equal(relu.relu(s), torch.tensor([0.0, 0.0, 0.0, 0.5, 3.0]))
    with pytest.raises(TypeError):
        relu.relu([1.0, -1.0])


def test_sparsity_counts_exact_zeros():
    assert relu.sparsity(torch.tensor([0.0, 1.0, 0.0, 2.0])) == 0.5
    assert relu.sparsity(torch.tensor([1e-30, 1.0])) == 0.0  # tiny is not zero
    with pytest.raises(ValueError, match="empty"):
        relu.sparsity(torch.zeros(0))


def test_score_summary_fractions():
    s = torch.tensor([-1.0, -2.0, 0.0, 3.0])
    summary = relu.score_summary(s)
    assert summary == {"positive": 0.25, "negative": 0.5, "zero": 0.25, "zero_after_relu": 0.75}
    with pytest.raises(ValueError, match="empty"):
        relu.score_summary(torch.zeros(0))


def test_random_templates_on_speech_give_about_half_zeros():
    x = relu.example_clip()
    w = relu.random_encoder(16, 64)(x[None])
    assert 0.4 < relu.sparsity(w) < 0.65


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


# --------------------------------------------------------------------------- u and -u, half a period


def test_sine_frame_half_a_period_later_is_upside_down():
    a = relu.sine_frame(250, 32, 0.0)
    assert torch.allclose(relu.sine_frame(250, 32, 0.5), -a, atol=1e-6)
    assert torch.allclose(relu.sine_frame(250, 32, 1.0), a, atol=1e-6)
    with pytest.raises(ValueError, match="Nyquist"):
        relu.sine_frame(5000, 32)
    with pytest.raises(ValueError, match="Nyquist"):
        relu.sine_frame(0, 32)


def test_sine_template_is_a_unit_sine():
    u = relu.sine_template(250, 32)
    assert abs(float(u.norm()) - 1) < 1e-6
    assert abs(float(u[0])) < 1e-6 and float(u[1]) > 0  # starts at 0 and rises: a sine


@PROPERTY
@given(seed=st.integers(0, 2**16), L=st.integers(1, 40))
def test_pair_scores_are_opposite_and_relu_keeps_one(seed, L):
    g = torch.Generator().manual_seed(seed)
    frame, u = torch.randn(L, generator=g), torch.randn(L, generator=g)
    s = relu.pair_scores(frame, u)
    assert s["minus_u"] == -s["u"] or s["u"] == 0
    assert min(s["relu_u"], s["relu_minus_u"]) == 0
    assert s["relu_u"] - s["relu_minus_u"] == pytest.approx(s["u"])
    assert s["u"] == pytest.approx(float(frame.double() @ u.double()), abs=1e-9)


def test_pair_scores_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match="same L"):
        relu.pair_scores(torch.ones(4), torch.ones(5))
    with pytest.raises(ValueError, match="same L"):
        relu.pair_scores(torch.ones(2, 4), torch.ones(2, 4))


def test_shifted_scores_flip_at_half_a_period():
    s0, s25, s5 = (relu.shifted_scores(shift) for shift in (0.0, 0.25, 0.5))
    assert s0["u"] == pytest.approx(2.0, abs=1e-5) and s0["relu_minus_u"] == 0.0
    assert s5["u"] == pytest.approx(-s0["u"], abs=1e-9) and s5["relu_u"] == 0.0
    assert s25 == {"u": 0.0, "minus_u": 0.0, "relu_u": 0.0, "relu_minus_u": 0.0}
    assert str(s25["minus_u"]) == "0.0"  # not -0.0 (printed in the notebook)


def test_plot_shift_and_widget():
    import ipywidgets as widgets

    fig = relu.plot_shift(0.5)
    assert len(fig.axes) == 2
    plt.close("all")
    widget = relu.shift_widget()
    assert isinstance(widget, widgets.interactive)
    assert widget.result is None  # the update returns None, so the figure is not shown twice
    assert widget.kwargs == {"shift": 0.0}


def test_sign_pair_figure_and_the_identity_it_shows():
    fig = relu.plot_sign_pair()
    assert len(fig.axes) == 2
    u = relu.sine_template(250, 32)
    x = relu.sine_frame(250, 13 * 16)
    w = relu.encoder_from_templates(torch.stack([u, -u]))(x[None])[0]
    s = relu.encoder_from_templates(u[None]).scores(x[None])[0, 0]
    assert torch.allclose(w[0] - w[1], s, atol=1e-6)
    assert (w[0][::2] > 0).all() and (w[0][1::2] == 0).all()  # hop = half a period: every other frame


# --------------------------------------------------------------------------- masks


def test_toy_masks_split_the_seed_table():
    demo = relu.toy_masks()
    assert torch.equal(demo["mixture"], torch.tensor(relu.SEED_TABLE, dtype=torch.float64))
    assert torch.equal(demo["estimate1"] + demo["estimate2"], demo["mixture"])
    assert torch.equal(demo["estimate1"], demo["part1"])
    assert torch.equal(demo["estimate2"], demo["part2"])
    assert ((demo["mask1"] >= 0) & (demo["mask1"] <= 1)).all()
    assert torch.equal(demo["mask1"] + demo["mask2"], torch.ones(3, 5, dtype=torch.float64))


@pytest.mark.parametrize(
    "mixture, part1, words",
    [
        (((1, 2),), ((2, 0),), "0 <= part1 <= mixture_map"),
        (((1, -2),), ((0, 0),), "nonnegative"),
        (((1, 2),), ((1, 2), (0, 0)), "same shape"),
    ],
)
def test_toy_masks_refuse(mixture, part1, words):
    with pytest.raises(ValueError, match=words):
        relu.toy_masks(mixture, part1)


def test_plot_toy_masks():
    with te.use_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = relu.plot_toy_masks()
            fig.canvas.draw()
        assert len(fig.axes) == 4
        texts = [tx.get_text() for tx in fig.axes[1].texts]
        assert "0.75" in texts and "1.00" in texts


def test_best_mask_error():
    mixture = torch.tensor([2.0, 4.0, 0.0, -3.0])
    assert relu.best_mask_error(0.5 * mixture + torch.tensor([0, 0, 0, 0.0]), mixture) == pytest.approx(0.0)
    assert relu.best_mask_error(-mixture, mixture) == pytest.approx(1.0)  # needs mask -1: the best in [0, 1] is 0
    assert relu.best_mask_error(torch.tensor([0.0, 0.0, 1.0, 0.0]), mixture) == pytest.approx(1.0)  # mixture is 0 there
    with pytest.raises(ValueError, match="must match"):
        relu.best_mask_error(torch.ones(3), torch.ones(4))
    with pytest.raises(ValueError, match="all zeros"):
        relu.best_mask_error(torch.zeros(4), mixture)


def test_mask_check_on_speech_and_on_a_trivial_mixture():
    check = relu.mask_check()
    assert set(check) == {"additivity", "opposite", "best_mask_relu", "best_mask_signed"}
    assert 0.05 < check["additivity"] < 0.6
    assert 0.3 < check["opposite"] < 0.6
    same = relu.example_clip()[:4000]
    trivial = relu.mask_check(same, 0.5 * same)  # one sound twice: same signs everywhere, the maps add up
    assert trivial["additivity"] == pytest.approx(0.0, abs=1e-6)
    assert trivial["opposite"] == 0.0
    assert trivial["best_mask_relu"] == pytest.approx(0.0, abs=1e-6)


def test_mask_check_refuses_different_lengths():
    with pytest.raises(ValueError, match="same length"):
        relu.mask_check(torch.ones(100), torch.ones(99))


# --------------------------------------------------------------------------- Table III and figures


def _table_rows(text):
    """(encoder, mask, SI-SNRi, bold) of each row of the Table III quoted in a notebook's Markdown."""
    row = re.compile(r"^\| (\**)(pseudo-inverse|linear|ReLU)\b.*?\| \**(softmax|sigmoid)\** \| \**(\d+\.\d)", re.M)
    return [(e, m, float(v), bool(bold)) for bold, e, m, v in row.findall(text)]


def test_table3_figure_says_what_the_notebook_quotes():
    """The bar chart (TABLE3) and the table the learner reads in notebook 03 (both languages) give the same numbers,
    and both mark the same row as Conv-TasNet's choice; exercise 03.4's solution quotes the same numbers."""
    text = (ROOT / "notebooks" / "src" / "03_relu.py").read_text(encoding="utf-8")
    rows = _table_rows(text)
    assert len(rows) == 10  # five rows in English, five in Chinese
    for quoted in (rows[:5], rows[5:]):
        assert [(e, m, v) for e, m, v, _ in quoted] == list(relu.TABLE3)
        assert [(e, m) for e, m, _, bold in quoted if bold] == [relu.TABLE3_CHOSEN]
    table = {(e, m): v for e, m, v in relu.TABLE3}
    assert max(table, key=table.get) == relu.TABLE3_CHOSEN
    assert passes("03.4", " + ".join(relu.TABLE3_CHOSEN))  # exercise 03.4 asks for that row
    from tasnet_edu.exercises import EXERCISES

    for solution in (EXERCISES["03.4"].solution_en, EXERCISES["03.4"].solution_zh):
        assert f"{table[relu.TABLE3_CHOSEN]:.1f} dB" in solution and f"{table['ReLU', 'softmax']:.1f} dB" in solution


def test_plot_table3_draws_one_bar_per_row():
    with te.use_language("en"):
        fig = relu.plot_table3()
    ax = fig.axes[0]
    bars = ax.patches
    names = [label.get_text() for label in ax.get_yticklabels()]
    drawn = {name: bar.get_width() for name, bar in zip(names, bars)}
    assert drawn == {f"{e} + {m}": v for e, m, v in relu.TABLE3}
    assert all(bar.get_x() == 0 for bar in bars)  # bars start at 0 dB
    chosen = [name for name, bar in zip(names, bars) if bar.get_facecolor() == matplotlib.colors.to_rgba(relu.POSITIVE)]
    assert chosen == ["{} + {}".format(*relu.TABLE3_CHOSEN)]
    plt.close(fig)


def _check_histogram(fig):
    s = relu.random_encoder(16, 64).scores(relu.example_clip()[None]).double().numpy().ravel()
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


def _check_sign_pair(fig):
    # 12 frames of L = 32 (hop 16) of a 250 Hz sine, scored by a sine template u and by -u: plain dot products.
    from tasnet_edu.core.signals import sine_frame, sine_template

    u = sine_template(250.0, 32)
    frames = sine_frame(250.0, 13 * 16).unfold(0, 32, 16)[:12]
    score_u = (frames @ u).numpy()
    before, after = fig.axes[:2]
    heights = lambda ax: np.array([p.get_height() for p in ax.patches])  # noqa: E731
    assert np.allclose(heights(before), np.concatenate([score_u, -score_u]), atol=1e-5)
    assert np.allclose(heights(after), np.maximum(np.concatenate([score_u, -score_u]), 0), atol=1e-5)
    assert (score_u > 0).any() and (score_u < 0).any()  # the scores flip sign: ReLU keeps u's in some frames only
    recovered = [line for line in after.lines if line.get_marker() == "."][0]
    assert np.allclose(recovered.get_ydata(), score_u, atol=1e-5)  # relu(u) - relu(-u) gives u's scores back


def _check_masks(fig):
    demo = relu.toy_masks()
    shown = ["mixture", "mask1", "estimate1", "estimate2"]
    top = float(demo["mixture"].max())
    for ax, key in zip(fig.axes, shown):
        values = demo[key].numpy()
        assert np.array_equal(ax.images[0].get_array(), values)
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


def test_exercise_03_1():
    assert passes("03.1", (0, 2.5))
    assert passes("03.1", [0.0, 2.5])
    assert "negative" in hint_for("03.1", (-2.5, 2.5))[0]
    assert "Swapped" in hint_for("03.1", (2.5, 0))[0]
    assert "opposite" in hint_for("03.1", (0, 0))[0]
    assert "tuple" in hint_for("03.1", 2.5)[0]


def test_exercise_03_2():
    assert passes("03.2", lambda a, b: a - b)
    assert "|s|" in hint_for("03.2", lambda a, b: a + b)[0]
    assert "wrong sign" in hint_for("03.2", lambda a, b: b - a)[0]
    assert "function" in hint_for("03.2", 3)[0]
    assert not passes("03.2", lambda a: a)  # wrong signature: a hint, not a traceback


def test_exercise_03_3():
    assert passes("03.3", 0.5)
    assert passes("03.3", torch.tensor(0.54))
    assert "percentage" in hint_for("03.3", 50)[0]
    assert "Too few" in hint_for("03.3", 0.1)[0]
    assert "Too many" in hint_for("03.3", 0.9)[0]


def test_exercise_03_4():
    for answer in ("linear + sigmoid", "Linear+Sigmoid", "linear, sigmoid"):
        assert passes("03.4", answer)
    assert "TasNet" in hint_for("03.4", "ReLU + softmax")[0]
    assert "highest" in hint_for("03.4", "linear + softmax")[0]
    assert "Name one encoder" in hint_for("03.4", "sigmoid")[0]
    assert "string" in hint_for("03.4", 13.1)[0]


def test_exercise_03_prints_hints_in_chinese(capsys):
    with te.use_language("zh"):
        te.check("03.1", (2.5, 0))
        assert "顺序反了" in capsys.readouterr().out


def test_bias_free_encoder_maps_silence_to_zero_and_scales_with_the_input():
    check = te.ch03.bias_free_check()
    assert check["silence_max"] == 0.0
    assert check["scale_error"] < 1e-6
    assert check["silence_max_with_bias"] > 0.1, "with a bias, silence lights up: the check can fail"
    with pytest.raises(ValueError, match="scale"):
        te.ch03.bias_free_check(scale=-2.0)
    with te.use_language("zh"):
        assert te.ch03.describe_bias_free(check).startswith("输入静音，bias=False：强度图里最大的数 = 0.00")


def test_printed_lines_follow_the_language():
    encoder = te.ch03.random_encoder(16, 8)
    x = te.ch03.example_clip()[:800]
    scores = encoder.scores(x[None]).detach()
    with te.use_language("zh"):
        lines = [te.ch03.describe_scores(scores, torch.relu(scores)), te.ch03.describe_summary(scores),
                 te.ch03.describe_sparsity(torch.relu(scores)), te.ch03.describe_pair(te.ch03.shifted_scores(0.5)),
                 te.ch03.describe_mask_check(te.ch03.mask_check())]
    for text in lines:
        for line in text.splitlines():
            assert re.search(r"[\u4e00-\u9fff]", line), line
    with te.use_language("en"):
        assert te.ch03.describe_pair(te.ch03.shifted_scores(0.5)) == \
            "score of u -2.00, of -u +2.00; after the ReLU: u 0.00, -u 2.00"
