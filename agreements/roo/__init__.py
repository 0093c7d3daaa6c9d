"""Import of the ROO export (``exportOO.xml``): every gemeenschappelijke regeling with its
versions, deelnemers, publicaties, thema's and the identifiers of its GR body.

Two steps. ``lees_export`` streams the file once and keeps only compact records of the
regeling versions and of the few facts of organisaties the import needs; the DOM is cleared
as it goes, so memory follows the size of those facts, not of the file. ``importeer`` then
chains the versions into regelingen and writes everything in one transaction, in a fixed
number of queries (bulk reads, bulk writes).

The modules, in the order the data flows through them (none imports a later one):

- ``lezen``: streaming the XML into records (``Versie``, ``Organisatie``, ``Export``), and
  ``download``;
- ``ketens``: chaining the versions into regelingen, and the period of each version;
- ``bekend`` and ``teller``: what the register already holds, and the tally of a run;
- ``deelnemers``: matching deelnemer rows to a gemeente or partner (``GevondenDeelnemer``);
- ``gewenst``: the state of one regeling as the export describes it (``Gewenst``);
- ``schrijven``: the service ``importeer``, which brings the register in line with that.

What comes from where. Naam, vorm, doel, bevoegdheidsverkrijging, wettelijke grondslagen and
bevoegdheden come from the latest version; organisatiecode, OIN, KvK (only for a vorm with
legal personality) and the bezoekadres from the organisatie record of the GR body (the
version's own address first); thema's (beleidsterreinen with a known TOOI term) and
publicaties (instellingsbesluiten) from all versions together.

Ownership. A regeling the import created carries ``roo_beheerd``: the import keeps its fields,
versions, thema's, publicaties and the deelnames that carry ``roo_beheerd`` in line with the
export. Deelnames entered by hand stay. A regeling entered by hand (a case of the voorbeelddata)
is found through the ROO systeemId of one of its versions and left as it is: the import only
fills in a missing systeemId on a version with the same begindatum and reports the ROO
versions it lacks. Regelingen that disappear from the export are left alone.

Periods. A version runs from ``datumInwerkingtreding`` to the day before
``datumUitwerkingtreding`` (exclusive in ROO), and at the latest to the day before its
successor starts. A deelnemer's deelname starts at its ``toetredingsDatum`` (the version start
when absent), runs through the consecutive versions that list it and ends with the last of
them, or the day before an ``uittredingsDatum`` (read as exclusive like the version end; ROO
practically never fills it in); a gemeente's deelname stays within the gemeente's life. The
regeling starts at the earliest version start or deelname start and ends with its last
version; it is opgeheven once that end has passed.
"""

from .lezen import ROO_URL, Export, RooFout, download, lees_export
from .schrijven import importeer

__all__ = ["ROO_URL", "Export", "RooFout", "download", "importeer", "lees_export"]
