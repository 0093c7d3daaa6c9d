"""The base of every resource of the API: strict query parameters, filters on lists only,
exports of lists and overviews, and only the methods of the NL API Design Rules."""

import datetime
import itertools
from collections.abc import Iterator

from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, views, viewsets
from rest_framework.negotiation import DefaultContentNegotiation

from .api import Pagination
from .exports import FORMATEN, Tabel, stream
from .peildatum import parse_peildatum

EXPORT_DEEL = 500


def batched(rows: Iterator, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items (itertools.batched, Python 3.12)."""
    while batch := list(itertools.islice(rows, size)):
        yield batch


class StrictQueryParamsMixin:
    """Refuse query parameters a view does not know, or without a value (400), instead of
    ignoring them."""

    extra_query_params: tuple[str, ...] = ()

    def toegestane_parameters(self) -> set[str]:
        toegestaan = {"format", *self.extra_query_params}
        if getattr(self, "action", None) == "list":
            toegestaan |= {Pagination.page_query_param, Pagination.page_size_query_param}
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                toegestaan |= set(filterset_class.base_filters)
        return toegestaan

    def initial(self, request, *args, **kwargs):
        # A method this address does not offer is a 405, also before authentication.
        if request.method not in self.allowed_methods:
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        fouten = {}
        for naam, waarden in request.query_params.lists():
            if naam not in self.toegestane_parameters():
                fouten[naam] = "Onbekende parameter."
            elif len(waarden) > 1:
                fouten[naam] = "Geef deze parameter één keer."
            elif waarden[0] == "":
                fouten[naam] = "Geef een waarde of laat de parameter weg."
        if fouten:
            raise exceptions.ValidationError(
                {
                    naam: [exceptions.ErrorDetail(reden, "invalid")]
                    for naam, reden in sorted(fouten.items())
                }
            )


class ExportMixin:
    """Which export the request asked for, if any (``format`` or the Accept header)."""

    def export_formaat(self) -> str | None:
        formaat = self.request.accepted_renderer.format
        return formaat if formaat in FORMATEN else None


class ExportNegotiation(DefaultContentNegotiation):
    """``format`` outside json/csv/xlsx, or one an endpoint does not offer, is a 400."""

    def filter_renderers(self, renderers, format):
        gekozen = [renderer for renderer in renderers if renderer.format == format]
        if not gekozen:
            formaten = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError(
                {"format": [exceptions.ErrorDetail(f"Kies uit: {formaten}.", "invalid_choice")]}
            )
        return gekozen


class RegisterViewSet(StrictQueryParamsMixin, ExportMixin, viewsets.ModelViewSet):
    # A resource of the register: filters apply to lists only (a former gemeente stays
    # retrievable), lists also export to CSV and Excel, and only the methods of the NL API
    # Design Rules are allowed. (Comments, not a docstring: the OpenAPI document would show it.)

    http_method_names = ["get", "post", "put", "patch", "delete"]
    content_negotiation_class = ExportNegotiation
    export_naam = ""

    def lookup_value(self, value: str) -> str:
        """The identifier in the address as the register keeps it; a resource whose code
        people write in another case says how to read it (gm0626 is GM0626)."""
        return value

    def get_object(self):
        kwarg = self.lookup_url_kwarg or self.lookup_field
        self.kwargs[kwarg] = self.lookup_value(self.kwargs[kwarg])
        return super().get_object()

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            return renderers
        return [renderer for renderer in renderers if renderer.format not in FORMATEN]

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def list(self, request, *args, **kwargs):
        formaat = self.export_formaat()
        if formaat is None:
            return super().list(request, *args, **kwargs)
        Pagination().valideer(request)  # an export holds every row, but page must still be valid
        queryset = self.filter_queryset(self.get_queryset())
        serializer = self.get_serializer()
        velden = {naam: veld for naam, veld in serializer.fields.items() if naam != "url"}
        kolommen = [str(veld.label) for veld in velden.values()]
        rijen = (
            [data[naam] for naam in velden]
            for deel in batched(queryset.iterator(chunk_size=EXPORT_DEEL), EXPORT_DEEL)
            for data in self.get_serializer(deel, many=True).data
        )
        return stream(Tabel(kolommen, rijen, self.export_naam), formaat)


class OverzichtView(StrictQueryParamsMixin, ExportMixin, views.APIView):
    # An overview on a peildatum (default today), as JSON, CSV or Excel.

    http_method_names = ["get"]
    content_negotiation_class = ExportNegotiation
    extra_query_params: tuple[str, ...] = ("peildatum",)
    export_naam = ""

    def parameters(self, form_class) -> dict:
        """The parameters of the overview, read by a Django form (``form_class``): what it
        refuses is a 400 naming the parameter."""
        form = form_class(self.request.query_params)
        if not form.is_valid():
            raise translate_validation(form.errors)
        return form.cleaned_data

    def peildatum(self) -> datetime.date:
        return parse_peildatum(self.request.query_params.get("peildatum"))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(getattr(response, "data", None), Tabel):  # an export: a named download
            naam = response.data.bestandsnaam(response.accepted_renderer.format)
            response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response


def crud_schema(meervoud: str, enkelvoud: str, beschrijving: str = ""):
    return extend_schema_view(
        list=extend_schema(summary=meervoud.capitalize(), description=beschrijving),
        retrieve=extend_schema(
            summary=f"Eén {enkelvoud}", description=f"Eén {enkelvoud} op zijn identificatie."
        ),
        create=extend_schema(
            summary=f"{enkelvoud.capitalize()} toevoegen",
            description=f"Voeg een {enkelvoud} toe (alleen voor beheerders).",
        ),
        update=extend_schema(
            summary=f"{enkelvoud.capitalize()} vervangen",
            description=f"Vervang alle gegevens van een {enkelvoud} (alleen voor beheerders).",
        ),
        partial_update=extend_schema(
            summary=f"{enkelvoud.capitalize()} wijzigen",
            description=f"Wijzig de meegestuurde gegevens van een {enkelvoud} (alleen voor "
            "beheerders).",
        ),
        destroy=extend_schema(
            summary=f"{enkelvoud.capitalize()} verwijderen",
            description=f"Verwijder een {enkelvoud} (alleen voor beheerders); 409 als andere "
            "gegevens ernaar verwijzen.",
        ),
    )
