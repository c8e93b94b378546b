// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// The user opens every dashboard of the group "Working-life cooperation" that they may see, one after
// the other, and sees its figures: each scorecard shows a number, each chart is drawn, no dashboard
// fails to load and no error dialog opens. tests/test_ui.py runs it as the finance and the management
// user.
import { registry } from "@web/core/registry";

const GROUP = "Working-life cooperation";

function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(check, what, attempts = 450) {
    let last;
    for (let attempt = 0; attempt < attempts; attempt++) {
        last = check();
        if (last === true) {
            return;
        }
        await delay(100);
    }
    throw new Error(`${what}: ${last}`);
}

function groupItems() {
    const section = [...document.querySelectorAll(".o_spreadsheet_dashboard_search_panel section")].find(
        (element) => element.querySelector("header")?.textContent.trim() === GROUP
    );
    return section ? [...section.querySelectorAll("li.o_search_panel_category_value")] : [];
}

function errorDialog() {
    return document.querySelector(".o_error_dialog, .o_dialog .modal-title.text-danger, .dashboard-loading-status.error");
}

/** The figures of the dashboard's first sheet, and what is wrong with them (null when all is well). */
function figureProblem(name) {
    const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
    const dashboard = loader.getActiveDashboard();
    if (!dashboard || dashboard.data.name !== name || dashboard.status !== "Loaded") {
        return `${name} not loaded`;
    }
    const model = dashboard.model;
    const sheetId = model.getters.getSheetIds()[0];
    const figures = model.getters.getFigures(sheetId);
    if (figures.length < 4) {
        return `${name}: ${figures.length} figures`;
    }
    for (const figure of figures) {
        const chartId = model.getters.getChartIdFromFigureId(figure.id);
        const definition = model.getters.getChartDefinition(chartId);
        const runtime = model.getters.getChartRuntime(chartId);
        const element = document.querySelector(`.o-figure[data-id="${figure.id}"]`);
        if (!element || !element.querySelector("canvas")) {
            return `${name}: "${definition.title.text}" is not drawn`;
        }
        if (definition.type === "scorecard") {
            const value = String(runtime.keyValue ?? "");
            if (!value || value.startsWith("#") || value.includes("Loading")) {
                return `${name}: the scorecard "${definition.title.text}" shows "${value}"`;
            }
        } else if (!runtime.chartJsConfig?.data?.datasets) {
            return `${name}: the chart "${definition.title.text}" has no data`;
        }
    }
    return true;
}

// the most dashboards the group may hold: one step each (a step may last 60 s at most)
const MAX_DASHBOARDS = 12;
const seen = [];

/** Open the index-th dashboard of the group, if there is one, and wait until its figures are shown. */
async function openDashboard(index) {
    const items = groupItems();
    if (index >= items.length) {
        return;
    }
    const name = items[index].dataset.name;
    items[index].click();
    await waitFor(() => {
        if (errorDialog()) {
            throw new Error(`${name}: ${errorDialog().textContent}`);
        }
        return figureProblem(name);
    }, "figures not shown");
    seen.push(name);
}

registry.category("web_tour.tours").add("spreadsheet_dashboard_redu_figures_tour", {
    steps: () => [
        {
            content: "the dashboards of the group Working-life cooperation are listed",
            trigger: `.o_spreadsheet_dashboard_search_panel header:contains('${GROUP}')`,
            run: () => {
                if (!groupItems().length) {
                    throw new Error("no dashboard in the group");
                }
                if (groupItems().length > MAX_DASHBOARDS) {
                    throw new Error(`more than ${MAX_DASHBOARDS} dashboards: add steps`);
                }
                seen.length = 0;
            },
        },
        ...[...Array(MAX_DASHBOARDS).keys()].map((index) => ({
            content: `the dashboard number ${index + 1} of the group (if any) shows its scorecards and charts`,
            trigger: ".o_spreadsheet_dashboard_search_panel",
            timeout: 60000,
            run: () => openDashboard(index),
        })),
        {
            content: "every dashboard of the group was seen and no error dialog is open",
            trigger: "body:not(:has(.o_error_dialog))",
            run: () => {
                const names = groupItems().map((item) => item.dataset.name);
                if (seen.join("|") !== names.join("|")) {
                    throw new Error(`seen ${seen.join(", ")} of ${names.join(", ")}`);
                }
            },
        },
    ],
});
