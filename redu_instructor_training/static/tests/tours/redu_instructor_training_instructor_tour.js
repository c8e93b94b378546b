// Copyright 2026 REDU
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * The anonymous workplace instructor, on a phone, opens the training page from their personal link and
 * registers for the session of the test (redu_instructor_training/tests/test_ui.py). Selected by classes,
 * so that it runs in Finnish as in English.
 */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("redu_instructor_training_instructor_tour", {
    steps: () => [
        {
            content: "Open the training from the personal page",
            trigger: ".o_redu_open_training",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says the instructor has no training yet",
            trigger: ".o_redu_training_missing",
        },
        {
            content: "Register for the session of the test",
            trigger: ".o_redu_session:contains('Kemi (testi)') .o_redu_register",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The registration is confirmed",
            trigger: ".o_redu_training_saved",
        },
        {
            content: "The session is shown as registered",
            trigger: ".o_redu_session:contains('Kemi (testi)') .o_redu_registered",
        },
    ],
});
