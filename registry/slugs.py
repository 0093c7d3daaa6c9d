"""Identifiers in addresses (the field ``slug``, labelled "identificatie") that a model derives
from its own data when none is given: on saving, and through ``vul_aan`` before validation in
the API (registry/serializers.py)."""

from django.db import models


class DerivedSlug(models.Model):
    """A model with a ``slug`` field that ``slug_source()`` fills when it is empty."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.vul_aan()
        super().save(*args, **kwargs)

    def slug_source(self) -> str:
        """What the identifier is made of; each model says which of its fields."""
        raise NotImplementedError

    def vul_aan(self):
        """Derive the identifier when none is given, cut to the length of the field."""
        if not self.slug:
            self.slug = self.slug_source()[: self._meta.get_field("slug").max_length]
