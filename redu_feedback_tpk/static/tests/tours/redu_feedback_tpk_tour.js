// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * A training manager predicts the workplace survey bundles of the next collection period and opens
 * one. The data (one agreement of Kierrostesti Oy in the period) is created by
 * redu_feedback_tpk/tests/test_ui.py.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const WIZARD = ".o_dialog";

registry.category("web_tour.tours").add("redu_feedback_tpk_predict_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Working-life feedback app",
            trigger: ".o_app[data-menu-xmlid='redu_feedback_prep.redu_feedback_menu_root']",
            run: "click",
        },
        {
            content: "Open the Workplace survey menu",
            trigger: ".o_menu_sections [data-menu-xmlid='redu_feedback_tpk.redu_tpk_menu']",
            run: "click",
        },
        {
            content: "Choose Predict bundles",
            trigger: ".dropdown-item[data-menu-xmlid='redu_feedback_tpk.redu_tpk_predict_wizard_menu']",
            run: "click",
        },
        {
            content: "The wizard proposes the next collection period and shows its answering window",
            trigger: `${WIZARD} .o_field_widget[name=window_end]:contains(',')`,
        },
        {
            content: "Predict the bundles",
            trigger: `${WIZARD} .modal-footer button[name=action_predict]`,
            run: "click",
        },
        {
            content: "One bundle is predicted",
            trigger: `${WIZARD} .alert-info:contains('1 bundle(s) predicted')`,
        },
        {
            content: "Open the bundles",
            trigger: `${WIZARD} .modal-footer button[name=action_open_bundles]`,
            run: "click",
        },
        {
            content: "The bundle list is grouped by collection period: open the group",
            trigger: ".o_list_renderer .o_group_header",
            run: "click",
        },
        {
            content: "Open the bundle of Kierrostesti Oy",
            trigger: ".o_list_renderer .o_data_row:contains('Kierrostesti Oy') td[name=workplace_name]",
            run: "click",
        },
        {
            content: "The bundle shows its key and its state Predicted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Predicted')",
        },
        {
            content: "The bundle key is the normalised name, the Y-tunnus, the provider and the period",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('kierrostesti_oy/0737546-2/')",
        },
    ],
});
