"""The bot's features, one extension module each, loaded by ``ArticleBot.setup_hook``."""
