// Copyright 2026 REDU
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// A sales user (interface in Finnish) opens a working-life partner at level D, sets its cooperation
// forms on the Working-life partnership page of the partner form, sees the cooperation type they
// make (strategic) and the suggested level A, applies it and finds the change D -> A in the level
// history.
// Data (partner, cooperation forms, user) come from tests/test_ui.py.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const PARTNER = "Revontulen Rakennus Oy";
const USER_NAME = "Saara Myyjä";
// two forms: one of training cooperation, one of developer cooperation; together strategic
const FORM_TRAINING = "Revontulen työssäoppimispaikat";
const FORM_DEVELOPER = "Revontulen tuotekehityshanke";
const LEVEL_A = "A – Kumppaniasiakkaat";
const LEVEL_D = "D – Asiakassuhde on olemassa";
const FORM_VIEW = ".o_form_view";
// the form once saved, with no pending change
const SAVED = ".o_form_view .o_form_renderer.o_form_saved";
const FORMS_LIST = ".o_field_widget[name=cooperation_form_ids]";
const SELECT_DIALOG = ".modal:has(.o_select_button)";
const APPLY_BUTTON = "button[name=action_apply_suggested_level]";

function pickCooperationForm(name) {
    return [
        {
            content: `tick the cooperation form "${name}"`,
            trigger: `${SELECT_DIALOG} .o_data_row:contains('${name}') .o_list_record_selector input`,
            run: "click",
        },
        {
            content: `the cooperation form "${name}" is ticked`,
            trigger: `${SELECT_DIALOG} .o_data_row:contains('${name}') .o_list_record_selector input:checked`,
        },
    ];
}

