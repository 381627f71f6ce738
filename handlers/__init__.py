"""Thin Telegram adapters, one module per feature; they call the engine and never compute answers.

The Telegram front end is the next piece of work (see README); nothing here yet.
"""
