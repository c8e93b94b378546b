// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * A teacher sees the students of the coming period without a place, ranks the places of one of them
 * and confirms the best one: the agreement opens.
 *
 * The data (student Tuomas Tour-Opiskelija, places of Tour Rakennus Oy and Tour Kaukana Oy) is
 * created by redu_workplace_places/tests/test_ui.py.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const STUDENT = "Tuomas Tour-Opiskelija";
const BEST = "Tour Rakennus Oy";

registry.category("web_tour.tours").add("redu_workplace_places_teacher_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Working-life feedback app",
            trigger: ".o_app[data-menu-xmlid='redu_feedback_prep.redu_feedback_menu_root']",
            run: "click",
        },
        {
            content: "Open the menu of the workplace-learning places",
            trigger: ".o_menu_sections [data-menu-xmlid='redu_workplace_places.redu_places_menu']",
            run: "click",
        },
        {
            content: "Open the students needing a place",
            trigger: ".dropdown-item[data-menu-xmlid='redu_workplace_places.redu_placement_need_menu']",
            run: "click",
        },
        {
            content: "The student of the coming period is listed without a place",
            trigger: `.o_list_renderer .o_data_row:contains('${STUDENT}') .o_field_badge:contains('Without a place')`,
            run: "click",
        },
        {
            content: "Rank the places for the student",
            trigger: ".o_form_view button[name=action_find_places]",
            run: "click",
        },
        {
            content: "The nearest place teaching the unit is first",
            trigger: `.o_list_renderer .o_data_row:first-child:contains('${BEST}')`,
        },
        {
            content: "Confirm it",
            trigger: `.o_list_renderer .o_data_row:first-child button[name=action_confirm]`,
            run: "click",
        },
        {
            content: "Accept the confirmation",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The agreement of the student opens, at the employer",
            trigger: `.o_form_view .o_field_widget[name=employer_id] input:value('${BEST}')`,
        },
    ],
});
