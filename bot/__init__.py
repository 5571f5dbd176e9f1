"""articlebot: answers questions about a news article in Discord or a terminal.

The composer (:func:`bot.composer.answer`) is plain Python; the front-ends
(``bot.repl``, ``bot.ask_command``, ``bot.discord_app``) are thin adapters over it.
"""
