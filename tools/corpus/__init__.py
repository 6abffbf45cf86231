"""The synthetic speech the course's models were trained on: how it was made (not part of the learner's package).

Needs Debian's speech engines (``espeak-ng``, ``flite``, ``festival`` and voices, ``codec2``); learners never run it,
since the clips ship with the package (``tasnet_edu/data/speech``) and the models are trained. Run it from the
repository root with ``python tools/make_corpus.py`` (see ``build.py``):

- ``sentences.py``: the generated sentences of the diverse corpus, split by sentence;
- ``tts.py``: the engines and voices (espeak-ng variants, flite, festival);
- ``augment.py``: the random chain each clip goes through (vocal tract, jitter, room, band, Codec 2, noise);
- ``diverse.py``: the diverse corpus, split by voice and sentence;
- ``build.py``: the command (the shipped clips, the real test set from ``codec2-examples``, the diverse corpus).
"""
