"""A factory for every model of our apps (tests/test_factories.py checks that none is missing
and that each builds a valid row), with traits for the variants tests often need."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from agreements.constants import Domein, Gevolg, Mutatie, PublicatieSoort, Status, Vorm
from agreements.grip.constants import (
    Bestuursorgaan,
    Functie,
    Jaarstuksoort,
    Stapsoort,
    Stapstatus,
    Toetsantwoord,
    Toetsvraag,
    Verdeelbasis,
)
from agreements.grip.models import (
    Beeindiging,
    Bijdrage,
    Evaluatie,
    Jaarcijfers,
    Jaarstuk,
    Procedurestap,
    Raadsafspraak,
    Rapporteur,
    Toetsing,
    Vertegenwoordiger,
    Zienswijze,
)
from agreements.meldingen.constants import Onderdeel
from agreements.meldingen.constants import Status as Meldingstatus
from agreements.meldingen.models import Melding
from agreements.models import (
    Deelname,
    HerindelingsMutatie,
    Herziening,
    Inzage,
    Publicatie,
    Regeling,
    RegelingVersie,
    RooImport,
    Thema,
)
from agreements.redactie.models import ApiToken, Redacteur
from agreements.redactie.rollen import REDACTEUREN
from municipalities.constants import PartnerSoort
from municipalities.models import Gemeente, Grens, Herindeling, Overgang, Partner


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

    class Params:
        # A partner outside the ROO, such as a maatschappelijke organisatie: no code.
        zonder_code = factory.Trait(soort=PartnerSoort.MAATSCHAPPELIJK, code=None)


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente

    code = factory.Sequence(lambda n: f"GM{n % 10000:04d}")
    naam = factory.Faker("city", locale="nl_NL")
    provincie = factory.SubFactory(ProvincieFactory)

    class Params:
        # Ended by a herindeling, with the gemeente that continues.
        opgeheven = factory.Trait(
            einddatum=datetime.date(2018, 12, 31),
            opvolger=factory.SubFactory("tests.factories.GemeenteFactory"),
        )


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

    class Params:
        opgeheven = factory.Trait(status=Status.OPGEHEVEN, einddatum=datetime.date(2022, 12, 31))


class RegelingVersieFactory(DjangoModelFactory):
    class Meta:
        model = RegelingVersie

    regeling = factory.SubFactory(RegelingFactory)
    titel = factory.SelfAttribute("regeling.naam")
    vorm = factory.SelfAttribute("regeling.vorm")
    begindatum = datetime.date(2015, 1, 1)


class PublicatieFactory(DjangoModelFactory):
    class Meta:
        model = Publicatie

    regeling = factory.SubFactory(RegelingFactory)
    soort = PublicatieSoort.STAATSCOURANT
    titel = factory.LazyAttribute(lambda o: f"Bekendmaking {o.regeling.naam}")
    url = factory.Sequence(lambda n: f"https://zoek.officielebekendmakingen.nl/stcrt-2015-{n}")
    datum = datetime.date(2015, 1, 15)


class DeelnameFactory(DjangoModelFactory):
    class Meta:
        model = Deelname

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    begindatum = datetime.date(2015, 1, 1)

    class Params:
        van_partner = factory.Trait(gemeente=None, partner=factory.SubFactory(PartnerFactory))


def deelnemende_gemeente(regeling: Regeling) -> Gemeente:
    """A gemeente that takes part in ``regeling``: facts of a gemeente about a regeling (grip)
    need a deelname of that gemeente."""
    return DeelnameFactory(regeling=regeling).gemeente


class HerindelingFactory(DjangoModelFactory):
    """A planned herindeling of ``opgeheven`` (a list of gemeenten) into ``opvolger``."""

    class Meta:
        model = Herindeling
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"2019-herindeling-{n}")
    naam = factory.Sequence(lambda n: f"Herindeling {n}")
    datum = datetime.date(2019, 1, 1)
    opvolger = factory.SubFactory(GemeenteFactory)
    bron = "Wet samenvoeging, Staatsblad"

    class Params:
        # The opvolger is a gemeente newly formed on the day itself.
        nieuw = factory.Trait(
            nieuwe_gemeente=True,
            opvolger=factory.SubFactory(
                GemeenteFactory, begindatum=factory.SelfAttribute("..datum")
            ),
        )
        toegepast = factory.Trait(toegepast_op=factory.LazyFunction(timezone.now))

    @factory.post_generation
    def opgeheven(self, create, gemeenten, **kwargs):
        if create and gemeenten:
            self.opgeheven.set(gemeenten)


class OvergangFactory(DjangoModelFactory):
    """Part of the territory of an opgeheven gemeente that goes to one opvolger (a split)."""

    class Meta:
        model = Overgang

    herindeling = factory.SubFactory(HerindelingFactory, opvolger=None)
    gemeente = factory.SubFactory(GemeenteFactory)
    opvolger = factory.SubFactory(GemeenteFactory)
    aandeel = Decimal("0.5")


class HerzieningFactory(DjangoModelFactory):
    class Meta:
        model = Herziening

    herindeling = factory.SubFactory(HerindelingFactory, toegepast=True)
    regeling = factory.SubFactory(RegelingFactory)
    gevolg = Gevolg.SAMENVOEGEN
    toelichting = "De opvolger neemt al deel."


class HerindelingsMutatieFactory(DjangoModelFactory):
    """By default a deelname that the herindeling ended; trait ``gemeente_opgeheven`` for the
    gemeente itself."""

    class Meta:
        model = HerindelingsMutatie

    herindeling = factory.SubFactory(HerindelingFactory, toegepast=True)
    soort = Mutatie.DEELNAME_BEEINDIGD
    deelname = factory.SubFactory(DeelnameFactory, einddatum=datetime.date(2018, 12, 31))
    voor = factory.Dict({"einddatum": None})
    na = factory.Dict({"einddatum": "2018-12-31"})

    class Params:
        gemeente_opgeheven = factory.Trait(
            soort=Mutatie.GEMEENTE_OPGEHEVEN,
            deelname=None,
            gemeente=factory.SubFactory(GemeenteFactory, opgeheven=True),
            voor=factory.Dict({"einddatum": None, "opvolger_id": None}),
            na=factory.LazyAttribute(
                lambda o: {"einddatum": "2018-12-31", "opvolger_id": o.gemeente.opvolger_id}
            ),
        )


class InzageFactory(DjangoModelFactory):
    class Meta:
        model = Inzage

    gebruikersnaam = "beheerder"
    wat = "/api/v1/wijzigingen"


class RooImportFactory(DjangoModelFactory):
    class Meta:
        model = RooImport

    bron = "exportOO.xml"
    schema = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"
    aantallen = factory.LazyFunction(lambda: {"regelingen": {"aangemaakt": 2, "ongewijzigd": 1}})
    meldingen = factory.LazyFunction(list)


class ProcedurestapFactory(DjangoModelFactory):
    class Meta:
        model = Procedurestap

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.LazyAttribute(lambda o: deelnemende_gemeente(o.regeling))
    soort = Stapsoort.ZIENSWIJZE_GEVRAAGD
    status = Stapstatus.AFGEROND

    class Params:
        # A step of the regeling as a whole.
        voor_alle_deelnemers = factory.Trait(gemeente=None, soort=Stapsoort.INWERKINGTREDING)


class JaarstukFactory(DjangoModelFactory):
    class Meta:
        model = Jaarstuk

    regeling = factory.SubFactory(RegelingFactory)
    soort = Jaarstuksoort.ONTWERPBEGROTING
    jaar = 2027


class ZienswijzeFactory(DjangoModelFactory):
    class Meta:
        model = Zienswijze

    jaarstuk = factory.SubFactory(JaarstukFactory)
    gemeente = factory.LazyAttribute(lambda o: deelnemende_gemeente(o.jaarstuk.regeling))
    datum = datetime.date(2026, 6, 25)
    inhoud = "De raad vraagt de bijdrage niet te verhogen."

    class Params:
        geen = factory.Trait(geen_zienswijze=True, inhoud="")


class VertegenwoordigerFactory(DjangoModelFactory):
    class Meta:
        model = Vertegenwoordiger

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.LazyAttribute(lambda o: deelnemende_gemeente(o.regeling))
    naam = factory.Faker("name", locale="nl_NL")
    functie = Functie.WETHOUDER
    orgaan = Bestuursorgaan.ALGEMEEN_BESTUUR
    begindatum = datetime.date(2022, 6, 1)


class RapporteurFactory(DjangoModelFactory):
    class Meta:
        model = Rapporteur

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.LazyAttribute(lambda o: deelnemende_gemeente(o.regeling))
    naam = factory.Faker("name", locale="nl_NL")
    begindatum = datetime.date(2022, 6, 1)


class BijdrageFactory(DjangoModelFactory):
    class Meta:
        model = Bijdrage

    regeling = factory.SubFactory(RegelingFactory)
    gemeente = factory.LazyAttribute(lambda o: deelnemende_gemeente(o.regeling))
    jaar = 2025
    begroot = Decimal("100000.00")
    basis = Verdeelbasis.PER_INWONER

    class Params:
        om_niet = factory.Trait(basis=Verdeelbasis.OM_NIET, begroot=None)


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

    class Params:
        # The evaluation of one raad instead of all deelnemers together.
        door_gemeente = factory.Trait(
            gemeente=factory.LazyAttribute(lambda o: deelnemende_gemeente(o.regeling))
        )


class ToetsingFactory(DjangoModelFactory):
    class Meta:
        model = Toetsing

    evaluatie = factory.SubFactory(EvaluatieFactory)
    vraag = Toetsvraag.STRATEGISCH_1
    antwoord = Toetsantwoord.VOLDOET


class RaadsafspraakFactory(DjangoModelFactory):
    class Meta:
        model = Raadsafspraak

    gemeente = factory.SubFactory(GemeenteFactory)
    evaluatie_interval_jaren = 4
    bron = "Motie grip op samenwerking"


class BeeindigingFactory(DjangoModelFactory):
    class Meta:
        model = Beeindiging

    regeling = factory.SubFactory(RegelingFactory)
    opzegtermijn_maanden = 24
    uittredingsvoorwaarden = "Opzeggen vóór 1 juli, met ingang van het volgende jaar."
    ontvlechtingskosten = "De uittredende deelnemer betaalt de frictiekosten."


class MeldingFactory(DjangoModelFactory):
    class Meta:
        model = Melding

    regeling = factory.SubFactory(RegelingFactory)
    onderdeel = Onderdeel.DEELNEMERS
    tekst = "Gemeente Wassenaar is in 2024 uitgetreden, dat staat er niet bij."
    naam = factory.Faker("name", locale="nl_NL")
    email = factory.Faker("email", locale="nl_NL")

    class Params:
        over_gemeente = factory.Trait(
            regeling=None,
            gemeente=factory.SubFactory(GemeenteFactory),
            onderdeel=Onderdeel.GEGEVENS,
        )
        afgehandeld = factory.Trait(
            status=Meldingstatus.AFGEHANDELD,
            afgehandeld_op=factory.LazyFunction(timezone.now),
            antwoord="Dank u wel, het register is aangepast.",
        )


class GebruikerFactory(DjangoModelFactory):
    """A staff account without permissions; ``groepen=[BEHEERDERS]`` (a list of group names)
    gives it those."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.LazyFunction(lambda: make_password(None))  # signs in by force_login
    is_staff = True

    @factory.post_generation
    def groepen(self, create, namen, **kwargs):
        for naam in namen or []:
            self.groups.add(Group.objects.get(name=naam))


