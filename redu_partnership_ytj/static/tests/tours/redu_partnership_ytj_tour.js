import { registry } from "@web/core/registry";

// A partnership manager opens the possible duplicates and dismisses the first pair.
registry.category("web_tour.tours").add("redu_partnership_ytj_duplicates_tour", {
    url: "/odoo/action-redu_partnership_ytj.redu_partner_duplicate_action",
    steps: () => [
        {
            content: "The pair of the test is listed",
            trigger: ".o_data_row:contains('Tour Rakennus Oy')",
        },
        {
            content: "Dismiss it",
            trigger: ".o_data_row:contains('Tour Rakennus Oy') button[name='action_dismiss']",
            run: "click",
        },
        {
            content: "It leaves the list of pairs to check",
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('Tour Rakennus Oy')))",
        },
    ],
});
