"""API views of the overviews (overzichten): per gemeente, the network, and the figures per
thema and per provincie. The work is done in selectors.py; here: parameters, schema, export."""

import datetime

from django import forms
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from municipalities.filters import (
    GEMEENTE_UITLEG,
    PROVINCIE_UITLEG,
    gemeente_als_parameter,
    provincie_als_parameter,
)
from municipalities.models import Gemeente
from registry.api import Pagination
from registry.converters import CBS_CODE_INVOER, PROVINCIE_CODE_INVOER
from registry.exports import Filterwaarde, filterwaarde
from registry.filters import CodeVeld
from registry.viewsets import OverzichtView

from . import downloads, selectors, verschil
from .constants import Beleidsintensiteit, Gevolg
from .downloads import SQLITE_TYPE, ZIP_TYPE
from .models import Regeling

PEILDATUM = OpenApiParameter(
    "peildatum",
    datetime.date,
    description="Peildatum (JJJJ-MM-DD): het register zoals het was op deze datum; "
    "standaard vandaag.",
)


class RegelingKort(serializers.Serializer):
    # A regeling by its identificatie and naam, from a selector's dict or from the model.
    identificatie = serializers.CharField()
    naam = serializers.CharField()

    def to_representation(self, instance):
        if isinstance(instance, Regeling):
            instance = {"identificatie": instance.slug, "naam": instance.naam}
        return super().to_representation(instance)


class Groep(serializers.Serializer):
    aantal = serializers.IntegerField()
    regelingen = RegelingKort(many=True)


class VormGroep(Groep):
    vorm = serializers.CharField(allow_null=True)
    vormNaam = serializers.CharField(source="vorm_naam")


class RegelingMetSubthemas(RegelingKort):
    subthemas = serializers.ListField(
        child=serializers.CharField(),
        help_text="De subthema's van de regeling onder dit hoofdthema (leeg als de regeling "
        "alleen het hoofdthema zelf heeft).",
    )


class ThemaGroep(serializers.Serializer):
    thema = serializers.CharField(allow_null=True, help_text="Het hoofdthema.")
    themaNaam = serializers.CharField(source="thema_naam")
    aantal = serializers.IntegerField()
    regelingen = RegelingMetSubthemas(many=True)


