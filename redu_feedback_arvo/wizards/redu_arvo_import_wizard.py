# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError

# the largest file accepted (a year of a big provider's answers is some tens of megabytes)
MAX_FILE_BYTES = 200 * 1024 * 1024


class ReduArvoImportWizard(models.TransientModel):
    """Import the working-life feedback from Arvo: from the export API, or from its JSON saved as a file."""

    _name = "redu.arvo.import.wizard"
    _description = "Import of the working-life feedback from Arvo"

    source = fields.Selection(
        [("file", "Saved JSON file"), ("api", "Arvo's export API")], required=True, default="file"
    )
    file = fields.Binary(string="JSON file")
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        Import = self.env["redu.arvo.import"]
        if self.source == "api":
            return Import._arvo_start("api")._action_open()
        if not self.file:
            raise UserError(self.env._("Choose the JSON file saved from Arvo's export API."))
        try:
            content = base64.b64decode(self.file, validate=True)
        except (binascii.Error, ValueError):
            raise UserError(self.env._("The file could not be read. Save it from Arvo again.")) from None
        if len(content) > MAX_FILE_BYTES:
            raise UserError(self.env._("The file is too big: split the export into files under 200 MB."))
        return Import._arvo_start("file", content=content, file_name=self.filename)._action_open()
