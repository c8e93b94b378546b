// Copyright 2026 REDU
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * A teacher selects an agreement in the list and sends the confirmation request to its instructor.
 *
 * The data (the agreement of instructor Pertti Puutteellinen, teacher Tiina Linkki-Opettaja) is
 * created by redu_feedback_portal/tests/test_http.py.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const ROW = ".o_list_renderer .o_data_row:contains('Pertti Puutteellinen')";
const DIALOG = ".modal:has(.modal-title:contains('Send confirmation request'))";

registry.category("web_tour.tours").add("redu_feedback_portal_send_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Working-life feedback app",
            trigger: ".o_app[data-menu-xmlid='redu_feedback_prep.redu_feedback_menu_root']",
            run: "click",
        },
        {
            content: "The list of workplace agreements is shown",
            trigger: ".o_breadcrumb:contains('Workplace agreements')",
        },
        {
            content: "Select the agreement of the instructor",
            trigger: `${ROW} .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Send confirmation request",
            trigger: ".o_control_panel_actions button[name=action_open_send_confirmation], .o_list_buttons button[name=action_open_send_confirmation], button[name=action_open_send_confirmation]",
            run: "click",
        },
        {
            content: "The preview counts one request",
            trigger: `${DIALOG} .o_redu_send_summary .o_field_widget[name=send_count]:contains('1')`,
        },
        {
            content: "The instructor is listed with the channel",
            trigger: `${DIALOG} .o_field_widget[name=line_ids] .o_data_row:contains('Pertti Puutteellinen')`,
        },
        {
            content: "The first email is previewed with the personal link",
            trigger: `${DIALOG} .o_field_widget[name=preview_body] a[href*='/feedback/instructor/']`,
        },
        {
            content: "Send",
            trigger: `${DIALOG} footer button[name=action_send]`,
            run: "click",
        },
        {
            content: "The requests are sent",
            trigger: ".o_notification:contains('1 requests sent')",
        },
    ],
});
