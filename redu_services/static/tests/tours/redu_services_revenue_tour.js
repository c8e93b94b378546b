// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// A finance user (interface in Finnish) opens the service revenue analysis through the menus and
// reads the revenue of a category: posted invoices minus credit notes, draft invoices left out.
// Data (category, processes, invoices, user) come from tests/test_ui.py.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const CATEGORY = "Kiertueen palvelut";
// 600,00 + 230,50 invoiced - 80,00 credited = 750,50 (the 1 000,00 draft invoice does not count)
const CATEGORY_REVENUE = "750,50";

registry.category("web_tour.tours").add("redu_services_revenue_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "open the Services app (Palvelut)",
            trigger: ".o_app[data-menu-xmlid='redu_services.redu_services_menu_root']:contains('Palvelut')",
            run: "click",
        },
        {
            content: "open the Reporting menu (Raportointi)",
            trigger:
                ".o_main_navbar .dropdown-toggle[data-menu-xmlid='redu_services.redu_services_reporting_menu']" +
                ":contains('Raportointi')",
            run: "click",
        },
        {
            content: "open the service revenue analysis (Palvelujen liikevaihto)",
            trigger:
                ".o-dropdown-item[data-menu-xmlid='redu_services.redu_service_revenue_report_menu']" +
                ":contains('Palvelujen liikevaihto')",
            run: "click",
        },
        {
            content: "the analysis opens as a pivot table",
            trigger: ".o_pivot_view .o_breadcrumb:contains('Palvelujen liikevaihto')",
        },
        {
            content: "the measure is the untaxed revenue (Veroton liikevaihto)",
            trigger: ".o_pivot thead th:contains('Veroton liikevaihto')",
        },
        {
            content: "the category has its row, and its revenue is the posted invoices minus the credit note",
            trigger:
                `.o_pivot tbody tr:has(th:contains('${CATEGORY}'))` +
                ` td.o_pivot_cell_value:contains('${CATEGORY_REVENUE}')`,
        },
        {
            content: "switch to the list of the revenue lines",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "the list shows the credit note as negative revenue",
            trigger: `.o_list_view .o_data_row:contains('${CATEGORY}') td[name=amount]:contains('-80,00')`,
        },
    ],
});
