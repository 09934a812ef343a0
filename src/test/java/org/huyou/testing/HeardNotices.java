package org.huyou.testing;

import java.util.ArrayList;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Notices;

/** What a ViewModel told the user, kept for a test to read: the notices, and each failure as the sentence shown. */
public final class HeardNotices implements Notices {

    public final List<String> said = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    private final List<String> all = new ArrayList<>();

    @Override
    public void notifySuccess(String text) {
        said.add(text);
        all.add(text);
    }

    @Override
    public void showError(Throwable t) {
        errors.add(UserFacingException.describe(t));
        all.add(UserFacingException.describe(t));
    }

    /** The last sentence heard, a notice or an error. */
    public String last() {
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }
}
