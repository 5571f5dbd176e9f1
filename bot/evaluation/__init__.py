"""Measuring the bot on question-answer data: loaders, SQuAD metrics, the report, the command."""
