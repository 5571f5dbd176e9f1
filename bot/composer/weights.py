"""The fitted weights of the composer's three linear models, read from a JSON data file.

The rules propose sentences and spans and measure evidence about them
(:mod:`~bot.composer.sentence_features`, :mod:`~bot.composer.span_features`,
:mod:`~bot.composer.abstention_features`); how much each piece of evidence
counts is fitted on the development data by ``scripts/fit_weights.py`` and
shipped as ``bot/data/answer_weights.json``, a small file a person can review:
each model lists its features by name with the weight of each on standardized
values, plus the mean and scale used to standardize. No pickle: the file is
plain numbers, validated on load.

- the sentence ranker scores every pooled sentence; the best few are read for
  candidates;
- the span scorer scores every candidate; the best is the answer;
- the abstention model gives the probability that the article answers the
  question (with the chosen answer's evidence);
  below ``threshold`` the composer declines, unless the passage model (same
  evidence, fitted to whether the answer's *sentence* is right) reaches
  ``passage_threshold``: then it quotes the sentence instead of a phrase.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

__all__ = ["AnswerWeights", "LinearModel", "WeightsError", "default_weights"]

WEIGHTS_RESOURCE = "answer_weights.json"


class WeightsError(ValueError):
    """A weights file that cannot be used; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A linear score over named features, standardized as in fitting.

    ``score(row) = intercept + sum(coef[i] * (row[i] - mean[i]) / scale[i])``;
    the folded weights below compute the same in one pass.
    """

    features: tuple[str, ...]
    coef: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    intercept: float = 0.0
    # The folded weights and constant, worked out once: a question scores hundreds of rows.
    _folded: tuple[tuple[float, ...], float] = field(
        init=False, repr=False, compare=False, default=((), 0.0)
    )

    def __post_init__(self) -> None:
        sizes = {len(self.features), len(self.coef), len(self.mean), len(self.scale)}
        if len(sizes) != 1:
            raise WeightsError("a model's features, coef, mean and scale differ in length")
        values = (*self.coef, *self.mean, *self.scale, self.intercept)
        if not all(math.isfinite(value) for value in values):
            raise WeightsError("a model holds a number that is not finite")
        if any(value <= 0 for value in self.scale):
            raise WeightsError("a model's scale must be positive")
        object.__setattr__(self, "_folded", _fold(self))

    @property
    def folded(self) -> tuple[tuple[float, ...], float]:
        """Weights on raw feature values, and the constant: standardization folded in."""
        return self._folded

    def score(self, row: Sequence[float]) -> float:
        weights, constant = self._folded
        if len(row) != len(weights):
            raise ValueError(f"a row of {len(row)} features for a model of {len(weights)}")
        return constant + float(sum(map(operator.mul, weights, row)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "intercept": self.intercept,
            "features": {
                name: {"coef": coef, "mean": mean, "scale": scale}
                for name, coef, mean, scale in zip(
                    self.features, self.coef, self.mean, self.scale, strict=True
                )
            },
        }

    @classmethod
    def from_dict(cls, data: Any, expected: Sequence[str]) -> LinearModel:
        """A model from its JSON form; its features must be ``expected``, in order."""
        if not isinstance(data, dict) or not isinstance(data.get("features"), dict):
            raise WeightsError("a model is not an object with a features table")
        table = data["features"]
        if list(table) != list(expected):
            raise WeightsError(
                f"the weights name features {list(table)[:4]}... but the code computes "
                f"{list(expected)[:4]}...: refit with scripts/fit_weights.py"
            )
        try:
            rows = [(float(v["coef"]), float(v["mean"]), float(v["scale"])) for v in table.values()]
            intercept = float(data.get("intercept", 0.0))
        except (KeyError, TypeError, ValueError) as error:
            raise WeightsError(f"a feature's weight is not a number ({error})") from None
        return cls(
            tuple(expected),
            tuple(row[0] for row in rows),
            tuple(row[1] for row in rows),
            tuple(row[2] for row in rows),
            intercept,
        )


def _fold(model: LinearModel) -> tuple[tuple[float, ...], float]:
    weights = tuple(c / s for c, s in zip(model.coef, model.scale, strict=True))
    constant = model.intercept - sum(w * m for w, m in zip(weights, model.mean, strict=True))
    return weights, constant


@dataclass(frozen=True, slots=True)
class AnswerWeights:
    """The three fitted models and the decision thresholds, with where they came from."""

    sentence: LinearModel
    span: LinearModel
    abstention: LinearModel
    passage: LinearModel  # P(the answer's sentence holds the answer), same features
    threshold: float  # decline below this probability that the article answers
    passage_threshold: float  # quote the sentence at or above this (when no span is safe)
    provenance: dict[str, Any]

    def to_json(self) -> str:
        data = {
            "about": (
                "Weights of articlebot's answer composer, fitted by scripts/fit_weights.py; "
                "do not edit by hand: refit, review the diff, commit."
            ),
            "provenance": self.provenance,
            "threshold": self.threshold,
            "passage_threshold": self.passage_threshold,
            "sentence": self.sentence.to_dict(),
            "span": self.span.to_dict(),
            "abstention": self.abstention.to_dict(),
            "passage": self.passage.to_dict(),
        }
        return json.dumps(data, indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> AnswerWeights:
        from bot.composer.abstention_features import ABSTENTION_FEATURES
        from bot.composer.sentence_features import SENTENCE_FEATURES
        from bot.composer.span_features import SPAN_FEATURES

        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            raise WeightsError(f"the weights file is not JSON ({error})") from None
        if not isinstance(data, dict):
            raise WeightsError("the weights file is not a JSON object")
        try:
            threshold = float(data["threshold"])
            passage_threshold = float(data["passage_threshold"])
        except (KeyError, TypeError, ValueError) as error:
            raise WeightsError(f"the weights file lacks a threshold ({error})") from None
        if not (0.0 <= threshold <= 1.0 and 0.0 <= passage_threshold <= 1.0):
            raise WeightsError("thresholds must be probabilities between 0 and 1")
        return cls(
            LinearModel.from_dict(data.get("sentence"), SENTENCE_FEATURES),
            LinearModel.from_dict(data.get("span"), SPAN_FEATURES),
            LinearModel.from_dict(data.get("abstention"), ABSTENTION_FEATURES),
            LinearModel.from_dict(data.get("passage"), ABSTENTION_FEATURES),
            threshold,
            passage_threshold,
            dict(data.get("provenance") or {}),
        )


@lru_cache(maxsize=1)
def default_weights() -> AnswerWeights:
    """The weights shipped in the package (``bot/data/answer_weights.json``)."""
    text = files("bot").joinpath("data", WEIGHTS_RESOURCE).read_text(encoding="utf-8")
    return AnswerWeights.from_json(text)
