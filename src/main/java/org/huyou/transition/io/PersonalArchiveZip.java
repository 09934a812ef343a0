package org.huyou.transition.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huyou.common.Messages;
import org.huyou.common.io.WriteBeside;

/**
 * The young person's own archive as a ZIP: an index page (index.html, opens in any browser) with what the social
 * worker chose, and the files it links to (photo, placement plan). Written beside its name and moved into place.
 */
public final class PersonalArchiveZip {

    private final StringBuilder html = new StringBuilder();
    private final ZipOutputStream zip;
    private final Path partial;
    private final Path target;

    public PersonalArchiveZip(Path target, String title) throws IOException {
        this.target = target;
        this.partial = WriteBeside.partial(target);
        OutputStream out = Files.newOutputStream(partial);
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;max-width:860px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>"
                        + "</head><body><h1>").append(esc(title)).append("</h1>");
    }

    public void paragraph(String text) {
        html.append("<p>").append(esc(text)).append("</p>");
    }

    public void section(String heading) {
        html.append("<h2>").append(esc(heading)).append("</h2>");
    }

    public void table(List<String> header, List<List<String>> rows) {
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> r : rows) {
            html.append("<tr>");
            r.forEach(c -> html.append("<td>").append(esc(c == null ? "" : c)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** Adds a file to the archive and a link (or, for an image, the picture) to the index. */
    public void file(String name, byte[] content, boolean image) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        html.append(image ? "<p><img src=\"" + esc(name) + "\" style=\"max-width:240px\"></p>"
                : "<p><a href=\"" + esc(name) + "\">" + esc(name) + "</a></p>");
    }

    public Path finish() throws IOException {
        html.append("<hr><p>").append(esc(Messages.t("archive.footer"))).append("</p></body></html>");
        zip.putNextEntry(new ZipEntry("index.html"));
        zip.write(html.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
