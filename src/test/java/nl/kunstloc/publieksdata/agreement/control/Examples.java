package nl.kunstloc.publieksdata.agreement.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import nl.kunstloc.publieksdata.agreement.entity.AgreementDetails;
import nl.kunstloc.publieksdata.agreement.entity.Party;
import nl.kunstloc.publieksdata.agreement.entity.Signature;
import nl.kunstloc.publieksdata.agreement.entity.SignerRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Example parties (fictitious KvK numbers and people) and PDF reading shared by the agreement tests. */
final class Examples {

    static final Party KUNSTLOC = new Party("Kunstloc Brabant", "11111111", "Voorbeeldstraat 1, 5000 AA Tilburg",
            "Karin de Vries", "directeur-bestuurder");

    private Examples() {
    }

    static Party institution(String name) {
        return new Party(name, "12345678", "Schouwburgplein 1, 5611 AA Eindhoven", "Joëlle Hoëvenaars", "directeur");
    }

    static AgreementDetails details(String institutionName) {
        return new AgreementDetails("VO-2026-0042", institution(institutionName), KUNSTLOC,
                LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29), 18, 36);
    }

    static AgreementDetails details() {
        return details("Theater De Ëik & Café");
    }

    static Signature director(String sha256) {
        return new Signature("Joëlle Hoëvenaars", SignerRole.DIRECTOR, "j.hoevenaars@theater.example",
                Instant.parse("2026-02-20T13:04:05Z"), sha256, "192.0.2.17");
    }

    static Signature coordinator(String sha256) {
        return new Signature("Pieter van Oosterhout", SignerRole.COORDINATOR, "p.vanoosterhout@kunstloc.example",
                Instant.parse("2026-02-21T08:30:00Z"), sha256, "2001:db8::7");
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return flow(new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf, int fromPage, int toPage) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(fromPage);
            stripper.setEndPage(toPage);
            return flow(stripper.getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as one flow: line breaks and non-breaking spaces become single spaces, so phrases can wrap. */
    private static String flow(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ");
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
