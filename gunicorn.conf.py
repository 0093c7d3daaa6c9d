"""gunicorn as the register runs in Docker (Dockerfile, docker-compose.yml): `gunicorn -c
gunicorn.conf.py registry.wsgi`. Each setting can be changed through the environment.

gunicorn names itself in the Server header without its version (since 23; tests/test_deploy.py
checks the header of a running server), and Django sets the other security headers itself.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
accesslog = "-"
# A request line or header longer than this is refused by gunicorn itself (400).
limit_request_line = 8190
limit_request_field_size = 8190
