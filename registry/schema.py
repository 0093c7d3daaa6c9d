"""Completes the OpenAPI document for the NL API Design Rules: problem+json error responses
on every operation, the API-Version and pagination headers, Dutch descriptions for the
parameters drf-spectacular does not describe, and no security requirement on reading."""

import json

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
    "Retry-After": ("Na hoeveel seconden een nieuw verzoek weer kan.", {"type": "integer"}),
    "ETag": (
        "De versie van deze resource; stuur hem mee in If-Match om haar te wijzigen of te "
        "verwijderen.",
        {"type": "string"},
    ),
}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": "De ETag van de versie die u las (uit de ETag-header van GET). Zonder "
    "If-Match volgt 428; is de resource sindsdien gewijzigd, dan 412 en verandert er niets. "
    "Een * is niet genoeg.",
    "schema": {"type": "string", "minLength": 1, "pattern": r"^[\x20-\x7e]+$"},
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


OPENAPI_PAD = {
    "get": {
        "operationId": "openapiJson",
        "summary": "Dit OpenAPI-document",
        "description": "De beschrijving van deze API volgens OpenAPI 3.0, als JSON (ook als YAML "
        "op /openapi.yaml).",
        "tags": ["documentatie"],
        "responses": {
            "200": {
                "description": "Gelukt",
                "content": {"application/vnd.oai.openapi+json": {"schema": {"type": "object"}}},
            }
        },
    }
}


def zonder_ongebruikte_schemas(result: dict) -> None:
    """Drop the component schemas nothing refers to (drf-spectacular makes a request variant of
    every nested serializer, also of one that is only ever read)."""
    schemas = result["components"]["schemas"]
    while True:
        tekst = json.dumps(result, default=str)
        ongebruikt = [n for n in schemas if f'"#/components/schemas/{n}"' not in tekst]
        if not ongebruikt:
            return
        for naam in ongebruikt:
            del schemas[naam]


def nl_api_design_rules(result, generator, request, public):
    result["paths"]["/openapi.json"] = OPENAPI_PAD
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Probleem"] = PROBLEEM
    components["headers"] = {
        naam: {"description": beschrijving, "schema": schema}
        for naam, (beschrijving, schema) in HEADERS.items()
    }
    result["info"]["version"] = settings.API_VERSION

    versies = {
        pad
        for pad, operaties in result["paths"].items()
        for methode in ("put", "patch", "delete")
        if methode in operaties
    }
    for pad in versies:  # a resource with a version: its ETag in, and If-Match on writes
        for methode, operatie in result["paths"][pad].items():
            if methode in ("put", "patch", "delete"):
                operatie.setdefault("parameters", []).append(dict(IF_MATCH))
                for status in (412, 428):
                    operatie["responses"][str(status)] = probleem_antwoord(status)
            if methode in ("get", "put", "patch"):
                operatie["responses"]["200"].setdefault("headers", {})["ETag"] = header_ref("ETag")
        verzameling = result["paths"].get(pad.rsplit("/", 1)[0], {})
        if "post" in verzameling:
            verzameling["post"]["responses"]["201"].setdefault("headers", {})["ETag"] = header_ref(
                "ETag"
            )

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

            statussen = [400, 429, 500]  # 429: beyond the limit per minute
            if any(p["in"] == "path" for p in parameters) or gepagineerd:
                statussen.append(404)
            if methode == "get" and "401" not in operatie["responses"]:
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
            operatie["responses"]["429"]["headers"]["Retry-After"] = header_ref("Retry-After")
    zonder_ongebruikte_schemas(result)
    return result
