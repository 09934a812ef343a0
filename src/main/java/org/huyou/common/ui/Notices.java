package org.huyou.common.ui;

/**
 * What a ViewModel tells the user after a command: a short notice of what was done, or why not. The app's
 * {@link DialogService} shows them; a ViewModel test listens to them without a window.
 */
public interface Notices {

    void notifySuccess(String text);

    void showError(Throwable t);
}
