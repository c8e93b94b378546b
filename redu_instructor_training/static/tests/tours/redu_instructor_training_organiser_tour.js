// Copyright 2026 REDU
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * The organiser opens the instructor training session of the test (redu_instructor_training/tests/test_ui.py),
 * its attendees, and marks the instructor as attended.
 */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("redu_instructor_training_organiser_tour", {
    steps: () => [
        {
            content: "Open the session",
            trigger: ".o_data_row .o_data_cell:contains('Kemi (testi)')",
            run: "click",
        },
        {
            content: "Open its attendees",
            trigger: ".o_form_view .oe_stat_button:has(.fa-users)",
            run: "click",
        },
        {
            content: "Mark the instructor as attended",
            trigger: ".o_data_row:contains('Pertti Puutteellinen') button[name=action_set_done]",
            run: "click",
        },
        {
            content: "The attendance is stored",
            trigger: ".o_data_row:contains('Pertti Puutteellinen'):not(:has(button[name=action_set_done]))",
        },
    ],
});
