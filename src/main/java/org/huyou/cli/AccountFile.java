package org.huyou.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.Tables;
import org.huyou.security.Role;

/**
 * The file {@code accounts add --from} reads: a header row naming the columns (English or Chinese), then one account
 * per row. Only the file's form is checked here; the account rules are AccountService's.
 */
final class AccountFile {

    private AccountFile() {}

    /** One account as written in the file; {@code line} is its row in the file (the header is row 1). */
    record Row(int line, String username, String displayName, Set<Role> roles, String password) {

        /** Without the password: a row may be printed in a message or a log line. */
        @Override
        public String toString() {
            return "Row[line=" + line + ", username=" + username + ", displayName=" + displayName + ", roles=" + roles
                    + ", password=***]";
        }
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("username", "username"),
            Map.entry("user", "username"),
            Map.entry("用户名", "username"),
            Map.entry("display_name", "displayName"),
            Map.entry("displayname", "displayName"),
            Map.entry("display name", "displayName"),
            Map.entry("name", "displayName"),
            Map.entry("姓名", "displayName"),
            Map.entry("roles", "roles"),
            Map.entry("角色", "roles"),
            Map.entry("password", "password"),
            Map.entry("初始密码", "password"),
            Map.entry("密码", "password"));

    static List<Row> read(Path file) {
        List<List<String>> table;
        try {
            table = Tables.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "cli.accounts.unreadable", file);
        }
        if (table.isEmpty()) {
            throw new UserFacingException("cli.accounts.emptyFile", file);
        }
        List<String> columns = new ArrayList<>();
        for (String h : table.get(0)) {
            columns.add(HEADERS.getOrDefault(h.strip().toLowerCase(Locale.ROOT), ""));
        }
        if (!columns.contains("username") || !columns.contains("roles")) {
            throw new UserFacingException("cli.accounts.badHeader", file);
        }
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            String username = cell(cells, columns, "username");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : cell(cells, columns, "roles").split("[,;，；、|\\s]+")) {
                if (r.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(Messages.t(
                            "cli.accounts.rowError",
                            i + 1,
                            Messages.t("cli.accounts.field.roles"),
                            Messages.t("cli.accounts.unknownRole", r.strip())));
                }
            }
            rows.add(new Row(
                    i + 1, username, cell(cells, columns, "displayName"), roles, cell(cells, columns, "password")));
        }
        if (!problems.isEmpty()) {
            throw new UserFacingException("cli.accounts.fileProblems", String.join("\n", problems));
        }
        if (rows.isEmpty()) {
            throw new UserFacingException("cli.accounts.emptyFile", file);
        }
        return rows;
    }

    private static String cell(List<String> cells, List<String> columns, String column) {
        int i = columns.indexOf(column);
        return i < 0 || i >= cells.size() || cells.get(i) == null
                ? ""
                : cells.get(i).strip();
    }
}
