"""The models of grip op samenwerking, taken over from ``agreements`` with their tables and
data (created there by agreements 0005): state only, no change to the database."""

import django.core.validators
import django.db.models.deletion
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('agreements', '0006_grip_naar_eigen_app'),
        ('municipalities', '0002_herindeling'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Evaluatie',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('datum', models.DateField(verbose_name='datum')),
                        ('titel', models.CharField(max_length=300, verbose_name='titel')),
                        ('conclusie', models.TextField(blank=True, verbose_name='conclusie')),
                        ('document_url', models.URLField(blank=True, max_length=500, verbose_name='adres document')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.ForeignKey(blank=True, help_text='Leeg als de deelnemers samen evalueerden.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='evaluaties', to='municipalities.gemeente', verbose_name='gemeente')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluaties', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'evaluatie',
                        'verbose_name_plural': 'evaluaties',
                        'db_table': 'agreements_evaluatie',
                        'ordering': ['regeling', '-datum', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Jaarstuk',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('soort', models.CharField(choices=[('kaderbrief', 'Kaderbrief'), ('ontwerpbegroting', 'Ontwerpbegroting'), ('voorlopige_jaarrekening', 'Voorlopige jaarrekening'), ('jaarrekening', 'Jaarrekening')], max_length=30, verbose_name='soort')),
                        ('jaar', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                        ('ontvangen', models.DateField(blank=True, help_text='Leeg als onbekend.', null=True, verbose_name='ontvangen door de raden')),
                        ('vastgesteld', models.DateField(blank=True, null=True, verbose_name='vastgesteld door het algemeen bestuur')),
                        ('termijn_weken', models.PositiveSmallIntegerField(blank=True, help_text='Leeg: bij een ontwerpbegroting de wettelijke 12 weken (Wgr art. 35), bij andere stukken geen termijn.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(52)], verbose_name='termijn zienswijze (weken)')),
                        ('document_url', models.URLField(blank=True, max_length=500, verbose_name='adres document')),
                        ('toelichting', models.TextField(blank=True, verbose_name='toelichting')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jaarstukken', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'jaarstuk',
                        'verbose_name_plural': 'jaarstukken',
                        'db_table': 'agreements_jaarstuk',
                        'ordering': ['regeling', '-jaar', 'soort', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Procedurestap',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('onderwerp', models.CharField(choices=[('treffen', 'Treffen (aangaan)'), ('wijzigen', 'Wijzigen'), ('toetreden', 'Toetreden'), ('uittreden', 'Uittreden'), ('opheffen', 'Opheffen')], default='treffen', help_text='Treffen omvat ook wijzigen, toetreden en uittreden (Wgr art. 1 lid 5).', max_length=20, verbose_name='onderwerp')),
                        ('soort', models.CharField(choices=[('besluit_college', 'Besluit college'), ('ontwerp_ontvangen', 'Ontwerp ontvangen'), ('zienswijze_gevraagd', 'Zienswijze gevraagd'), ('zienswijze_gegeven', 'Zienswijze gegeven'), ('toestemming_raad', 'Toestemming raad'), ('ondertekening', 'Ondertekening'), ('publicatie', 'Publicatie'), ('inwerkingtreding', 'Inwerkingtreding')], max_length=30, verbose_name='stap')),
                        ('status', models.CharField(choices=[('gepland', 'Gepland'), ('afgerond', 'Afgerond'), ('niet_van_toepassing', 'Niet van toepassing')], default='gepland', max_length=30, verbose_name='status')),
                        ('datum', models.DateField(blank=True, help_text='Leeg als onbekend.', null=True, verbose_name='datum')),
                        ('termijn_weken', models.PositiveSmallIntegerField(blank=True, help_text="Alleen bij 'zienswijze gevraagd'; leeg is de wettelijke termijn van 8 weken (Wgr art. 1).", null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(52)], verbose_name='termijn (weken)')),
                        ('tegelijk_met_toestemming', models.BooleanField(default=False, help_text='Bij een lichte regeling mogen zienswijze en toestemming tegelijk worden gevraagd.', verbose_name='zienswijze en toestemming tegelijk')),
                        ('raadsvoorstel', models.CharField(blank=True, max_length=50, verbose_name='registratienummer raadsvoorstel')),
                        ('portefeuillehouder', models.CharField(blank=True, max_length=100, verbose_name='portefeuillehouder')),
                        ('document_url', models.URLField(blank=True, max_length=500, verbose_name='adres document')),
                        ('toelichting', models.TextField(blank=True, verbose_name='toelichting')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.ForeignKey(blank=True, help_text='Leeg als de stap de regeling als geheel betreft.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='procedurestappen', to='municipalities.gemeente', verbose_name='gemeente')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='procedurestappen', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'procedurestap',
                        'verbose_name_plural': 'procedurestappen',
                        'db_table': 'agreements_procedurestap',
                        'ordering': ['regeling', 'gemeente', 'datum', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Raadsafspraak',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('evaluatie_interval_jaren', models.PositiveSmallIntegerField(help_text='Na hoeveel jaar de raad een samenwerking opnieuw evalueert.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(20)], verbose_name='evalueren elke (jaren)')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='raadsafspraak', to='municipalities.gemeente', verbose_name='gemeente')),
                    ],
                    options={
                        'verbose_name': 'raadsafspraak',
                        'verbose_name_plural': 'raadsafspraken',
                        'db_table': 'agreements_raadsafspraak',
                        'ordering': ['gemeente__naam'],
                    },
                ),
                migrations.CreateModel(
                    name='Rapporteur',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('begindatum', models.DateField(blank=True, null=True, verbose_name='begindatum')),
                        ('einddatum', models.DateField(blank=True, help_text='Laatste dag van geldigheid.', null=True, verbose_name='einddatum')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('naam', models.CharField(max_length=200, verbose_name='naam')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rapporteurs', to='municipalities.gemeente', verbose_name='gemeente')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rapporteurs', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'rapporteur',
                        'verbose_name_plural': 'rapporteurs',
                        'db_table': 'agreements_rapporteur',
                        'ordering': ['regeling', 'gemeente', 'naam', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Toetsing',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('vraag', models.CharField(choices=[('strategisch_1', 'Wat wil je?'), ('strategisch_2', 'Waarom wil je samenwerken?'), ('strategisch_3', 'Hoe wil je samenwerken?'), ('strategisch_4', 'Willen we ook op termijn samenwerken?'), ('strategisch_5', 'Hoe kan er grip gehouden worden op de samenwerking?'), ('strategisch_6', 'Wat mag het kosten c.q. wat moet het de gemeente opleveren?'), ('strategisch_7', 'Is er draagvlak bij bestuur en organisatie?'), ('bedrijfsvoering_1', 'Kostenafweging'), ('bedrijfsvoering_2', 'Prestatieafweging'), ('bedrijfsvoering_3', 'Risicoafweging'), ('bedrijfsvoering_4', 'Continuïteitsafweging'), ('bedrijfsvoering_5', 'Impact op de organisatie'), ('bedrijfsvoering_6', 'Gevolgen voor dienstverlening'), ('bedrijfsvoering_7', 'Aanstuurbaarheid'), ('bedrijfseconomisch_1', 'Businessplan'), ('bedrijfseconomisch_2', 'Risicoafdekking'), ('bedrijfseconomisch_3', 'Uitvoering'), ('bedrijfseconomisch_4', 'Personele component'), ('bedrijfseconomisch_5', 'Reorganisatie'), ('bedrijfseconomisch_6', 'Overblijvende overheadkosten'), ('bedrijfseconomisch_7', 'Ontvlechtingskosten later'), ('bedrijfseconomisch_8', 'Btw'), ('bedrijfseconomisch_9', 'Vennootschapsbelasting'), ('bedrijfseconomisch_10', 'Aanbestedingsregels'), ('bedrijfseconomisch_11', 'Aansprakelijkheid'), ('juridisch_1', 'Wet markt en overheid'), ('juridisch_2', 'Publiekrechtelijke weg (Wet gemeenschappelijke regelingen)'), ('juridisch_3', 'Convenant'), ('juridisch_4', 'Privaatrechtelijke weg (overeenkomst of oprichting rechtspersoon)'), ('juridisch_5', 'Beperking artikel 160, tweede lid Gemeentewet')], max_length=30, verbose_name='vraag')),
                        ('antwoord', models.CharField(choices=[('voldoet', 'Voldoet'), ('deels', 'Voldoet deels'), ('voldoet_niet', 'Voldoet niet'), ('niet_van_toepassing', 'Niet van toepassing')], max_length=30, verbose_name='antwoord')),
                        ('toelichting', models.TextField(blank=True, verbose_name='toelichting')),
                        ('evaluatie', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='toetsingen', to='grip.evaluatie', verbose_name='evaluatie')),
                    ],
                    options={
                        'verbose_name': 'toetsing',
                        'verbose_name_plural': 'toetsingskader',
                        'db_table': 'agreements_toetsing',
                        'ordering': ['evaluatie', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Vertegenwoordiger',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('begindatum', models.DateField(blank=True, null=True, verbose_name='begindatum')),
                        ('einddatum', models.DateField(blank=True, help_text='Laatste dag van geldigheid.', null=True, verbose_name='einddatum')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('naam', models.CharField(max_length=200, verbose_name='naam')),
                        ('functie', models.CharField(choices=[('burgemeester', 'Burgemeester'), ('wethouder', 'Wethouder'), ('raadslid', 'Raadslid'), ('overig', 'Anders')], help_text='Burgemeester, wethouder of raadslid tijdens de zitting.', max_length=20, verbose_name='functie in de gemeente')),
                        ('orgaan', models.CharField(choices=[('algemeen_bestuur', 'Algemeen bestuur'), ('dagelijks_bestuur', 'Dagelijks bestuur'), ('bestuurscommissie', 'Bestuurscommissie'), ('bestuur', 'Bestuur (bedrijfsvoeringsorganisatie, orgaan of rechtspersoon)')], max_length=30, verbose_name='orgaan')),
                        ('voorzitter', models.BooleanField(default=False, verbose_name='voorzitter')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='vertegenwoordigers', to='municipalities.gemeente', verbose_name='gemeente')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vertegenwoordigers', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'vertegenwoordiger',
                        'verbose_name_plural': 'vertegenwoordigers',
                        'db_table': 'agreements_vertegenwoordiger',
                        'ordering': ['regeling', 'gemeente', 'orgaan', 'naam', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Zienswijze',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('datum', models.DateField(blank=True, null=True, verbose_name='datum raadsbesluit')),
                        ('geen_zienswijze', models.BooleanField(default=False, help_text='De raad besloot geen zienswijze te geven.', verbose_name='geen zienswijze')),
                        ('inhoud', models.TextField(blank=True, verbose_name='inhoud')),
                        ('document_url', models.URLField(blank=True, max_length=500, verbose_name='adres document')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='zienswijzen', to='municipalities.gemeente', verbose_name='gemeente')),
                        ('jaarstuk', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='zienswijzen', to='grip.jaarstuk', verbose_name='jaarstuk')),
                    ],
                    options={
                        'verbose_name': 'zienswijze',
                        'verbose_name_plural': 'zienswijzen',
                        'db_table': 'agreements_zienswijze',
                        'ordering': ['jaarstuk', 'gemeente__naam', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Beeindiging',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('opzegtermijn_maanden', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MaxValueValidator(120)], verbose_name='opzegtermijn (maanden)')),
                        ('uittredingsvoorwaarden', models.TextField(blank=True, verbose_name='voorwaarden uittreding')),
                        ('ontvlechtingskosten', models.TextField(blank=True, help_text='Wie betaalt wat bij uittreding of opheffing.', verbose_name='ontvlechtingskosten')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('regeling', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='beeindiging', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'beëindiging',
                        'verbose_name_plural': 'beëindiging',
                        'db_table': 'agreements_beeindiging',
                        'constraints': [models.CheckConstraint(condition=models.Q(('opzegtermijn_maanden__isnull', True), ('opzegtermijn_maanden__lte', 120), _connector='OR'), name='beeindiging_opzegtermijn_plausibel', violation_error_message='De opzegtermijn is hoogstens 120 maanden.')],
                    },
                ),
                migrations.CreateModel(
                    name='Bijdrage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('jaar', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                        ('begroot', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='begroot (€)')),
                        ('gerealiseerd', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='gerealiseerd (€)')),
                        ('verdeelsleutel', models.DecimalField(blank=True, decimal_places=4, max_digits=7, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='verdeelsleutel (%)')),
                        ('basis', models.CharField(blank=True, choices=[('per_inwoner', 'Per inwoner'), ('gelijk', 'Gelijke delen'), ('naar_afname', 'Naar afname'), ('om_niet', 'Om niet'), ('mix', 'Mix')], max_length=20, verbose_name='basis verdeelsleutel')),
                        ('toelichting', models.TextField(blank=True, verbose_name='toelichting')),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('gemeente', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bijdragen', to='municipalities.gemeente', verbose_name='gemeente')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bijdragen', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'bijdrage',
                        'verbose_name_plural': 'bijdragen',
                        'db_table': 'agreements_bijdrage',
                        'ordering': ['regeling', 'gemeente', '-jaar', 'id'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('jaar__gte', 1900), ('jaar__lte', 2100)), name='bijdrage_jaar_plausibel', violation_error_message='Het jaar moet tussen 1900 en 2100 liggen.'), models.UniqueConstraint(fields=('regeling', 'gemeente', 'jaar'), name='bijdrage_een_per_jaar', violation_error_message='Deze gemeente heeft voor dit jaar al een bijdrage aan deze regeling.'), models.CheckConstraint(condition=models.Q(('verdeelsleutel__isnull', True), models.Q(('verdeelsleutel__gte', 0), ('verdeelsleutel__lte', 100)), _connector='OR'), name='bijdrage_verdeelsleutel_percentage', violation_error_message='De verdeelsleutel is een percentage tussen 0 en 100.'), models.CheckConstraint(condition=models.Q(models.Q(('basis', 'om_niet'), _negated=True), models.Q(models.Q(('begroot__isnull', True), ('begroot', 0), _connector='OR'), models.Q(('gerealiseerd__isnull', True), ('gerealiseerd', 0), _connector='OR')), _connector='OR'), name='bijdrage_om_niet_zonder_bedrag', violation_error_message='Wie om niet deelneemt, betaalt geen bijdrage.')],
                    },
                ),
                migrations.CreateModel(
                    name='Jaarcijfers',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='identificatie')),
                        ('jaar', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='jaar')),
                        ('eigen_vermogen_begin', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='eigen vermogen 1 januari (€)')),
                        ('eigen_vermogen_eind', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='eigen vermogen 31 december (€)')),
                        ('vreemd_vermogen_begin', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='vreemd vermogen 1 januari (€)')),
                        ('vreemd_vermogen_eind', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='vreemd vermogen 31 december (€)')),
                        ('resultaat', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='financieel resultaat (€)')),
                        ('risicos', models.TextField(blank=True, verbose_name="risico's")),
                        ('bron', models.CharField(blank=True, help_text='Het document waar dit gegeven uit komt.', max_length=300, verbose_name='bron')),
                        ('regeling', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jaarcijfers', to='agreements.regeling', verbose_name='regeling')),
                    ],
                    options={
                        'verbose_name': 'jaarcijfers',
                        'verbose_name_plural': 'jaarcijfers',
                        'db_table': 'agreements_jaarcijfers',
                        'ordering': ['regeling', '-jaar', 'id'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('jaar__gte', 1900), ('jaar__lte', 2100)), name='jaarcijfers_jaar_plausibel', violation_error_message='Het jaar moet tussen 1900 en 2100 liggen.'), models.UniqueConstraint(fields=('regeling', 'jaar'), name='jaarcijfers_een_per_jaar', violation_error_message='Deze regeling heeft voor dit jaar al cijfers.'), models.CheckConstraint(condition=models.Q(models.Q(('vreemd_vermogen_begin__isnull', True), ('vreemd_vermogen_begin__gte', 0), _connector='OR'), models.Q(('vreemd_vermogen_eind__isnull', True), ('vreemd_vermogen_eind__gte', 0), _connector='OR')), name='jaarcijfers_vreemd_vermogen_niet_negatief', violation_error_message='Vreemd vermogen kan niet negatief zijn.')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='jaarstuk',
                    constraint=models.CheckConstraint(condition=models.Q(('jaar__gte', 1900), ('jaar__lte', 2100)), name='jaarstuk_jaar_plausibel', violation_error_message='Het jaar moet tussen 1900 en 2100 liggen.'),
                ),
                migrations.AddConstraint(
                    model_name='jaarstuk',
                    constraint=models.UniqueConstraint(fields=('regeling', 'soort', 'jaar'), name='jaarstuk_uniek_per_jaar', violation_error_message='Deze regeling heeft dit stuk voor dit jaar al.'),
                ),
                migrations.AddConstraint(
                    model_name='jaarstuk',
                    constraint=models.CheckConstraint(condition=models.Q(('termijn_weken__isnull', True), models.Q(('termijn_weken__gte', 1), ('termijn_weken__lte', 52)), _connector='OR'), name='jaarstuk_termijn_1_tot_52_weken', violation_error_message='De termijn is 1 tot 52 weken.'),
                ),
                migrations.AddConstraint(
                    model_name='procedurestap',
                    constraint=models.CheckConstraint(condition=models.Q(('termijn_weken__isnull', True), models.Q(('soort', 'zienswijze_gevraagd'), ('termijn_weken__gte', 1), ('termijn_weken__lte', 52)), _connector='OR'), name='procedurestap_termijn_alleen_bij_zienswijze', violation_error_message="Een termijn (1 tot 52 weken) hoort alleen bij de stap 'zienswijze gevraagd'."),
                ),
                migrations.AddConstraint(
                    model_name='procedurestap',
                    constraint=models.CheckConstraint(condition=models.Q(('tegelijk_met_toestemming', False), ('soort', 'zienswijze_gevraagd'), _connector='OR'), name='procedurestap_tegelijk_alleen_bij_zienswijze', violation_error_message='Alleen de zienswijze kan tegelijk met de toestemming worden gevraagd.'),
                ),
                migrations.AddConstraint(
                    model_name='raadsafspraak',
                    constraint=models.CheckConstraint(condition=models.Q(('evaluatie_interval_jaren__gte', 1), ('evaluatie_interval_jaren__lte', 20)), name='raadsafspraak_interval_1_tot_20_jaar', violation_error_message='Het evaluatie-interval is 1 tot 20 jaar.'),
                ),
                migrations.AddConstraint(
                    model_name='rapporteur',
                    constraint=models.CheckConstraint(condition=models.Q(('begindatum__isnull', True), ('einddatum__isnull', True), ('einddatum__gte', models.F('begindatum')), _connector='OR'), name='agreements_rapporteur_einde_na_begin', violation_error_message='De einddatum ligt vóór de begindatum.'),
                ),
                migrations.AddConstraint(
                    model_name='toetsing',
                    constraint=models.UniqueConstraint(fields=('evaluatie', 'vraag'), name='toetsing_een_antwoord_per_vraag', violation_error_message='Deze vraag is in deze evaluatie al beantwoord.'),
                ),
                migrations.AddConstraint(
                    model_name='vertegenwoordiger',
                    constraint=models.CheckConstraint(condition=models.Q(('begindatum__isnull', True), ('einddatum__isnull', True), ('einddatum__gte', models.F('begindatum')), _connector='OR'), name='agreements_vertegenwoordiger_einde_na_begin', violation_error_message='De einddatum ligt vóór de begindatum.'),
                ),
                migrations.AddConstraint(
                    model_name='vertegenwoordiger',
                    constraint=models.UniqueConstraint(fields=('regeling', 'gemeente', 'orgaan', 'naam', 'begindatum'), name='vertegenwoordiger_uniek', violation_error_message='Deze vertegenwoordiger staat al zo bij de regeling.'),
                ),
                migrations.AddConstraint(
                    model_name='zienswijze',
                    constraint=models.UniqueConstraint(fields=('jaarstuk', 'gemeente'), name='zienswijze_een_per_raad', violation_error_message='Deze raad heeft al een zienswijze op dit stuk.'),
                ),
            ],
            database_operations=[],
        ),
    ]
