"""What the bot knows and how it is kept.

`facts` defines the shape of a fact and flattens the bundled knowledge (``bundled.json``, traceable to the
source documents in ``sources/``); `store` is the only code that touches TinyDB.
"""
