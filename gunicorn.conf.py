"""gunicorn settings of the register, read from the working directory by every `gunicorn`
that serves it: the Dockerfile, the compose file, `make bench`. Each setting can be changed
through the environment.

Threaded workers (gthread): a worker's main loop keeps telling the arbiter it is alive while
its threads serve requests, so the longest export (the deelnames CSV at 100 times the country,
~60 MB, streamed) is never killed by the timeout, which only catches a worker that hangs.

gunicorn names itself in the Server header without its version (since 23; tests/test_deploy.py
checks the header of a running server), and Django sets the other security headers itself.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
# A request line or header longer than this is refused by gunicorn itself (400).
limit_request_line = 8190
limit_request_field_size = 8190
