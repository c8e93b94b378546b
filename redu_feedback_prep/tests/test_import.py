# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import datetime
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BID_A, BID_C, HEADER, FeedbackCase

OPTIONAL_COLUMNS = [
    "qualification_code",
    "study_type",
    "study_right_start",
    "study_right_end",
    "study_right_state",
    "study_right_state_start",
    "funding_code",
    "study_right_linked",
    "tuva_related",
    "interruption_start",
    "interruption_end",
]


@tagged("post_install", "-at_install")
class TestImport(FeedbackCase):
    def _csv(self, *lines):
        return base64.b64encode("\n".join((HEADER, *lines)).encode())

    def _import(self, data, name="agreements.csv"):
        wizard = (
            self.env["redu.agreement.import.wizard"]
            .with_user(self.manager)
            .with_context(
                allowed_company_ids=[self.company.id],
            )
            .create({"file_data": data, "file_name": name})
        )
        wizard.action_import()
        return wizard

    def _rows(self):
        end = self.today + datetime.timedelta(days=60)
        start = self.today - datetime.timedelta(days=30)
        return [
            # a new employer with an FI-prefixed business ID, a new instructor
            f"IMP-1;koulutussopimus;Aino A;S1;Uusi Työnantaja Oy;FI02012566;;Ville Vallila;"
            f"Ville.Vallila@uusi.fi;040 111 2222;{start:%d.%m.%Y};{end:%d.%m.%Y};100;;Tutkinto;Osa;fb_teacher",
            # the existing employer by business ID and the existing instructor by email
            f"IMP-2;apprenticeship;Eero E;S2;Lapin Testirakennus;{BID_A};Työmaa 2;Maija Mäkelä;"
            f"maija.makela@lapintesti.fi;;{start};{end};80;työsuhde;;;",
            # a broken business ID: the employer is created without a country
            f"IMP-3;training_agreement;Sanni S;S3;Rikki Oy;2100001-9;;Olli Ohjaaja;olli@rikki.fi;;{start};{end};50;;;;",
            # bad rows
            f"IMP-4;harjoittelu;X;;Uusi Työnantaja Oy;FI02012566;;Ville Vallila;;;{start};{end};100;;;;",
            f"IMP-5;training_agreement;X;;Uusi Työnantaja Oy;FI02012566;;Ville Vallila;;;31.2.2025;{end};100;;;;",
            f";training_agreement;X;;Uusi Työnantaja Oy;FI02012566;;Ville Vallila;;;{start};{end};100;;;;",
        ]

    def test_import_good_and_bad_rows(self):
        partners_before = self.Partner.search_count([])
        wizard = self._import(self._csv(*self._rows()))
        by_row = {result.row_number: result for result in wizard.result_ids}
        self.assertEqual(
            [by_row[n].status for n in range(2, 8)], ["created", "created", "created", "error", "error", "error"]
        )
        self.assertIn("harjoittelu", by_row[5].message)
        self.assertIn("31.2.2025", by_row[6].message)
        self.assertIn("source", by_row[7].message)
        self.assertEqual((wizard.created_count, wizard.error_count), (3, 3))
        agreements = self.Agreement.search([("source_ref", "in", ["IMP-1", "IMP-2", "IMP-3", "IMP-4", "IMP-5"])])
        self.assertEqual(sorted(agreements.mapped("source_ref")), ["IMP-1", "IMP-2", "IMP-3"])
        first = agreements.filtered(lambda a: a.source_ref == "IMP-1")
        self.assertEqual(first.employer_id.company_registry, "0201256-6")
        self.assertEqual(first.employer_id.country_id.code, "FI")
        self.assertEqual(first.workplace_name, "Uusi Työnantaja Oy")
        self.assertEqual(first.instructor_id.parent_id, first.employer_id)
        self.assertEqual(first.instructor_id.email, "Ville.Vallila@uusi.fi", "as the source has it")
        self.assertEqual(first.instructor_id.phone, "040 111 2222", "as the source has it")
        self.assertEqual(first.teacher_id, self.teacher)
        self.assertEqual(first.company_id, self.company)
        self.assertEqual(first.readiness, "ready")
        second = agreements.filtered(lambda a: a.source_ref == "IMP-2")
        self.assertEqual(second.employer_id, self.employer)
        self.assertEqual(second.instructor_id, self.instructor)
        self.assertEqual(second.apprenticeship_basis, "employment")
        self.assertEqual(second.workplace_name, "Työmaa 2")
        third = agreements.filtered(lambda a: a.source_ref == "IMP-3")
        self.assertFalse(third.employer_id.country_id)
        self.assertIn("business_id_invalid", self.codes(third))
        # one employer, two instructors created; nothing for the bad rows
        self.assertEqual(self.Partner.search_count([]), partners_before + 4)

    def test_reimport_changes_nothing(self):
        data = self._csv(*self._rows()[:3])
        self._import(data)
        agreements = self.Agreement.search([("source_ref", "like", "IMP-")])
        self.env.flush_all()
        partners_before = self.Partner.search_count([])
        write_dates = agreements.mapped("write_date")
        messages = len(agreements.message_ids)
        wizard = self._import(data)
        self.assertEqual(wizard.result_ids.mapped("status"), ["unchanged"] * 3)
        self.assertEqual(wizard.unchanged_count, 3)
        self.assertEqual(self.Partner.search_count([]), partners_before)
        self.assertEqual(agreements.mapped("write_date"), write_dates)
        self.assertEqual(len(agreements.message_ids), messages)

    def test_reimport_updates_changed_rows(self):
        rows = self._rows()[:2]
        self._import(self._csv(*rows))
        rows[1] = rows[1].replace(";80;", ";60;")
        wizard = self._import(self._csv(*rows))
        self.assertEqual(wizard.result_ids.mapped("status"), ["unchanged", "updated"])
        self.assertIn("Part-time", wizard.result_ids[1].message)
        self.assertEqual(self.Agreement.search([("source_ref", "=", "IMP-2")]).part_time_percent, 60)

    def test_duplicate_source_ref_in_file(self):
        row = self._rows()[0]
        wizard = self._import(self._csv(row, row))
        self.assertEqual(wizard.result_ids.mapped("status"), ["created", "error"])
        self.assertIn("row 2", wizard.result_ids[1].message)

    def test_import_xlsx_and_template(self):
        wizard = self.env["redu.agreement.import.wizard"].with_user(self.manager).create({})
        action = wizard.with_context(template_format="xlsx").action_download_template()
        self.assertIn("field=template_data", action["url"])
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.template_data)))
        sheet = workbook.active
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header, [*HEADER.split(";"), *OPTIONAL_COLUMNS])
        start = self.today - datetime.timedelta(days=10)
        end = datetime.datetime.combine(self.today + datetime.timedelta(days=50), datetime.time())
        sheet.append(
            [
                "XL-1",
                "oppisopimus",
                "Liisa L",
                "S9",
                "Lapin Testirakennus Oy",
                BID_A,
                None,
                "Maija Mäkelä",
                None,
                None,
                start,
                end,
                100.0,
                "yrittäjä",
                None,
                None,
                None,
            ]
        )
        sheet.append(
            [
                "XL-2",
                "apprenticeship",
                "Kalle K",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                start,
                "not a date",
                100,
                None,
                None,
                None,
                None,
            ]
        )
        output = io.BytesIO()
        workbook.save(output)
        result = self._import(base64.b64encode(output.getvalue()), name="agreements.xlsx")
        self.assertEqual(result.result_ids.mapped("status"), ["created", "error"])
        agreement = result.result_ids[0].agreement_id
        self.assertEqual(agreement.instructor_id, self.instructor, "matched by employer and name")
        self.assertEqual(agreement.end_date, end.date())
        self.assertEqual(agreement.apprenticeship_basis, "entrepreneur")
        self.assertEqual(agreement.readiness, "ready")
        csv_action = wizard.with_context(template_format="csv").action_download_template()
        self.assertTrue(csv_action["url"])
        self.assertTrue(base64.b64decode(wizard.template_data).decode("utf-8-sig").startswith("source_ref;"))

    def test_import_study_right_columns(self):
        start = self.today - datetime.timedelta(days=10)
        end = self.today + datetime.timedelta(days=50)
        header = HEADER + ";" + ";".join(OPTIONAL_COLUMNS)
        common = (
            f"koulutussopimus;Aino A;S77;Lapin Testirakennus Oy;{BID_A};;Maija Mäkelä;"
            f"maija.makela@lapintesti.fi;+358401234567;{start};{end};100;;Tutkinto;;"
        )
        lines = [
            f"ST-1;{common};351101;ammatillinentutkinto;{start};{end};lasna;{start};14;;;;",
            f"ST-2;{common};351101;telma;;;;;;0;kyllä;{end};",
            f"ST-3;{common};351101;lukio;;;;;;;;;",
            f"ST-4;{common};351101;;;;eronnut;;;;;;",
        ]
        data = base64.b64encode("\n".join((header, *lines)).encode())
        wizard = self._import(data)
        self.assertEqual(wizard.result_ids.mapped("status"), ["created", "created", "error", "error"])
        self.assertIn("lukio", wizard.result_ids[2].message)
        self.assertIn("study_right_state_start", wizard.result_ids[3].message)
        first, second = wizard.result_ids[:2].agreement_id
        self.assertEqual(first.study_right_period_ids.mapped("funding_code"), ["14"])
        self.assertEqual(first.national_excluded_reason, "external_funding")
        self.assertEqual(first.readiness, "blocked")
        self.assertEqual(second.study_type, "telma")
        self.assertTrue(second.tuva_related)
        self.assertEqual(second.interruption_ids.start_date, end)
        self.assertEqual(second.national_excluded_reason, "interrupted")
        # importing the same file again changes nothing
        again = self._import(data)
        self.assertEqual(again.result_ids.mapped("status"), ["unchanged", "unchanged", "error", "error"])

    def test_wrong_file(self):
        with self.assertRaises(UserError):
            self._import(base64.b64encode(b"hello"), name="agreements.pdf")
        with self.assertRaisesRegex(UserError, "source_ref"):
            self._import(base64.b64encode(b"foo;bar\n1;2"))


