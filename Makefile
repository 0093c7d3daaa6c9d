# Samenwerkingsregister — `make run` serves the register, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint schemathesis bench belasting landelijk spectral

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.app: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.app
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py voorbeelddata --landelijk
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The national data: every gemeenschappelijke regeling in the ROO export, downloaded, or from
# a file with ROO_EXPORT=pad/naar/exportOO.xml. Runs again safely: it updates what changed.
ROO_EXPORT ?=
landelijk: $(VENV)/.app
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py voorbeelddata
	$(BIN)/python manage.py importeer_roo $(ROO_EXPORT)

PYTEST_ARGS ?=
test: $(VENV)/.test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

# The register at 1, 10 and 100 times the country on PostgreSQL (BENCH_PG, default the local
# server as postgres; it creates the databases bench_1, bench_10, bench_100), each endpoint
# against its limit; writes bench/RESULTS.md. BENCH_SCHALEN=1,10 for fewer. Then the ROO import.
BENCH_SCHALEN ?= 1,10,100
bench: $(VENV)/.test
	$(BIN)/python bench/register.py --schalen $(BENCH_SCHALEN)
	DEBUG=false SECRET_KEY=bench SECURE_SSL_REDIRECT=false $(BIN)/python bench/roo.py
	DEBUG=false SECRET_KEY=bench SECURE_SSL_REDIRECT=false $(BIN)/python bench/kaart.py

# Bounded load from loopback: anonymous readers and five redacteuren editing deelnames at the
# same time (two of one gemeente), against gunicorn on a PostgreSQL database of its own
# (belasting_<pid>, dropped afterwards); then every acknowledged write is checked in the data and
# the history. Writes bench/BELASTING.md. BELASTING_SECONDEN=20 for a short try.
BELASTING_SECONDEN ?= 180
belasting: $(VENV)/.test
	$(BIN)/python bench/belasting.py --seconden $(BELASTING_SECONDEN)

# Schemathesis (all checks, all phases) against a live server with the voorbeelddata, on a fresh
# database: SQLite by default, PostgreSQL in CI (SCHEMATHESIS_DATABASE_URL, an empty database).
# Reading operations run anonymously; writing ones twice, as a beheerder and as a redacteur of
# Voorschoten (throwaway accounts with a token of one day in the throwaway database). A write
# needs If-Match with the ETag of what was read, which a generated request cannot know: 428 and
# 412 are documented answers, as are 400 for a reference to something that does not exist and
# 403 for what a redacteur does not keep (schemathesis.toml). CI uses a fixed seed so that a run
# can be repeated; SCHEMATHESIS_SEED= explores at random. Writes run in one worker: with two,
# hypothesis once crashed generating a case (CPython 3.11 "AST constructor recursion depth
# mismatch" when two threads compile at once), a failure of the tool, not of the API.
SCHEMATHESIS_SEED ?= 20261122
SCHEMATHESIS_PORT ?= 8765
SCHEMATHESIS_DB := $(CURDIR)/.schemathesis.sqlite3
SCHEMATHESIS_DATABASE_URL ?= sqlite:///$(SCHEMATHESIS_DB)
SCHEMATHESIS_JUNIT ?=
junit = $(if $(SCHEMATHESIS_JUNIT),--report junit --report-junit-path $(SCHEMATHESIS_JUNIT)-$(1).xml)
SCHEMATHESIS := $(BIN)/schemathesis run http://127.0.0.1:$(SCHEMATHESIS_PORT)/api/v1/openapi.json \
	--checks all --max-examples 10 --workers 2 --no-color $(if $(SCHEMATHESIS_SEED),--seed $(SCHEMATHESIS_SEED))
ST_MANAGE := DATABASE_URL=$(SCHEMATHESIS_DATABASE_URL) $(BIN)/python manage.py
token = --header "Authorization: Bearer $$(cat $(SCHEMATHESIS_DB).$(1))"
schemathesis: $(VENV)/.test
	rm -f $(SCHEMATHESIS_DB)*
	DEBUG=false SECRET_KEY=schemathesis $(BIN)/python manage.py collectstatic --noinput -v0  # as deployed: with the manifest
	$(ST_MANAGE) migrate --noinput -v0
	$(ST_MANAGE) voorbeelddata -v0
	$(ST_MANAGE) createsuperuser --noinput --username schemathesis --email st@example.org
	$(ST_MANAGE) maak_token schemathesis --naam schemathesis --dagen 1 > $(SCHEMATHESIS_DB).beheerder
	$(ST_MANAGE) maak_redacteur st-redacteur --gemeente GM0626 -v0
	$(ST_MANAGE) maak_token st-redacteur --naam schemathesis --dagen 1 > $(SCHEMATHESIS_DB).redacteur
	DATABASE_URL=$(SCHEMATHESIS_DATABASE_URL) DEBUG=false SECRET_KEY=schemathesis \
		API_THROTTLE_ANON=1000000/min API_THROTTLE_USER=1000000/min \
		API_BASIS_URL=http://127.0.0.1:$(SCHEMATHESIS_PORT)/api/v1 SECURE_SSL_REDIRECT=false \
		$(BIN)/gunicorn registry.wsgi --bind 127.0.0.1:$(SCHEMATHESIS_PORT) --workers 2 \
		--limit-request-line 0 --pid $(SCHEMATHESIS_DB).pid --daemon
	sleep 2
	$(SCHEMATHESIS) --include-method GET $(call junit,lezen) \
		&& $(SCHEMATHESIS) --exclude-method GET --workers 1 $(call junit,beheerder) $(call token,beheerder) \
		&& $(SCHEMATHESIS) --exclude-method GET --workers 1 $(call junit,redacteur) $(call token,redacteur); \
		status=$$?; kill $$(cat $(SCHEMATHESIS_DB).pid); rm -f $(SCHEMATHESIS_DB)*; exit $$status

# The rules of the NL API Design Rules 2.1 Spectral ruleset this API was reported on
# (tests/spectral/adr.yaml), with Spectral from npm.
spectral: $(VENV)/.app
	$(BIN)/python manage.py spectacular --format openapi-json --file .openapi.json
	npx -y @stoplight/spectral-cli@6 lint -r tests/spectral/adr.yaml .openapi.json
