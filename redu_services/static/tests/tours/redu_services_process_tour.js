// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// A back-office user (interface in Finnish) creates a service process, is stopped by the gate of
// the Done stage, ticks the checklist, records the feedback score and closes the process.
// Data (organisation, service, checklist template, user) come from tests/test_ui.py.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const ORGANISATION = "Tunturin Kiertue Oy";
const SERVICE = "Kiertueen työpaikkaohjaajakoulutus";
const USER_NAME = "Tiina Taustatoimisto";
const CHECKLIST = ".o_field_widget[name=checklist_line_ids]";
const STATUSBAR = ".o_form_view .o_statusbar_status";
// the form once saved, with no pending change
const SAVED = ".o_form_view .o_form_renderer.o_form_saved";
// The folded stages (Done, Cancelled) are in the "..." dropdown at the end of the status bar
// (the status bar lists its stages from right to left, so that button is the "first" one).
const FOLDED_STAGES_TOGGLE = `${STATUSBAR} button.dropdown-toggle.o_arrow_button.o_first`;

function tickChecklistItem(item) {
    return [
        {
            content: `tick the checklist item "${item}"`,
            trigger: `${CHECKLIST} .o_data_row:contains('${item}') .o_field_widget[name=done] input`,
            run: "click",
        },
        {
            content: `the checklist item "${item}" is ticked`,
            trigger: `${CHECKLIST} .o_data_row:contains('${item}') .o_field_widget[name=done] input:checked`,
        },
    ];
}

registry.category("web_tour.tours").add("redu_services_process_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "open the Services app (Palvelut)",
            trigger: ".o_app[data-menu-xmlid='redu_services.redu_services_menu_root']:contains('Palvelut')",
            run: "click",
        },
        {
            content: "the service processes open in Finnish",
            trigger: ".o_breadcrumb:contains('Palveluprosessit')",
        },
        {
            content: "create a service process",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "the new process starts in the first stage, Inquiry (Yhteydenotto)",
            trigger: `${STATUSBAR} .o_arrow_button_current:contains('Yhteydenotto')`,
        },
        {
            content: "subject",
            trigger: ".o_field_widget[name=title] input",
            run: "edit Työpaikkaohjaajien koulutus keväälle",
        },
        {
            content: "organisation",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tunturin Kiertue",
        },
        {
            content: "pick the organisation",
            trigger: `.o_field_widget[name=partner_id] .o-autocomplete--dropdown-item a:contains('${ORGANISATION}')`,
            run: "click",
        },
        {
            content: "service",
            trigger: ".o_field_widget[name=service_id] input",
            run: "edit Kiertueen",
        },
        {
            content: "pick the service",
            trigger: `.o_field_widget[name=service_id] .o-autocomplete--dropdown-item a:contains('${SERVICE}')`,
            run: "click",
        },
        {
            content: "the funding of the service shows in Finnish",
            trigger: ".o_field_widget[name=funding]:contains('Julkisesti rahoitettu')",
        },
        ...stepUtils.saveForm(),
        {
            content: "the checklist of the service's template is copied onto the saved process",
            trigger: `${CHECKLIST} .o_data_row:contains('Kartoita tarpeet')`,
        },
        {
            content: "open the folded stages of the status bar",
            trigger: FOLDED_STAGES_TOGGLE,
            run: "click",
        },
        {
            content: "try to close the process: Done (Valmis)",
            trigger: ".o-dropdown-item:contains('Valmis')",
            run: "click",
        },
        {
            content: "the gate refuses the move, in Finnish, naming what is missing",
            trigger:
                ".modal .o_error_dialog:contains('ei voi siirtyä vaiheeseen Valmis')" +
                ":contains('tarkistuslistan pakolliset kohdat: Kartoita tarpeet, Lähetä materiaali')" +
                ":contains('palautteen arvosana')",
        },
        {
            content: "close the message",
            trigger: ".modal .o_error_dialog .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "discard the refused stage change",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "the process is still in Inquiry (Yhteydenotto)",
            trigger: `${SAVED} .o_statusbar_status .o_arrow_button_current:contains('Yhteydenotto')`,
        },
        {
            content: "open the Feedback tab (Palaute)",
            trigger: ".o_notebook .nav-link[name=feedback]:contains('Palaute')",
            run: "click",
        },
        {
            content: "feedback score 4 - Very good (Erittäin hyvä)",
            trigger: ".o_field_widget[name=feedback_score] input[data-value='4']",
            run: "click",
        },
        {
            content: "back to the Checklist tab (Tarkistuslista)",
            trigger: ".o_notebook .nav-link[name=checklist]:contains('Tarkistuslista')",
            run: "click",
        },
        ...tickChecklistItem("Kartoita tarpeet"),
        ...tickChecklistItem("Lähetä materiaali"),
        {
            content: "open the folded stages of the status bar again",
            trigger: FOLDED_STAGES_TOGGLE,
            run: "click",
        },
        {
            content: "close the process: Done (Valmis)",
            trigger: ".o-dropdown-item:contains('Valmis')",
            run: "click",
        },
        {
            content: "the process is saved in the stage Done (Valmis)",
            trigger: `${SAVED} .o_statusbar_status .o_arrow_button_current:contains('Valmis')`,
        },
        {
            content: "the Done ribbon shows",
            trigger: `${SAVED} .ribbon:contains('Valmis')`,
        },
        {
            content: "the checklist items are stamped with the user who ticked them",
            trigger:
                `${SAVED} ${CHECKLIST} .o_data_row:contains('Lähetä materiaali')` +
                `:has(.o_field_widget[name=done] input:checked) td[name=done_by]:contains('${USER_NAME}')`,
        },
        {
            content: "... both of them",
            trigger:
                `${SAVED} ${CHECKLIST} .o_data_row:contains('Kartoita tarpeet')` +
                `:has(.o_field_widget[name=done] input:checked) td[name=done_by]:contains('${USER_NAME}')`,
        },
    ],
});
