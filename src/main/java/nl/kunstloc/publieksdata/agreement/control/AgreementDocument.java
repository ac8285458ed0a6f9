package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.kunstloc.publieksdata.agreement.entity.AgreementDetails;
import nl.kunstloc.publieksdata.agreement.entity.TemplateVersion;

/**
 * Turns a template version and one institution's details into the agreement PDF that is signed.
 *
 * <p>The output is reproducible: the same template version and details give the same bytes, so the
 * stored hash can always be checked against a fresh rendering.
 */
@ApplicationScoped
public class AgreementDocument {

    /** Agreements are Dutch-language documents under Dutch law, whatever the UI language. */
    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Non-breaking spaces: a date split over two lines reads badly in a contract. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d\u00A0MMMM\u00A0yyyy", DUTCH);

    /** PDF document-information keys, read back when the signatures page is added. */
    static final String INFO_AGREEMENT_NUMBER = "AgreementNumber";
    static final String INFO_TEMPLATE_VERSION = "AgreementTemplateVersion";

    public AgreementDocument() {
    }

    /** The PDF to be signed. */
    public byte[] render(TemplateVersion template, AgreementDetails details) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Title", template.title() + " " + details.agreementNumber());
        info.put("Subject", "Verwerkersovereenkomst tussen " + details.institution().name() + " en " + details.processor().name());
        info.put("Author", details.processor().name());
        info.put("Keywords", "verwerkersovereenkomst, AVG art. 28, Ken je publiek!");
        info.put(INFO_AGREEMENT_NUMBER, details.agreementNumber());
        info.put(INFO_TEMPLATE_VERSION, Integer.toString(template.version()));
        return XhtmlToPdf.render(html(template, details), info);
    }

    /** The filled XHTML, e.g. for an in-browser preview before the PDF is made. */
    public String html(TemplateVersion template, AgreementDetails details) {
        return new PlaceholderTemplate(template.bodyHtml()).fill(values(template, details));
    }

    /** The placeholders a template version may use; publishing a template that uses others must be refused. */
    public static final Set<String> PLACEHOLDERS = Set.of(
            "document.title", "template.version", "template.published", "agreement.number",
            "institution.name", "institution.kvk", "institution.address",
            "institution.representative", "institution.representativeRole",
            "processor.name", "processor.kvk", "processor.address",
            "processor.representative", "processor.representativeRole",
            "period.start", "period.end", "retention.months", "breach.hours");

    static Map<String, String> values(TemplateVersion template, AgreementDetails d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("document.title", template.title());
        v.put("template.version", Integer.toString(template.version()));
        v.put("template.published", DATE.format(template.publishedAt().atZone(AMSTERDAM)));
        v.put("agreement.number", d.agreementNumber());
        v.put("institution.name", d.institution().name());
        v.put("institution.kvk", d.institution().kvkNumber());
        v.put("institution.address", d.institution().address());
        v.put("institution.representative", d.institution().representativeName());
        v.put("institution.representativeRole", d.institution().representativeRole());
        v.put("processor.name", d.processor().name());
        v.put("processor.kvk", d.processor().kvkNumber());
        v.put("processor.address", d.processor().address());
        v.put("processor.representative", d.processor().representativeName());
        v.put("processor.representativeRole", d.processor().representativeRole());
        v.put("period.start", DATE.format(d.startDate()));
        v.put("period.end", DATE.format(d.endDate()));
        v.put("retention.months", Integer.toString(d.retentionMonths()));
        v.put("breach.hours", Integer.toString(d.breachNotificationHours()));
        return v;
    }
}
