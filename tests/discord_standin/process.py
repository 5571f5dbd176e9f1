"""Running ``articlebot discord`` as a subprocess pointed at a stand-in, and reading its log."""

from __future__ import annotations

import asyncio
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tests.conftest import cli_environment

if TYPE_CHECKING:
    from tests.discord_standin.server import DiscordStandIn

__all__ = ["BotProcess", "bot_command", "bot_environment", "start_ready_bot"]


def bot_command() -> list[str]:
    """The installed ``articlebot`` console script beside this Python, else ``python -m bot``."""
    script = Path(sys.executable).with_name("articlebot")
    if script.exists():
        return [str(script), "discord"]
    found = shutil.which("articlebot")
    return [found, "discord"] if found else [sys.executable, "-m", "bot", "discord"]


def bot_environment(**settings: str) -> dict[str, str]:
    """This environment without any articlebot setting or token, plus ``settings``."""
    return cli_environment(**settings)


class BotProcess:
    """A running bot; its combined stdout/stderr is collected line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, environment: dict[str, str], cwd: Path) -> BotProcess:
        process = await asyncio.create_subprocess_exec(
            *bot_command(),
            env=environment,
            cwd=cwd,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        return cls(process)

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    async def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 10.0) -> int:
        """Send ``how`` and wait for the exit status (killing the bot after ``timeout``)."""
        if self.process.returncode is None:
            self.process.send_signal(how)
        return await self.wait(timeout)

    async def wait(self, timeout: float = 10.0) -> int:
        try:
            async with asyncio.timeout(timeout):
                await self.process.wait()
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        await self._reader
        assert self.process.returncode is not None
        return self.process.returncode

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.lines.append(line.decode("utf-8", "replace").rstrip("\n"))


async def start_ready_bot(standin: DiscordStandIn, cwd: Path, **settings: str) -> BotProcess:
    """Start ``articlebot discord`` on ``standin`` with ``settings``; return it once ready.

    If it never becomes ready, it is stopped and an AssertionError carries its output.
    """
    environment = bot_environment(
        DISCORD_TOKEN=standin.token, ARTICLEBOT_DISCORD_API_BASE=standin.api_base, **settings
    )
    bot = await BotProcess.start(environment, cwd)
    try:
        await standin.wait_until_ready()
    except TimeoutError:
        await bot.stop()
        raise AssertionError(f"the bot never became ready; its output:\n{bot.output}") from None
    return bot
