"""The batch print's layout process: `python -m samjournal.reports.layout_child FD`.

Started by the client (ui/render_process.py) with one end of a socket pair as descriptor FD,
its standard streams on /dev/null (a traceback could quote a family's data). It reads jobs from
that socket, lays each out (`summary.render`: no database, no files) and writes back
`(True, pdf)` or `(False, exception)`; when the client's end closes (a lock, a quit, a crash)
it reads end-of-file and exits, so it holds no family data longer than the work does.
"""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection

from samjournal.reports.summary import render


def serve(channel: Connection) -> None:
    while True:
        try:
            job = channel.recv()
        except EOFError:
            return
        try:
            answer: tuple[bool, object] = (True, render(job))
        except Exception as exc:  # raised again in the client, as a layout there would
            answer = (False, exc)
        channel.send(answer)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        return 2
    serve(Connection(int(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
