package org.huyou.donations.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.huyou.common.Messages;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerService;

/**
 * A donor chosen by typing part of the name, its pinyin or initials ("binzhou", "bz" → 滨州…): a home has tens of
 * thousands of donors, so nothing is loaded when the screen opens; each keystroke asks the ledger service in the
 * background for a page of matches, and only the answer to the latest text is shown. The box shows the chosen donor;
 * typing without choosing leaves the choice as it was.
 */
final class DonorPicker {

    /** Matches shown at most: a screenful or two; more typing narrows them. */
    static final int PAGE = 50;

    private final ComboBox<Donor> combo = new ComboBox<>();
    private final Label placeholder = new Label();
    private final LedgerService ledger;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onFailure;
    /** Counts the searches started: an answer that arrives after a newer search started is dropped. */
    private long generation;
    /** The text last searched for (null: none yet, or the list is to be asked for again). */
    private String asked;
    /** Set while the list is replaced, so that the box's own updates of its text are not taken for typing. */
    private boolean applying;
    /** The text whose answer is the list shown (null: an answer is still on its way). */
    private String answered;
    /** Enter was pressed on this text before its answer arrived: the answer decides the choice. */
    private String pickOnAnswer;

    DonorPicker(String id, LedgerService ledger, TaskRunner tasks, Consumer<Throwable> onFailure) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.onFailure = onFailure;
        combo.setId(id);
        combo.setEditable(true);
        combo.setPromptText(Messages.t("donor.choose"));
        combo.setVisibleRowCount(12);
        placeholder.setWrapText(true);
        combo.setPlaceholder(placeholder);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(Donor d) {
                return show(d);
            }

            @Override
            public Donor fromString(String text) {
                // the text committed (Enter, leaving the box): a donor listed under it, else the choice as it was
                return combo.getItems().stream()
                        .filter(d -> show(d).equals(text))
                        .findFirst()
                        .orElse(combo.getValue());
            }
        });
        TextField editor = combo.getEditor();
        TypedInput.notInput(editor); // a search: the record's input is the donor chosen
        // Enter on typed text picks what that text finds, never the donor chosen before (the box's own commit, on the
        // key's release, would keep it when the list has not caught up with fast typing: a receipt to the wrong donor)
        combo.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            String q = query();
            if (e.getCode() == KeyCode.ENTER && !q.isEmpty()) {
                e.consume();
                if (q.equals(answered)) {
                    pickFirst();
                } else {
                    pickOnAnswer = q;
                    if (!q.equals(asked)) {
                        search(q);
                    }
                }
            }
        });
        editor.textProperty().addListener((o, was, is) -> {
            // the box's own text (a donor chosen from the list) is not typing
            if (!applying
                    && !Objects.equals(is, show(combo.getValue()))
                    && combo.getItems().stream().noneMatch(d -> show(d).equals(is))) {
                search(is);
                combo.show();
            }
        });
        // opened by its arrow or a click in the box: the donors the text finds, or the first page of all
        combo.setOnShowing(e -> {
            String q = query();
            if (!q.equals(asked)) {
                search(q);
            }
        });
        editor.setOnMouseClicked(e -> {
            if (!combo.isShowing()) {
                combo.show();
            }
        });
        // leaving the box: it shows the donor chosen again, not what was typed to find one
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                showChosen();
            }
        });
    }

    ComboBox<Donor> node() {
        return combo;
    }

    Donor value() {
        return combo.getValue();
    }

    /** Chooses a donor (one just added, say), listed or not. */
    void choose(Donor d) {
        asked = null;
        applying = true;
        try {
            combo.setValue(d);
            combo.getEditor().setText(show(d));
        } finally {
            applying = false;
        }
    }

    /** The donor chosen here and a ViewModel's donor as one: a pick sets it, and a donor it is set to is chosen. */
    void follow(ObjectProperty<Donor> chosen) {
        combo.valueProperty().addListener((o, was, is) -> chosen.set(is));
        chosen.addListener((o, was, is) -> {
            if (is != combo.getValue()) {
                choose(is);
            }
        });
    }

    /** The register changed (donors added or imported): the next opening asks again. */
    void forget() {
        asked = null;
    }

    static String show(Donor d) {
        return d == null ? "" : d.name() + " · " + d.kind().label();
    }

    /** What to look for: the text typed, or nothing while the box shows the donor chosen. */
    private String query() {
        String text =
                combo.getEditor().getText() == null ? "" : combo.getEditor().getText();
        return text.equals(show(combo.getValue())) ? "" : text.strip();
    }

    private void search(String text) {
        String q = text == null ? "" : text.strip();
        long mine = ++generation;
        asked = q;
        answered = null;
        placeholder.setText(Messages.t("donor.searching"));
        tasks.run(
                () -> ledger.donors(q, PAGE),
                found -> {
                    if (mine == generation) {
                        apply(q, found);
                    }
                },
                onFailure);
    }

    /** The matches listed, the choice and the text typed kept as they were (a new list may clear the choice). */
    private void apply(String q, List<Donor> found) {
        Donor chosen = combo.getValue();
        TextField editor = combo.getEditor();
        String typed = editor.getText();
        int caret = editor.getCaretPosition();
        applying = true;
        try {
            combo.getItems().setAll(found);
            if (!Objects.equals(combo.getValue(), chosen)) {
                combo.setValue(chosen);
            }
            if (!Objects.equals(editor.getText(), typed)) {
                editor.setText(typed);
                editor.positionCaret(Math.min(caret, typed == null ? 0 : typed.length()));
            }
        } finally {
            applying = false;
        }
        placeholder.setText(q.isEmpty() ? Messages.t("donor.noneYet") : Messages.t("donor.noMatch", q));
        answered = q;
        if (q.equals(pickOnAnswer)) {
            pickFirst();
        }
    }

    /**
     * Enter on typed text: the first donor it finds, or none when it finds nothing (the save then asks for a donor),
     * the text kept so the user sees what found nothing.
     */
    private void pickFirst() {
        pickOnAnswer = null;
        if (!combo.getItems().isEmpty()) {
            choose(combo.getItems().get(0));
            combo.hide();
            return;
        }
        String typed = combo.getEditor().getText();
        applying = true;
        try {
            combo.setValue(null);
            combo.getEditor().setText(typed);
            combo.getEditor().positionCaret(typed == null ? 0 : typed.length());
        } finally {
            applying = false;
        }
    }

    private void showChosen() {
        String shown = show(combo.getValue());
        if (!Objects.equals(combo.getEditor().getText(), shown)) {
            applying = true;
            try {
                combo.getEditor().setText(shown);
            } finally {
                applying = false;
            }
        }
    }
}
