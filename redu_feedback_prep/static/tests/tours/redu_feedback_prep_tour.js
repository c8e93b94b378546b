// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
/**
 * A teacher fixes an instructor's phone from the contact validation report.
 *
 * The data (agreement TPS/TOUR/00001 of the teacher, instructor Pertti Puutteellinen with the
 * landline 016 123 456) is created by redu_feedback_prep/tests/test_ui.py.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const REF = "TPS/TOUR/00001";
const INSTRUCTOR = "Pertti Puutteellinen";
const TEACHER = "Tiina Tour-Opettaja";
const ISSUE_ROW = `.o_list_renderer .o_data_row:contains('${REF}'):contains('Phone not mobile')`;
const WIZARD = ".modal:has(.modal-title:contains('Fix contact details'))";
const INSTRUCTOR_LINE = `${WIZARD} .o_field_widget[name=line_ids] .o_data_row:contains('${INSTRUCTOR}')`;

registry.category("web_tour.tours").add("redu_feedback_prep_fix_contact_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Working-life feedback app",
            trigger: ".o_app[data-menu-xmlid='redu_feedback_prep.redu_feedback_menu_root']",
            run: "click",
        },
        {
            content: "The app opens on the workplace agreements",
            trigger: ".o_main_navbar .o_menu_brand:contains('Working-life feedback')",
        },
        {
            content: "The list of workplace agreements is shown",
            trigger: ".o_breadcrumb:contains('Workplace agreements')",
        },
        {
            content: "Open the Contact validation menu",
            trigger: ".o_menu_sections [data-menu-xmlid='redu_feedback_prep.redu_contact_validation_menu']",
            run: "click",
        },
        {
            content: "Open the contact validation report (the issues)",
            trigger: ".dropdown-item[data-menu-xmlid='redu_feedback_prep.redu_contact_issue_menu']",
            run: "click",
        },
        {
            content: "The contact validation report is open, grouped by teacher",
            trigger: ".o_breadcrumb:contains('Contact issues')",
        },
        {
            content: "Open the teacher's group of issues",
            trigger: `.o_list_renderer .o_group_header:contains('${TEACHER}')`,
            run: "click",
        },
        {
            content: "The agreement is reported: its instructor's phone is a landline (a warning)",
            trigger: `${ISSUE_ROW}:contains('landline or service number') .o_field_badge:contains('Warning')`,
        },
        {
            content: "The problem shows the value as it is in the data and the hint to fix it",
            trigger: `${ISSUE_ROW}:contains('016 123 456'):contains('mobile phone number instead of a landline')`,
        },
        {
            content: "Select the issue",
            trigger: `${ISSUE_ROW} .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Open the fix wizard",
            trigger: ".o_control_panel .o_selection_container button[name=action_open_fix_wizard]",
            run: "click",
        },
        {
            content: "The wizard lists the instructor with the landline and the open issue",
            trigger: `${INSTRUCTOR_LINE}:contains('016 123 456'):contains('landline or service number')`,
        },
        {
            content: "The wizard also lists the issue of the agreement",
            trigger: `${WIZARD} .o_field_widget[name=issue_ids] .o_data_row:contains('${REF}')`,
        },
        {
            content: "Click the instructor's phone in the editable list",
            trigger: `${INSTRUCTOR_LINE} td[name=phone]`,
            run: "click",
        },
        {
            content: "Type the instructor's mobile number",
            trigger: `${WIZARD} .o_field_widget[name=line_ids] .o_selected_row:has(td[name=name] input:value('${INSTRUCTOR}')) td[name=phone] input:value('016 123 456')`,
            run: "edit 040 765 4321",
        },
        {
            content: "Save and validate",
            trigger: `${WIZARD} .modal-footer button[name=action_save]`,
            run: "click",
        },
        {
            content: "The wizard confirms the save and that no issue is left",
            trigger: `${WIZARD} .alert-info:contains('1 contact(s) updated; 0 issue(s) still open.')`,
        },
        {
            content: "The phone is shown normalised, and the instructor has no issue any more",
            trigger: `${INSTRUCTOR_LINE}:contains('+358407654321'):not(:contains('landline or service number'))`,
        },
        {
            content: "No open issue is listed in the wizard",
            trigger: `${WIZARD} .o_field_widget[name=issue_ids]:not(:has(.o_data_row))`,
        },
        {
            content: "Close the wizard",
            trigger: `${WIZARD} .modal-footer button:contains('Close')`,
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The report is reloaded: the teacher has no contact issue left",
            trigger: ".o_view_nocontent:contains('No contact issue')",
        },
        {
            content: "Open the Contact validation menu again",
            trigger: ".o_menu_sections [data-menu-xmlid='redu_feedback_prep.redu_contact_validation_menu']",
            run: "click",
        },
        {
            content: "Open the agreements by readiness",
            trigger: ".dropdown-item[data-menu-xmlid='redu_feedback_prep.redu_workplace_agreement_menu_validation']",
            run: "click",
        },
        {
            content: "The agreements are shown grouped by readiness",
            trigger: ".o_breadcrumb:contains('Agreements by readiness')",
        },
        {
            content: "Open the group of ready agreements",
            trigger: ".o_list_renderer .o_group_header:contains('Ready')",
            run: "click",
        },
        {
            content: "The agreement is now ready: its readiness badge says Ready",
            trigger: `.o_list_renderer .o_data_row:contains('${REF}') .o_field_badge[name=readiness]:contains('Ready')`,
        },
        {
            content: "Open the agreement",
            trigger: `.o_list_renderer .o_data_row:contains('${REF}') td[name=name]`,
            run: "click",
        },
        {
            content: "The agreement form shows Ready in its status bar",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Ready')",
        },
        {
            content: "The instructor's phone on the agreement is the mobile number",
            trigger: ".o_form_view .o_field_widget[name=instructor_phone] input:value('+358407654321')",
        },
        {
            content: "No issue is left on the agreement",
            trigger: ".o_form_view .o_field_widget[name=issue_count] .o_stat_value:text('0')",
        },
    ],
});
