"""Training of the attribution models and tuning of their combination with the rules (PolNeAR train only).

* :mod:`.cue_model`: the learned cue detector (logistic regression, numpy);
* :mod:`.lite_tagger`: the small BiLSTM tagger (torch to train, the shipped ``.npz`` runs in numpy);
* :mod:`.span_model`: the MiniLM span tagger (torch, CPU or a GPU, ``prepare`` for a machine without PolNeAR);
* :mod:`.combine`: the held-out objective and the coordinate ascent over ``tuned.MODEL_COMBINE``
  settings both tuners share; :mod:`.span_combine` and :mod:`.lite_combine` tune the span model's
  and the lite tagger's combination;
* :mod:`.data` (gold spans on the clean text, the cached held-out tenth) and :mod:`.runs` (exact
  F1 of tag runs, the trainers' per-epoch check) serve them all.

Everything here reads PolNeAR *train* (:mod:`newsdistill.eval.polnear`); the held-out tenth
(:func:`newsdistill.eval.polnear.heldout_index`) is never trained on, dev never used.  The
command lines are ``bench/train_*.py`` and ``bench/tune_*.py`` (``make train-attribution``).
Not used by the pipeline.
"""
