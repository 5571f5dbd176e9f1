"""The Discord front-end: a discord.py bot over the same composer as the REPL."""
