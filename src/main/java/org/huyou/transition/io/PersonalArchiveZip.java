package org.huyou.transition.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huyou.common.Messages;
import org.huyou.common.io.PrivateFiles;
import org.huyou.common.io.SafeFileNames;
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
    /** The entries' names so far, lower-cased: two documents of the same title must not overwrite one another. */
    private final Set<String> names = new HashSet<>();

    /** Writes the bytes of the entry of that name into the archive as they are read. */
    @FunctionalInterface
    public interface Content {
        void writeTo(String name, OutputStream out) throws IOException;
    }

    public PersonalArchiveZip(Path target, String title) throws IOException {
        this.target = target;
        this.partial = WriteBeside.partial(target);
        OutputStream out = PrivateFiles.newOutputStream(partial); // a child's whole file: owner-only
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title))
                .append("</title><style>body{font-family:sans-serif;max-width:860px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>"
                        + "</head><body><h1>")
                .append(esc(title))
                .append("</h1>");
    }

    public void paragraph(String text) {
        html.append("<p>").append(esc(text)).append("</p>");
    }

    public void section(String heading) {
        html.append("<h2>").append(esc(heading)).append("</h2>");
    }

    public void table(List<String> header, List<List<String>> rows) {
        table(header, rows, -1);
    }

    /** A table whose column {@code linkColumn} holds names of files in the archive, shown as links to them. */
    public void table(List<String> header, List<List<String>> rows, int linkColumn) {
        if (rows.isEmpty()) { // a section with nothing in it says so, rather than a bare header row
            paragraph(Messages.t("archive.noRecords"));
            return;
        }
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> r : rows) {
            html.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                String c = r.get(i) == null ? "" : r.get(i);
                html.append("<td>").append(i == linkColumn ? link(c) : esc(c)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** Adds a file to the archive and a link (or, for an image, the picture) to the index. */
    public void file(String name, byte[] content, boolean image) throws IOException {
        names.add(name.toLowerCase(Locale.ROOT));
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        html.append(
                image
                        ? "<p><img src=\"" + esc(name) + "\" style=\"max-width:240px\"></p>"
                        : "<p>" + link(name) + "</p>");
    }

    /**
     * Streams a file into the archive's {@code folder}, named from user text (a document's title) through the one
     * sanitizing function and numbered when the name is taken; nothing is added to the index. Returns the entry's
     * name (folder/file) for the index to link.
     */
    public String stream(String folder, String userText, String extension, Content content) throws IOException {
        String file = SafeFileNames.unique(
                userText, extension, n -> names.contains((folder + "/" + n).toLowerCase(Locale.ROOT)));
        String name = folder + "/" + file;
        names.add(name.toLowerCase(Locale.ROOT));
        zip.putNextEntry(new ZipEntry(name));
        // the entry is closed here, not by the writer: a stream handed out must not close the whole archive
        content.writeTo(name, new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {}
        });
        zip.closeEntry();
        return name;
    }

    /** A picture from the archive with a caption under it (the photo timeline). */
    public void picture(String name, String caption) {
        html.append("<figure><img src=\"")
                .append(esc(href(name)))
                .append("\" style=\"max-width:240px\"><figcaption>")
                .append(esc(caption))
                .append("</figcaption></figure>");
    }

    /** Abandons an archive that could not be finished: the partial file goes, nothing was moved into place. */
    public void abandon() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // the partial file is removed below either way
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // a leftover ".partial" beside the target is overwritten by the next export
        }
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

    private static String link(String name) {
        return "<a href=\"" + esc(href(name)) + "\">" + esc(name) + "</a>";
    }

    /** An entry's name as a relative URL: each part encoded (a title may hold '#' or '%'), '/' kept. */
    private static String href(String name) {
        return Arrays.stream(name.split("/"))
                .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
