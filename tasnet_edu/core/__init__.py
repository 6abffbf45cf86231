"""The computations the course teaches and uses: no plotting, no widgets, no notebook state.

Bottom layer of the package: ``core`` imports only torch, NumPy and (lazily)
librosa/soundfile. Chapters (``tasnet_edu.chapters``), the user interface
(``tasnet_edu.ui``) builds on it; so do the tools in ``tools/`` (training runs, evaluation, figures).

=============  ===============================================================
``checks``     input checks with messages that name the value and the fix
``audio``      ``SAMPLE_RATE``, shipped clips and their names, files, mixtures
``signals``    tones, clicks, sines, random/tone templates, silence trimming
``framing``    step 1: K, hop, overlap, ``slice_frames``
``matching``   step 2: ``match_templates`` (loop, einsum, conv1d)
``fourier``    STFT kernels, STFT helpers, frequency response, peak frequency
``encoder``    ``Encoder`` (steps 1-3), ``STFTEncoder``, ``encoder_from_templates``
``model``      TinyTasNet, shipped checkpoints
``metrics``    SI-SNR, PIT, ideal masks
``evaluation`` one scoring loop, the results table
``training``   the training loop and checkpoints
=============  ===============================================================
"""