class GedeeldeGemeente(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    aantalGedeeldeRegelingen = serializers.IntegerField(source="aantal_gedeelde_regelingen")


class GedeeldePartner(serializers.Serializer):
    identificatie = serializers.CharField()
    naam = serializers.CharField()
    soort = serializers.CharField()
    aantalGedeeldeRegelingen = serializers.IntegerField(source="aantal_gedeelde_regelingen")


class GemeenteKort(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()


class GemeenteOverzicht(serializers.Serializer):
    gemeente = GemeenteKort()
    peildatum = serializers.DateField()
    aantalRegelingen = serializers.IntegerField(source="aantal_regelingen")
    aantalThemas = serializers.IntegerField(
        source="aantal_themas", help_text="Het aantal hoofdthema's, elk één keer geteld."
    )
    perVorm = VormGroep(source="per_vorm", many=True)
    perThema = ThemaGroep(
        source="per_thema",
        many=True,
        help_text="Per hoofdthema elke regeling één keer, met haar subthema's.",
    )
    gemeenten = GedeeldeGemeente(many=True)
    partners = GedeeldePartner(many=True)


class Rand(serializers.Serializer):
    gemeente = serializers.CharField()
    gemeenteNaam = serializers.CharField(source="gemeente_naam")
    andereGemeente = serializers.CharField(source="andere_gemeente")
    andereGemeenteNaam = serializers.CharField(source="andere_gemeente_naam")
    aantalGedeeldeRegelingen = serializers.IntegerField(source="aantal_gedeelde_regelingen")


class VormAantal(serializers.Serializer):
    vorm = serializers.CharField(allow_null=True)
    vormNaam = serializers.CharField(source="vorm_naam")
    aantal = serializers.IntegerField()


class Klasse(serializers.Serializer):
    klasse = serializers.CharField()
    aantalRegelingen = serializers.IntegerField(source="aantal_regelingen")


class Rechtsgebieden(serializers.Serializer):
    publiekrecht = serializers.IntegerField(help_text="Regelingen in een vorm van de Wgr.")
    privaatrecht = serializers.IntegerField()
    bestuurlijk = serializers.IntegerField(
        help_text="Bestuurlijke afspraken en niet vastgelegde samenwerking."
    )
    onbekend = serializers.IntegerField(help_text="Regelingen waarvan de vorm niet bekend is.")


class Cijfers(serializers.Serializer):
    aantalRegelingen = serializers.IntegerField(source="aantal_regelingen")
    perVorm = VormAantal(source="per_vorm", many=True)
    perRechtsgebied = Rechtsgebieden(source="per_rechtsgebied")
    aandeelPubliekrecht = serializers.FloatField(source="aandeel_publiekrecht", allow_null=True)
    deelnemersPerRegeling = Klasse(source="deelnemers_per_regeling", many=True)


class ThemaCijfers(Cijfers):
    thema = serializers.CharField()
    themaNaam = serializers.CharField(source="thema_naam")
    hoofdthema = serializers.CharField(
        allow_null=True, help_text="Het hoofdthema van een subthema; leeg bij een hoofdthema."
    )
    beleidsintensiteit = serializers.ChoiceField(
        choices=Beleidsintensiteit.choices,
        allow_null=True,
        help_text="Beleidsrijk of beleidsarm (NHL-onderzoek), van het thema of anders van zijn "
        "hoofdthema; leeg als dat niet bekend is.",
    )
    aantalGemeenten = serializers.IntegerField(source="aantal_gemeenten")


class ProvincieCijfers(Cijfers):
    provincie = serializers.CharField(allow_null=True)
    provincieNaam = serializers.CharField(source="provincie_naam")
    aantalGemeenten = serializers.IntegerField(source="aantal_gemeenten")
    gemiddeldAantalThemasPerGemeente = serializers.FloatField(
        source="gemiddeld_aantal_themas_per_gemeente",
        allow_null=True,
        help_text="Op hoeveel hoofdthema's een gemeente gemiddeld samenwerkt (een subthema telt "
        "als zijn hoofdthema, elk hoofdthema één keer).",
    )
    aantalGrensoverschrijdend = serializers.IntegerField(source="aantal_grensoverschrijdend")


def gemeente_selectie(gemeente: Gemeente, label: str = "Gemeente") -> Filterwaarde:
    """The gemeente an overview is about, as its export names it."""
    return filterwaarde(label, gemeente, gemeente.code)


def verdeling_tekst(rij: dict) -> str:
    return "; ".join(
        f"{k['klasse']}: {k['aantalRegelingen']}" for k in rij["deelnemersPerRegeling"]
    )


def vormen_tekst(rij: dict) -> str:
    return "; ".join(f"{v['vormNaam']}: {v['aantal']}" for v in rij["perVorm"])


@extend_schema(
    summary="Overzicht van een gemeente",
    description="Waar de gemeente op de peildatum aan deelneemt, naar vorm en naar thema, met "
    "de gemeenten en partners waarmee zij regelingen deelt.",
    parameters=[PEILDATUM],
    responses=GemeenteOverzicht,
)
class GemeenteOverzichtView(OverzichtView):
    export_naam = "gemeente-overzicht"

    def get(self, request, code):
        gemeente = get_object_or_404(Gemeente, code=code)
        data = GemeenteOverzicht(
            selectors.gemeente_overzicht(gemeente=gemeente, peildatum=self.peildatum())
        ).data
        if self.export_formaat():
            rijen = [
                *(
                    ["Vorm", g["vormNaam"], g["aantal"], [r["naam"] for r in g["regelingen"]]]
                    for g in data["perVorm"]
                ),
                *(
                    [
                        "Thema",
                        g["themaNaam"],
                        g["aantal"],
                        [
                            f"{r['naam']} ({', '.join(r['subthemas'])})"
                            if r["subthemas"]
                            else r["naam"]
                            for r in g["regelingen"]
                        ],
                    ]
                    for g in data["perThema"]
                ),
                *(
                    ["Gemeente", g["naam"], g["aantalGedeeldeRegelingen"], ""]
                    for g in data["gemeenten"]
                ),
                *(
                    ["Partner", g["naam"], g["aantalGedeeldeRegelingen"], ""]
                    for g in data["partners"]
                ),
            ]
            return Response(
                self.tabel(
                    ["Indeling", "Groep", "Aantal regelingen", "Regelingen"],
                    rijen,
                    filters=[gemeente_selectie(gemeente)],
                )
            )
        return Response(data)


class RegisterRegel(serializers.Serializer):
    identificatie = serializers.CharField()
    naam = serializers.CharField()
    vorm = serializers.CharField(allow_null=True)
    vormNaam = serializers.CharField(source="vorm_naam")
    ingesteldOrgaan = serializers.CharField(
        source="ingesteld_orgaan",
        allow_null=True,
        help_text="Het ingestelde openbaar lichaam, bedrijfsvoeringsorganisatie of "
        "gemeenschappelijk orgaan; leeg als er geen is, null als de vorm onbekend is.",
    )
    deelnemers = serializers.ListField(child=serializers.CharField())
    deelnemersVolledig = serializers.BooleanField(
        source="deelnemers_volledig", help_text="Onwaar als niet alle deelnemers bekend zijn."
    )
    wettelijkeVoorschriften = serializers.CharField(source="wettelijke_voorschriften")
    overgedragenBevoegdheden = serializers.CharField(source="overgedragen_bevoegdheden")
    bevoegdheidsverkrijgingen = serializers.ListField(child=serializers.CharField())
    vestigingsplaats = serializers.CharField()
    adres = serializers.CharField()
    begindatum = serializers.DateField(allow_null=True)
    bron = serializers.CharField()
    bronUrl = serializers.CharField(source="bron_url")


@extend_schema(
    summary="Register van een gemeente (Wgr artikel 27)",
    description="Het register dat het college volgens artikel 27 Wgr bijhoudt: elke regeling "
    "waaraan de gemeente op de peildatum deelneemt, met de deelnemers, de wettelijke "
    "voorschriften, de overgedragen bevoegdheden, vestigingsplaats en adres, en of er een "
    "openbaar lichaam, bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan is ingesteld.",
    parameters=[PEILDATUM],
    responses=RegisterRegel(many=True),
)
class GemeenteRegisterView(OverzichtView):
    export_naam = "register-art27"
    kolommen = [
        "Regeling",
        "Vorm",
        "Ingesteld orgaan (OL, BVO of GO)",
        "Deelnemers",
        "Wettelijke voorschriften",
        "Overgedragen bevoegdheden",
        "Vestigingsplaats",
        "Adres",
        "In werking sinds",
        "Bron",
    ]

    def get(self, request, code):
        gemeente = get_object_or_404(Gemeente, code=code)
        regels = selectors.art27_register(gemeente=gemeente, peildatum=self.peildatum())
        if self.export_formaat():
            rijen = (
                [
                    r["naam"],
                    r["vorm_naam"],
                    "onbekend" if r["ingesteld_orgaan"] is None else r["ingesteld_orgaan"] or "nee",
                    [
                        *r["deelnemers"],
                        *([] if r["deelnemers_volledig"] else ["(niet alle bekend)"]),
                    ],
                    r["wettelijke_voorschriften"],
                    r["overgedragen_bevoegdheden"],
                    r["vestigingsplaats"],
                    r["adres"],
                    r["begindatum"],
                    r["bron_url"] or r["bron"],
                ]
                for r in regels
            )
            return Response(self.tabel(self.kolommen, rijen, filters=[gemeente_selectie(gemeente)]))
        return Response(RegisterRegel(regels, many=True).data)


@extend_schema(
    summary="Netwerk van gemeenten",
    description="De lappendeken: voor elk paar gemeenten hoeveel regelingen zij op de "
    "peildatum delen, zwaarste eerst. Met gemeente: alleen de paren met die gemeente; met "
    "provincie: de paren met een gemeente in die provincie.",
    parameters=[
        PEILDATUM,
        OpenApiParameter(
            "gemeente",
            str,
            pattern=f"^{CBS_CODE_INVOER}$",
            description=f"Gemeente (CBS-code). {GEMEENTE_UITLEG}",
        ),
        OpenApiParameter(
            "provincie",
            str,
            pattern=f"^{PROVINCIE_CODE_INVOER}$",
            description=f"Provincie (code, bijv. pv20). {PROVINCIE_UITLEG}",
        ),
    ],
    responses=Rand(many=True),
)
class NetwerkView(OverzichtView):
    extra_query_params = (
        "peildatum",
        "gemeente",
        "provincie",
        Pagination.page_query_param,
        Pagination.page_size_query_param,
    )
    export_naam = "netwerk"

    class Parameters(forms.Form):
        gemeente = CodeVeld(**gemeente_als_parameter(), required=False, label="Gemeente")
        provincie = CodeVeld(**provincie_als_parameter(), required=False, label="Provincie")

    def get(self, request):
        paginator = Pagination()
        paginator.valideer(request)
        parameters = self.parameters(self.Parameters)
        provincie, gemeente = parameters["provincie"], parameters["gemeente"]
        randen = selectors.netwerk(
            peildatum=self.peildatum(), provincie=provincie.code if provincie else None
        )
        if gemeente is not None:
            randen = [r for r in randen if gemeente.code in (r["gemeente"], r["andere_gemeente"])]
        if self.export_formaat():
            sleutels = [veld.source for veld in Rand().fields.values()]
            return Response(
                self.tabel(
                    [
                        "Gemeente",
                        "Naam",
                        "Andere gemeente",
                        "Naam andere gemeente",
                        "Aantal gedeelde regelingen",
                    ],
                    ([r[sleutel] for sleutel in sleutels] for r in randen),
                )
            )
        pagina = paginator.paginate_queryset(randen, request, view=self)
        return paginator.get_paginated_response(Rand(pagina, many=True).data)


class CijfersView(OverzichtView):
    # The figures of one service as JSON, or as a table of ``kolommen`` built by ``rij``.
    cijfers = None
    serializer_class = None
    kolommen: list[str] = []

    def rij(self, cijfers: dict) -> list:
        raise NotImplementedError

    def get(self, request):
        data = self.serializer_class(self.cijfers(peildatum=self.peildatum()), many=True).data
        if self.export_formaat():
            return Response(
                self.tabel(
                    self.kolommen,
                    (self.rij(r) for r in data),
                    percentages={"Aandeel publiekrecht": 1},
                )
            )
        return Response(data)


@extend_schema(
    summary="Cijfers per thema",
    description="Per thema (een hoofdthema telt de regelingen van zijn subthema's mee, elke "
    "regeling één keer): aantal regelingen, aantal per vorm en per rechtsgebied (publiekrecht, "
    "privaatrecht), aandeel publiekrecht (van de regelingen waarvan de vorm bekend is), de "
    "beleidsintensiteit, aantal deelnemende gemeenten en de verdeling van het aantal deelnemers "
    "per regeling.",
    parameters=[PEILDATUM],
    responses=ThemaCijfers(many=True),
)
class ThemaCijfersView(CijfersView):
    export_naam = "cijfers-per-thema"
    cijfers = staticmethod(selectors.statistieken_per_thema)
    serializer_class = ThemaCijfers
    kolommen = [
        "Thema",
        "Naam",
        "Aantal regelingen",
        "Aantal gemeenten",
        "Per vorm",
        "Aandeel publiekrecht",
        "Deelnemers per regeling",
        "Hoofdthema",
        "Beleidsintensiteit",
        "Publiekrecht",
        "Privaatrecht",
        "Bestuurlijk",
        "Vorm onbekend",
    ]

    def rij(self, r):
        return [
            r["thema"],
            r["themaNaam"],
            r["aantalRegelingen"],
            r["aantalGemeenten"],
            vormen_tekst(r),
            r["aandeelPubliekrecht"],
            verdeling_tekst(r),
            r["hoofdthema"],
            r["beleidsintensiteit"],
            *r["perRechtsgebied"].values(),
        ]


@extend_schema(
    summary="Cijfers per provincie",
    description="Per provincie de cijfers van het NHL-onderzoek: aantal gemeenten en "
    "regelingen, aantal per vorm, aandeel publiekrecht, gemiddeld aantal thema's per gemeente, "
    "regelingen over de provinciegrens en de verdeling van het aantal deelnemers per regeling.",
    parameters=[PEILDATUM],
    responses=ProvincieCijfers(many=True),
)
class ProvincieCijfersView(CijfersView):
    export_naam = "cijfers-per-provincie"
    cijfers = staticmethod(selectors.statistieken_per_provincie)
    serializer_class = ProvincieCijfers
    kolommen = [
        "Provincie",
        "Naam",
        "Aantal gemeenten",
        "Aantal regelingen",
        "Gemiddeld aantal thema's per gemeente",
        "Grensoverschrijdende regelingen",
        "Per vorm",
        "Aandeel publiekrecht",
        "Deelnemers per regeling",
    ]

    def rij(self, r):
        return [
            r["provincie"],
            r["provincieNaam"],
            r["aantalGemeenten"],
            r["aantalRegelingen"],
            r["gemiddeldAantalThemasPerGemeente"],
            r["aantalGrensoverschrijdend"],
            vormen_tekst(r),
            r["aandeelPubliekrecht"],
            verdeling_tekst(r),
        ]


class GevolgTelling(serializers.Serializer):
    aantal = serializers.IntegerField()
    vervalt = serializers.IntegerField()
    gaatOver = serializers.IntegerField(source="gaat_over")
    samenvoegen = serializers.IntegerField()
    geen = serializers.IntegerField()
    onbekend = serializers.IntegerField()
    splitsing = serializers.IntegerField()


class ThemaGevolgen(GevolgTelling):
    thema = serializers.CharField()


class VormGevolgen(GevolgTelling):
    vorm = serializers.CharField()


class GevolgAantal(serializers.Serializer):
    gevolg = serializers.ChoiceField(choices=Gevolg.choices)
    gevolgNaam = serializers.CharField(source="gevolg_naam")
    aantal = serializers.IntegerField()


class ScanRegel(serializers.Serializer):
    identificatie = serializers.CharField()
    naam = serializers.CharField()
    vorm = serializers.CharField(allow_null=True)
    vormNaam = serializers.CharField(source="vorm_naam")
    themas = serializers.ListField(child=serializers.CharField())
    gevolg = serializers.ChoiceField(choices=Gevolg.choices)
    gevolgNaam = serializers.CharField(source="gevolg_naam")
    uitleg = serializers.CharField()
    betrokkenGemeenten = GemeenteKort(source="betrokken_gemeenten", many=True)
    aantalOverigeDeelnemers = serializers.IntegerField(source="aantal_overige_deelnemers")
    deelnemersVolledig = serializers.BooleanField(
        source="deelnemers_volledig",
        help_text="Onwaar als niet alle deelnemers bekend zijn; 'vervalt' is dan nooit de "
        "uitkomst.",
    )


class Herindelingsscan(serializers.Serializer):
    datum = serializers.DateField()
    gemeenten = GemeenteKort(many=True)
    opvolger = GemeenteKort(allow_null=True)
    aantalRegelingen = serializers.IntegerField(source="aantal_regelingen")
    perGevolg = GevolgAantal(source="per_gevolg", many=True)
    perThema = ThemaGevolgen(source="per_thema", many=True)
    perVorm = VormGevolgen(source="per_vorm", many=True)
    regelingen = ScanRegel(many=True)


SCAN_PARAMETERS = [
    OpenApiParameter(
        "gemeenten",
        str,
        required=True,
        pattern=selectors.GEMEENTEN_LIJST,
        description="CBS-codes van de betrokken gemeenten, met komma's: GM0017,GM0009,GM0014 "
        "(ook in kleine letters). Een code die geen gemeente in het register is geeft 404.",
    ),
    OpenApiParameter(
        "datum",
        datetime.date,
        required=True,
        description="Datum van de herindeling (de eerste nieuwe dag).",
    ),
    OpenApiParameter(
        "opvolger",
        str,
        pattern=f"^{CBS_CODE_INVOER}$",
        description="CBS-code van de gemeente die verder gaat (ook in kleine letters); zonder "
        "opvolger vormen de gemeenten samen een nieuwe gemeente. Een code die geen gemeente in het "
        "register is geeft 404.",
    ),
]


@extend_schema(
    summary="Herindelingsscan",
    description="Wat een (echte of voorgenomen) herindeling betekent voor de "
    "samenwerkingsverbanden: elke regeling waaraan de gemeenten op de dag vóór de datum "
    "deelnemen, ingedeeld als vervalt / herijken, deelname gaat over, samenvoegen of geen "
    "gevolgen, met aantallen per gevolg, thema en vorm.",
    parameters=SCAN_PARAMETERS,
    responses={200: Herindelingsscan, 404: OpenApiResponse(description="Onbekende gemeente")},
)
class HerindelingsscanView(OverzichtView):
    extra_query_params = ("gemeenten", "datum", "opvolger")
    export_naam = "herindelingsscan"

    def get(self, request):
        try:
            argumenten = selectors.scan_argumenten(request.query_params)
            uitkomst = selectors.scan(**argumenten)
        except selectors.OngeldigeScan as fout:
            raise ValidationError(
                {
                    naam: [ErrorDetail(f.bericht, f.code) for f in lijst]
                    for naam, lijst in fout.fouten.items()
                }
            ) from None
        except Gemeente.DoesNotExist as fout:
            raise NotFound(str(fout)) from None
        if self.export_formaat():
            gemeenten, opvolger = argumenten["gemeenten"], argumenten["opvolger"]
            filters = [
                Filterwaarde(
                    "Gemeenten",
                    ", ".join(str(g) for g in gemeenten),
                    "-".join(g.code for g in gemeenten),
                ),
                *([gemeente_selectie(opvolger, "Opvolger")] if opvolger else []),
            ]
            return Response(
                self.tabel(
                    selectors.SCAN_KOLOMMEN,
                    selectors.scan_rijen(uitkomst),
                    filters=filters,
                    datum=argumenten["datum"],
                    datum_label="Datum van de herindeling",
                )
            )
        return Response(Herindelingsscan(uitkomst).data)


VERGELIJKING = [
    OpenApiParameter(
        "van", datetime.date, required=True, description="De eerste datum (JJJJ-MM-DD)."
    ),
    OpenApiParameter(
        "tot",
        datetime.date,
        required=True,
        description="De tweede datum (JJJJ-MM-DD), niet vóór van.",
    ),
]


class RegelingEinde(RegelingKort):
    einddatum = serializers.DateField(allow_null=True)

    def to_representation(self, instance):
        return {**super().to_representation(instance), "einddatum": instance.einddatum}


class Naamswijziging(serializers.Serializer):
    regeling = RegelingKort()
    naamVan = serializers.CharField(source="naam_van")
    naamTot = serializers.CharField(source="naam_tot")


class Vormwijziging(serializers.Serializer):
    regeling = RegelingKort()
    vormVan = serializers.CharField(source="vorm_van", allow_blank=True)
    vormVanNaam = serializers.CharField(source="vorm_van_naam")
    vormTot = serializers.CharField(source="vorm_tot", allow_blank=True)
    vormTotNaam = serializers.CharField(source="vorm_tot_naam")


class HerindelingKort(serializers.Serializer):
    identificatie = serializers.CharField(source="slug")
    naam = serializers.CharField()
    datum = serializers.DateField()


class GemeenteVerschil(serializers.Serializer):
    gemeente = GemeenteKort()
    van = serializers.DateField(source="periode.van")
    tot = serializers.DateField(source="periode.tot")
    toegetreden = RegelingKort(many=True, help_text="Op tot wel, op van niet.")
    uitgetreden = RegelingKort(
        many=True, help_text="Op van wel, op tot niet, terwijl de regeling zelf doorliep."
    )
    beeindigd = RegelingEinde(
        many=True,
        help_text="Regelingen waaraan de gemeente op van deelnam en die vóór tot zijn geëindigd.",
    )
    hernoemd = Naamswijziging(many=True)
    vormGewijzigd = Vormwijziging(source="vorm_gewijzigd", many=True)
    herindelingen = HerindelingKort(
        many=True,
        help_text="Herindelingen na van tot en met tot waarbij de gemeente opging, "
        "opvolger was of grondgebied kreeg.",
    )


class DeelnemerKort(serializers.Serializer):
    soort = serializers.CharField()
    identificatie = serializers.CharField(help_text="CBS-code of identificatie van de partner.")
    naam = serializers.CharField()

    def to_representation(self, instance):
        if isinstance(instance, Gemeente):
            return {"soort": "gemeente", "identificatie": instance.code, "naam": instance.naam}
        return {"soort": "partner", "identificatie": instance.slug, "naam": instance.naam}


class RegelingVerschil(serializers.Serializer):
    regeling = RegelingKort()
    van = serializers.DateField(source="periode.van")
    tot = serializers.DateField(source="periode.tot")
    toegetreden = DeelnemerKort(many=True)
    uitgetreden = DeelnemerKort(many=True)
    hernoemd = Naamswijziging(allow_null=True, required=False)
    vormGewijzigd = Vormwijziging(source="vorm_gewijzigd", allow_null=True, required=False)
    begonnen = serializers.BooleanField(help_text="In werking getreden na van, uiterlijk op tot.")
    beeindigd = serializers.BooleanField(help_text="Geëindigd op of na van en vóór tot.")


class VerschilView(OverzichtView):
    renderer_classes = [JSONRenderer]
    extra_query_params = ("van", "tot")

    def periode(self) -> verschil.Periode:
        return verschil.periode_uit(
            self.request.query_params.get("van"), self.request.query_params.get("tot")
        )


@extend_schema(
    summary="Wat veranderde er voor een gemeente",
    description="Het register op van naast het register op tot, berekend uit de geldigheid "
    "van deelnames, versies en herindelingen: regelingen toegetreden, uitgetreden, beëindigd, "
    "met een andere naam of vorm, en de herindelingen daartussen.",
    parameters=VERGELIJKING,
    responses=GemeenteVerschil,
    tags=["gemeenten"],
)
class GemeenteVerschilView(VerschilView):
    def get(self, request, code):
        gemeente = get_object_or_404(Gemeente, code=code)
        return Response(
            GemeenteVerschil(
                verschil.gemeente_verschil(gemeente=gemeente, periode=self.periode())
            ).data
        )


@extend_schema(
    summary="Wat veranderde er in een regeling",
    description="De regeling op van naast de regeling op tot: deelnemers toegetreden en "
    "uitgetreden, een andere naam of vorm, in werking getreden of beëindigd.",
    parameters=VERGELIJKING,
    responses=RegelingVerschil,
    tags=["regelingen"],
)
class RegelingVerschilView(VerschilView):
    def get(self, request, identificatie):
        regeling = get_object_or_404(Regeling, slug=identificatie)
        return Response(
            RegelingVerschil(
                verschil.regeling_verschil(regeling=regeling, periode=self.periode())
            ).data
        )


class BestandRenderer(BaseRenderer):
    # The file of a download as it is; errors still go out as problem+json.
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class ZipRenderer(BestandRenderer):
    media_type = ZIP_TYPE
    format = "zip"


class SqliteRenderer(BestandRenderer):
    media_type = SQLITE_TYPE
    format = "sqlite"


@extend_schema(
    summary="Het hele register op een peildatum",
    description="Een zip met één CSV per resource (gemeenten, partners, regelingen en hun "
    "versies, deelnames, thema's, herindelingen en de openbare gegevens van grip op "
    "samenwerking) en een datapackage.json volgens de Frictionless Data Package-standaard "
    "(velden, typen, primaire en vreemde sleutels, licentie en bronnen per resource); met "
    "formaat=sqlite dezelfde tabellen in één SQLite-bestand. Elke peildatum kan, dus ook elke "
    "eerste van de maand: het bestand wordt berekend uit de geldigheid van elke rij.",
    parameters=[
        PEILDATUM,
        OpenApiParameter(
            "formaat",
            str,
            enum=["zip", "sqlite"],
            description="zip (CSV's met datapackage.json, standaard) of sqlite.",
        ),
    ],
    responses={
        (200, ZIP_TYPE): OpenApiTypes.BINARY,
        (200, SQLITE_TYPE): OpenApiTypes.BINARY,
    },
    tags=["downloads"],
)
class DownloadView(OverzichtView):
    renderer_classes = [ZipRenderer, SqliteRenderer, JSONRenderer]
    extra_query_params = ("peildatum", "formaat")

    def get(self, request):
        peildatum = self.peildatum()
        formaat = request.query_params.get("formaat", "zip")
        if formaat not in ("zip", "sqlite"):
            raise ValidationError(
                {"formaat": [ErrorDetail("Kies zip of sqlite.", "invalid_choice")]}
            )
        bestand = downloads.maak(peildatum=peildatum, formaat=formaat)
        return FileResponse(
            bestand,
            as_attachment=True,
            filename=downloads.bestandsnaam(peildatum, formaat),
            content_type=ZIP_TYPE if formaat == "zip" else SQLITE_TYPE,
        )
