package nl.kunstloc.publieksdata.session.entity;

import java.util.Locale;

/** The kinds of files accepted as session materials, with what a browser needs to open them. */
public enum MaterialKind {
    PDF("pdf", "application/pdf"),
    PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String contentType;

    MaterialKind(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public boolean matchesName(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith("." + extension);
    }
}
