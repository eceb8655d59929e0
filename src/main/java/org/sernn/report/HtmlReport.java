package org.sernn.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.sernn.io.AtomicFiles;

/** A self-contained HTML page built section by section: text, key-value tables, inline images. */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport table(String heading, Map<String, String> rows) {
        body.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n");
        rows.forEach((key, value) -> body.append("<tr><th>").append(escape(key)).append("</th><td>")
                .append(escape(value)).append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** An image from a data: URI (so that the page needs no other file). */
    public HtmlReport image(String heading, String dataUri) {
        body.append("<h2>").append(escape(heading)).append("</h2>\n<img alt=\"").append(escape(heading))
                .append("\" src=\"").append(dataUri).append("\">\n");
        return this;
    }

    /** A whole section: its heading, paragraphs, tables (under sub-headings) and inline PNG images. */
    public HtmlReport section(ReportSection section) {
        body.append("<h2>").append(escape(section.heading())).append("</h2>\n");
        section.paragraphs().forEach(text -> body.append("<p>").append(escape(text)).append("</p>\n"));
        section.tables().forEach((heading, rows) -> {
            body.append("<h3>").append(escape(heading)).append("</h3>\n<table>\n");
            rows.forEach((key, value) -> body.append("<tr><th>").append(escape(key)).append("</th><td>")
                    .append(escape(value)).append("</td></tr>\n"));
            body.append("</table>\n");
        });
        section.images().forEach((heading, png) -> body.append("<h3>").append(escape(heading)).append("</h3>\n")
                .append("<img alt=\"").append(escape(heading)).append("\" src=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(png)).append("\">\n"));
        return this;
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:1050px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse}th,td{padding:4px 12px;border-bottom:1px solid #ddd;text-align:left}"
                + "img{max-width:100%}</style></head><body>\n" + body + "</body></html>\n";
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, html());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