@tagged("post_install", "-at_install")
class TestImportBatch(FeedbackCase):
    """The import works in batches: its queries do not grow with the rows (issue #22)."""

    _csv = TestImport._csv
    _import = TestImport._import

    def _new_rows(self, prefix, count):
        """``count`` rows of new agreements: a new employer every five rows, a new instructor each."""
        end = self.today + datetime.timedelta(days=60)
        start = self.today - datetime.timedelta(days=30)
        return [
            f"{prefix}-{index};koulutussopimus;Opiskelija {index};{prefix}S{index // 2};{prefix} Työnantaja "
            f"{index // 5} Oy;;;Ohjaaja {prefix} {index};ohjaaja.{index}@{prefix.lower()}{index // 5}.fi;"
            f"+35840{index:07d};{start:%d.%m.%Y};{end:%d.%m.%Y};100;;Tutkinto;Osa;"
            + ("fb_teacher" if index % 3 == 0 else "")
            for index in range(count)
        ]

    def _queries(self, function):
        self.env.flush_all()
        before = self.cr.sql_log_count
        result = function()
        self.env.flush_all()
        return self.cr.sql_log_count - before, result

    def test_import_queries_do_not_grow_with_rows(self):
        self._import(self._csv(*self._new_rows("V", 10)))  # the caches warm
        small, wizard = self._queries(lambda: self._import(self._csv(*self._new_rows("W", 10))))
        self.assertEqual(wizard.created_count, 10)
        # fifty rows more than the first file cost at most 10 queries more: <= 0.2 per row (#22: was 25; the
        # addons that hook into the creation add a few, e.g. the instructor-training activities)
        with self.assertQueryCount(small + 10):
            wizard = self._import(self._csv(*self._new_rows("Q", 60)))
        self.assertEqual((wizard.created_count, wizard.error_count), (60, 0))
        agreements = self.Agreement.search([("source_ref", "like", "Q-")])
        self.assertEqual(len(agreements.employer_id), 12)
        self.assertEqual(len(agreements.instructor_id), 60)
        self.assertNotIn("unchecked", agreements.mapped("readiness"), "validated by the import")
        # the re-import of the same file reads, writes nothing, and costs no more than the small file's import
        self.env.flush_all()
        write_dates = agreements.mapped("write_date")
        validated = agreements.mapped("last_validated")
        with self.assertQueryCount(small):
            wizard = self._import(self._csv(*self._new_rows("Q", 60)))
        self.assertEqual(wizard.unchanged_count, 60)
        self.assertEqual(agreements.mapped("write_date"), write_dates)
        self.assertEqual(agreements.mapped("last_validated"), validated)

    def _import_new_partners(self, head, business_id, contact):
        """Import one row (``head``: its first five columns; ``contact``: the new instructor's email and phone)
        of a period around today; the agreement it made."""
        start = self.today - datetime.timedelta(days=30)
        end = self.today + datetime.timedelta(days=60)
        self._import(self._csv(f"{head};{business_id};;Uusi Ohjaaja;{contact};{start:%d.%m.%Y};{end:%d.%m.%Y};100;;;;"))
        return self.Agreement.search([("source_ref", "=", head.split(";", 1)[0])])

    def test_new_instructor_gets_the_company_values(self):
        """A contact created by the import is the contact core's create makes: the company's
        business ID, address, language and salesperson."""
        self.employer.write(
            {"street": "Koskikatu 1", "city": "Rovaniemi", "zip": "96100", "lang": "en_US", "user_id": self.manager.id}
        )
        instructor = self._import_new_partners(
            "NEW-1;koulutussopimus;Aino A;S1;Lapin Testirakennus Oy", BID_A, "uusi.ohjaaja@lapintesti.fi;+358401112222"
        ).instructor_id
        core = self.Partner.create(
            {"name": "Core Contact", "parent_id": self.employer.id, "type": "contact", "email": "core@lapintesti.fi"}
        )
        self.assertEqual(instructor.parent_id, self.employer)
        for name in (
            "company_registry",
            "street",
            "city",
            "zip",
            "country_id",
            "lang",
            "commercial_partner_id",
            "user_id",
        ):
            self.assertEqual(instructor[name], core[name], name)
        self.assertEqual(instructor.street, "Koskikatu 1")
        self.assertEqual(instructor.user_id, self.manager)

    def test_new_employer_is_the_company_core_makes(self):
        """An employer created by the import has the values core's create gives a company (no salesperson
        of its own, itself its commercial partner)."""
        employer = self._import_new_partners(
            "NEW-2;koulutussopimus;Aino A;S2;Uusi Yritys Oy", BID_C, "uusi.ohjaaja@uusiyritys.fi;+358401112223"
        ).employer_id
        core = self.Partner.create({"name": "Core Company", "is_company": True})
        self.assertEqual(employer.company_registry, BID_C)
        self.assertEqual(employer.commercial_partner_id, employer)
        for name in ("user_id", "lang", "type", "active", "company_id"):
            self.assertEqual(employer[name], core[name], name)


