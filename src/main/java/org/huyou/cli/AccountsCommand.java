package org.huyou.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.AccountService;
import org.huyou.security.AccountService.AccountView;
import org.huyou.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code huyou accounts ...}: staff accounts for IT setting up a home, through {@link AccountService} like the
 * accounts screen (the same permission, rules, password checks, keyring rewrap and audit rows; no second path).
 */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        description = "Staff accounts (administrator): list, add, deactivate, set-roles, reset-password. "
                + "A new password comes from HUYOU_NEW_PASSWORD, else is typed twice.",
        subcommands = {
            AccountsCommand.ListAccounts.class,
            AccountsCommand.Add.class,
            AccountsCommand.Deactivate.class,
            AccountsCommand.SetRoles.class,
            AccountsCommand.ResetPassword.class
        })
final class AccountsCommand extends HuyouSubcommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return HuyouCli.USER_ERROR; // a subcommand is needed
    }

    /** Runs {@code work} on the home opened as {@code --user}; a rule broken is printed naming the field. */
    int withHome(CommandSpec sub, Work work) {
        try (AppContext ctx = parent.open()) {
            int code = work.run(ctx, sub.commandLine().getOut());
            if (code == HuyouCli.OK) {
                // A deactivation or a lost role: the file key changes now, as on the accounts screen, so the account's
                // old keyring copy stops opening the database before anyone reads it again.
                HomeAccess.Rotation r = HomeAccess.rotateIfDue(ctx, (done, total) -> {});
                if (r.rotated()) {
                    r.context().close();
                    if (!parent.json()) {
                        sub.commandLine().getOut().println(Messages.t("keyRotation.done"));
                    }
                    if (!r.lostAccess().isEmpty()) {
                        sub.commandLine()
                                .getErr()
                                .println(Messages.t("keyRotation.lostAccess", String.join(", ", r.lostAccess())));
                    }
                }
            }
            return code;
        } catch (ValidationException e) {
            List<Object> problems = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (FieldError f : e.errors()) {
                String field = Messages.t("cli.accounts.field." + f.field());
                lines.add(Messages.t("cli.accounts.fieldError", field, f.message()));
                problems.add(HuyouCli.fields("field", f.field(), "message", f.message()));
            }
            parent.printError(
                    sub.commandLine().getErr(),
                    HuyouCli.USER_ERROR,
                    String.join("\n", lines),
                    HuyouCli.fields("problems", problems));
            return HuyouCli.USER_ERROR;
        }
    }

    interface Work {
        int run(AppContext ctx, PrintWriter out);
    }

    static AccountView find(AppContext ctx, String username) {
        return ctx.accounts().accounts().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new UserFacingException("cli.accounts.notFound", username));
    }

    static String roles(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }

    static List<String> roleList(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    static Set<Role> roleSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** What every {@code accounts …} subcommand has: the parent, for its home and printing, and its own spec. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        AccountsCommand accounts;

        @Spec
        CommandSpec spec;
    }

    /** A subcommand about one account, named by its user name. */
    abstract static class OneAccount extends Subcommand {
        @Parameters(paramLabel = "USERNAME")
        String username;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every account: user name, display name, roles, active, locked (until when).")
    static final class ListAccounts extends Subcommand {

        @Override
        public Integer call() {
            return accounts.withHome(spec, (ctx, out) -> {
                List<Object> rows = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(ctx.clock().getZone());
                for (AccountView a : ctx.accounts().accounts()) {
                    Optional<Instant> locked = ctx.accounts().lockedUntil(a.username());
                    Map<String, Object> row = view(a);
                    row.put("locked", locked.isPresent());
                    row.put("lockedUntil", locked.map(Instant::toString).orElse(null));
                    rows.add(row);
                    lines.add(Messages.t(
                                    "cli.accounts.line",
                                    a.username(),
                                    a.displayName(),
                                    roles(a.roles()),
                                    Messages.t(a.active() ? "cli.accounts.active" : "cli.accounts.inactive"),
                                    locked.map(u -> Messages.t("cli.accounts.lockedUntil", time.format(u)))
                                            .orElse(""))
                            .strip());
                }
                accounts.parent.print(out, String.join("\n", lines), HuyouCli.fields("accounts", rows));
                return HuyouCli.OK;
            });
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "A new account with one or more roles; its first password from HUYOU_NEW_PASSWORD, else "
                    + "typed twice, checked like on the accounts screen. With --from FILE, every account in a CSV or "
                    + "XLSX file (columns username, display_name, roles, and optionally password), all or none.")
    static final class Add extends Subcommand {

        @Parameters(
                paramLabel = "USERNAME",
                arity = "0..1",
                description = "The login name (2-32 letters, digits, . _ -).")
        String username;

        @Option(names = "--display-name", paramLabel = "NAME", description = "The name colleagues know (姓名).")
        String displayName;

        @Option(
                names = "--roles",
                split = ",",
                paramLabel = "ROLE[,ROLE...]",
                description = "Roles: ${COMPLETION-CANDIDATES}.")
        List<Role> roles;

        @Option(
                names = "--from",
                paramLabel = "FILE",
                description = "A CSV or XLSX file with a header row: username (用户名), display_name (姓名), roles "
                        + "(角色, separated by ; or spaces), password (初始密码, optional: rows without one get "
                        + "HUYOU_NEW_PASSWORD or the password typed).")
        Path from;

        @Override
        public Integer call() {
            if (from != null && (username != null || roles != null || displayName != null)) {
                throw new UserFacingException("cli.accounts.fromOrOne");
            }
            if (from == null && username == null) {
                throw new UserFacingException("cli.accounts.usernameRequired");
            }
            if (from != null) {
                List<AccountFile.Row> rows = AccountFile.read(from);
                return accounts.withHome(spec, (ctx, out) -> addAll(ctx, out, rows));
            }
            return accounts.withHome(spec, (ctx, out) -> {
                char[] password = accounts.parent.newAccountPassword(username);
                AccountView a;
                try {
                    a = ctx.accounts().create(username, displayName, new String(password), roleSet(roles));
                } finally {
                    Arrays.fill(password, '\0');
                }
                accounts.parent.print(
                        out,
                        Messages.t("cli.accounts.added", a.username(), a.displayName(), roles(a.roles())),
                        view(a));
                return HuyouCli.OK;
            });
        }

        private int addAll(AppContext ctx, PrintWriter out, List<AccountFile.Row> rows) {
            String shared = null;
            if (rows.stream().anyMatch(r -> r.password().isEmpty())) {
                char[] typed = accounts.parent.newAccountPassword(String.join(
                        ", ",
                        rows.stream()
                                .filter(r -> r.password().isEmpty())
                                .map(AccountFile.Row::username)
                                .toList()));
                shared = new String(typed);
                Arrays.fill(typed, '\0');
            }
            List<AccountService.NewAccount> list = new ArrayList<>();
            for (AccountFile.Row r : rows) {
                list.add(new AccountService.NewAccount(
                        r.username(), r.displayName(), r.password().isEmpty() ? shared : r.password(), r.roles()));
            }
            List<AccountView> made;
            try {
                made = ctx.accounts().createAll(list);
            } catch (AccountService.RowsRefused e) {
                List<String> lines = new ArrayList<>();
                List<Object> problems = new ArrayList<>();
                e.problems().forEach((index, errors) -> {
                    int line = rows.get(index - 1).line();
                    for (FieldError f : errors) {
                        lines.add(Messages.t(
                                "cli.accounts.rowError",
                                line,
                                Messages.t("cli.accounts.field." + f.field()),
                                f.message()));
                        problems.add(HuyouCli.fields("row", line, "field", f.field(), "message", f.message()));
                    }
                });
                lines.add(e.userMessage());
                accounts.parent.printError(
                        spec.commandLine().getErr(),
                        HuyouCli.USER_ERROR,
                        String.join("\n", lines),
                        HuyouCli.fields("problems", problems));
                return HuyouCli.USER_ERROR;
            }
            accounts.parent.print(
                    out,
                    Messages.t("cli.accounts.addedMany", made.size()),
                    HuyouCli.fields(
                            "accounts", made.stream().map(AccountsCommand::view).toList()));
            return HuyouCli.OK;
        }
    }

    @Command(
            name = "deactivate",
            mixinStandardHelpOptions = true,
            description = "Deactivates an account: kept for the records it made, but its password opens nothing.")
    static final class Deactivate extends OneAccount {

        @Override
        public Integer call() {
            return accounts.withHome(spec, (ctx, out) -> {
                AccountView a = find(ctx, username);
                AccountView after = ctx.accounts().update(a.id(), a.displayName(), a.roles(), false);
                accounts.parent.print(out, Messages.t("cli.accounts.deactivated", a.username()), view(after));
                return HuyouCli.OK;
            });
        }
    }

    @Command(
            name = "set-roles",
            mixinStandardHelpOptions = true,
            description = "Replaces an account's roles (the last active administrator keeps the role).")
    static final class SetRoles extends OneAccount {

        @Option(
                names = "--roles",
                split = ",",
                required = true,
                paramLabel = "ROLE[,ROLE...]",
                description = "Roles: ${COMPLETION-CANDIDATES}.")
        List<Role> roles;

        @Override
        public Integer call() {
            return accounts.withHome(spec, (ctx, out) -> {
                AccountView a = find(ctx, username);
                AccountView after = ctx.accounts().update(a.id(), a.displayName(), roleSet(roles), a.active());
                accounts.parent.print(
                        out, Messages.t("cli.accounts.rolesSet", a.username(), roles(after.roles())), view(after));
                return HuyouCli.OK;
            });
        }
    }

    @Command(
            name = "reset-password",
            mixinStandardHelpOptions = true,
            description = "A new password for a colleague who forgot theirs (HUYOU_NEW_PASSWORD, else typed twice); "
                    + "the account is unlocked.")
    static final class ResetPassword extends OneAccount {

        @Override
        public Integer call() {
            return accounts.withHome(spec, (ctx, out) -> {
                AccountView a = find(ctx, username);
                char[] password = accounts.parent.newAccountPassword(a.username());
                try {
                    ctx.accounts().resetPassword(a.id(), new String(password));
                } finally {
                    Arrays.fill(password, '\0');
                }
                accounts.parent.print(
                        out,
                        Messages.t("cli.accounts.passwordReset", a.username()),
                        HuyouCli.fields("username", a.username()));
                return HuyouCli.OK;
            });
        }
    }

    /** An account as {@code --json} shows it (a map the caller may add to). */
    static Map<String, Object> view(AccountView a) {
        return HuyouCli.fields(
                "username",
                a.username(),
                "displayName",
                a.displayName(),
                "roles",
                roleList(a.roles()),
                "active",
                a.active());
    }
}
