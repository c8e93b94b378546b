# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Qualifications and their units by their national codes, from OPH's ePerusteet.

The shape read here is the one of ePerusteet's external API, in the service's own code
(github.com/Opetushallitus/eperusteet, commit 4edd99ab), paths under
``eperusteet/eperusteet-service/src/main/java/fi/vm/sade/eperusteet/``:

- ``resource/julkinen/ExternalController.java:52`` ``/api/external``, ``:70`` ``GET /peruste/{perusteId}``
  answers a ``PerusteKaikkiDto`` (404 when the qualification is not published, ``:76-78``);
- ``dto/peruste/PerusteKaikkiDto.java:53`` ``tutkinnonOsat``: a list of ``TutkinnonOsaKaikkiDto``;
- ``dto/peruste/PerusteBaseDto.java:38`` ``id``, ``:48`` ``nimi``, ``:58`` ``koulutukset``,
  ``:73`` ``diaarinumero``, ``:76`` ``voimassaoloAlkaa``, ``:83`` ``voimassaoloLoppuu``;
- ``dto/KoulutusDto.java:12`` ``nimi``, ``:13`` ``koulutuskoodiArvo`` (the qualification code, e.g. 351101);
- ``dto/peruste/PerusteenOsaDto.java:43`` ``id``, ``:47`` ``nimi`` (the unit's, inherited by
  ``dto/tutkinnonosa/TutkinnonOsaKaikkiDto.java:33``), whose ``:39`` ``koodiUri``, ``:40`` ``koodiArvo``,
  ``:41`` ``laajuus``;
- ``dto/util/LokalisoituTekstiDto.java:79-100``: a text is a JSON object of language (``fi``, ``sv``,
  ``en``, ``domain/Kieli.java:10-14``) to text, beside ``_id`` and ``_tunniste``;
- dates are Jackson's default, milliseconds since the epoch (``config/InitJacksonConverter.java``
  does not change it).
"""

import datetime
import json

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError

EPERUSTEET_URL = "https://eperusteet.opintopolku.fi/eperusteet-service/api/external/peruste/%s"
EPERUSTEET_TIMEOUT = 30
# the languages of a LokalisoituTekstiDto, in the order a name is taken
TEXT_LANGUAGES = ("fi", "sv", "en")


def localised_text(value):
    """The Finnish text of a LokalisoituTekstiDto (else Swedish, else English); '' without one."""
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, dict):
        return ""
    for language in TEXT_LANGUAGES:
        text = value.get(language)
        if isinstance(text, str) and text.strip():
            return " ".join(text.split())
    return ""


def eperusteet_date(value):
    """A date of ePerusteet: milliseconds since the epoch (Jackson's default) or an ISO date."""
    if isinstance(value, bool) or value in (None, ""):
        return False
    if isinstance(value, int | float):
        return datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC).date()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return False
    return False


def unit_code(unit):
    """The unit's code: ``koodiArvo``, else the tail of ``koodiUri`` (``tutkinnonosat_106728``)."""
    code = unit.get("koodiArvo")
    if not code and isinstance(unit.get("koodiUri"), str):
        code = unit["koodiUri"].rpartition("_")[2]
    return str(code).strip() if code else ""


