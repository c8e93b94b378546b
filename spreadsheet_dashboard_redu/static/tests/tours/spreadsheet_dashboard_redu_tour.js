// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// A manager opens the dashboard "Services and processes" and sees the catalogue figure that
// tests/test_ui.py built: 3 services of the category "Tour category" in the entity "Tour Entity".
// The spreadsheet draws its cells on a canvas: the tour reads the evaluated cells of the
// dashboard's model, as the spreadsheet's own tests do.
import { registry } from "@web/core/registry";

function evaluatedCells() {
    const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
    const model = loader.getActiveDashboard().model;
    const sheetId = model.getters.getActiveSheetId();
    const cells = [];
    for (let row = 0; row < 80; row++) {
        const line = [];
        for (let col = 0; col < 10; col++) {
            line.push(model.getters.getEvaluatedCell({ sheetId, col, row }).value);
        }
        cells.push(line);
    }
    return cells;
}

registry.category("web_tour.tours").add("spreadsheet_dashboard_redu_tour", {
    steps: () => [
        {
            content: "the dashboards of the group Working-life cooperation are listed",
            trigger: ".o_spreadsheet_dashboard_search_panel:contains('Working-life cooperation')",
        },
        {
            content: "the dashboard Services and processes is open",
            trigger: ".o_spreadsheet_dashboard_search_panel li.active:contains('Services and processes')",
        },
        {
            content: "the spreadsheet is displayed",
            trigger: ".o_renderer .o-spreadsheet",
        },
        {
            content: "the catalogue table shows 3 services of the tour category in the tour entity",
            trigger: ".o_renderer .o-spreadsheet",
            run: async () => {
                let found = false;
                let lastCells = [];
                for (let attempt = 0; attempt < 100 && !found; attempt++) {
                    lastCells = evaluatedCells();
                    const header = lastCells.find((line) => line.includes("Tour Entity"));
                    const row = lastCells.find((line) => line[0] === "Tour category");
                    if (header && row) {
                        found = row[header.indexOf("Tour Entity")] === 3;
                    }
                    if (!found) {
                        await new Promise((resolve) => setTimeout(resolve, 100));
                    }
                }
                if (!found) {
                    throw new Error(`figure not found in ${JSON.stringify(lastCells.slice(36, 60))}`);
                }
            },
        },
    ],
});
