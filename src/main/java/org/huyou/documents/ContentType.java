package org.huyou.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a document may be, recognised by their first bytes (magic numbers), never by the file's name: a
 * renamed program stays refused, a scan saved as ".dat" is still a PDF.
 */
public enum ContentType {
    PDF("pdf", new int[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("jpg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    TIFF("tif", new int[] {'I', 'I', 42, 0}, new int[] {'M', 'M', 0, 42});

    /** How many leading bytes {@link #detect} needs. */
    public static final int HEAD = 16;
    /** ISO base media brands of HEIC/HEIF photos (iPhones, some scanners), which no library here reads. */
    private static final String[] HEIF_BRANDS = {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"};

    private final String extension;
    private final int[][] magics;

    ContentType(String extension, int[]... magics) {
        this.extension = extension;
        this.magics = magics;
    }

    /** The extension a saved copy gets. */
    public String extension() {
        return extension;
    }

    /** The type whose magic number the head starts with. */
    public static Optional<ContentType> detect(byte[] head, int length) {
        return Arrays.stream(values())
                .filter(t -> Arrays.stream(t.magics).anyMatch(m -> startsWith(head, length, m)))
                .findFirst();
    }

    /** Whether the head is a HEIC/HEIF photo ("ftyp" box with a HEIF brand at byte 4). */
    public static boolean heif(byte[] head, int length) {
        if (length < 12 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return false;
        }
        String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
        return Arrays.asList(HEIF_BRANDS).contains(brand);
    }

    private static boolean startsWith(byte[] head, int length, int[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
