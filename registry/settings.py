"""Settings, read from the environment. SQLite by default, PostgreSQL with DATABASE_URL."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY moet gezet zijn wanneer DEBUG uit staat.")
    SECRET_KEY = "alleen-voor-lokale-ontwikkeling"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "municipalities",
    "agreements",
    "agreements.grip",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "registry.converters.CanonicalCodeMiddleware",
    "registry.peildatum.OngeldigeParameterMiddleware",
    "registry.api.ApiMiddleware",
]

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The national snapshot that `manage.py voorbeelddata --landelijk` (and so `make run`) imports:
# the ROO export of May 2026 (CC0), see fixtures/README.md.
ROO_MOMENTOPNAME = Path(
    os.environ.get("ROO_MOMENTOPNAME", BASE_DIR / "fixtures" / "roo" / "exportOO-2026-05.xml.xz")
)
ROO_MOMENTOPNAME_BRON = "Register van Overheidsorganisaties, landelijke export van mei 2026 (CC0)"

ROOT_URLCONF = "registry.urls"
WSGI_APPLICATION = "registry.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

API_VERSION = "1.1.0"  # 1.1: begindatum and einddatum on every resource with a period

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["registry.api.AlleenLezenOfStaf"],
    "DEFAULT_PAGINATION_CLASS": "registry.api.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "registry.exports.CSVRenderer",
        "registry.exports.XLSXRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "registry.api.exception_handler",
    "DATE_FORMAT": "iso-8601",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%SZ",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Samenwerkingsregister API",
    "DESCRIPTION": "Het register van intergemeentelijke samenwerkingsverbanden: gemeenten, "
    "partners, thema's, regelingen en deelnames, elk op te vragen zoals het was op een peildatum, "
    "met overzichten per gemeente, thema en provincie. Lezen is openbaar; wijzigen kan alleen "
    "een beheerder. Fouten volgen RFC 9457 (application/problem+json).",
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": os.environ.get("API_CONTACT_NAAM", "Beheer Samenwerkingsregister"),
        "email": os.environ.get("API_CONTACT_EMAIL", "register@samenwerkingsregister.nl"),
        "url": os.environ.get("API_CONTACT_URL", "https://samenwerkingsregister.nl"),
    },
    "TAGS": [
        {"name": "gemeenten", "description": "Gemeenten, ook opgeheven, op CBS-code."},
        {"name": "partners", "description": "Deelnemers die geen gemeente zijn."},
        {"name": "themas", "description": "Beleidsterreinen (TOOI-thesaurus)."},
        {"name": "regelingen", "description": "Samenwerkingsverbanden in elke vorm."},
        {
            "name": "deelnames",
            "description": "Wie neemt deel aan welke regeling, van wanneer tot wanneer.",
        },
        {"name": "netwerk", "description": "Welke gemeenten samenwerken, en hoe vaak."},
        {"name": "kaart", "description": "Kaarten als GeoJSON (RFC 7946, WGS84)."},
        {"name": "cijfers", "description": "De cijfers van het NHL-onderzoek, herberekend."},
        {"name": "procedurestappen", "description": "De Wgr-procedure per regeling en gemeente."},
        {"name": "jaarstukken", "description": "Kaderbrief, begroting en jaarrekening."},
        {"name": "zienswijzen", "description": "Zienswijzen van de raden op jaarstukken."},
        {
            "name": "vertegenwoordigers",
            "description": "Wie de gemeente in welk bestuur vertegenwoordigt.",
        },
        {"name": "rapporteurs", "description": "Rapporteurs van de raad per samenwerking."},
        {"name": "bijdragen", "description": "Bijdragen van gemeenten per jaar."},
        {"name": "jaarcijfers", "description": "Vermogen, resultaat en risico's per jaar."},
        {"name": "evaluaties", "description": "Evaluaties van samenwerkingen."},
        {"name": "toetsingen", "description": "Antwoorden op het toetsingskader."},
        {"name": "beeindigingen", "description": "Opzegging, uittreding en ontvlechting."},
        {"name": "raadsafspraken", "description": "Afspraken van de raad over grip."},
    ],
    "ENUM_NAME_OVERRIDES": {
        "RegelingStatusEnum": "agreements.constants.Status",
        "StapstatusEnum": "agreements.grip.constants.Stapstatus",
    },
    "LICENSE": {"name": "EUPL-1.2"},
    "SERVERS": [{"url": "/api/v1", "description": "Deze installatie"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "registry.schema.nl_api_design_rules",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
