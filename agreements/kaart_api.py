"""The maps of regelingen as GeoJSON (RFC 7946): each gemeente of the peildatum with what the map
on the page shows of it (``waarde``, ``klasse``, ``kleur``), from the same functions
(agreements/kaart.py)."""

from django import forms
from django.shortcuts import get_object_or_404
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from municipalities.api import PEILDATUM_KAART, KaartView, geojson_antwoord
from municipalities.kaart import ATTRIBUTIE, geojson
from municipalities.models import Gemeente
from registry.converters import cbs_code

from . import kaart, selectors
from .constants import Vorm
from .models import Regeling, Thema

WAARDE = (
    "Elke feature heeft de eigenschappen code, naam, provincie en provincieNaam, en wat de "
    "kaart van de pagina laat zien: waarde (het getal of de identificaties van de verbanden), "
    "klasse (de regel van de legenda) en kleur."
)


@extend_schema_view(
    get=extend_schema(
        operation_id="kaart_regeling",
        tags=["kaart"],
        summary="Kaart van de deelnemers van een regeling",
        description=f"De gemeenten van de peildatum; de deelnemers van de regeling hebben waarde "
        f"'{kaart.DEELNEMER}'. {WAARDE} {ATTRIBUTIE}",
        parameters=[PEILDATUM_KAART],
        responses=geojson_antwoord("De gemeenten met de deelnemers van de regeling."),
    )
)
class RegelingKaartView(KaartView):
    def get(self, request, identificatie):
        regeling = get_object_or_404(Regeling, slug=identificatie)
        peildatum = self.peildatum()
        return Response(
            geojson(kaart.regeling_kaart(regeling=regeling, peildatum=peildatum), peildatum)
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="kaart_gemeente",
        tags=["kaart"],
        summary="Kaart van met wie een gemeente samenwerkt",
        description="De gemeenten van de peildatum, elk met het aantal regelingen dat zij op de "
        f"peildatum met de gemeente delen (waarde); de gemeente zelf is omlijnd. {WAARDE} "
        f"{ATTRIBUTIE}",
        parameters=[PEILDATUM_KAART],
        responses=geojson_antwoord("De gemeenten met het aantal gedeelde regelingen."),
    )
)
class GemeenteKaartView(KaartView):
    def get(self, request, code):
        gemeente = get_object_or_404(Gemeente, code=cbs_code(code))
        peildatum = self.peildatum()
        if not gemeente.is_actief_op(peildatum):
            raise ValidationError(
                {"peildatum": [f"{gemeente.naam} bestaat niet op {peildatum:%Y-%m-%d}."]}
            )
        overzicht = selectors.gemeente_overzicht(gemeente=gemeente, peildatum=peildatum)
        return Response(
            geojson(
                kaart.gemeente_kaart(gemeente=gemeente, overzicht=overzicht, peildatum=peildatum),
                peildatum,
            )
        )


class LappendekenParameters(forms.Form):
    thema = forms.ModelChoiceField(
        Thema.objects.all(), to_field_name="slug", required=False, label="Thema"
    )
    vorm = forms.ChoiceField(choices=[("", ""), *Vorm.choices], required=False, label="Vorm")


@extend_schema_view(
    get=extend_schema(
        operation_id="kaart_lappendeken",
        tags=["kaart"],
        summary="Lappendeken: welk verband per gemeente",
        description="Met thema: elke gemeente met de verbanden waaraan zij op de peildatum voor "
        "dat thema (en zijn subthema's) deelneemt (waarde: hun identificaties, gescheiden door "
        "een spatie; klasse 'Neemt deel aan meer dan één…' bij meer dan één). Zonder thema: het "
        "aantal regelingen per gemeente. Vorm beperkt de regelingen tot die vorm. "
        f"{WAARDE} {ATTRIBUTIE}",
        parameters=[
            PEILDATUM_KAART,
            OpenApiParameter("thema", OpenApiTypes.STR, description="Thema (identificatie)."),
            OpenApiParameter("vorm", OpenApiTypes.STR, enum=Vorm.values, description="Vorm."),
        ],
        responses=geojson_antwoord("De gemeenten met hun verbanden of aantal regelingen."),
    )
)
class LappendekenView(KaartView):
    extra_query_params = ("peildatum", "thema", "vorm")

    def get(self, request):
        form = LappendekenParameters(request.query_params)
        if not form.is_valid():
            raise translate_validation(form.errors)
        peildatum = self.peildatum()
        uitkomst = kaart.lappendeken(
            peildatum=peildatum,
            thema=form.cleaned_data["thema"],
            vorm=form.cleaned_data["vorm"],
        )
        return Response(geojson(uitkomst["kaart"] if uitkomst else None, peildatum))
