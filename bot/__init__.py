"""The CRIMJUST programme activities bot: answering engine, configuration, CLI and Telegram wiring."""

__version__ = "0.1.0"
