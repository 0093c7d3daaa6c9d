"""Klopt er iets niet? Reports of errors on the page of a regeling or a gemeente, for the
organisations that keep that data and for the beheerders."""
