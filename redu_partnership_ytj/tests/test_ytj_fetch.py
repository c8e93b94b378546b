# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import requests
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import ACTIVE_ID, CEASED_ID, RENAMED_ID, UNKNOWN_ID, YtjCase, fixture_response


class TestYtjFetch(YtjCase):
    def test_fetch_fills_empty_fields_and_stores_the_register_data(self):
        self.patch_get()
        partner = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        action = partner.action_ytj_fetch()
        self.assertEqual(action["tag"], "display_notification", "nothing differs: no review dialog")
        self.assertEqual((partner.street, partner.zip, partner.city), ("Teollisuustie 12", "96320", "Rovaniemi"))
        self.assertEqual(partner.ytj_name, "Lapin Rakennus Oy")
        self.assertEqual(partner.ytj_company_form, "Osakeyhtiö")
        self.assertEqual(partner.ytj_industry_id.code, "41200")
        self.assertEqual(partner.ytj_status, "active")
        self.assertEqual(partner.ytj_postal_address, "PL 1234, 96101 Rovaniemi")
        self.assertTrue(partner.ytj_fetch_date)

    def test_changed_fields_are_proposed_not_overwritten(self):
        self.patch_get()
        partner = self._company(
            "Rovaniemen Matkailupalvelut Oy",
            company_registry=RENAMED_ID,
            street="Vanha katu 1",
            city="Rovaniemi",
            zip="96200",
        )
        action = partner.action_ytj_fetch()
        self.assertEqual(action["res_model"], "redu.ytj.review.wizard")
        self.assertEqual(partner.name, "Rovaniemen Matkailupalvelut Oy", "not overwritten before confirmation")
        self.assertEqual(partner.street, "Vanha katu 1")
        self.assertEqual(partner.website, "https://www.arktinenmatkailu.fi", "an empty field is filled")
        self.assertEqual(partner.ytj_former_names, "Rovaniemen Matkailupalvelut Oy")
        wizard = self.env["redu.ytj.review.wizard"].browse(action["res_id"])
        lines = {line.field_name: line for line in wizard.line_ids}
        self.assertEqual(set(lines), {"name", "street"})
        self.assertEqual(lines["name"].register_value, "Arktinen Matkailu Oy")
        lines["name"].apply = True
        wizard.action_apply()
        self.assertEqual(partner.name, "Arktinen Matkailu Oy")
        self.assertEqual(partner.street, "Vanha katu 1", "an unticked change is not taken")

    def test_register_errors_give_a_message_and_change_nothing(self):
        errors = {
            "timeout": requests.ReadTimeout("read timed out"),
            "429": lambda *args, **kwargs: fixture_response("rate_limited.json"),
            "network": requests.ConnectionError("Name or service not known"),
        }
        for label, side_effect in errors.items():
            with self.subTest(label):
                self.patch_get(side_effect)
                partner = self._company(f"Napapiirin Kuljetus {label}", company_registry=CEASED_ID)
                with self.assertRaises(UserError) as caught:
                    partner.action_ytj_fetch()
                self.assertIn("business register", str(caught.exception))
                self.assertFalse(partner.ytj_fetch_date or partner.ytj_status or partner.street)

    def test_not_found_is_reported(self):
        self.patch_get()
        partner = self._company("Tuntematon Oy", company_registry=UNKNOWN_ID)
        with self.assertRaisesRegex(UserError, "no company with this Y-tunnus"):
            partner.action_ytj_fetch()

    @mute_logger("odoo.tests.form.onchange")
    def test_lookup_turned_off_makes_no_call(self):
        get = self.patch_get()
        self.env["ir.config_parameter"].set_param("redu_partnership_ytj.network_enabled", False)
        partner = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        with self.assertRaisesRegex(UserError, "turned off"):
            partner.action_ytj_fetch()
        with Form(self.Partner) as form:
            form.company_type = "company"
            form.name = "Offline Oy"
            form.company_registry = ACTIVE_ID
        self.assertFalse(form.record.ytj_fetch_date)
        get.assert_not_called()

    @mute_logger("odoo.tests.form.onchange")
    def test_create_write_and_the_form_make_no_register_call(self):
        """Entering or changing a Y-tunnus and saving never calls the register (with the lookup on):
        only the explicit action does."""
        request = self.forbid_network()
        with Form(self.Partner.with_user(self.sales)) as form:
            form.company_type = "company"
            form.name = "Lapin Rakennus Oy"
            form.country_id = self.fi
            form.company_registry = ACTIVE_ID
        partner = form.record
        with Form(partner.with_user(self.sales)) as form:
            form.company_registry = RENAMED_ID
            form.city = "Rovaniemi"
        vals = {"name": "Arktinen Matkailu Oy", "is_company": True, "country_id": self.fi.id}
        other = self.Partner.with_user(self.sales).create(dict(vals, company_registry=UNKNOWN_ID))
        other.with_user(self.sales).write({"company_registry": ACTIVE_ID, "street": "Teollisuustie 12"})
        request.assert_not_called()
        self.assertFalse((partner | other).filtered("ytj_fetch_date"), "nothing came from the register")
        self.assertFalse(partner.street, "no field filled behind the user's back")

    def test_the_explicit_fetch_still_calls_the_register(self):
        self.forbid_network()
        partner = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        get = self.patch_get()
        partner.with_user(self.sales).action_ytj_fetch()
        get.assert_called_once()
        self.assertEqual(get.call_args.kwargs["params"], {"businessId": ACTIVE_ID})
        self.assertEqual((partner.ytj_status, partner.city), ("active", "Rovaniemi"))

    def test_register_values_in_a_user_s_save_are_refused(self):
        self.forbid_network()
        vals = {
            "name": "Lapin Rakennus Oy",
            "is_company": True,
            "country_id": self.fi.id,
            "company_registry": CEASED_ID,
            "ytj_status": "active",
            "ytj_name": "Forged Oy",
        }
        with self.assertRaises(AccessError):
            self.Partner.with_user(self.sales).create(vals)
        partner = self._company("Napapiirin Kuljetus Oy", company_registry=CEASED_ID)
        for forged in ({"ytj_status": "active"}, {"ytj_fetch_date": "2030-01-01 00:00:00"}):
            with self.subTest(forged), self.assertRaises(AccessError):
                partner.with_user(self.sales).write(forged)
        self.assertFalse(partner.ytj_status or partner.ytj_fetch_date)

    @mute_logger("odoo.tests.form.onchange")
    def test_entering_a_business_id_of_another_partner_warns(self):
        self.env["ir.config_parameter"].set_param("redu_partnership_ytj.network_enabled", False)
        self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        partner = self.Partner.new({"name": "Lapin rakennus", "is_company": True, "company_registry": "FI26543214"})
        result = partner._onchange_company_registry_ytj()
        self.assertIn("Lapin Rakennus Oy", result["warning"]["message"])
        # not an error: the partner is saved
        with Form(self.Partner) as form:
            form.company_type = "company"
            form.name = "Lapin rakennus, Kemin toimipiste"
            form.country_id = self.fi
            form.company_registry = ACTIVE_ID
        self.assertEqual(form.record.company_registry, ACTIVE_ID)

    def test_industry_is_searchable_and_groupable(self):
        self.patch_get()
        partners = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID) | self._company(
            "Arktinen Matkailu Oy", company_registry=RENAMED_ID
        )
        for partner in partners:
            partner.action_ytj_fetch()
        groups = dict(self.Partner._read_group([("id", "in", partners.ids)], ["industry_id"], ["__count"]))
        self.assertEqual(sorted(industry.code for industry in groups), ["41200", "79900"])
        self.assertEqual(groups[partners[0].industry_id], 1)
        self.assertEqual(partners[0].industry_id._name, "res.partner.industry", "Odoo's industry")
        self.assertEqual(
            partners[0].industry_id.display_name, "41200 Asuin- ja muiden rakennusten rakentaminen (TOL 2008)"
        )
        # the register's name of the field stays readable and searchable (by code or text)
        self.assertEqual(partners[0].ytj_industry_id, partners[0].industry_id)
        self.assertEqual(self.Partner.search([("industry_id", "ilike", "41200")]) & partners, partners[0])
        self.assertEqual(self.Partner.search([("ytj_industry_id", "ilike", "41200")]) & partners, partners[0])

    def test_the_register_s_industry_is_one_record_per_code(self):
        self.patch_get()
        first = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        second = self._company("Lapin Rakennus, Kemi", company_registry=ACTIVE_ID)
        first.action_ytj_fetch()
        second.action_ytj_fetch()
        self.assertEqual(first.industry_id, second.industry_id)
        self.assertEqual(self.env["res.partner.industry"].search_count([("code", "=", "41200")]), 1)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["res.partner.industry"].create({"name": "Copy", "code": "41200", "classification": "tol2008"})
            self.env.flush_all()

    def test_no_industry_in_the_register_keeps_the_one_chosen_by_hand(self):
        self.patch_get()
        section = self.env["res.partner.industry"].create({"name": "Construction (test)"})
        partner = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID, industry_id=section.id)
        company = self.Partner._ytj_fetch_company(ACTIVE_ID)
        partner._ytj_store(dict(company, industry_code=None, industry_name=None))
        self.assertEqual(partner.industry_id, section)