class ReduQualification(models.Model):
    """A vocational qualification (tutkinto) with its units, by its national code."""

    _name = "redu.qualification"
    _description = "Qualification"
    _order = "name, id"

    name = fields.Char(required=True)
    code = fields.Char(
        index=True, help="The qualification code of the national registers (koulutuskoodi), e.g. 351101."
    )
    eperusteet_id = fields.Integer(
        string="ePerusteet ID", help="The ID of the qualification's requirements (peruste) in ePerusteet."
    )
    diary_number = fields.Char(string="Diary number", help="The diary number of the requirements (diaarinumero).")
    valid_from = fields.Date(string="Valid from")
    valid_to = fields.Date(string="Valid to")
    unit_ids = fields.One2many("redu.qualification.unit", "qualification_id", string="Units")
    unit_count = fields.Integer(string="Number of units", compute="_compute_unit_count")
    active = fields.Boolean(default=True)

    _eperusteet_unique = models.Constraint("UNIQUE(eperusteet_id)", "An ePerusteet ID is loaded once.")

    @api.depends("unit_ids")
    def _compute_unit_count(self):
        for qualification in self:
            qualification.unit_count = len(qualification.unit_ids)

    @api.depends("name", "code")
    def _compute_display_name(self):
        for qualification in self:
            qualification.display_name = (
                f"{qualification.name} ({qualification.code})" if qualification.code else qualification.name
            )

    # ------------------------------------------------------------------ loading
    @api.model
    def _redu_load_peruste(self, payload):
        """Create or update the qualification and its units from an answer of
        ``GET /api/external/peruste/{id}`` (the parsed JSON); the qualification.

        A unit no longer in the answer is archived (agreements and places may still name it)."""
        if not isinstance(payload, dict) or not isinstance(payload.get("id"), int):
            raise UserError(self.env._("The file is not a qualification of ePerusteet (no numeric id)."))
        trainings = [item for item in payload.get("koulutukset") or [] if isinstance(item, dict)]
        code = next((str(item["koulutuskoodiArvo"]) for item in trainings if item.get("koulutuskoodiArvo")), False)
        name = localised_text(payload.get("nimi")) or next(
            (localised_text(item.get("nimi")) for item in trainings if localised_text(item.get("nimi"))), ""
        )
        if not name:
            raise UserError(self.env._("The qualification %s of ePerusteet has no name.", payload["id"]))
        values = {
            "name": name,
            "code": code,
            "eperusteet_id": payload["id"],
            "diary_number": payload.get("diaarinumero") or False,
            "valid_from": eperusteet_date(payload.get("voimassaoloAlkaa")),
            "valid_to": eperusteet_date(payload.get("voimassaoloLoppuu")),
        }
        qualification = self.with_context(active_test=False).search([("eperusteet_id", "=", payload["id"])], limit=1)
        if qualification:
            qualification.write(values)
        else:
            qualification = self.create(values)
        qualification = self.browse(qualification.id)  # the caller's context (archived units not shown)
        qualification._redu_load_units(payload.get("tutkinnonOsat") or [])
        return qualification

    def _redu_load_units(self, units):
        self.ensure_one()
        Unit = self.env["redu.qualification.unit"].with_context(active_test=False)
        existing = {unit.code: unit for unit in Unit.search([("qualification_id", "=", self.id)])}
        seen, to_create = set(), []
        for unit in units:
            if not isinstance(unit, dict):
                continue
            code, name = unit_code(unit), localised_text(unit.get("nimi"))
            if not code or not name or code in seen:
                continue
            seen.add(code)
            values = {
                "name": name,
                "code": code,
                "credits": float(unit["laajuus"]) if isinstance(unit.get("laajuus"), int | float) else 0.0,
                "eperusteet_id": unit["id"] if isinstance(unit.get("id"), int) else False,
                "active": True,
            }
            if code in existing:
                existing[code].write(values)
            else:
                to_create.append(dict(values, qualification_id=self.id))
        Unit.create(to_create)
        Unit.browse([unit.id for code, unit in existing.items() if code not in seen]).write({"active": False})
        self.invalidate_recordset(["unit_ids"])

    @api.model
    def _redu_load_file(self, content):
        """Load a recorded answer (bytes of JSON: one peruste or a list of them)."""
        try:
            payload = json.loads(content)
        except (ValueError, UnicodeDecodeError) as error:
            raise UserError(self.env._("The file is not JSON: %s", error)) from error
        payloads = payload if isinstance(payload, list) else [payload]
        qualifications = self.browse()
        for item in payloads:
            qualifications |= self._redu_load_peruste(item)
        return qualifications

    def action_update_from_eperusteet(self):
        """The explicit action: fetch each qualification's requirements from ePerusteet and reload."""
        for qualification in self:
            if not qualification.eperusteet_id:
                raise UserError(self.env._("%s has no ePerusteet ID.", qualification.name))
            try:
                response = requests.get(EPERUSTEET_URL % qualification.eperusteet_id, timeout=EPERUSTEET_TIMEOUT)
                response.raise_for_status()
                payload = response.json()
            except (requests.RequestException, ValueError) as error:
                raise UserError(
                    self.env._(
                        "ePerusteet did not answer for %(name)s: %(error)s", name=qualification.name, error=error
                    )
                ) from error
            self._redu_load_peruste(payload)
        return True
