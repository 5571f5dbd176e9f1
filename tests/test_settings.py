"""Settings: environment and .env, the token kept secret, errors naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_ARTICLE, SettingsError, load_settings

TOKEN = "MTIzNDU2Nzg5.secret-token-value"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run each test in an empty folder with no articlebot variables set."""
    monkeypatch.chdir(tmp_path)
    for name in list(__import__("os").environ):
        if name.startswith("ARTICLEBOT_") or name == "DISCORD_TOKEN":
            monkeypatch.delenv(name)


def test_defaults_point_at_the_seed_article() -> None:
    settings = load_settings()
    assert settings.articles == [DEFAULT_ARTICLE]
    assert settings.discord_token is None
    assert settings.allowed_channels == []


def test_reading_links_is_on_and_private_addresses_off_by_default() -> None:
    settings = load_settings()
    assert settings.read_enabled
    assert not settings.fetch_allow_private
    assert settings.fetch_ports == [80, 443]
    assert (settings.read_max_articles, settings.read_max_in_flight) == (20, 4)


def test_reading_settings_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTICLEBOT_READ_ENABLED", "false")
    monkeypatch.setenv("ARTICLEBOT_FETCH_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("ARTICLEBOT_FETCH_PORTS", "443, 8443")
    monkeypatch.setenv("ARTICLEBOT_READ_COOLDOWN_SECONDS", "5")
    settings = load_settings()
    assert not settings.read_enabled
    assert settings.fetch_allow_private
    assert settings.fetch_ports == [443, 8443]
    assert settings.read_cooldown_seconds == 5


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTICLEBOT_TOP_K", "7")
    monkeypatch.setenv("ARTICLEBOT_ARTICLES", "a.txt, b.txt")
    monkeypatch.setenv("ARTICLEBOT_ALLOWED_CHANNELS", "123,456")
    monkeypatch.setenv("ARTICLEBOT_LOG_LEVEL", "debug")
    settings = load_settings()
    assert settings.top_k == 7
    assert settings.articles == [Path("a.txt"), Path("b.txt")]
    assert settings.allowed_channels == [123, 456]
    assert settings.log_level == "DEBUG"


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={TOKEN}\nARTICLEBOT_COOLDOWN_SECONDS=9\n")
    settings = load_settings()
    assert settings.cooldown_seconds == 9
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == TOKEN


def test_token_never_shows_in_repr_or_str(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    settings = load_settings()
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)
    assert TOKEN not in settings.model_dump_json()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("ARTICLEBOT_TOP_K", "lots", r"ARTICLEBOT_TOP_K: .*integer"),
        ("ARTICLEBOT_TOP_K", "0", r"ARTICLEBOT_TOP_K: .*greater than or equal to 1"),
        ("ARTICLEBOT_ABSTAIN_THRESHOLD", "2", r"ARTICLEBOT_ABSTAIN_THRESHOLD"),
        ("ARTICLEBOT_ALLOWED_CHANNELS", "general", r"ARTICLEBOT_ALLOWED_CHANNELS"),
        ("ARTICLEBOT_ARTICLES", " , ", r"ARTICLEBOT_ARTICLES: give at least one article"),
        ("ARTICLEBOT_LOG_LEVEL", "loud", r"ARTICLEBOT_LOG_LEVEL: use one of"),
        ("ARTICLEBOT_COOLDOWN_SECONDS", "-1", r"ARTICLEBOT_COOLDOWN_SECONDS"),
        ("ARTICLEBOT_FETCH_PORTS", "http", r"ARTICLEBOT_FETCH_PORTS"),
        ("ARTICLEBOT_FETCH_PORTS", "0", r"ARTICLEBOT_FETCH_PORTS: .*greater than or equal to 1"),
        ("ARTICLEBOT_FETCH_PORTS", "65536", r"ARTICLEBOT_FETCH_PORTS: .*less than or equal"),
        ("ARTICLEBOT_FETCH_PORTS", " , ", r"ARTICLEBOT_FETCH_PORTS: give at least one port"),
        ("ARTICLEBOT_FETCH_ALLOW_PRIVATE", "maybe", r"ARTICLEBOT_FETCH_ALLOW_PRIVATE"),
        ("ARTICLEBOT_READ_ENABLED", "perhaps", r"ARTICLEBOT_READ_ENABLED"),
        ("ARTICLEBOT_READ_MAX_ARTICLES", "0", r"ARTICLEBOT_READ_MAX_ARTICLES"),
        ("ARTICLEBOT_READ_MAX_MB", "0", r"ARTICLEBOT_READ_MAX_MB"),
        ("ARTICLEBOT_READ_MAX_IN_FLIGHT", "0", r"ARTICLEBOT_READ_MAX_IN_FLIGHT"),
        ("ARTICLEBOT_READ_COOLDOWN_SECONDS", "nan", r"ARTICLEBOT_READ_COOLDOWN_SECONDS"),
    ],
)
def test_invalid_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=message):
        load_settings()


def test_errors_never_echo_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("ARTICLEBOT_TOP_K", "lots")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert TOKEN not in str(caught.value)
