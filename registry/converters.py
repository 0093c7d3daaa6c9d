"""The identifiers of the register as patterns and as URL converters.

Defined here once, in the shared kernel, so that models, serializers, the OpenAPI document and
the URLs of every app agree on what a CBS code or a provincie code looks like.
"""

CBS_CODE = r"GM[0-9]{4}"  # the CBS code of a gemeente, e.g. GM0626
PROVINCIE_CODE = r"pv[0-9]{2}"  # the code of a provincie, e.g. pv28


class CbsCodeConverter:
    regex = CBS_CODE

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class ProvincieCodeConverter(CbsCodeConverter):
    regex = PROVINCIE_CODE
