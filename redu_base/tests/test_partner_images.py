# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

from PIL import Image

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPartnerImages(TransactionCase):
    """The image sizes of a partner, precomputed in its creation, are the ones core computes afterwards."""

    def _png(self, width, height):
        output = io.BytesIO()
        Image.new("RGB", (width, height), (200, 30, 30)).save(output, format="PNG")
        return base64.b64encode(output.getvalue())

    def _size(self, value):
        return Image.open(io.BytesIO(base64.b64decode(value))).size

    def test_created_partners_get_their_image_sizes(self):
        with_image, without = self.env["res.partner"].create(
            [{"name": "Kuvallinen Oy", "image_1920": self._png(600, 300)}, {"name": "Kuvaton Oy"}]
        )
        self.env.invalidate_all()
        self.assertEqual(self._size(with_image.image_1920), (600, 300))
        self.assertEqual(self._size(with_image.image_512), (512, 256))
        self.assertEqual(self._size(with_image.image_128), (128, 64))
        self.assertFalse(without.image_1920 or without.image_1024 or without.image_128)
        # a later image is resized as before
        without.image_1920 = self._png(300, 300)
        self.env.invalidate_all()
        self.assertEqual(self._size(without.image_256), (256, 256))
        self.assertEqual(self._size(without.image_1024), (300, 300))
        # a large image: every size at its own maximum
        without.image_1920 = self._png(2400, 1200)
        self.env.invalidate_all()
        self.assertEqual(self._size(without.image_1920), (1920, 960))
        self.assertEqual(self._size(without.image_1024), (1024, 512))
        self.assertEqual(self._size(without.image_128), (128, 64))
        # an image removed: every size with it, none left in the attachments
        with_image.image_1920 = False
        self.env.invalidate_all()
        self.assertFalse(with_image.image_1024 or with_image.image_512 or with_image.image_256 or with_image.image_128)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "=", with_image.id), ("res_field", "like", "image_%")]
            )
        )

    def test_partners_without_image_in_batch_have_no_image_attachments(self):
        partners = self.env["res.partner"].create([{"name": f"Kuvaton {index}"} for index in range(5)])
        self.env.flush_all()
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids), ("res_field", "like", "image_%")]
            )
        )

    def test_image_written_in_a_bin_size_context_gets_real_sizes(self):
        # the web client reads and saves binary fields with bin_size in its context: the sizes are still images
        partner = self.env["res.partner"].create({"name": "Kuvallinen myöhemmin Oy"})
        partner.with_context(bin_size=True).write({"image_1920": self._png(600, 300)})
        self.env.invalidate_all()
        self.assertEqual(self._size(partner.image_512), (512, 256))
        self.assertEqual(self._size(partner.image_128), (128, 64))
        created = (
            self.env["res.partner"]
            .with_context(bin_size=True)
            .create({"name": "Kuvallinen heti Oy", "image_1920": self._png(300, 600)})
        )
        self.env.invalidate_all()
        self.assertEqual(self._size(created.with_context(bin_size=False).image_256), (128, 256))
