"""Chapter 00 (notebook 00_introduction): the cocktail party, samples, the document's Encoder next to ours."""

import pytest
import torch

import tasnet_edu as te
from tasnet_edu.chapters import ch00_intro as intro
from tasnet_edu.exercises import EXERCISES, load_all, passes
from tasnet_edu.ui.plotting import FIGURES


@pytest.fixture(scope="module")
def party():
    return intro.cocktail_party()


def test_cocktail_party_is_a_sum_of_two_speakers(party):
    assert party["sources"].shape == (2, party["mixture"].shape[0])
    assert torch.equal(party["mixture"], party["sources"].sum(0))
    assert [r["language"] for r in party["clips"]] == ["en", "zh"]
    assert party["mixture"].abs().max() <= 0.9 + 1e-6  # mix keeps the peak below 1
    # Equal loudness at 0 dB.
    p1, p2 = party["sources"].pow(2).mean(1)
    assert torch.isclose(p1, p2, rtol=1e-4)


def test_cocktail_party_bad_clips():
    with pytest.raises(ValueError, match="exactly two"):
        intro.cocktail_party(clips=("en_s00_v0.flac",))
    with pytest.raises(ValueError, match="no shipped clip named 'nope.flac'"):
        intro.cocktail_party(clips=("en_s00_v0.flac", "nope.flac"))


@pytest.mark.parametrize("language, words", [("en", ["speaker 1 (English)", "speaker 2 (Mandarin)", "mixture"]),
                                             ("zh", ["说话人 1（英语）", "说话人 2（普通话）", "混合语音"])])
def test_describe_party_and_plot_in_both_languages(party, language, words):
    with te.use_language(language):
        text = intro.describe_party(party)
        for word in words:
            assert word in text
        assert "22528" in text
        fig = intro.plot_cocktail_party(party)
        titles = [ax.get_title(loc="left") for ax in fig.axes]
        assert len(fig.axes) == 3
        for title, word in zip(titles, words):
            assert title.startswith(word)
        assert fig.axes[-1].get_xlabel() == te.t("time (s)", "时间（秒）")


def test_describe_rate():
    with te.use_language("en"):
        text = intro.describe_rate(8000, L=16)
        assert "one sample every 0.125 ms" in text and "16 samples = 2 ms" in text
    with te.use_language("zh"):
        assert "每 0.125 毫秒" in intro.describe_rate(8000, L=16)
        assert "5 毫秒" in intro.describe_rate(8000, L=40)
        with pytest.raises(ValueError, match="sample_rate"):
            intro.describe_rate(0)


def test_loudest_start_finds_the_burst():
    x = torch.zeros(1000)
    x[600:640] = 1.0
    assert intro.loudest_start(x, 40, 40) == 600
    with pytest.raises(ValueError, match="shorter than the window"):
        intro.loudest_start(torch.zeros(10), 40)
    with pytest.raises(ValueError, match=r"expected one waveform \[T\]"):
        intro.loudest_start(torch.zeros(2, 100), 40)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_plot_zoom(party, language):
    with te.use_language(language):
        fig = intro.plot_zoom(party["sources"][0], L=16)
        assert len(fig.axes) == 3
        last = fig.axes[2].get_title(loc="left")
        assert last.startswith(te.t("2 ms = 16 samples = one frame (L = 16)", "2 毫秒 = 16 个采样点 = 一帧（L = 16）"))
        assert "320" in fig.axes[1].get_title(loc="left")


def test_plot_zoom_bad_input():
    with pytest.raises(ValueError, match="expected one waveform"):
        intro.plot_zoom(torch.zeros(2, 8000))
    with pytest.raises(ValueError, match="fit in the clip"):
        intro.plot_zoom(torch.zeros(100))


def test_paired_encoders_are_bit_for_bit_equal(party):
    document, ours = intro.paired_encoders(L=16, N=8)
    x = party["mixture"][:4000].unsqueeze(0)
    w_doc = document(x.unsqueeze(1))
    w_ours = ours(x)
    assert w_doc.shape == (1, 8, te.num_frames(4000, 16))
    assert torch.equal(w_doc, w_ours)
    # The docstring's [M, T] with M = 1 silently drops the batch axis in the document's class.
    assert document(x).shape == (8, te.num_frames(4000, 16))


def test_paired_encoders_are_reproducible_and_leave_the_global_generator_alone():
    torch.manual_seed(123)
    before = torch.rand(3)
    torch.manual_seed(123)
    a, _ = intro.paired_encoders(L=4, N=3, seed=7)
    after = torch.rand(3)
    assert torch.equal(before, after)
    b, _ = intro.paired_encoders(L=4, N=3, seed=7)
    assert torch.equal(a.conv1d_U.weight, b.conv1d_U.weight)
    with pytest.raises(ValueError, match="L must be at least 2"):
        intro.paired_encoders(L=1)


def test_figures_are_registered():
    for name in ("00_cocktail_party", "00_zoom_to_one_frame"):
        assert name in FIGURES
    fig = FIGURES["00_zoom_to_one_frame"]()
    assert len(fig.axes) == 3


def test_exercises_00():
    load_all()
    assert {"00.1", "00.2"} <= set(EXERCISES)
    assert passes("00.1", 4000) and passes("00.1", 4000.0) and passes("00.1", torch.tensor(4000))
    for wrong in (8000, 16000, 2000, "4000", True):
        assert not passes("00.1", wrong)
    assert EXERCISES["00.1"].checker(8000)[0].startswith("8000 samples is one whole second")
    assert passes("00.2", 5) and passes("00.2", 5.0)
    assert "milliseconds" in EXERCISES["00.2"].checker(0.005)[0]
    assert not passes("00.2", 2)


def test_check_prints_in_the_current_language(capsys):
    with te.use_language("zh"):
        te.check("00.1", 4000)
        te.check("00.1", None)
        out = capsys.readouterr().out
        assert "✓ 00.1：正确！" in out and "还没有作答" in out


def test_pytorch_channel_error_reads_in_the_course_language():
    """Notebook 00 passes [2, T] to the document's class; PyTorch's own message is explained in Chinese in zh."""
    document, _ = te.ch00.paired_encoders(L=16, N=8)
    with pytest.raises(RuntimeError) as caught:
        document(torch.zeros(2, 80))
    with te.use_language("zh"):
        text = te.ch00.error_message(caught.value)
    assert text == "RuntimeError：卷积的权重 [8, 1, 16] 要求输入有 1 个通道，可输入 [1, 2, 80] 有 2 个通道"
    with te.use_language("en"):
        assert te.ch00.error_message(caught.value) == f"RuntimeError: {caught.value}"
        assert te.ch00.error_message(ValueError("other")) == "ValueError: other"
