"""The batch print's layout process: `python -I -m samjournal.reports.layout_child FD`.

Started by the client (ui/render_process.py) with one end of a socket pair as descriptor FD,
its standard streams on /dev/null (a traceback could quote a family's data). First it makes its
memory private (no core dump, not dumpable: samjournal.private_memory), then says it is ready;
only then does the client send a job. It
lays each job out (`summary.render`: no database, no files) and answers with bytes, never a
pickle: `P` and the PDF, or `E` when the layout failed (the client then lays it out itself, and
meets the error there). When the client's end closes (a lock, a quit, a crash) it reads
end-of-file and exits. (Not PR_SET_PDEATHSIG: that fires when the client's *thread* that
started it ends, and the client starts it from whichever worker thread prints.)
"""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection

from samjournal.private_memory import keep_private
from samjournal.reports.summary import render

READY, PDF, FAILED = b"R", b"P", b"E"


def serve(channel: Connection) -> None:
    channel.send_bytes(READY)
    while True:
        try:
            job = channel.recv()
        except EOFError:
            return
        try:
            answer = PDF + render(job)
        except Exception:  # the client lays it out again and meets the error itself
            answer = FAILED
        channel.send_bytes(answer)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        return 2
    keep_private()
    serve(Connection(int(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
