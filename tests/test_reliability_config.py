"""Secrets and configuration: the token stays hidden, ``.env`` stays out of git, paths are checked.

The token must not show in any ``repr`` or error (``test_settings.py`` checks
the settings object; here every bad setting and the runtime too); the crash
tests in ``test_faults_discord.py`` check logs and tracebacks, and
``test_discord_startup.py`` the missing-token exit. Every entry of
``ARTICLEBOT_ARTICLES`` is checked at start: a missing file, a folder with no
articles, anything but a regular file and a file over the 10 MiB limit (alone
or in a folder) each fail with a message naming the variable; an http(s)
address is fetched as given.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.composer import ComposerOptions
from bot.discord_app.runner import _token as runner_token
from bot.discord_app.runner import build_bot
from bot.knowledge import load_knowledge
from bot.settings import Settings, SettingsError, load_settings
from bot.startup import Runtime, StartupError, check_articles, start
from retrieval import MAX_ARTICLE_BYTES
from tests.conftest import PROJECT_ROOT, SEED_ARTICLE, run_cli
from tests.discord_standin.process import bot_command, bot_environment

TOKEN = "MTIzNDU2.reliability-secret-token.XYZ"
STORY = "Pool saved\n\nThe council voted on Monday to keep the swimming pool open.\n"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test in an empty folder (no .env) with no articlebot variables but the token."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("ARTICLEBOT_") or name == "DISCORD_TOKEN":
            monkeypatch.delenv(name)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)


# -- the token ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ARTICLEBOT_TOP_K", TOKEN),
        ("ARTICLEBOT_ABSTAIN_THRESHOLD", TOKEN),
        ("ARTICLEBOT_ALLOWED_CHANNELS", TOKEN),
        ("ARTICLEBOT_COOLDOWN_SECONDS", TOKEN),
        ("ARTICLEBOT_CONVERSATION_IDLE_SECONDS", "-1"),
        ("ARTICLEBOT_DISCORD_GUILD_ID", TOKEN),
        ("ARTICLEBOT_MESSAGE_CONTENT", TOKEN),
        ("ARTICLEBOT_LOG_LEVEL", TOKEN),
    ],
)
def test_no_setting_error_echoes_the_token(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """Even a token pasted into the wrong variable is not repeated back."""
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert variable in str(caught.value)
    assert TOKEN not in str(caught.value)
    assert TOKEN not in repr(caught.value)


def test_the_runtime_and_the_bot_never_show_the_token(seed_knowledge: object) -> None:
    settings = load_settings()
    runtime = Runtime(settings, seed_knowledge, ComposerOptions())  # type: ignore[arg-type]
    bot = build_bot(runtime)
    shown = [
        repr(settings),
        str(settings),
        repr(runtime),
        repr(settings.model_dump()),
        settings.model_dump_json(),
        repr(bot),
        repr(vars(bot.settings)),
    ]
    for text in shown:
        assert TOKEN not in text
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == TOKEN


def test_dot_env_is_ignored_by_git_and_its_example_is_not() -> None:
    git = shutil.which("git")
    if git is None or not (PROJECT_ROOT / ".git").exists():
        ignored = (PROJECT_ROOT / ".gitignore").read_text().split()
        assert ".env" in ignored
        return
    ignored = subprocess.run(
        [git, "check-ignore", "-q", ".env"], cwd=PROJECT_ROOT, check=False, timeout=30
    )
    example = subprocess.run(
        [git, "check-ignore", "-q", ".env.example"], cwd=PROJECT_ROOT, check=False, timeout=30
    )
    assert ignored.returncode == 0, ".env is not git-ignored"
    assert example.returncode == 1, ".env.example must stay tracked"


# -- article paths ------------------------------------------------------------------


def _problem(entry: Path | str) -> str:
    with pytest.raises(StartupError) as caught:
        check_articles([SEED_ARTICLE, entry])
    message = str(caught.value)
    assert message.startswith("invalid setting ARTICLEBOT_ARTICLES: ")
    assert "\n" not in message
    assert TOKEN not in message
    return message


def test_a_folder_without_articles_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"not an article")
    assert "no articles in folder" in _problem(tmp_path)


def test_a_folder_passes_and_a_file_too_large_in_it_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(SEED_ARTICLE, tmp_path / "a.txt")
    with (tmp_path / "b.txt").open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    check_articles([tmp_path])
    knowledge = load_knowledge(tmp_path, cache=False)
    assert [article.source for article in knowledge.articles] == [str(tmp_path / "a.txt")]
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "b.txt is 10,485,761 bytes" in warnings[0]


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert "article not found" in _problem(tmp_path / "missing.txt")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no disk used
    message = _problem(big)
    assert f"{MAX_ARTICLE_BYTES + 1:,} bytes" in message
    assert "10 MiB" in message


def test_a_file_at_the_limit_passes(tmp_path: Path) -> None:
    edge = tmp_path / "edge.txt"
    with edge.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES)
    check_articles([edge])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_rather_than_read_forever(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "not a regular file" in _problem(pipe)


def test_another_scheme_is_refused() -> None:
    assert "neither a file path nor an http(s) address" in _problem("ftp://example.com/story.txt")


def test_web_addresses_are_kept_whole_and_pass_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTICLEBOT_ARTICLES", f"https://example.com/a.html, {SEED_ARTICLE}")
    settings = load_settings()
    assert settings.articles == ["https://example.com/a.html", SEED_ARTICLE]
    check_articles(settings.articles)  # no network: an address is fetched when loaded


def test_the_check_runs_at_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARTICLEBOT_ARTICLES", f"{SEED_ARTICLE},{tmp_path / 'gone.txt'}")
    with pytest.raises(StartupError, match=r"ARTICLEBOT_ARTICLES: article not found: .*gone\.txt"):
        start()


class _Story(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = STORY.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def story_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Story)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story.txt"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_an_address_in_the_setting_is_fetched_at_start(
    monkeypatch: pytest.MonkeyPatch, story_url: str
) -> None:
    monkeypatch.setenv("ARTICLEBOT_ARTICLES", story_url)
    runtime = start()
    assert runtime.knowledge.article.source == story_url
    assert runtime.knowledge.article.title == "Pool saved"


@pytest.mark.e2e
def test_the_commands_exit_2_naming_the_variable(tmp_path: Path) -> None:
    ask = run_cli("ask", "when?", cwd=tmp_path, ARTICLEBOT_ARTICLES=str(tmp_path))
    discord = subprocess.run(
        bot_command(),
        env=bot_environment(DISCORD_TOKEN=TOKEN, ARTICLEBOT_ARTICLES=str(tmp_path / "gone.txt")),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert ask.returncode == 2
    assert ask.stderr.startswith("articlebot: invalid setting ARTICLEBOT_ARTICLES:")
    assert ask.stderr.count("\n") == 1
    assert discord.returncode == 2
    assert "ARTICLEBOT_ARTICLES" in discord.stderr
    assert discord.stderr.count("\n") == 1
    assert TOKEN not in discord.stdout + discord.stderr


def test_settings_built_in_code_keep_addresses_too() -> None:
    settings = Settings(_env_file=None, articles=["a.txt", "https://example.com/x"])  # type: ignore[call-arg]
    assert settings.articles == [Path("a.txt"), "https://example.com/x"]


# -- issue 11: no message echoes the token; numbers are finite, ids are snowflakes ------


@pytest.mark.parametrize(
    "articles",
    [TOKEN, f"x{TOKEN}x", f"/no/such/{TOKEN}/a.txt", f"ftp://{TOKEN}@example.com/a"],
    ids=["the token", "inside a name", "inside a path", "inside an address"],
)
def test_no_start_up_error_echoes_a_setting_that_holds_the_token(
    monkeypatch: pytest.MonkeyPatch, articles: str
) -> None:
    monkeypatch.setenv("ARTICLEBOT_ARTICLES", articles)
    with pytest.raises(StartupError) as caught:
        start()
    # Before: "no file at MTIzNDU2.reliability-secret-token.XYZ".
    assert TOKEN not in str(caught.value)
    assert "[redacted]" in str(caught.value)


def test_no_command_echoes_a_setting_that_holds_the_token(tmp_path: Path) -> None:
    settings = {"DISCORD_TOKEN": TOKEN, "ARTICLEBOT_ARTICLES": f"/no/such/{TOKEN}.txt"}
    ask = run_cli("ask", "when?", cwd=tmp_path, **settings)
    questions = str(PROJECT_ROOT / "data/dev/article_dev.jsonl")
    evaluate = run_cli("eval", "--quiet", questions, cwd=tmp_path, **settings)
    for result in (ask, evaluate):
        assert result.returncode == 2
        assert TOKEN not in result.stdout + result.stderr
        assert "[redacted]" in result.stderr


def test_a_warning_never_echoes_the_token(tmp_path: Path) -> None:
    folder = tmp_path / f"news-{TOKEN}"
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / "a.txt")
    (folder / "empty.txt").write_text(" \n")
    result = run_cli(
        "ask", "when is the summit?", cwd=tmp_path, DISCORD_TOKEN=TOKEN,
        ARTICLEBOT_ARTICLES=str(folder),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "skipped a file" in result.stderr
    assert TOKEN not in result.stdout + result.stderr


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity"])
@pytest.mark.parametrize(
    "variable",
    [
        "ARTICLEBOT_COOLDOWN_SECONDS",
        "ARTICLEBOT_ABSTAIN_THRESHOLD",
        "ARTICLEBOT_CONVERSATION_IDLE_SECONDS",
    ],
)
def test_a_number_that_is_not_finite_is_refused_as_such(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"{variable}: Input should be a finite number"):
        load_settings()


@pytest.mark.parametrize("variable", ["ARTICLEBOT_ALLOWED_CHANNELS", "ARTICLEBOT_DISCORD_GUILD_ID"])
@pytest.mark.parametrize("value", ["0", "-5", str(2**64), "99999999999999999999999"])
def test_a_discord_id_must_be_a_positive_64_bit_number(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        load_settings()


def test_the_largest_snowflake_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTICLEBOT_ALLOWED_CHANNELS", f"1,{2**64 - 1}")
    monkeypatch.setenv("ARTICLEBOT_DISCORD_GUILD_ID", str(2**64 - 1))
    settings = load_settings()
    assert settings.allowed_channels == [1, 2**64 - 1]
    assert settings.discord_guild_id == 2**64 - 1


def _discord(tmp_path: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        bot_command(),
        env=bot_environment(ARTICLEBOT_ARTICLES=str(SEED_ARTICLE), **settings),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("broken", ["\n", "\r", " ", "\t", "\x00", "\u00e9"], ids=repr)
def test_a_token_with_a_character_no_token_has_is_refused_without_showing_it(
    broken: str,
) -> None:
    settings = Settings(_env_file=None, discord_token=TOKEN.replace(".", broken, 1))  # type: ignore[call-arg]
    with pytest.raises(StartupError) as caught:
        runner_token(settings)
    assert "DISCORD_TOKEN holds a space, line break" in str(caught.value)
    assert TOKEN.split(".")[1] not in str(caught.value)


@pytest.mark.e2e
def test_a_token_with_a_line_break_is_one_line_from_the_command(tmp_path: Path) -> None:
    result = _discord(tmp_path, DISCORD_TOKEN=TOKEN.replace(".", "\n", 1))
    # Before: a 75-line traceback from aiohttp, exit 1.
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "DISCORD_TOKEN holds a space, line break" in result.stderr


@pytest.mark.e2e
def test_an_unreachable_discord_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port with no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _discord(
        tmp_path, DISCORD_TOKEN=TOKEN, ARTICLEBOT_DISCORD_API_BASE=f"http://127.0.0.1:{port}/api"
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("articlebot:")]
    assert result.returncode == 2
    assert len(lines) == 1
    assert f"cannot reach Discord at http://127.0.0.1:{port}/api" in lines[0]
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stdout + result.stderr
