import pytest
from django.core.management import call_command
from rest_framework.test import APIClient


@pytest.fixture
def voorbeelddata(db):
    call_command("voorbeelddata", verbosity=0)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def beheerder_api(admin_user):
    client = APIClient()
    client.force_authenticate(admin_user)
    return client
