package org.huyou.common.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.huyou.common.HiddenCharacters;

/**
 * A plain A4 document of headings, lines and tables in a Chinese font embedded as a subset, so the text stays
 * selectable and searchable. Flows onto new pages as it fills. Used by every printable export, so its layout rules hold
 * for receipts, slips, plans, certificates, disclosures, rolls and reports alike:
 * <ul>
 *   <li>a heading stays with what follows it (the first line, the table's header and first rows, or the chart);</li>
 *   <li>a table breaks only between rows, and repeats its header on the new page;</li>
 *   <li>no page holds a single row of a table on its own: neither its first row at a page's foot nor its last row at
 *   the top of the next.</li>
 * </ul>
 */
public final class PdfText implements Closeable {

    private static final float MARGIN = 50;
    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    /** The parsed font this document draws with, given back when it is closed. */
    private final ParsedFonts.Lent lent;

    private PDPageContentStream out;
    private float y;
    /** A heading not drawn yet: it is placed with the first block after it, on the same page. */
    private String pendingHeading;

    private float pendingSize;
    private static final float ROW = 15;
    /** Whether the font draws a code point, asked once per code point of the document. */
    private final Map<Integer, Boolean> drawable = new HashMap<>();

    public PdfText(Path fontFile) throws IOException {
        lent = ParsedFonts.borrow(fontFile);
        try {
            // from the parsed font, which the document neither closes nor keeps: subset at save, as from the file
            font = PDType0Font.load(doc, lent.font(), true);
            newPage();
        } catch (IOException | RuntimeException e) {
            lent.discard();
            doc.close();
            throw e;
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    /** A heading, kept on one page with the start of whatever comes next. */
    public void heading(String text, float size) throws IOException {
        flushHeading(0);
        pendingHeading = visible(text);
        pendingSize = size;
    }

    /** Draws a waiting heading where {@code next} more points fit below it, else at the top of a new page. */
    private void flushHeading(float next) throws IOException {
        if (pendingHeading == null) {
            return;
        }
        String text = pendingHeading;
        pendingHeading = null;
        room(pendingSize + 10 + next);
        show(text, MARGIN, pendingSize);
        y -= pendingSize + 10;
    }

    /**
     * A line of text, wrapped at the right margin. Chinese text breaks between any two characters except where Chinese
     * typesetting forbids it: no line starts with closing punctuation and none ends with opening punctuation.
     */
    public void line(String text) throws IOException {
        // a note's own line breaks stay line breaks
        for (String paragraph : text.split("\\r\\n|\\r|\\n", -1)) {
            wrapped(visible(paragraph));
        }
    }

    private void wrapped(String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        String rest = text;
        flushHeading(16);
        if (rest.isEmpty()) {
            // an empty line between a note's paragraphs (there is nothing to wrap)
            room(16);
            y -= 16;
            return;
        }
        do {
            int end = breakAt(rest, fitting(rest, width));
            room(16);
            show(rest.substring(0, end), MARGIN, 10);
            y -= 16;
            // a line broken at a space does not start the next one with it
            rest = rest.substring(end).stripLeading();
        } while (!rest.isEmpty());
    }

    /** Punctuation that may not start a line (it closes or follows what stands before it). */
    static final String NO_LINE_START = "，。、；：？！）」』》〉】”’….,;:?!)]}%·";
    /** Punctuation that may not end a line (it opens what follows it). */
    static final String NO_LINE_END = "（「『《〈【“‘([{";

    /**
     * Where to break a line that fits {@code fit} characters: moved back while the next line would start with closing
     * punctuation, this one would end with opening punctuation, or the break would split a number or a Latin word
     * (0.00, a date, a code), so what belongs together goes to the next line together. A line that cannot be broken
     * by the rules (a code longer than the line) keeps the fitting break.
     */
    static int breakAt(String text, int fit) {
        if (fit >= text.length()) {
            return fit;
        }
        int end = fit;
        while (end > 0
                && (NO_LINE_START.indexOf(text.charAt(end)) >= 0
                        || NO_LINE_END.indexOf(text.charAt(end - 1)) >= 0
                        || (latin(text.charAt(end - 1)) && latin(text.charAt(end))))) {
            end = text.offsetByCodePoints(end, -1);
        }
        return end > 0 ? end : fit;
    }

    /** A character of a number or a Latin word: below the CJK blocks and not a space. */
    private static boolean latin(char c) {
        return c < '\u2E80' && !Character.isWhitespace(c) && "“‘”’".indexOf(c) < 0;
    }

    /** How many characters of the text fit in a width at 10 pt; at least one, so a line always advances. */
    private int fitting(String text, float width) throws IOException {
        int end = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (font.getStringWidth(text.substring(0, next)) / 1000 * 10 > width) {
                break;
            }
            end = next;
        }
        return Math.max(end, Math.min(text.length(), text.offsetByCodePoints(0, 1)));
    }

    public void gap() throws IOException {
        flushHeading(0);
        y -= 8;
    }

    /**
     * A table: column widths in points; numbers are right-aligned in their column. The header repeats on a new page.
     */
    public void table(List<String> headerCells, List<List<String>> cells, float[] widths, boolean[] rightAligned)
            throws IOException {
        List<String> header = visible(headerCells);
        List<List<String>> rows = cells.stream().map(this::visible).toList();
        // the header with its first rows (up to three, so a break later leaves two behind): never a header or a lone
        // row at a page's foot
        float start = ROW * (1 + Math.min(3, Math.max(1, rows.size())));
        flushHeading(start);
        room(start);
        row(header, widths, rightAligned);
        for (int i = 0; i < rows.size(); i++) {
            int left = rows.size() - i;
            boolean full = y - ROW < MARGIN;
            // the last two rows go over together rather than leave the last one alone on the next page
            boolean widow = left == 2 && i >= 2 && y - 2 * ROW < MARGIN;
            if (full || widow) {
                newPage();
                row(header, widths, rightAligned);
            }
            row(rows.get(i), widths, rightAligned);
        }
        gap();
    }

    private static final float[][] PALETTE = {
        {0.16f, 0.45f, 0.70f},
        {0.90f, 0.49f, 0.13f},
        {0.20f, 0.63f, 0.33f},
        {0.80f, 0.22f, 0.24f},
        {0.55f, 0.40f, 0.70f},
        {0.50f, 0.50f, 0.50f}
    };

    /**
     * A grouped bar chart across the page: one group per x label, one bar per series (values[series][x]), a legend
     * above and the largest value marked on the axis. Kept on one page.
     */
    public void barChart(List<String> xLabels, List<String> seriesNames, double[][] values) throws IOException {
        List<String> xs = visible(xLabels);
        List<String> series = visible(seriesNames);
        float height = 120;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float x0 = MARGIN + 30;
        float plotWidth = width - 30;
        float group = plotWidth / Math.max(1, xs.size());
        // each category's name whole, wrapped within its own bar group with a gap to the next: cut to the group's
        // width, the English names ran into each other ("Seriously ill or sDe facto unsupp")
        List<List<String>> labels = new java.util.ArrayList<>();
        int lines = 1;
        for (String x : xs) {
            labels.add(labelLines(x, group - LABEL_GAP));
            lines = Math.max(lines, labels.get(labels.size() - 1).size());
        }
        float below = 24 + (lines - 1) * LABEL_LINE;
        flushHeading(height + 26 + below);
        room(height + 26 + below);
        // legend
        float lx = x0;
        for (int s = 0; s < series.size(); s++) {
            float[] c = PALETTE[s % PALETTE.length];
            out.setNonStrokingColor(c[0], c[1], c[2]);
            out.addRect(lx, y - 2, 8, 8);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
            lx += 12;
            showAt(series.get(s), lx, y, 8);
            lx += font.getStringWidth(series.get(s)) / 1000 * 8 + 14;
        }
        y -= 14;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        float top = y;
        float bottom = y - height;
        out.setStrokingColor(0.6f, 0.6f, 0.6f);
        out.moveTo(x0, bottom);
        out.lineTo(x0 + plotWidth, bottom);
        out.moveTo(x0, bottom);
        out.lineTo(x0, top);
        out.stroke();
        showAt(trim(max), MARGIN, top - 8, 7);
        showAt("0", MARGIN, bottom, 7);
        float bar = group * 0.8f / Math.max(1, series.size());
        for (int x = 0; x < xs.size(); x++) {
            float gx = x0 + x * group + group * 0.1f;
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][x];
                if (max > 0 && v > 0) {
                    float h = (float) (v / max * (height - 4));
                    float[] c = PALETTE[s % PALETTE.length];
                    out.setNonStrokingColor(c[0], c[1], c[2]);
                    out.addRect(gx + s * bar, bottom, bar, h);
                    out.fill();
                }
            }
            out.setNonStrokingColor(0f, 0f, 0f);
            List<String> label = labels.get(x);
            for (int line = 0; line < label.size(); line++) {
                float lw = font.getStringWidth(label.get(line)) / 1000 * 7;
                showAt(label.get(line), x0 + x * group + (group - lw) / 2, bottom - 10 - line * LABEL_LINE, 7);
            }
        }
        y = bottom - below;
    }

    /** Between the names of two categories side by side, and the height of one line of a name (7 pt). */
    private static final float LABEL_GAP = 6;

    private static final float LABEL_LINE = 8.5f;

    /** A category's name in lines no wider than {@code width} at 7 pt, broken as text lines are. */
    private List<String> labelLines(String label, float width) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        String rest = label.strip();
        while (!rest.isEmpty()) {
            int end = breakAt(rest, fitting(rest, width * 10 / 7));
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).stripLeading();
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    private static String trim(double v) {
        // grouped as every figure in the documents is (102,900 not 102900)
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    private void showAt(String text, float x, float atY, float size) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, atY);
        out.showText(text);
        out.endText();
    }

    /**
     * The text as drawn: a character that hides or turns the text around it (a direction override, a zero-width or
     * control character, stored before such text was refused) and one the font has no glyph for are drawn as
     * {@link HiddenCharacters#PLACEHOLDER}, so a name can neither show spoofed nor make the document fail or lose a
     * character unseen; a tab or a line break within one line is a space.
     */
    String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (HiddenCharacters.lineBreakOrTab(cp)) {
                b.append(' ');
            } else if (HiddenCharacters.hidden(cp) || !drawable(cp)) {
                // a font without □ itself still shows that something is there
                b.append(drawable(HiddenCharacters.PLACEHOLDER.codePointAt(0)) ? HiddenCharacters.PLACEHOLDER : "?");
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private List<String> visible(List<String> cells) {
        return cells.stream().map(this::visible).toList();
    }

    private boolean drawable(int cp) {
        return drawable.computeIfAbsent(cp, c -> {
            try {
                // what showText and getStringWidth do with it: a missing glyph is an IllegalArgumentException
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private void row(List<String> cells, float[] widths, boolean[] right) throws IOException {
        room(ROW);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i) == null ? "" : cells.get(i);
            float w = font.getStringWidth(text) / 1000 * 9;
            show(text, right[i] ? x + widths[i] - w - 4 : x, 9);
            x += widths[i];
        }
        y -= ROW;
    }

    private void show(String text, float x, float size) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /**
     * Writes the document next to its name and then moves it into place, so whoever opens the folder (a user, a
     * viewer watching it) never sees a half-written PDF.
     */
    public void save(Path file) throws IOException {
        flushHeading(0);
        out.close();
        out = null;
        WriteBeside.write(file, partial -> doc.save(partial.toFile()));
    }

    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
        } finally {
            lent.giveBack();
        }
    }
}
