// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// An anonymous visitor browses the public catalogue, filters it by group entity, opens a service,
// sends an inquiry with a wrong Y-tunnus (refused, the typed values kept), corrects it and sees
// the thank-you page naming who will contact them. Data come from tests/test_ui.py.
import { registry } from "@web/core/registry";

const FORM = "form.o_redu_inquiry_form";

registry.category("web_tour.tours").add("redu_services_website_visitor_tour", {
    url: "/palvelut",
    steps: () => [
        {
            content: "the catalogue lists the published services of every entity",
            trigger: ".o_redu_service_card a:contains('Web coaching')",
        },
        {
            content: "the unpublished service is not listed",
            trigger: ".o_redu_services:not(:has(.o_redu_service_card:contains('Hidden service')))",
        },
        {
            content: "filter by group entity",
            trigger: "select[name=entity]",
            run: "selectByLabel Web Entity A",
        },
        {
            content: "apply the filters",
            trigger: ".o_redu_services_filters button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "only the services of the entity remain: open the service",
            trigger:
                ".o_redu_services:not(:has(.o_redu_service_card:contains('Web coaching'))) " +
                ".o_redu_service_card a:contains('Web staff training')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the service page shows the typical duration",
            trigger: ".o_redu_service_facts:contains('2 days')",
        },
        {
            content: "ask about this",
            trigger: "a.o_redu_ask",
            run: "click",
        },
        { trigger: `${FORM} #redu_organisation`, run: "edit Revontulen Rakennus Oy" },
        { trigger: `${FORM} #redu_business_id`, run: "edit 1234567-2" },
        { trigger: `${FORM} #redu_contact_name`, run: "edit Ville Vierailija" },
        { trigger: `${FORM} #redu_email`, run: "edit ville@revontulenrakennus.fi" },
        { trigger: `${FORM} #redu_phone`, run: "edit 040 123 4567" },
        { trigger: `${FORM} #redu_municipality`, run: "edit Kemi" },
        { trigger: `${FORM} #redu_message`, run: "edit Tarvitsemme koulutusta kymmenelle." },
        { trigger: `${FORM} #redu_consent`, run: "click" },
        {
            content: "send",
            trigger: `${FORM} .o_redu_inquiry_submit`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the wrong Y-tunnus is refused with a message",
            trigger: ".o_redu_error_business_id:contains('1234567-2')",
        },
        {
            content: "the typed values are kept",
            trigger: `${FORM} #redu_organisation:value(Revontulen Rakennus Oy)`,
        },
        { trigger: `${FORM} #redu_business_id`, run: "edit 1234567-1" },
        { trigger: `${FORM} #redu_consent`, run: "click" },
        {
            content: "send again",
            trigger: `${FORM} .o_redu_inquiry_submit`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the thank-you page names who will contact the visitor",
            trigger: ".o_redu_inquiry_thanks:contains('Riitta Vastuullinen')",
        },
    ],
});
