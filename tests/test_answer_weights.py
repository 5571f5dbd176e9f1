"""The shipped weights: what the fitting script produces, and a file that is validated on load."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from bot.composer.abstention_features import ABSTENTION_FEATURES
from bot.composer.sentence_features import SENTENCE_FEATURES
from bot.composer.span_features import SPAN_FEATURES
from bot.composer.weights import AnswerWeights, WeightsError, default_weights
from bot.evaluation.refit import fitted_weights_json

SHIPPED = files("bot").joinpath("data", "answer_weights.json").read_text(encoding="utf-8")


def test_the_shipped_file_is_what_the_script_fits() -> None:
    """scripts/fit_weights.py on the development data gives this file, byte for byte."""
    assert fitted_weights_json() == SHIPPED


def test_the_shipped_weights_name_every_feature_the_code_computes() -> None:
    weights = default_weights()
    assert weights.sentence.features == SENTENCE_FEATURES
    assert weights.span.features == SPAN_FEATURES
    assert weights.abstention.features == ABSTENTION_FEATURES
    assert weights.passage.features == ABSTENTION_FEATURES
    assert 0.0 < weights.threshold < 1.0
    assert 0.0 <= weights.passage_threshold <= 1.0


def test_the_provenance_names_the_data_and_never_the_test_split() -> None:
    provenance = default_weights().provenance
    assert provenance["script"] == "scripts/fit_weights.py"
    assert any(name.startswith("data/dev/") for name in provenance["data"])
    assert not any(name.startswith("data/test/") for name in provenance["data"])


def _edited(edit: object) -> str:
    data = json.loads(SHIPPED)
    assert callable(edit)
    edit(data)
    return json.dumps(data)


def _rename_feature(data: dict[str, dict[str, dict[str, object]]]) -> None:
    table = data["span"]["features"]
    first = next(iter(table))
    table["renamed"] = table.pop(first)


def _not_finite(data: dict[str, dict[str, dict[str, dict[str, object]]]]) -> None:
    next(iter(data["sentence"]["features"].values()))["coef"] = float("nan")


def _zero_scale(data: dict[str, dict[str, dict[str, dict[str, object]]]]) -> None:
    next(iter(data["abstention"]["features"].values()))["scale"] = 0.0


def _threshold_out_of_range(data: dict[str, object]) -> None:
    data["threshold"] = 1.5


def _missing_model(data: dict[str, object]) -> None:
    del data["passage"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ("[" * 100_000, "not JSON"),
        ("[]", "not a JSON object"),
        (_edited(_rename_feature), "refit"),
        (_edited(_not_finite), "not finite"),
        (_edited(_zero_scale), "scale must be positive"),
        (_edited(_threshold_out_of_range), "between 0 and 1"),
        (_edited(_missing_model), "features table"),
    ],
)
def test_a_damaged_weights_file_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(WeightsError, match=message):
        AnswerWeights.from_json(text)


def test_folded_weights_score_as_the_standardized_model_does() -> None:
    model = default_weights().span
    row = tuple(float(i % 3) for i in range(len(SPAN_FEATURES)))
    standardized = model.intercept + sum(
        c * (x - m) / s for c, x, m, s in zip(model.coef, row, model.mean, model.scale, strict=True)
    )
    assert model.score(row) == pytest.approx(standardized)


def test_a_damaged_weights_file_stops_the_start_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bot.startup

    def damaged() -> AnswerWeights:
        raise WeightsError("the weights file is not JSON (Expecting value: line 1 column 1)")

    monkeypatch.setattr(bot.startup, "default_weights", damaged)
    with pytest.raises(bot.startup.StartupError, match="composer's weights cannot be used"):
        bot.startup.start()
