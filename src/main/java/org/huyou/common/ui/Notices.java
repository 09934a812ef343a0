package org.huyou.common.ui;

/**
 * What a ViewModel tells the user after a command: a short notice of what was done, or why not. The app's
 * {@link DialogService} shows them; a ViewModel test listens to them without a window.
 */
public interface Notices {

    void notifySuccess(String text);

    void showError(Throwable t);

    /**
     * A notice with one way back (撤销) for {@code seconds}; {@code action} runs at most once. Where no notice can
     * offer it (a test), the text alone.
     */
    default void notifyWithAction(String text, String actionLabel, Runnable action, double seconds) {
        notifySuccess(text);
    }
}
