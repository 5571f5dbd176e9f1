"""articlebot's settings, read from environment variables and a ``.env`` file.

Every setting has an ``ARTICLEBOT_`` variable, except the Discord token, which
uses the name Discord's own tooling uses (``DISCORD_TOKEN``). The token is a
:class:`~pydantic.SecretStr`: it prints as ``**********`` in ``repr``, logs and
validation errors, and is revealed only where the Discord client needs it.

Settings are built once by a front-end and passed down; nothing imports a
global instance. :func:`load_settings` turns a validation failure into a
:class:`SettingsError` whose message names the variable and what it expects.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.cache_store import DEFAULT_MAX_MB

__all__ = ["DEFAULT_ARTICLE", "Settings", "SettingsError", "load_settings", "redact"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = PROJECT_ROOT / "seeds" / "000_479c05f56fca69af.txt"
ENV_PREFIX = "ARTICLEBOT_"
# Anything with a scheme ("https://...", "ftp://...") is an address, not a file name;
# start-up accepts http(s) only and says so.
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


# A Discord id (a "snowflake"): a positive 64-bit unsigned integer.
Snowflake = Annotated[int, Field(gt=0, le=2**64 - 1)]
Port = Annotated[int, Field(ge=1, le=65535)]


class SettingsError(ValueError):
    """A setting is missing or invalid; the message names the variable."""


class Settings(BaseSettings):
    """All of articlebot's configuration; see ``.env.example`` for each variable."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_default=True,
    )

    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias="DISCORD_TOKEN",
        description="The bot token from the Discord developer portal (a secret).",
    )
    articles: Annotated[list[Path | str], NoDecode] = Field(
        default_factory=lambda: list[Path | str]([DEFAULT_ARTICLE]),
        description="Article files or http(s) addresses, separated by commas.",
    )
    top_k: int = Field(default=5, ge=1, le=50, description="Passages retrieved per question.")
    # Numbers are finite (allow_inf_nan=False): "nan" and "inf" parse as floats,
    # and "nan" fails every comparison, so a range alone would call it too large.
    abstain_threshold: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description=(
            "Answers whose confidence is below this are declined (unset: the threshold "
            "fitted with the composer's weights)."
        ),
    )
    allowed_channels: Annotated[list[Snowflake], NoDecode] = Field(
        default_factory=list,
        description="Discord channel ids the bot may answer in (empty: all).",
    )
    cooldown_seconds: float = Field(
        default=3.0,
        ge=0.0,
        le=3600.0,
        allow_inf_nan=False,
        description="Per-user pause between questions.",
    )
    conversation_idle_seconds: float = Field(
        default=900.0,
        gt=0.0,
        allow_inf_nan=False,
        description="Follow-up context expires after this idle time.",
    )
    discord_guild_id: Snowflake | None = Field(
        default=None, description="Sync slash commands to this guild only (fast iteration)."
    )
    discord_api_base: str | None = Field(
        default=None, description="Discord API base URL; unset means Discord itself."
    )
    message_content: bool = Field(
        default=False,
        description="Use the privileged message-content intent to answer un-mentioned messages.",
    )
    log_level: str = Field(default="INFO", description="Logging level.")
    read_enabled: bool = Field(
        default=True, description="Offer /read and reading links on Discord (false: off)."
    )
    fetch_allow_private: bool = Field(
        default=False,
        description="Let /read reach private addresses and any port (tests, self-hosting).",
    )
    fetch_ports: Annotated[list[Port], NoDecode] = Field(
        default_factory=lambda: [80, 443],
        description="The ports /read may fetch from, separated by commas.",
    )
    read_cooldown_seconds: float = Field(
        default=20.0,
        ge=0.0,
        le=3600.0,
        allow_inf_nan=False,
        description="Per-user pause between /read requests (separate from questions).",
    )
    read_max_articles: int = Field(
        default=20, ge=1, le=1000, description="Pages a server keeps read, least recently used out."
    )
    read_max_mb: int = Field(
        default=64, ge=1, le=10**5, description="Memory a server's read pages may take, in MiB."
    )
    read_total_mb: int = Field(
        default=512, ge=1, le=10**6, description="Memory all read pages may take, in MiB."
    )
    read_max_in_flight: int = Field(
        default=4, ge=1, le=64, description="Pages fetched and indexed at once, across the bot."
    )
    read_cache_seconds: float = Field(
        default=3600.0,
        ge=0.0,
        le=7 * 24 * 3600.0,
        allow_inf_nan=False,
        description="A page read again within this time is served from memory.",
    )
    cache_dir: Path | None = Field(
        default=None,
        description="Folder for index caches (unset: the platform's user cache directory).",
    )
    cache_max_mb: int = Field(
        default=DEFAULT_MAX_MB,
        ge=0,
        le=10**7,
        description="Index caches beyond this many MiB are evicted, least recently used first.",
    )

    @field_validator("articles", mode="before")
    @classmethod
    def _split_paths(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple):
            # An address stays text: as a Path, "https://x" would become "https:/x".
            return [
                part if isinstance(part, str) and _ADDRESS.match(part) else Path(part)
                for part in value
            ]
        return value

    @field_validator("articles")
    @classmethod
    def _require_articles(cls, value: list[Path]) -> list[Path]:
        if not value:
            raise ValueError("give at least one article path")
        return value

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        # "ARTICLEBOT_CACHE_DIR=" in .env means the default, not the working directory.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("allowed_channels", "fetch_ports", mode="before")
    @classmethod
    def _split_numbers(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("fetch_ports")
    @classmethod
    def _require_ports(cls, value: list[int]) -> list[int]:
        if not value:
            raise ValueError("give at least one port, e.g. 80,443")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("use one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level


def load_settings(**overrides: Any) -> Settings:
    """Build :class:`Settings` from the environment, ``.env`` and ``overrides``.

    Raises :class:`SettingsError` naming the first bad variable.
    """
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(_describe(error)) from None


REDACTED = "[redacted]"


def redact(text: str, settings: Settings) -> str:
    """``text`` with the token's value blotted out, wherever a setting may have carried it.

    Messages quote settings (a path in ``ARTICLEBOT_ARTICLES``, say); a token
    pasted into the wrong variable must not come back in one.
    """
    secret = settings.discord_token
    token = secret.get_secret_value().strip() if secret is not None else ""
    return text.replace(token, REDACTED) if token else text


def _describe(error: ValidationError) -> str:
    first = error.errors(include_input=False, include_url=False)[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    variable = _variable_name(field)
    message = first["msg"].removeprefix("Value error, ")
    return f"invalid setting {variable}: {message}"


def _variable_name(field: str) -> str:
    if field in {"DISCORD_TOKEN", "discord_token"}:
        return "DISCORD_TOKEN"
    return ENV_PREFIX + field.upper()
