"""Queries per request for bench/register.py: each address through Django's test client on
the database DATABASE_URL names, counted with CaptureQueriesContext, first with an empty
cache and then again (warm). Prints one JSON object: address → "cold/warm"."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def tel(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as vragen:
        response = client.get(pad)
        if response.streaming:
            for _ in response.streaming_content:
                pass
    assert response.status_code == 200, (pad, response.status_code)
    return len(vragen)


def main():
    client = Client()
    cache.clear()
    uitkomst = {}
    for pad in sys.argv[1:]:
        koud = tel(client, pad)
        uitkomst[pad] = f"{koud}/{tel(client, pad)}"
    print(json.dumps(uitkomst))


if __name__ == "__main__":
    main()
