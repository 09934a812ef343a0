package org.huyou.security.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.huyou.common.Coded;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportCells;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImport;
import org.huyou.common.io.SheetImporter;
import org.huyou.security.AccountService;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.security.Role;

/**
 * Imports a home's staff list through the shared pipeline ({@link SheetImport}) into
 * {@link AccountService#createAll}, the same path as {@code huyou accounts add --from}: one account a row with its
 * roles. The database key is wrapped under each account's password when it is created, so every account needs a first
 * password then, as {@code accounts add} gives one: the file's own (an optional column, as {@code --from} reads it),
 * else the one the administrator gives at the import (typed twice, or {@code HUYOU_NEW_PASSWORD}).
 */
public final class AccountImporter implements SheetImporter<AccountImportPreview> {

    private static final Labels LABELS = new Labels("accounts-template", "accountImport.title", "accountImport.done");

    /** The template's columns, in order; the password column is read when a file has one but is not in the template. */
    public static final List<ImportField> FIELDS = List.of(
            field("username", true, "用户名", "登录名", "账号", "账户", "user", "login", "User name"),
            field("displayName", false, "姓名", "显示名", "name", "display_name", "Display name", "Full name"),
            field("roles", true, "角色", "岗位角色", "Role", "Roles"),
            field("password", false, "初始密码", "密码", "Password", "Initial password"));

    private final AccountService accounts;
    private final CurrentUser user;
    /** The first password for rows without their own; null: such rows cannot be committed. */
    private final Supplier<char[]> firstPassword;

    public AccountImporter(AccountService accounts, CurrentUser user) {
        this(accounts, user, null);
    }

    private AccountImporter(AccountService accounts, CurrentUser user, Supplier<char[]> firstPassword) {
        this.accounts = accounts;
        this.user = user;
        this.firstPassword = firstPassword;
    }

    private static ImportField field(String key, boolean required, String... aliases) {
        return new ImportField(key, "accountImport.field." + key, required, List.of(aliases));
    }

    /**
     * The same import, giving {@code firstPassword} (asked only when a row has none, at the commit) to the accounts
     * whose row has no password: typed twice on screen, or as {@code huyou accounts add} asks it.
     */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public AccountImporter withFirstPassword(Supplier<char[]> firstPassword) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        return new AccountImporter(accounts, user, firstPassword);
    }

    @Override
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public List<ImportField> fields() {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        return FIELDS;
    }

    @Override
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public List<SheetImport.FileColumn> columns(Path file) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        return SheetImport.columns(file, FIELDS);
    }

    @Override
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public Map<String, String> parseMapping(String spec) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        return HeaderMapping.parse(spec, FIELDS);
    }

    /** Reads and checks the file by the account rules; every row createAll would refuse is reported by column. */
    @Override
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public AccountImportPreview preview(Path file, Map<String, String> mapping) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        List<AccountService.NewAccount> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        Map<String, String> columnOf = new HashMap<>();
        List<ImportProblem> problems;
        try {
            problems = new ArrayList<>(SheetImport.read(file, FIELDS, mapping, cells -> {
                rows.add(new AccountService.NewAccount(
                        cells.text("username"),
                        cells.optional("displayName"),
                        cells.optional("password"),
                        roles(cells)));
                rowNumbers.add(cells.row());
                FIELDS.forEach(f -> columnOf.put(f.key(), cells.column(f.key())));
            }));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
        if (!rows.isEmpty()) {
            Map<String, Integer> firstRow = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                firstRow.putIfAbsent(rows.get(i).username().strip(), rowNumbers.get(i));
            }
            // a cell reported as it was read (an unknown role, a hidden character) is not reported again by the
            // service's check ("no role" would say it twice)
            Set<String> read =
                    problems.stream().map(p -> p.row() + "\u0000" + p.column()).collect(Collectors.toSet());
            accounts.refusals(rows).forEach((index, errors) -> {
                int row = rowNumbers.get(index - 1);
                for (FieldError e : errors) {
                    if (read.contains(row + "\u0000" + columnOf.getOrDefault(e.field(), e.field()))) {
                        continue;
                    }
                    Integer first = firstRow.get(rows.get(index - 1).username().strip());
                    // a name taken by an earlier row of the file says which row, not only "taken"
                    String message = e.messageKey().equals("account.usernameTaken") && first != null && first < row
                            ? Messages.t("import.duplicateInFile", first)
                            : e.message();
                    problems.add(new ImportProblem(row, columnOf.getOrDefault(e.field(), e.field()), message));
                }
            });
            problems.sort(Comparator.comparingInt(ImportProblem::row));
        }
        return new AccountImportPreview(file.getFileName().toString(), rows, rowNumbers, problems);
    }

    /** Creates every account of a clean preview at once, or none (the account service's rule). */
    @Override
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public int commit(AccountImportPreview preview) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        if (!preview.valid()) {
            throw new UserFacingException("import.notValid", preview.problems().size());
        }
        String shared = null;
        if (preview.needsPassword()) {
            if (firstPassword == null) {
                throw new UserFacingException("accountImport.passwordMissing");
            }
            char[] typed = firstPassword.get();
            shared = new String(typed);
            Arrays.fill(typed, '\0');
        }
        List<AccountService.NewAccount> list = new ArrayList<>(preview.rowCount());
        for (AccountService.NewAccount r : preview.rows()) {
            list.add(new AccountService.NewAccount(
                    r.username(), r.displayName(), r.password() == null ? shared : r.password(), r.roles()));
        }
        try {
            return accounts.createAll(list).size();
        } catch (AccountService.RowsRefused e) {
            // after a clean preview: the first password given is too weak for a row, or a name was taken meanwhile
            Map.Entry<Integer, List<FieldError>> first =
                    e.problems().entrySet().iterator().next();
            FieldError f = first.getValue().get(0);
            throw new UserFacingException(
                    "accountImport.refused",
                    preview.rowNumbers().get(first.getKey() - 1),
                    Messages.t("accountImport.field." + f.field()),
                    f.message());
        }
    }

    @Override
    @AnyUser
    public Labels labels() {
        return LABELS;
    }

    /** Roles as a home writes them: "保育员、社工", "Caregiver, Teacher" or the codes, by 、 , ; or /. */
    private static Set<Role> roles(ImportCells c) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : c.text("roles").split("[,，、;；/|]")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Role> one = c.parsed(Role.class.getName(), part.strip(), t -> Coded.parse(Role.class, t));
            if (one.isEmpty()) {
                c.problem("roles", "import.unknownValue", part.strip());
            } else {
                roles.add(one.get());
            }
        }
        return roles;
    }
}
