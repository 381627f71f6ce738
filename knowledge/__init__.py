"""What the bot knows and how it is kept.

`facts` defines the shape of a fact and flattens the bundled knowledge (``bundled.json``, traceable to the
source documents in ``sources/``); `store` (`Store`, made of the modules it names) is the only code that touches
TinyDB. How the files are laid out and checked: docs/storage.md.
"""
