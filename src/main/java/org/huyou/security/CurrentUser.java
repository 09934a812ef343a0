package org.huyou.security;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.huyou.common.UserFacingException;
import org.slf4j.LoggerFactory;

/**
 * Who is at the keyboard now. Services ask it before anything else ({@link #require}) and stamp created_by/updated_by
 * and audit rows with its username. Empty between logout and the next login: every call is then refused.
 */
public final class CurrentUser {

    /** The name written for work done by the program itself (migrations, automatic backups). */
    public static final String SYSTEM = "system";

    private volatile Session session;
    /** Told of every refused call of a logged-in user (the audit log); a failure there never hides the refusal. */
    private volatile BiConsumer<String, Permission> onRefused;

    public void onRefused(BiConsumer<String, Permission> listener) {
        this.onRefused = listener;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    public void set(Session newSession) {
        this.session = newSession;
    }

    public void clear() {
        this.session = null;
    }

    public String username() {
        Session s = session;
        return s == null ? SYSTEM : s.username();
    }

    public boolean can(AppModule module, Action action) {
        Session s = session;
        return s != null && s.can(module, action);
    }

    /** Throws unless the current user holds the permission: the first line of every guarded service method. */
    public void require(AppModule module, Action action) {
        if (!can(module, action)) {
            Permission wanted = new Permission(module, action);
            Session s = session;
            BiConsumer<String, Permission> listener = onRefused;
            if (s != null && listener != null) {
                try {
                    listener.accept(s.username(), wanted);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(CurrentUser.class).warn("Refusal not recorded", e);
                }
            }
            throw new PermissionDeniedException(wanted);
        }
    }

    /** Throws unless someone is logged in. */
    public Session requireLoggedIn() {
        Session s = session;
        if (s == null) {
            throw new NotLoggedInException();
        }
        return s;
    }

    /** A call with no one logged in. */
    public static final class NotLoggedInException extends UserFacingException {
        public NotLoggedInException() {
            super("error.notLoggedIn");
        }
    }
}
