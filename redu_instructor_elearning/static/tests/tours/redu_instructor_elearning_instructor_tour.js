// Copyright 2026 REDU
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * The anonymous workplace instructor, on a phone, opens the training page from the personal link,
 * registers for the session, then reads the two contents of the support course and marks them read
 * (data: redu_instructor_elearning/tests/test_http.py).
 */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("redu_instructor_elearning_instructor_tour", {
    steps: () => [
        {
            content: "Open the training from the personal page",
            trigger: ".o_redu_open_training",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Register for the session of the test",
            trigger: ".o_redu_session:contains('Kemi (testi)') .o_redu_register",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The session is shown as registered",
            trigger: ".o_redu_session:contains('Kemi (testi)') .o_redu_registered",
        },
        {
            content: "Open the support course",
            trigger: ".o_redu_support_course:contains('Ohjaajan tuki (testi)') .o_redu_open_course",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the first content",
            trigger: ".o_redu_content:contains('Ohjaajan tehtävät (testi)') a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Read it and mark it read",
            trigger: ".o_redu_slide:contains('Perehdytä opiskelija työpaikkaan.') .o_redu_slide_done",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Go to the next content",
            trigger: ".o_redu_slide_completed ~ .o_redu_next_slide",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Mark the second content read",
            trigger: ".o_redu_slide:contains('Arvioi näytössä.') .o_redu_slide_done",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The course is completed",
            trigger: ".o_redu_course_done",
        },
    ],
});
