package org.huyou.residents;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.huyou.common.Messages;

/** The 56 ethnic groups by their GB 3304 codes ("01" Han ... "56" Jino), plus 97 other and 98 foreign origin. */
public final class Ethnicity {

    public static final String HAN = "01";
    public static final List<String> CODES = Stream.concat(
                    IntStream.rangeClosed(1, 56).mapToObj(i -> String.format("%02d", i)), Stream.of("97", "98"))
            .toList();

    private Ethnicity() {}

    public static String label(String code) {
        return code == null ? "" : Messages.t("ethnicity." + code);
    }

    /** A code from an import cell: the code itself, or the name in Chinese (with or without 族) or English. */
    public static Optional<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (String code : CODES) {
            String zh = Messages.load(Messages.CHINESE).getString("ethnicity." + code);
            String en = Messages.load(Messages.ENGLISH).getString("ethnicity." + code);
            if (t.equals(code)
                    || t.equals(zh)
                    || (t + "族").equals(zh)
                    || t.equals(zh.replaceFirst("族$", ""))
                    || t.equalsIgnoreCase(en)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
