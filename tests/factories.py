import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from agreements.constants import Domein, Vorm
from agreements.grip.constants import (
    Bestuursorgaan,
    Functie,
    Jaarstuksoort,
    Stapsoort,
    Stapstatus,
    Verdeelbasis,
)
from agreements.grip.models import (
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Rapporteur,
    Vertegenwoordiger,
)
from agreements.models import Deelname, Regeling, RegelingVersie, Thema
from municipalities.constants import PartnerSoort
from municipalities.models import Gemeente, Partner


class ProvincieFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["code"]

    naam = factory.Sequence(lambda n: f"Provincie {n}")
    soort = PartnerSoort.PROVINCIE
    code = factory.Sequence(lambda n: f"pv{n % 100:02d}")


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    naam = factory.Faker("company", locale="nl_NL")
    soort = PartnerSoort.WATERSCHAP
    code = factory.Sequence(lambda n: f"ws{n % 10000:04d}")
    slug = factory.LazyAttributeSequence(lambda o, n: o.code or f"partner-{n}")


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente

    code = factory.Sequence(lambda n: f"GM{n % 10000:04d}")
    naam = factory.Faker("city", locale="nl_NL")
    provincie = factory.SubFactory(ProvincieFactory)


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = Thema

    naam = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    domein = Domein.BELEIDSVOERING


class RegelingFactory(DjangoModelFactory):
    class Meta:
        model = Regeling

    naam = factory.Sequence(lambda n: f"Gemeenschappelijke regeling {n}")
    slug = factory.Sequence(lambda n: f"regeling-{n}")
    vorm = Vorm.OPENBAAR_LICHAAM
    begindatum = datetime.date(2015, 1, 1)
    bron = "Testgegevens"


class RegelingVersieFactory(DjangoModelFactory):
    class Meta:
        model = RegelingVersie

    regeling = factory.SubFactory(RegelingFactory)
    titel = factory.SelfAttribute("regeling.naam")
    vorm = factory.SelfAttribute("regeling.vorm")
    begindatum = datetime.date(2015, 1, 1)


class DeelnameFactory(DjangoModelFactory):
    class Meta:
        model = Deelname

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    begindatum = datetime.date(2015, 1, 1)


class ProcedurestapFactory(DjangoModelFactory):
    class Meta:
        model = Procedurestap

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    soort = Stapsoort.ZIENSWIJZE_GEVRAAGD
    status = Stapstatus.AFGEROND


class JaarstukFactory(DjangoModelFactory):
    class Meta:
        model = Jaarstuk

    regeling = factory.SubFactory(RegelingFactory)
    soort = Jaarstuksoort.ONTWERPBEGROTING
    jaar = 2027


class VertegenwoordigerFactory(DjangoModelFactory):
    class Meta:
        model = Vertegenwoordiger

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Faker("name", locale="nl_NL")
    functie = Functie.WETHOUDER
    orgaan = Bestuursorgaan.ALGEMEEN_BESTUUR
    begindatum = datetime.date(2022, 6, 1)


class RapporteurFactory(DjangoModelFactory):
    class Meta:
        model = Rapporteur

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Faker("name", locale="nl_NL")
    begindatum = datetime.date(2022, 6, 1)


class BijdrageFactory(DjangoModelFactory):
    class Meta:
        model = Bijdrage

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    jaar = 2025
    begroot = Decimal("100000.00")
    basis = Verdeelbasis.PER_INWONER


class JaarcijfersFactory(DjangoModelFactory):
    class Meta:
        model = Jaarcijfers

    regeling = factory.SubFactory(RegelingFactory)
    jaar = 2025


class EvaluatieFactory(DjangoModelFactory):
    class Meta:
        model = Evaluatie

    regeling = factory.SubFactory(RegelingFactory)
    datum = datetime.date(2024, 1, 1)
    titel = factory.Sequence(lambda n: f"Evaluatie {n}")