@tagged("post_install", "-at_install")
class TestImportChatter(FeedbackCase):
    """The import's option "Track history during import" (off by default, as in Odoo's own import)."""

    # the chatter as users have it (the test classes run with the mail features off)
    CHATTER = {"tracking_disable": False, "mail_create_nolog": False, "mail_create_nosubscribe": False}

    def _import(self, data, **values):
        wizard = (
            self.env["redu.agreement.import.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id], mail_notrack=False, **self.CHATTER)
            .create({"file_data": data, "file_name": "agreements.csv", **values})
        )
        wizard.action_import()
        return wizard

    def _row(self, end):
        start = self.today - datetime.timedelta(days=30)
        return (
            f"CH-1;koulutussopimus;Aino A;S1;Uusi Työnantaja Oy;FI02012566;;Ville Vallila;"
            f"ville.vallila@uusi.fi;+358401112222;{start};{end};100;;Tutkinto;Osa;fb_teacher"
        )

    def _created(self, wizard):
        agreement = wizard.result_ids.agreement_id
        self.assertEqual(wizard.result_ids.status, "created")
        return agreement, agreement.instructor_id, agreement.employer_id

    def test_created_without_chatter_by_default(self):
        end = self.today + datetime.timedelta(days=60)
        wizard = self._import(TestImport._csv(self, self._row(end)))
        self.assertFalse(wizard.track_history, "off by default, as in Odoo's own import")
        for record in self._created(wizard):
            self.assertFalse(record.message_ids, f"no creation message on {record}")
            self.assertNotIn(self.manager.partner_id, record.message_partner_ids, f"no follower on {record}")
        # a change by a later import (another transaction) is tracked on the agreement all the same
        self.env.flush_all()
        self.env.cr.precommit.run()  # the end of the import's transaction (core tracks nothing before)
        agreement = wizard.result_ids.agreement_id
        later = end + datetime.timedelta(days=7)
        again = self._import(TestImport._csv(self, self._row(later)))
        self.assertEqual(again.result_ids.status, "updated")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking messages are written before the commit
        tracked = agreement.message_ids.sudo().tracking_value_ids.filtered(
            lambda value: value.field_id.name == "end_date"
        )
        self.assertTrue(tracked, "the end date's change is in the chatter")
        self.assertEqual(tracked.new_value_datetime.date(), later)

    def test_created_with_chatter_when_asked(self):
        end = self.today + datetime.timedelta(days=60)
        wizard = self._import(TestImport._csv(self, self._row(end)), track_history=True)
        for record in self._created(wizard):
            self.assertTrue(record.message_ids, f"a creation message on {record}")
            self.assertIn(self.manager.partner_id, record.message_partner_ids, f"the manager follows {record}")

    def test_background_import_keeps_the_option(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.import", "1")
        end = self.today + datetime.timedelta(days=60)
        second = self._row(end).replace("CH-1", "CH-2").replace("ville.vallila", "toinen.ohjaaja")
        data = TestImport._csv(self, self._row(end), second)
        messages = {}
        for track_history in (False, True):
            wizard = self._import(data, track_history=track_history)
            job = self.env["redu.background.job"].search([("res_model", "=", wizard._name)], order="id desc", limit=1)
            self.assertEqual((job.state, job.payload.get("track_history")), ("queued", track_history))
            self.env["redu.background.job"].with_context(**self.CHATTER)._cron_run_jobs("long")
            agreements = self.Agreement.search([("source_ref", "in", ["CH-1", "CH-2"])])
            self.assertEqual((job.state, len(agreements)), ("done", 2))
            messages[track_history] = len(agreements.message_ids)
            agreements.unlink()
        self.assertEqual(messages, {False: 0, True: 2}, "a creation message each only with the option")
