// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The responsible user finds the web inquiry routed to them among their processes, opens it,
// reads the inquiry in the chatter and answers it with a message (the first response).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("redu_services_website_responsible_tour", {
    steps: () => [
        {
            content: "open the filters",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "filter the web inquiries",
            trigger: ".o_filter_menu .o_menu_item:contains('Verkkolomakkeen yhteydenotot')",
            run: "click",
        },
        {
            content: "the late first response filter is there too",
            trigger: ".o_filter_menu .o_menu_item:contains('Myöhässä oleva ensivastaus')",
        },
        {
            content: "open the routed process",
            trigger: ".o_kanban_record:contains('Revontulen Rakennus Oy')",
            run: "click",
        },
        {
            content: "the inquiry is in the chatter",
            trigger: ".o-mail-Message:contains('Tarvitsemme koulutusta kymmenelle.')",
        },
        {
            content: "the process is assigned to the user",
            trigger: ".o_field_widget[name=user_id] input:value(Riitta Vastuullinen)",
        },
        {
            content: "answer the organisation: send a message",
            trigger: ".o-mail-Chatter-topbar button.o-mail-Chatter-sendMessage",
            run: "click",
        },
        {
            trigger: ".o-mail-Composer-input",
            run: "edit Kiitos yhteydenotosta! Soitan teille huomenna.",
        },
        {
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "the answer is in the chatter",
            trigger: ".o-mail-Message:contains('Soitan teille huomenna.')",
        },
    ],
});
