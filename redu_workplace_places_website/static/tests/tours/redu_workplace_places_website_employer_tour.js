// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// An employer without an account, on a phone, goes from the catalogue to the form, sends it without
// the consent (refused, the typed values kept), then with it, and sees the acknowledgement.
// The qualification and the dates come from tests/test_ui.py (the tour's url carries nothing).
import { registry } from "@web/core/registry";

const FORM = "form.o_redu_offer_form";
// a period starting in 60 days, for 60 days (the form takes periods starting within two years)
const isoDay = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

registry.category("web_tour.tours").add("redu_workplace_places_website_employer_tour", {
    url: "/palvelut",
    steps: () => [
        {
            content: "the catalogue leads to the form",
            trigger: ".o_redu_offer_link a",
            run: "click",
            expectUnloadPage: true,
        },
        { content: "organisation", trigger: `${FORM} input[name=organisation]`, run: "edit Tunturin Puutyö Oy" },
        { content: "business ID", trigger: `${FORM} input[name=business_id]`, run: "edit 1234567-1" },
        { content: "instructor", trigger: `${FORM} input[name=contact_name]`, run: "edit Olli Ohjaaja" },
        { content: "email", trigger: `${FORM} input[name=email]`, run: "edit olli.ohjaaja@tunturinpuutyo.example" },
        { content: "phone", trigger: `${FORM} input[name=phone]`, run: "edit +358 40 555 1234" },
        { content: "municipality", trigger: `${FORM} select[name=municipality_id]`, run: "selectByLabel Kittilä" },
        {
            content: "qualification",
            trigger: `${FORM} select[name=qualification_id]`,
            run: "selectByLabel Puualan tour-perustutkinto",
        },
        {
            content: "from (the phone's date picker sets the value)",
            trigger: `${FORM} input[name=date_start]`,
            run() {
                this.anchor.value = isoDay(60);
            },
        },
        {
            content: "to",
            trigger: `${FORM} input[name=date_end]`,
            run() {
                this.anchor.value = isoDay(120);
            },
        },
        { content: "two students", trigger: `${FORM} input[name=capacity]`, run: "edit 2" },
        { content: "apprenticeship too", trigger: `${FORM} input[name=accepts_apprenticeship]`, run: "click" },
        { content: "tasks", trigger: `${FORM} textarea[name=message]`, run: "edit Hirsirakentamisen työt verstaalla." },
        {
            content: "send without the consent",
            trigger: `${FORM} .o_redu_offer_submit`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "refused: the consent is asked, the values are kept",
            trigger: `.o_redu_offer_errors:visible`,
        },
        {
            content: "the organisation is still there",
            trigger: `${FORM} input[name=organisation]:value(Tunturin Puutyö Oy)`,
        },
        { content: "give the consent", trigger: `${FORM} input[name=consent]`, run: "click" },
        {
            content: "send",
            trigger: `${FORM} .o_redu_offer_submit`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the acknowledgement names the offer",
            trigger: ".o_redu_offer_thanks:contains('Puualan tour-perustutkinto'):contains('2 students')",
        },
    ],
});
