package org.huyou.common.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The PDFs' font, parsed once and kept: parsing its tables (the character map of some 30,000 glyphs) was most of what a
 * small document cost, every time. A parsed font is lent to one document at a time, never shared: PDFBox reads it
 * lazily through one stream and caches glyphs unguarded, and documents are made on background threads. A document
 * that finds the kept one lent parses its own; one copy per file is kept (it holds the file's bytes: 5 MB for the
 * Linux font, about 20 MB for Windows' msyh.ttc), any other is closed when its document is.
 */
final class ParsedFonts {

    private ParsedFonts() {}

    /** The copy kept per font file, not lent now; guarded by itself. */
    private static final Map<Path, Lent> KEPT = new HashMap<>();

    private static final AtomicInteger PARSED = new AtomicInteger();

    /** A parsed font (of a .ttc, its first face), lent to one document until {@link #giveBack}. */
    static final class Lent {
        private final Path file;
        private final TrueTypeFont font;
        /** What the font reads from: the collection of a .ttc, else the font itself. */
        private final Closeable source;
        /** Given back since it was last lent (a second close of its document must not keep it twice). */
        private boolean back;

        private Lent(Path file, TrueTypeFont font, Closeable source) {
            this.file = file;
            this.font = font;
            this.source = source;
        }

        TrueTypeFont font() {
            return font;
        }

        /** Back for the next document, once the one it was lent to is closed (it may be closed itself). */
        void giveBack() {
            synchronized (KEPT) {
                if (back) {
                    return;
                }
                back = true;
                if (KEPT.putIfAbsent(file, this) == null) {
                    return;
                }
            }
            discard();
        }

        /** Not kept: after a failure, or when another copy is kept already. */
        void discard() {
            try {
                source.close();
            } catch (IOException e) {
                // read only: nothing is lost by a failed close
            }
        }
    }

    /** The kept copy of {@code file}'s font if it is free, else a new parse. */
    static Lent borrow(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        synchronized (KEPT) {
            Lent kept = KEPT.remove(key);
            if (kept != null) {
                kept.back = false;
                return kept;
            }
        }
        return parse(key);
    }

    private static Lent parse(Path file) throws IOException {
        PARSED.incrementAndGet();
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            return new Lent(file, font, font);
        }
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        try {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            if (first[0] == null) {
                throw new IOException("no font in " + file);
            }
            return new Lent(file, first[0], collection);
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
    }

    /** How many times a font file was parsed in this JVM (the tests check it is once for many documents). */
    static int parsedSoFar() {
        return PARSED.get();
    }
}
