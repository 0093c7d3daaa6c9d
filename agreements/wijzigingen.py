"""The audit export of the protocollering: every change to the register in a period, with who
made it, on behalf of which organisation, through which path, and the old and new values. For
beheerders only, and each read of it is itself recorded (an ``Inzage``, see models.py)."""

import datetime

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from agreements.redactie.api import AlleenBeheerders
from registry.api import Pagination
from registry.peildatum import parse_datum
from registry.protocol import audit, niet_openbaar_gelezen, weergave
from registry.viewsets import OverzichtView

STANDAARD_DAGEN = 31
KOLOMMEN = [
    "Datum",
    "Gegeven",
    "Identificatie",
    "Wijziging",
    "Kanaal",
    "Namens",
    "Gebruiker",
    "Velden",
]


class Veld(serializers.Serializer):
    veld = serializers.CharField()
    label = serializers.CharField()
    oud = serializers.CharField()
    nieuw = serializers.CharField()


class Wijziging(serializers.Serializer):
    datum = serializers.DateTimeField()
    gegeven = serializers.CharField(help_text="De soort gegeven, bijvoorbeeld regeling.")
    identificatie = serializers.CharField(help_text="Het interne nummer van het gegeven.")
    wijziging = serializers.CharField(help_text="aangemaakt, gewijzigd of verwijderd")
    kanaal = serializers.CharField(help_text="Waarlangs: beheerschermen, API, ROO-import, ...")
    namens = serializers.CharField(help_text="De organisaties die het gegeven bijhouden.")
    gebruiker = serializers.CharField(help_text="Leeg voor een import of commando.")
    velden = Veld(many=True)


def als_dict(model, regel) -> dict:
    return {
        "datum": regel.datum,
        "gegeven": str(model._meta.verbose_name),
        "identificatie": str(getattr(regel.rij, model._meta.pk.attname)),
        "wijziging": regel.soort,
        "kanaal": regel.kanaal,
        "namens": regel.organisaties,
        "gebruiker": regel.gebruiker,
        "velden": [
            {
                "veld": w.veld,
                "label": w.label,
                "oud": weergave(model, w.veld, w.oud),
                "nieuw": weergave(model, w.veld, w.nieuw),
            }
            for w in regel.wijzigingen
        ],
    }


@extend_schema(
    tags=["wijzigingen"],
    summary="Wijzigingen (protocollering)",
    description="Elke wijziging van het register in een periode, met wie, namens welke "
    "organisatie, waarlangs en de oude en nieuwe waarden; ook als CSV of Excel. Alleen voor "
    "beheerders; elke opvraging wordt zelf vastgelegd.",
    parameters=[
        OpenApiParameter(
            "vanaf",
            datetime.date,
            description=f"Eerste dag (JJJJ-MM-DD); standaard {STANDAARD_DAGEN} dagen geleden.",
        ),
        OpenApiParameter(
            "tot", datetime.date, description="Laatste dag (JJJJ-MM-DD); standaard vandaag."
        ),
    ],
    responses={
        200: Wijziging(many=True),
        401: OpenApiResponse(description="Niet ingelogd"),
        403: OpenApiResponse(description="Geen beheerder"),
    },
)
class WijzigingenView(OverzichtView):
    permission_classes = [AlleenBeheerders]
    extra_query_params = (
        "vanaf",
        "tot",
        Pagination.page_query_param,
        Pagination.page_size_query_param,
    )
    export_naam = "wijzigingen"

    def get(self, request):
        paginator = Pagination()
        paginator.valideer(request)
        vandaag = datetime.date.today()
        tot = parse_datum(request.query_params.get("tot"), vandaag, parameter="tot")
        vanaf = parse_datum(
            request.query_params.get("vanaf"),
            max(tot, datetime.date.min + datetime.timedelta(days=STANDAARD_DAGEN))
            - datetime.timedelta(days=STANDAARD_DAGEN),
            parameter="vanaf",
        )
        if vanaf > tot:
            raise ValidationError({"vanaf": ["De eerste dag ligt na de laatste."]})
        rijen = [als_dict(model, regel) for model, regel in audit(vanaf, min(tot, vandaag))]
        niet_openbaar_gelezen.send(WijzigingenView, request=request, aantal=len(rijen))
        if self.export_formaat():
            return Response(
                self.tabel(
                    KOLOMMEN,
                    (
                        [
                            *[r[k] for k in list(Wijziging().fields)[:-1]],
                            "; ".join(
                                f"{v['label']}: {v['oud']} → {v['nieuw']}" for v in r["velden"]
                            ),
                        ]
                        for r in rijen
                    ),
                )
            )
        pagina = paginator.paginate_queryset(rijen, request, view=self)
        return paginator.get_paginated_response(Wijziging(pagina, many=True).data)
