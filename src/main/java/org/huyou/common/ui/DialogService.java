package org.huyou.common.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.OverrideReasons;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All dialogs and notifications go through here: errors as translated sentences (details only in the log),
 * confirmations named after their action, and short success notifications instead of modal boxes. Every dialog is
 * made by {@link #dialog()} or {@link #alert}: modal to the main window and centred on it, and a dialog with fields
 * has the forms' keyboard ({@link FormKeys}). An architecture rule keeps other classes from making their own.
 */
public class DialogService implements Notices {

    /** Made when first used, not when the class loads: this class is on the way to the first window. */
    private static Logger log() {
        return LoggerFactory.getLogger(DialogService.class);
    }

    private static final String CLOSED_BY_DIALOG = "huyou.closedByDialog";

    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public Window owner() {
        return owner;
    }

    @Override
    public void showError(Throwable t) {
        if (!(t instanceof UserFacingException)) {
            log().error("Unexpected failure shown to the user", t);
        }
        showError(UserFacingException.describe(t));
    }

    /** A dialog modal to the main window and centred on it; with fields, Enter, Ctrl+S and Esc work as on forms. */
    public <R> Dialog<R> dialog() {
        Dialog<R> d = new Dialog<>();
        prepare(d);
        d.addEventHandler(DialogEvent.DIALOG_SHOWING, e -> {
            DialogPane pane = d.getDialogPane();
            if (FormKeys.fields(pane).isEmpty()) {
                return; // a question or a message: Enter keeps meaning its default button, never "save"
            }
            Node save = pane.getButtonTypes().stream()
                    .filter(b -> b.getButtonData().isDefaultButton())
                    .findFirst()
                    .map(pane::lookupButton)
                    .orElse(null);
            FormKeys.install(pane, save instanceof ButtonBase b ? b : null);
            FormKeys.focusFirst(pane);
        });
        return d;
    }

    /**
     * The toolkit's own buttons ({@link ButtonType#OK} …) take their words from the JDK's resources in the PC's
     * language, not the app's: an English Windows showed "OK" in the Chinese app. Each has its own key here, and no
     * other class may use them (a test refuses it).
     */
    private static final Map<ButtonType, String> STOCK = Map.of(
            ButtonType.OK,
            "common.ok",
            ButtonType.CANCEL,
            "common.cancel",
            ButtonType.CLOSE,
            "common.close",
            ButtonType.YES,
            "common.yes",
            ButtonType.NO,
            "common.no",
            ButtonType.APPLY,
            "common.apply",
            ButtonType.FINISH,
            "common.finish",
            ButtonType.NEXT,
            "common.next",
            ButtonType.PREVIOUS,
            "common.previous");

    /** 确定: the one button of a message, in the app's language. */
    public static ButtonType ok() {
        return new ButtonType(Messages.t("common.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    /**
     * A message or a question in the toolkit's alert layout, modal to the main window and centred on it. Without
     * {@code buttons}, the alert type's usual ones (确定, or 确定 and 取消), in the app's words.
     */
    public Alert alert(Alert.AlertType type, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.getButtonTypes().replaceAll(DialogService::translated);
        prepare(a);
        return a;
    }

    /** {@code t} itself, or for a toolkit's own button the same kind of button in the app's words. */
    private static ButtonType translated(ButtonType t) {
        String key = STOCK.get(t);
        return key == null ? t : new ButtonType(Messages.t(key), t.getButtonData());
    }

    private void prepare(Dialog<?> d) {
        // The window's × is a close request like 取消 and Esc: it goes through the dialog's close, whose handlers may
        // keep it open (unsaved input, SaveButtons). The toolkit closed the window itself once a handler had kept the
        // dialog open, and what was typed was lost without a question.
        d.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
            Window w = d.getDialogPane().getScene() == null
                    ? null
                    : d.getDialogPane().getScene().getWindow();
            if (w != null && w.getProperties().putIfAbsent(CLOSED_BY_DIALOG, Boolean.TRUE) == null) {
                w.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, close -> {
                    close.consume();
                    d.close();
                });
            }
        });
        // A button says what it does (更换数据库密钥, 生成新的恢复密钥): never cut to "…"; the dialog widens instead.
        d.addEventHandler(
                DialogEvent.DIALOG_SHOWING,
                e -> d.getDialogPane().getButtonTypes().forEach(t -> {
                    Node b = d.getDialogPane().lookupButton(t);
                    if (b instanceof Region r) {
                        r.setMinWidth(Region.USE_PREF_SIZE);
                    }
                    // a toolkit's button added to a pane after it was made still speaks the app's language
                    if (STOCK.containsKey(t) && b instanceof Labeled l) {
                        l.setText(Messages.t(STOCK.get(t)));
                    }
                }));
        if (owner == null) {
            return; // before the main window (tests of a single screen): the toolkit's own placement
        }
        d.initOwner(owner);
        d.initModality(Modality.WINDOW_MODAL);
        // Centred on the window it belongs to (a window manager may place it elsewhere, or nowhere without one).
        d.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> centre(d));
        // a dialog whose content settles its size after it is shown (or grows with an error line) stays centred
        d.widthProperty().addListener((o, was, is) -> centre(d));
        d.heightProperty().addListener((o, was, is) -> centre(d));
    }

    private void centre(Dialog<?> d) {
        if (d.isShowing() && owner.getWidth() > 0 && d.getWidth() > 0) {
            d.setX(owner.getX() + Math.max(0, (owner.getWidth() - d.getWidth()) / 2));
            d.setY(owner.getY() + Math.max(0, (owner.getHeight() - d.getHeight()) / 2));
        }
    }

    public void showError(String message) {
        Alert alert = alert(Alert.AlertType.ERROR, message, ok());
        alert.setTitle(Messages.t("error.title"));
        alert.setHeaderText(Messages.t("error.title"));
        alert.showAndWait();
    }

    /** Asks before something that cannot be undone by Cancel; the buttons say what they do. */
    public boolean confirm(String title, String text, String doLabel, String dontLabel) {
        ButtonType doIt = new ButtonType(doLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType dont = new ButtonType(dontLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, text, doIt, dont);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(doIt::equals).isPresent();
    }

    /**
     * 保存 / 放弃修改 / 取消 before unsaved input would be lost. The buttons have stable ids (unsavedSave,
     * unsavedDiscard, unsavedCancel); Esc and closing the box mean 取消.
     */
    public UnsavedChangesGuard.Choice askUnsaved() {
        return askUnsaved(true);
    }

    /**
     * As {@link #askUnsaved()}; without {@code canSave} there is no 保存 (the input can only be saved with its form's
     * own button) and the text says so.
     */
    public UnsavedChangesGuard.Choice askUnsaved(boolean canSave) {
        return askUnsaved(canSave, List.of());
    }

    /**
     * As {@link #askUnsaved(boolean)}, saying where the input is when it is on tabs ("「捐赠物资」有尚未保存的输入…"): on a
     * screen of several tabs the user may not see it.
     */
    public UnsavedChangesGuard.Choice askUnsaved(boolean canSave, List<String> where) {
        ButtonType save = new ButtonType(Messages.t("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.t("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        String text = where.isEmpty()
                ? Messages.t(canSave ? "unsaved.text" : "unsaved.textNoSave")
                : Messages.t(
                        canSave ? "unsaved.textIn" : "unsaved.textNoSaveIn",
                        where.stream()
                                .map(w -> Messages.t("unsaved.place", w))
                                .collect(java.util.stream.Collectors.joining(Messages.t("unsaved.placeJoin"))));
        Alert alert = canSave
                ? alert(Alert.AlertType.CONFIRMATION, text, save, discard, cancel)
                : alert(Alert.AlertType.CONFIRMATION, text, discard, cancel);
        alert.setTitle(Messages.t("unsaved.title"));
        alert.setHeaderText(Messages.t("unsaved.title"));
        alert.getDialogPane().setId("unsavedDialog");
        if (canSave) {
            alert.getDialogPane().lookupButton(save).setId("unsavedSave");
        }
        alert.getDialogPane().lookupButton(discard).setId("unsavedDiscard");
        alert.getDialogPane().lookupButton(cancel).setId("unsavedCancel");
        ButtonType chosen = alert.showAndWait().orElse(cancel);
        return chosen == save
                ? UnsavedChangesGuard.Choice.SAVE
                : chosen == discard ? UnsavedChangesGuard.Choice.DISCARD : UnsavedChangesGuard.Choice.CANCEL;
    }

    /** A void or reversal: says what will happen and asks for the reason in the same dialog. */
    public Optional<String> askReason(String title, String explanation, String reasonLabel, String doLabel) {
        return askReason(title, explanation, reasonLabel, doLabel, 1);
    }

    /**
     * As {@link #askReason(String, String, String, String)}, the button enabled only once the reason has at least
     * {@code minLength} characters. With more than one, the reason overrides a safety or money check and must pass
     * {@link OverrideReasons}' rule before the dialog closes: refused, the dialog stays open with the reason typed,
     * marked and focused, the sentence under it (it closed and the reason was lost with the refusal).
     */
    public Optional<String> askReason(
            String title, String explanation, String reasonLabel, String doLabel, int minLength) {
        Dialog<String> dialog = dialog();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextArea reason = new TextArea();
        reason.setId("reasonField");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMaxWidth(420);
        Label problem = new Label();
        problem.setId("reasonProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        problem.setMinHeight(Region.USE_PREF_SIZE); // the whole sentence, never cut to "…"
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        reason.textProperty().addListener((o, was, is) -> {
            problem.setText("");
            reason.pseudoClassStateChanged(FieldMarks.DANGER, false);
        });
        dialog.getDialogPane().setContent(new VBox(8, text, new Label(reasonLabel), reason, problem));
        ButtonType doIt = doAndCancel(
                dialog,
                doLabel,
                () -> reason.getText().strip().length() < Math.max(1, minLength),
                reason.textProperty());
        dialog.setResultConverter(b -> b == doIt ? reason.getText().strip() : null);
        SaveButtons buttons = SaveButtons.on(dialog, doIt);
        buttons.onSave(() -> {
            FieldError refused = minLength > 1
                    ? OverrideReasons.problem("reason", reason.getText().strip(), 0, null)
                    : null;
            if (refused == null) {
                buttons.closeSaved();
                return;
            }
            problem.setText(UserFacingException.describe(new ValidationException(List.of(refused))));
            reason.pseudoClassStateChanged(FieldMarks.DANGER, true);
            reason.requestFocus();
        });
        reason.requestFocus();
        return dialog.showAndWait().filter(s -> !s.isBlank());
    }

    /**
     * A step that loses work (a restore of an older backup): the text says what is lost, and the button is enabled
     * only once {@code word} is typed, so it is not confirmed by a reflex click.
     */
    public boolean confirmByTyping(String title, String text, String word, String doLabel) {
        Dialog<Boolean> dialog = dialog();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label explanation = new Label(text);
        explanation.setWrapText(true);
        explanation.setMaxWidth(520);
        TextField typed = new TextField();
        typed.setId("confirmWordField");
        dialog.getDialogPane()
                .setContent(new VBox(8, explanation, new Label(Messages.t("restore.lossConfirmLabel", word)), typed));
        ButtonType doIt =
                doAndCancel(dialog, doLabel, () -> !typed.getText().strip().equals(word), typed.textProperty());
        dialog.setResultConverter(b -> b == doIt);
        typed.requestFocus();
        return dialog.showAndWait().orElse(false);
    }

    /** Adds the do and cancel buttons; the do button stays off while {@code off} holds, checked as {@code input} changes. */
    private static ButtonType doAndCancel(Dialog<?> dialog, String doLabel, Callable<Boolean> off, Observable input) {
        ButtonType doIt = new ButtonType(doLabel, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(doIt, new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(doIt).disableProperty().bind(Bindings.createBooleanBinding(off, input));
        return doIt;
    }

    /** Shows a longer text read-only (an opened note), selectable for copying but not editable. */
    public void showText(String title, String text) {
        Dialog<Void> dialog = dialog();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        TextArea area = new TextArea(text);
        area.setId("shownText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(10);
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(Messages.t("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.showAndWait();
    }

    /**
     * A success notice with one way back (撤销), shown for {@code seconds}; {@code action} runs on the JavaFX thread
     * when pressed, at most once.
     */
    @Override
    public void notifyWithAction(String text, String actionLabel, Runnable action, double seconds) {
        if (owner == null) {
            return;
        }
        try {
            Action[] undo = new Action[1];
            undo[0] = new Action(actionLabel, e -> {
                if (!undo[0].isDisabled()) {
                    undo[0].setDisabled(true); // the button is bound to the action: once only
                    action.run();
                }
            });
            Notifications.create()
                    .owner(owner)
                    .text(text)
                    .action(undo[0])
                    .hideAfter(UNTIMED)
                    .showInformation();
            timeNewNotices(shownFor(text, seconds));
        } catch (RuntimeException e) {
            log().debug("Notification could not be shown", e);
        }
    }

    @Override
    public void notifySuccess(String text) {
        notifyWithActions(text, MIN_NOTICE_SECONDS);
    }

    /** A button on a notice: its words and what it does (on the JavaFX thread). */
    public record NoticeAction(String label, Runnable action) {}

    /**
     * A success notice with buttons (打开, 打开所在文件夹), shown for {@code seconds}. The text wraps within the main
     * window: a notice naming a file's whole path was wider than the window and its start was cut off.
     */
    public void notifyWithActions(String text, double seconds, NoticeAction... actions) {
        // The text is not logged: it often names a child, and the log file is not encrypted.
        if (owner == null) {
            return;
        }
        try {
            // the text and buttons as the notice's own content: ControlsFX's text does not wrap, its icon would
            // replace this content, and its button bar dropped a second button in a narrow notice
            HBox buttons = new HBox(8);
            for (NoticeAction a : actions) {
                Button b = new Button(a.label());
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setOnAction(e -> a.action().run());
                buttons.getChildren().add(b);
            }
            VBox content = new VBox(8, wrapped(text));
            if (actions.length > 0) {
                content.getChildren().add(buttons);
            }
            content.setPadding(new Insets(4));
            Notifications.create()
                    .owner(owner)
                    .graphic(content)
                    .hideAfter(UNTIMED)
                    .show();
            timeNewNotices(shownFor(text, seconds));
        } catch (RuntimeException e) {
            log().debug("Notification could not be shown", e); // never let a toast break the action it reports
        }
    }

    /** The notice's text, wrapping at most half the window wide (a long path breaks where it must). */
    private Label wrapped(String text) {
        Label l = new Label(text);
        l.setId("noticeText");
        l.setWrapText(true);
        double widest = Math.max(NOTICE_MIN_WIDTH, owner.getWidth() / 2);
        double natural = new Text(text).getLayoutBounds().getWidth() + 8;
        l.setPrefWidth(Math.min(widest, natural));
        l.setMaxWidth(widest);
        return l;
    }

    /** A notice stays at least this long (2.5 to 4 s was too short to read a sentence). */
    static final double MIN_NOTICE_SECONDS = 6;
    /** Nor longer than this for its reading alone (a notice with 撤销 may ask for longer). */
    static final double MAX_READING_SECONDS = 30;
    /** How long a notice stays once the mouse has left it. */
    static final double AFTER_HOVER_SECONDS = 3;
    /** The popup's property holding the timer that closes it (read by tests). */
    static final String NOTICE_TIMER = "huyou.noticeTimer";
    /** ControlsFX's own timer is left idle: the notice's time is {@link #timeNewNotices}'s. */
    private static final Duration UNTIMED = Duration.hours(12);

    /**
     * How long a notice stays: time to read it, at least {@link #MIN_NOTICE_SECONDS} and a second more for every five
     * Chinese characters past twenty (or fifteen letters of English: three count as one character), and never less
     * than the caller's {@code atLeast}.
     */
    static double shownFor(String text, double atLeast) {
        double weight = 0;
        for (int i = 0; text != null && i < text.length(); ) {
            int c = text.codePointAt(i);
            weight += Character.isIdeographic(c) ? 1 : 1.0 / 3;
            i += Character.charCount(c);
        }
        double reading = Math.min(MAX_READING_SECONDS, MIN_NOTICE_SECONDS + Math.max(0, weight - 20) / 5);
        return Math.max(atLeast, reading);
    }

    /**
     * Gives the notices just shown their time: each closes (as its close button does) {@code seconds} after it came
     * up, and not while the mouse is over it; once the mouse leaves it stays {@link #AFTER_HOVER_SECONDS} more.
     */
    private void timeNewNotices(double seconds) {
        for (Window w : java.util.List.copyOf(Window.getWindows())) {
            if (!(w instanceof javafx.stage.PopupWindow popup)
                    || popup.getScene() == null
                    || popup.getProperties().containsKey(NOTICE_TIMER)) {
                continue;
            }
            Node root = popup.getScene().getRoot();
            if (root.lookup(".notification-bar") == null) {
                continue;
            }
            javafx.animation.PauseTransition timer = new javafx.animation.PauseTransition(Duration.seconds(seconds));
            timer.setOnFinished(e -> {
                if (root.lookup(".close-button") instanceof Button close) {
                    close.fire(); // ControlsFX's own way out: faded, and the next notices move up
                } else {
                    popup.hide();
                }
            });
            root.hoverProperty().addListener((o, was, hovered) -> {
                if (hovered) {
                    timer.stop();
                } else if (popup.isShowing()) {
                    timer.setDuration(Duration.seconds(AFTER_HOVER_SECONDS));
                    timer.playFromStart();
                }
            });
            popup.getProperties().put(NOTICE_TIMER, timer);
            timer.play();
            stack().add(popup);
        }
    }

    /** The notices of the owner window, stacked above its status bar. */
    private NoticeStack stack() {
        return NoticeStack.of(owner);
    }

    /** The style class of the strip under a window's work area that its notices stand in (see NoticeStack). */
    public static final String NOTICE_ROOM = NoticeStack.ROOM;

    /** A notice is never narrower than this, even in a small window. */
    private static final double NOTICE_MIN_WIDTH = 320;
}
