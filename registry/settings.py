"""Settings, read from the environment. SQLite by default, PostgreSQL with DATABASE_URL."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


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
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "registry",
    "municipalities",
    "agreements",
    "agreements.grip",
    "agreements.meldingen",
    "agreements.redactie",
    "axes",
    "mozilla_django_oidc",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "registry.invoer.InvoerMiddleware",
    "csp.middleware.CSPMiddleware",
    "registry.invoer.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "registry.protocol.KanaalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "registry.converters.CanonicalCodeMiddleware",
    "registry.peildatum.OngeldigeParameterMiddleware",
    "registry.api.ApiMiddleware",
    "axes.middleware.AxesMiddleware",
    "registry.http.HttpCacheMiddleware",
]

# Signing in. django-axes locks the admin login after AXES_FAILURE_LIMIT failures in a row for
# one username from one address (AXES_LOCKOUT_PARAMETERS), for AXES_COOLOFF_TIME hours: a
# guesser is stopped without one person locking out a whole office behind one address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "30"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_TIME", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "geblokkeerd.html"

# Optional sign-in through the organisation's identity provider (OpenID Connect, with
# mozilla-django-oidc): on when OIDC_RP_CLIENT_ID is set. Users are found by the claim
# OIDC_CLAIM_GEBRUIKERSNAAM; OIDC_CLAIM_ORGANISATIES (optional) lists the CBS codes and
# regeling:<identificatie> keys they edit for (agreements/redactie/oidc.py).
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    OIDC_ADRESSEN = [
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
    ]
    if ontbreekt := [naam for naam in OIDC_ADRESSEN if not os.environ.get(naam)]:
        raise RuntimeError(f"OIDC_RP_CLIENT_ID is gezet; zet ook {', '.join(ontbreekt)}.")
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
    AUTHENTICATION_BACKENDS.append("agreements.redactie.oidc.OrganisatieBackend")
OIDC_CLAIM_GEBRUIKERSNAAM = os.environ.get("OIDC_CLAIM_GEBRUIKERSNAAM", "preferred_username")
OIDC_CLAIM_ORGANISATIES = os.environ.get("OIDC_CLAIM_ORGANISATIES", "")
LOGIN_REDIRECT_URL = "/admin/"
LOGOUT_REDIRECT_URL = "/"
# History rows are append-only: the admin shows them but cannot revert to one.
SIMPLE_HISTORY_REVERT_DISABLED = True
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True


# The apps whose writes advance the version of the register (registry/versie.py).
REGISTER_APPS = ("municipalities", "agreements", "grip")

# Results computed from the whole register (netwerk, cijfers, lappendeken) are cached under
# its version: in local memory by default, in Redis when several servers share the work
# (CACHE_URL=redis://host:6379/0; REDIS_URL is read too).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "register",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# HTTP caching (registry/http.py): anonymous reads may be kept this many seconds by browsers
# and proxies; RELEASE changes every ETag when the code (not the data) changes.
HTTP_MAX_AGE = int(os.environ.get("HTTP_MAX_AGE", "60"))
RELEASE = os.environ.get("RELEASE", "")

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The national snapshot that `manage.py voorbeelddata --landelijk` (and so `make run`) imports:
# the ROO export of May 2026 (CC0), see fixtures/README.md.
ROO_MOMENTOPNAME = Path(
    os.environ.get("ROO_MOMENTOPNAME", BASE_DIR / "fixtures" / "roo" / "exportOO-2026-05.xml.xz")
)
ROO_MOMENTOPNAME_BRON = "Register van Overheidsorganisaties, landelijke export van mei 2026 (CC0)"
# The identifiers (ROO systeemId, OIN, KvK, RSIN, Wikidata) per organisatiecode that
# `voorbeelddata` fills in: copied from the polder mirror of the ROO (CC0), see fixtures/README.md.
IDENTIFICATOREN = BASE_DIR / "fixtures" / "identificatoren.csv"
IDENTIFICATOREN_BRON = (
    "polder: spiegel van het Register van Overheidsorganisaties met OIN (Logius COR) en "
    "Wikidata, stand mei 2026 (CC0)"
)

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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite (`make run`) for more than one user at a time: readers and a writer side by side
    # (WAL), a transaction that will write takes the lock when it begins (IMMEDIATE) instead of
    # failing when it first writes, and waits up to 20 s for another to finish rather than
    # answering "database is locked". PostgreSQL stays the database for production.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
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

# Deployment: with DEBUG off every default is the secure one, so that `manage.py check --deploy`
# with only DEBUG, SECRET_KEY and ALLOWED_HOSTS set reports nothing (tests/test_deploy.py).
# Behind a proxy that ends TLS and sends X-Forwarded-Proto: PROXY_HTTPS_HEADER=true, and
# SECURE_SSL_REDIRECT=false when the proxy redirects http to https itself.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("PROXY_HTTPS_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)  # a year
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a promise for the whole domain that is hard to take back (and anyone may
    # submit a domain whose header offers it): the owner of the domain decides, with
    # SECURE_HSTS_PRELOAD=true.
    "security.W021",
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A session ends after SESSION_MINUTEN minutes without a request (each request renews it) and
# when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_MINUTEN", 60) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy (django-csp): only the register's own scripts, styles, images and
# fonts. Inline style attributes are allowed (the bars of the diagrams have their width in
# one); inline scripts are not. The API documentation (Redoc) adds what it needs in urls.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# The largest request body (bytes): the admin's forms and the API's JSON are far smaller. A larger
# body is a 413 (registry.invoer.InvoerMiddleware), before anything reads it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# E-mail: printed on the console unless a mail server is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "register@samenwerkingsregister.nl")

# Klopt er iets niet? (agreements/meldingen): submissions per IP address per hour, the least
# number of seconds between showing the form and sending it, and how many days after a melding
# is handled the melder's name and e-mail address are removed (manage.py ruim_meldingen_op).
MELDINGEN_PER_UUR = int(os.environ.get("MELDINGEN_PER_UUR", "10"))
MELDINGEN_MINIMALE_SECONDEN = 3
MELDINGEN_BEWAARTERMIJN_DAGEN = int(os.environ.get("MELDINGEN_BEWAARTERMIJN_DAGEN", "30"))

# The public address of the API, as the OpenAPI document names it (an absolute https:// URL, NL API
# Design Rules); its host also makes the UIDs of the termijnen in the agenda unique.
API_BASIS_URL = os.environ.get("API_BASIS_URL", "https://samenwerkingsregister.nl/api/v1").rstrip(
    "/"
)

# Browser-based consumers elsewhere may read the API (GET, HEAD, OPTIONS) but not write to it:
# a cross-origin preflight for POST, PUT, PATCH or DELETE does not get these methods.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = (
    "API-Version",
    "Link",
    "X-Total-Count",
    "X-Pagination-Page",
    "X-Pagination-Limit",
    "Content-Disposition",
)

API_VERSION = "1.2.0"  # 1.1: begindatum and einddatum; 1.2: tokens, If-Match on writes, ETags

# Requests per address without a login, and per user with one ("120/min", "5000/hour").
API_LIMIET_ANONIEM = os.environ.get("API_THROTTLE_ANON", "120/min")
API_LIMIET_GEBRUIKER = os.environ.get("API_THROTTLE_USER", "1200/min")

REST_FRAMEWORK = {
    # Personal tokens for programs; the session (with CSRF) for the browser that is logged in
    # to the admin. No HTTP Basic: a password per request costs a hash each time.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "agreements.redactie.api.TokenAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["agreements.redactie.api.RedactieRechten"],
    "DEFAULT_THROTTLE_CLASSES": ["registry.api.AnoniemeLimiet", "registry.api.GebruikersLimiet"],
    "DEFAULT_PAGINATION_CLASS": "registry.api.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "registry.exports.CSVRenderer",
        "registry.exports.XLSXRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["registry.invoer.JSONParser"],
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
    "met overzichten per gemeente, thema en provincie. Lezen is openbaar (zonder inloggen "
    "begrensd per minuut, 429 met Retry-After). Wijzigen kan met een persoonlijke token "
    "(Authorization: Bearer …): een beheerder alles, een redacteur wat de eigen organisatie "
    "bijhoudt. Fouten volgen RFC 9457 (application/problem+json). Tekst met een NUL- of "
    "ander stuurteken (in adres, parameters, headers of JSON) geeft 400, een verzoek groter dan "
    "1 MiB 413, JSON dieper dan 20 niveaus 400; namen en titels mogen geen onzichtbare tekens "
    "bevatten (zonder breedte of voor de schrijfrichting) en elke tekst wordt als Unicode NFC "
    "opgeslagen.",
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
        {"name": "herindelingen", "description": "Gemeentelijke herindelingen en hun bronnen."},
        {
            "name": "herindelingsscan",
            "description": "Wat een herindeling betekent voor de regelingen van de gemeenten.",
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
        {
            "name": "downloads",
            "description": "Het hele register op een peildatum: CSV's met datapackage.json, of "
            "één SQLite-bestand.",
        },
        {"name": "documentatie", "description": "Dit OpenAPI-document zelf."},
        {
            "name": "wijzigingen",
            "description": "Protocollering: wie wat wanneer waarlangs wijzigde (beheerders).",
        },
    ],
    "ENUM_NAME_OVERRIDES": {
        "RegelingStatusEnum": "agreements.constants.Status",
        "StapstatusEnum": "agreements.grip.constants.Stapstatus",
    },
    "LICENSE": {"name": "EUPL-1.2"},
    "SERVERS": [{"url": API_BASIS_URL, "description": "Deze installatie"}],
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