registry.category("web_tour.tours").add("redu_partnership_level_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "open the Contacts app",
            trigger: ".o_app[data-menu-xmlid='contacts.menu_contacts']",
            run: "click",
        },
        {
            content: "open the Working-life cooperation menu (Työelämäyhteistyö)",
            trigger:
                ".o_main_navbar .dropdown-toggle[data-menu-xmlid='redu_partnership.redu_partnership_menu_root']" +
                ":contains('Työelämäyhteistyö')",
            run: "click",
        },
        {
            content: "open the partners (Kumppanit)",
            trigger:
                ".o-dropdown-item[data-menu-xmlid='redu_partnership.res_partner_menu_partnership']" +
                ":contains('Kumppanit')",
            run: "click",
        },
        {
            content: "the working-life partners open in Finnish, as a kanban by level",
            trigger: ".o_kanban_view .o_breadcrumb:contains('Työelämäkumppanit')",
        },
        {
            content: "search the partner",
            trigger: ".o_control_panel input.o_searchview_input",
            run: "edit Revontulen Rakennus",
        },
        {
            content: "run the search",
            trigger: ".o_control_panel input.o_searchview_input",
            run: "press Enter",
        },
        {
            content: "the search is applied",
            trigger: ".o_control_panel .o_searchview_facet:contains('Revontulen Rakennus')",
        },
        {
            content: "the partner is in the column of level D",
            trigger:
                `.o_kanban_group:has(.o_column_title:contains('${LEVEL_D}'))` +
                ` .o_kanban_record:contains('${PARTNER}')`,
        },
        {
            content: "open the partner",
            trigger: `.o_kanban_record:contains('${PARTNER}')`,
            run: "click",
        },
        {
            content: "the partner form opens",
            trigger: `${FORM_VIEW} .o_field_widget[name=name]:has(input:value('${PARTNER}'))`,
        },
        {
            content: "open the Working-life partnership tab (Työelämäkumppanuus)",
            trigger: ".o_notebook .nav-link[name=redu_partnership]:contains('Työelämäkumppanuus')",
            run: "click",
        },
        {
            content: "the partner is at level D",
            trigger: `${FORM_VIEW} .o_field_widget[name=partnership_level_id] input:value('${LEVEL_D}')`,
        },
        {
            content: "without cooperation forms there is no cooperation type and no level to apply",
            trigger:
                `${FORM_VIEW} .o_notebook:has(.o_field_widget[name=partnership_level_id])` +
                `:not(:has(.o_field_widget[name=suggested_partnership_level_id])):not(:has(${APPLY_BUTTON}))` +
                ":has(.o_field_widget[name=cooperation_type]:not(:contains('yhteistyö')))",
        },
        {
            content: "the partner has no cooperation form yet: add some on the same page",
            trigger: `${FORMS_LIST}:not(:has(.o_data_row)) .o_field_x2many_list_row_add a`,
            run: "click",
        },
        ...pickCooperationForm(FORM_TRAINING),
        ...pickCooperationForm(FORM_DEVELOPER),
        {
            content: "select the two forms",
            trigger: `${SELECT_DIALOG} .o_select_button`,
            run: "click",
        },
        {
            content: "the first form is listed with its own type, training cooperation (Koulutusyhteistyö)",
            trigger:
                `${FORM_VIEW} ${FORMS_LIST} .o_data_row:contains('${FORM_TRAINING}')` +
                " .o_field_badge[name=cooperation_type]:contains('Koulutusyhteistyö')",
        },
        {
            content: "the second form is listed with its own type, developer cooperation (Kehittäjäyhteistyö)",
            trigger:
                `${FORM_VIEW} ${FORMS_LIST} .o_data_row:contains('${FORM_DEVELOPER}')` +
                " .o_field_badge[name=cooperation_type]:contains('Kehittäjäyhteistyö')",
        },
        ...stepUtils.saveForm(),
        {
            content: "the two forms are saved on the partner",
            trigger: `${SAVED} ${FORMS_LIST}:has(.o_data_row:contains('${FORM_TRAINING}')):has(.o_data_row:contains('${FORM_DEVELOPER}'))`,
        },
        {
            content: "together the forms make a strategic cooperation (Strateginen yhteistyö)",
            trigger: `${SAVED} .o_field_widget[name=cooperation_type]:contains('Strateginen yhteistyö')`,
        },
        {
            content: "the suggested level is A",
            trigger: `${SAVED} .o_field_widget[name=suggested_partnership_level_id]:contains('${LEVEL_A}')`,
        },
        {
            content: "the level is still D",
            trigger: `${SAVED} .o_field_widget[name=partnership_level_id] input:value('${LEVEL_D}')`,
        },
        {
            content: "apply the suggested level (Ota käyttöön)",
            trigger: `${SAVED} ${APPLY_BUTTON}:contains('Ota käyttöön')`,
            run: "click",
        },
        {
            content: "the partner is now at level A",
            trigger: `${SAVED} .o_field_widget[name=partnership_level_id] input:value('${LEVEL_A}')`,
        },
        {
            content: "the level is the suggested one: nothing left to apply",
            trigger:
                `${SAVED} .o_notebook:has(.o_field_widget[name=suggested_partnership_level_id]:contains('${LEVEL_A}'))` +
                `:not(:has(${APPLY_BUTTON}))`,
        },
        {
            content: "open the level history (Tasohistoria)",
            // the smart buttons are shown in the control panel, outside the form renderer
            trigger:
                `${FORM_VIEW}:has(.o_form_saved) .oe_stat_button[name=action_view_partnership_level_history]` +
                ":contains('Tasohistoria')",
            run: "click",
        },
        {
            content: "the level history of the partner opens",
            trigger: ".o_list_view .o_breadcrumb:contains('Tasohistoria')",
        },
        {
            content: "the change D -> A is listed, raised (Nostettu), by the user, with the note of the suggestion",
            trigger:
                `.o_list_view .o_data_row:contains('${PARTNER}')` +
                `:has(td[name=old_level_id]:contains('${LEVEL_D}'))` +
                `:has(td[name=new_level_id]:contains('${LEVEL_A}'))` +
                ":has(.o_field_badge[name=change_direction]:contains('Nostettu'))" +
                `:has(td[name=user_id]:contains('${USER_NAME}'))` +
                ":contains('Ehdotettu taso otettu käyttöön')",
        },
        {
            content: "the first level of the partner, D, is listed too",
            trigger:
                `.o_list_view .o_data_row:contains('${PARTNER}')` +
                ":not(:has(td[name=old_level_id]:contains('–')))" +
                `:has(td[name=new_level_id]:contains('${LEVEL_D}'))` +
                ":has(.o_field_badge[name=change_direction]:contains('Ensimmäinen taso'))",
        },
    ],
});
