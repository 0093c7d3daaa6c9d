"""Completes the OpenAPI document for the NL API Design Rules: problem+json error responses
on every operation, the API-Version and pagination headers, Dutch descriptions for the
parameters drf-spectacular does not describe, and no security requirement on reading."""

from django.conf import settings

from .api import PROBLEM_JSON, TITELS
from .converters import CBS_CODE_INVOER, PROVINCIE_CODE_INVOER
from .exports import CSV_TYPE, XLSX_TYPE
from .peildatum import JAAR_UITLEG

PROBLEEM = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
                "required": ["name", "code", "reason"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}

HEADERS = {
    "API-Version": ("Versie van de API (SemVer).", {"type": "string"}),
    "Link": ("Navigatie: first, prev, next en last (RFC 8288).", {"type": "string"}),
    "X-Total-Count": ("Totaal aantal resultaten.", {"type": "integer"}),
    "X-Pagination-Page": ("Nummer van deze pagina.", {"type": "integer"}),
    "X-Pagination-Limit": ("Aantal resultaten per pagina.", {"type": "integer"}),
}
PAGINERING = ["Link", "X-Total-Count", "X-Pagination-Page", "X-Pagination-Limit"]

BESCHRIJVINGEN = {"200": "Gelukt", "201": "Aangemaakt", "204": "Verwijderd"}

GEEN_STUURTEKENS = r"^[^\x00-\x1f\x7f-\x9f]+$"

PATRONEN = {
    "gemeente": f"^{CBS_CODE_INVOER}$",
    "code": f"^{CBS_CODE_INVOER}$",
    "provincie": f"^{PROVINCIE_CODE_INVOER}$",
}

PARAMETERS = {
    "format": "Formaat van het antwoord: json, of als export csv of xlsx (ook via Accept).",
    "code": "CBS-code van de gemeente, bijv. GM0626, ook in kleine letters (gm0626).",
    "identificatie": "Vaste identificatie van de resource.",
    "jaar": JAAR_UITLEG,
}


def header_ref(naam: str) -> dict:
    return {"$ref": f"#/components/headers/{naam}"}


def probleem_antwoord(status: int) -> dict:
    return {
        "description": TITELS[status],
        "headers": {"API-Version": header_ref("API-Version")},
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Probleem"}}},
    }


def nl_api_design_rules(result, generator, request, public):
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Probleem"] = PROBLEEM
    components["headers"] = {
        naam: {"description": beschrijving, "schema": schema}
        for naam, (beschrijving, schema) in HEADERS.items()
    }
    result["info"]["version"] = settings.API_VERSION

    for operaties in result["paths"].values():
        for methode, operatie in operaties.items():
            parameters = operatie.setdefault("parameters", [])
            for parameter in parameters:
                if not parameter.get("description") and parameter["name"] in PARAMETERS:
                    parameter["description"] = PARAMETERS[parameter["name"]]
                if parameter["name"] in PATRONEN and parameter["schema"].get("type") == "string":
                    parameter["schema"]["pattern"] = PATRONEN[parameter["name"]]
                schema = parameter["schema"]
                if (
                    parameter["in"] in ("query", "path")
                    and schema.get("type") == "string"
                    and not ({"enum", "format", "pattern"} & set(schema))
                ):
                    # Control characters are refused (registry.invoer), an empty value too.
                    schema["pattern"] = GEEN_STUURTEKENS
                if parameter["in"] == "query":  # an empty value is refused
                    if schema.get("type") == "string":
                        schema.setdefault("minLength", 1)
                    if schema.get("type") == "array":
                        schema.setdefault("minItems", 1)
            gepagineerd = any(p["name"] == "page" for p in parameters)

            for code, antwoord in operatie["responses"].items():
                if not antwoord.get("description"):
                    antwoord["description"] = BESCHRIJVINGEN.get(code, "Gelukt")
                headers = antwoord.setdefault("headers", {})
                headers["API-Version"] = header_ref("API-Version")
                inhoud = antwoord.get("content", {})
                for mediatype in (CSV_TYPE, XLSX_TYPE):
                    if mediatype in inhoud:
                        inhoud[mediatype] = {"schema": {"type": "string", "format": "binary"}}
            if gepagineerd:
                for naam in PAGINERING:
                    operatie["responses"]["200"]["headers"][naam] = header_ref(naam)

            statussen = [400, 500]
            if any(p["in"] == "path" for p in parameters) or gepagineerd:
                statussen.append(404)
            if methode == "get":
                operatie.pop("security", None)
            else:
                statussen += [401, 403]
            if methode == "delete":
                statussen.append(409)
            # An error a view declares itself (extend_schema responses) is a problem too.
            statussen += [int(c) for c in operatie["responses"] if int(c) >= 400]
            for status in statussen:
                if not operatie["responses"].get(str(status), {}).get("content"):
                    operatie["responses"][str(status)] = probleem_antwoord(status)
    return result
