import pytest

from tests.factories import DeelnameFactory

pytestmark = pytest.mark.django_db


def test_haren_has_deelnames_in_2018_and_none_after_the_herindeling(api, voorbeelddata):
    juni_2018 = api.get("/api/v1/deelnames", {"gemeente": "GM0017", "peildatum": "2018-06-01"})
    assert juni_2018.status_code == 200
    assert {d["regeling"] for d in juni_2018.json()} >= {
        "afvalbeheer-regio-centraal-groningen",
        "omgevingsdienst-groningen",
    }
    assert (
        api.get("/api/v1/deelnames", {"gemeente": "GM0017", "peildatum": "2020-01-01"}).json() == []
    )


def test_it_filters_on_regeling_and_rol(api, voorbeelddata):
    response = api.get("/api/v1/deelnames", {"regeling": "equalit", "rol": "gastheer"})
    assert [d["deelnemer"]["identificatie"] for d in response.json()] == ["GM0632"]


def test_a_deelname_is_addressed_by_its_uuid(api, db):
    deelname = DeelnameFactory(namens_college=True)
    data = api.get(f"/api/v1/deelnames/{deelname.uuid}").json()
    assert data["identificatie"] == str(deelname.uuid)
    assert data["bestuursorganen"] == ["college"]
    assert data["deelnemer"] == {
        "soort": "gemeente",
        "identificatie": deelname.gemeente.code,
        "naam": deelname.gemeente.naam,
    }


def test_list_queries_do_not_grow_with_page_size(api, db, django_assert_num_queries):
    DeelnameFactory.create_batch(25)
    for grootte in (5, 25):
        with django_assert_num_queries(2 + 1 + 2):  # savepoint pair, version, count, page
            assert len(api.get("/api/v1/deelnames", {"pageSize": grootte}).json()) == grootte
