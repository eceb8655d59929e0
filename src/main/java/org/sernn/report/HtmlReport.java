package org.sernn.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.sernn.io.AtomicFiles;

/**
 * A self-contained HTML page built section by section: a header of run metadata, text, key-value
 * tables, figures inlined as data: URIs with a caption under each, collapsible raw tables and links
 * to the files of the run (relative to the page).
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** The run's metadata (version, command, seeds, date, machine) as a compact definition list. */
    public HtmlReport header(Map<String, String> metadata) {
        body.append("<dl class=\"meta\">\n");
        metadata.forEach((key, value) -> body.append("<dt>").append(escape(key)).append("</dt><dd>")
                .append(escape(value)).append("</dd>\n"));
        body.append("</dl>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport table(String heading, Map<String, String> rows) {
        body.append("<h3>").append(escape(heading)).append("</h3>\n");
        rows(rows);
        return this;
    }

    /** A figure with its caption under it. */
    public HtmlReport figure(String caption, byte[] png) {
        body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    /** Links to files of the run, relative to the page, each with a short description. */
    public HtmlReport links(String heading, Map<String, String> relativePathToDescription) {
        body.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
        relativePathToDescription.forEach((path, description) -> body.append("<li><a href=\"").append(escape(path))
                .append("\">").append(escape(path)).append("</a>: ").append(escape(description)).append("</li>\n"));
        body.append("</ul>\n");
        return this;
    }

    /** A whole section: heading, paragraphs, tables, captioned figures, then raw tables collapsed. */
    public HtmlReport section(ReportSection section) {
        heading(section.heading());
        section.paragraphs().forEach(this::paragraph);
        section.tables().forEach(this::table);
        section.figures().forEach(this::figure);
        section.rawTables().forEach((summary, rows) -> {
            body.append("<details><summary>").append(escape(summary)).append("</summary>\n");
            rows(rows);
            body.append("</details>\n");
        });
        return this;
    }

    private void rows(Map<String, String> rows) {
        body.append("<table>\n");
        rows.forEach((key, value) -> body.append("<tr><th>").append(escape(key)).append("</th><td>")
                .append(escape(value)).append("</td></tr>\n"));
        body.append("</table>\n");
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>body{font-family:sans-serif;max-width:1050px;"
                + "margin:2em auto;color:#222;line-height:1.45}table{border-collapse:collapse}"
                + "th,td{padding:4px 12px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
                + "img{max-width:100%}figure{margin:1.2em 0}figcaption{font-size:90%;color:#444;margin-top:.3em}"
                + "dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:90%}"
                + "dl.meta dt{font-weight:bold}dl.meta dd{margin:0;font-family:monospace}"
                + "details{margin:.8em 0}</style></head><body>\n" + body + "</body></html>\n";
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, html());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
