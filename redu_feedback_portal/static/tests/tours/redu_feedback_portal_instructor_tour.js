// Copyright 2026 REDU
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * The anonymous workplace instructor opens their personal link on a phone, types a landline
 * (refused with the hint), then a mobile number (saved), then confirms the details.
 *
 * The data (instructor Pertti Puutteellinen with the landline 016 123 456) is created by
 * redu_feedback_portal/tests/test_http.py; the tour selects by classes, not by texts, so that it
 * runs in Finnish as in English.
 */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("redu_feedback_portal_instructor_tour", {
    steps: () => [
        {
            content: "The page shows the period guided, the student by first name and initial only",
            trigger: ".o_redu_periods .o_redu_student:contains('Aino S.')",
        },
        {
            content: "Type a landline as the mobile number",
            trigger: ".o_redu_form input[name=phone]",
            run: "edit 016 555 444",
        },
        {
            content: "Save",
            trigger: ".o_redu_form .o_redu_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The landline is refused with how to write it, and the typed value is kept",
            trigger: ".o_redu_error_phone",
        },
        {
            content: "Nothing was saved",
            trigger: ".o_redu_errors",
        },
        {
            content: "The typed value is still in the field",
            trigger: ".o_redu_form input[name=phone]:value(016 555 444)",
        },
        {
            content: "Type a mobile number",
            trigger: ".o_redu_form input[name=phone]",
            run: "edit 040 765 4321",
        },
        {
            content: "Save",
            trigger: ".o_redu_form .o_redu_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The details are saved and shown as on record",
            trigger: ".o_redu_saved",
        },
        {
            content: "The new number is on record",
            trigger: ".o_redu_on_record:contains('+358407654321')",
        },
        {
            content: "These are correct",
            trigger: ".o_redu_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thank you",
            trigger: ".o_redu_confirmed",
        },
    ],
});
