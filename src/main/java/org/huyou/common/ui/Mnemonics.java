package org.huyou.common.ui;

import java.util.Locale;
import javafx.scene.control.ButtonBase;
import org.huyou.common.Messages;

/**
 * Alt + a letter presses a main button, as in any office program: "新建档案(N)" in Chinese (the letter after the text,
 * as Chinese programs show it), "New record" with its N underlined in English. The letter is the button's, not the
 * text's, so it is the same in both languages and the texts themselves carry no marks.
 */
public final class Mnemonics {

    private Mnemonics() {}

    public static <T extends ButtonBase> T on(T button, char letter) {
        button.setMnemonicParsing(true);
        button.setText(marked(button.getText(), letter, Messages.locale()));
        return button;
    }

    /** {@code text} with its mnemonic {@code letter} marked for the language. */
    static String marked(String text, char letter, Locale language) {
        String plain = text.replace("_", "__"); // an underscore in the text itself is shown, not taken as a mark
        char upper = Character.toUpperCase(letter);
        if (!"zh".equals(language.getLanguage())) {
            int at = plain.toUpperCase(Locale.ROOT).indexOf(upper);
            if (at >= 0) {
                return plain.substring(0, at) + "_" + plain.substring(at);
            }
        }
        String ellipsis = plain.endsWith("…") ? "…" : "";
        return plain.substring(0, plain.length() - ellipsis.length()) + "(_" + upper + ")" + ellipsis;
    }
}
