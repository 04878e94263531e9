"""``kb serve``: bind first, say where, then serve (one process, or several sharing the socket).

Binding before printing means the printed address is one the server really listens on (with
``--port 0``, the port the system chose), and a port already in use fails before anything claims
to be serving. Errors the API logs (``app.*`` loggers: a bug's traceback, a lost database) go to
stderr next to uvicorn's own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors import Multiprocess


def log_config(level: str) -> dict[str, Any]:
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["app"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    return config


def run_server(
    host: str, port: int, workers: int, log_level: str, on_listening: Callable[[str], None]
) -> None:
    config = uvicorn.Config(
        "app.api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        log_config=log_config(log_level),
        access_log=False,
        server_header=False,
    )
    sock = config.bind_socket()  # logs the reason and exits 1 when the address cannot be bound
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    on_listening(f"serving on http://{shown}:{bound_port} (API docs at /docs)")
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])