class RedacteurFactory(DjangoModelFactory):
    """A redacteur of ``gemeenten`` and ``regelingen`` (lists), in the group Redacteuren."""

    class Meta:
        model = Redacteur
        skip_postgeneration_save = True

    gebruiker = factory.SubFactory(GebruikerFactory, groepen=[REDACTEUREN])

    @factory.post_generation
    def gemeenten(self, create, gemeenten, **kwargs):
        self.gemeenten.set(gemeenten or [])

    @factory.post_generation
    def regelingen(self, create, regelingen, **kwargs):
        self.regelingen.set(regelingen or [])


class ApiTokenFactory(DjangoModelFactory):
    """A valid token; ``token.tekst`` is the token itself (shown once in real life)."""

    class Meta:
        model = ApiToken

    gebruiker = factory.SubFactory(GebruikerFactory)
    naam = "script"
    verloopt_op = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = model_class(*args, **kwargs)
        token.tekst = token.genereer()
        token.save()
        return token


class GrensFactory(DjangoModelFactory):
    """A square gemeente of 1 km² near Leiden (RD hectometres), as manage.py grenzen stores one."""

    class Meta:
        model = Grens

    gemeente = factory.SubFactory(GemeenteFactory)
    begindatum = datetime.date(2015, 1, 1)
    bron = "CBS Wijk- en Buurtkaart 2015 (proef)"
    pad = "M939 4630h10v10h-10z"
    geometrie = factory.LazyFunction(
        lambda: {
            "type": "Polygon",
            "coordinates": [
                [[4.49, 52.16], [4.5, 52.16], [4.5, 52.17], [4.49, 52.17], [4.49, 52.16]]
            ],
        }
    )
    oppervlakte = 100
    x_min, y_min, x_max, y_max = 939, 4630, 949, 4640
    label_x, label_y = 944, 4635
