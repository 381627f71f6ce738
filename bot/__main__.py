import gc
import sys

# The modules imported here live as long as the process: the garbage collector would walk their objects again
# and again while they are made (50 ms of every start) and at every collection after. So it waits, and then
# leaves them out for good (`gc.freeze`), as start-up does with the knowledge (`bot.startup.open_knowledge`).
gc.disable()
from bot.cli import main  # noqa: E402

gc.freeze()
gc.enable()

sys.exit(main())
