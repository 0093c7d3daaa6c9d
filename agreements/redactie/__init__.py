"""Redactie en toegang: who may change what. Redacteuren belong to organisations (a gemeente,
or the secretariaat of a regeling) and edit only what those keep (``houders()``, see
registry/houders.py); beheerders edit everything. Also the personal API tokens and the
sign-in through the organisation's identity provider (OpenID Connect)."""
