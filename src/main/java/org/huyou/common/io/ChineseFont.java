package org.huyou.common.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.huyou.common.UserFacingException;

/**
 * A font with Chinese glyphs to embed in PDFs, taken from the system the app runs on (nothing can be downloaded at run
 * time, and a CJK font is too large to ship inside the jar): the HUYOU_PDF_FONT variable if set, else the usual
 * Windows, Linux and macOS locations. TrueType collections (.ttc) count: the first face is used.
 */
public final class ChineseFont {

    private static final List<String> CANDIDATES = List.of(
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf");

    private ChineseFont() {}

    public static Optional<Path> find() {
        String configured = System.getenv("HUYOU_PDF_FONT");
        if (configured != null && !configured.isBlank() && Files.isReadable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    /** The font, or a message saying how to get one. */
    public static Path require() {
        return find().orElseThrow(() -> new UserFacingException("pdf.noChineseFont"));
    }
}
