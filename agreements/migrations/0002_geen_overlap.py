from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

from registry.geldigheid import geen_overlap_sql

GROEPEN = [
    ("agreements_deelname", "deelname_gemeente_geen_overlap", ["regeling_id", "gemeente_id"]),
    ("agreements_deelname", "deelname_partner_geen_overlap", ["regeling_id", "partner_id"]),
    ("agreements_regelingversie", "regelingversie_geen_overlap", ["regeling_id"]),
]


def run(apps, schema_editor, richting):
    for tabel, naam, groep in GROEPEN:
        for sql in geen_overlap_sql(schema_editor.connection.vendor, tabel, naam, groep)[richting]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(
            lambda apps, schema_editor: run(apps, schema_editor, 0),
            lambda apps, schema_editor: run(apps, schema_editor, 1),
        ),
    ]
