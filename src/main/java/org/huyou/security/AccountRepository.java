package org.huyou.security;

import static org.huyou.db.generated.Tables.ACCOUNT;
import static org.huyou.db.generated.Tables.ACCOUNT_ROLE;
import static org.huyou.db.generated.Tables.ROLE_PERMISSION;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huyou.db.generated.tables.records.AccountRecord;
import org.jooq.DSLContext;

/** Accounts, their roles and the permission matrix. */
public final class AccountRepository {

    private final DSLContext dsl;

    public AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An account as the services see it; the hash never leaves the security package's services. */
    public record Account(
            long id,
            String username,
            String displayName,
            boolean active,
            Set<Role> roles,
            String passwordHash,
            int version) {}

    public Optional<Account> findByUsername(String username) {
        return dsl.selectFrom(ACCOUNT)
                .where(ACCOUNT.USERNAME.eq(username))
                .fetchOptional()
                .map(this::account);
    }

    public List<Account> all() {
        return dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.USERNAME).fetch(this::account);
    }

    private Account account(AccountRecord r) {
        return new Account(
                r.getId(),
                r.getUsername(),
                r.getDisplayName(),
                r.getActive(),
                roles(r.getId()),
                r.getPasswordHash(),
                r.getVersion());
    }

    /** Every account's login name and display name, inactive ones too (one query: read at every login). */
    public Map<String, String> displayNames() {
        return dsl.select(ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME)
                .from(ACCOUNT)
                .fetchMap(ACCOUNT.USERNAME, ACCOUNT.DISPLAY_NAME);
    }

    public int countActiveWithRole(Role role) {
        return dsl.selectCount()
                .from(ACCOUNT)
                .join(ACCOUNT_ROLE)
                .on(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID))
                .where(ACCOUNT.ACTIVE.isTrue().and(ACCOUNT_ROLE.ROLE.eq(role.name())))
                .fetchOne(0, int.class);
    }

    /** The login names of the active accounts holding a role that grants this permission. */
    public List<String> activeHolders(Permission p) {
        return dsl.selectDistinct(ACCOUNT.USERNAME)
                .from(ACCOUNT)
                .join(ACCOUNT_ROLE)
                .on(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID))
                .join(ROLE_PERMISSION)
                .on(ROLE_PERMISSION.ROLE.eq(ACCOUNT_ROLE.ROLE))
                .where(ACCOUNT.ACTIVE
                        .isTrue()
                        .and(ROLE_PERMISSION.MODULE.eq(p.module().name()))
                        .and(ROLE_PERMISSION.ACTION.eq(p.action().name())))
                .orderBy(ACCOUNT.USERNAME)
                .fetch(ACCOUNT.USERNAME);
    }

    public Set<Role> roles(long accountId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(ACCOUNT_ROLE.ROLE)
                .from(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
                .forEach(r -> roles.add(Role.valueOf(r.value1())));
        return roles;
    }

    public long insert(String username, String displayName, String hash, String actor, LocalDateTime now) {
        return dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.USERNAME, username)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.PASSWORD_HASH, hash)
                .set(ACCOUNT.PASSWORD_CHANGED_AT, now)
                .set(ACCOUNT.CREATED_AT, now)
                .set(ACCOUNT.CREATED_BY, actor)
                .returning(ACCOUNT.ID)
                .fetchOne(ACCOUNT.ID);
    }

    public void setRoles(long accountId, Set<Role> roles) {
        dsl.deleteFrom(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
                .execute();
        for (Role r : roles) {
            dsl.insertInto(ACCOUNT_ROLE)
                    .set(ACCOUNT_ROLE.ACCOUNT_ID, accountId)
                    .set(ACCOUNT_ROLE.ROLE, r.name())
                    .execute();
        }
    }

    public void update(long id, String displayName, boolean active, String actor, LocalDateTime now) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.DISPLAY_NAME, displayName)
                .set(ACCOUNT.ACTIVE, active)
                .set(ACCOUNT.UPDATED_AT, now)
                .set(ACCOUNT.UPDATED_BY, actor)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(id))
                .execute();
    }

    public void setPasswordHash(long id, String hash, String actor, LocalDateTime now) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, hash)
                .set(ACCOUNT.PASSWORD_CHANGED_AT, now)
                .set(ACCOUNT.UPDATED_AT, now)
                .set(ACCOUNT.UPDATED_BY, actor)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(id))
                .execute();
    }

    /** The permissions a set of roles grants, read from the matrix. */
    public Set<Permission> permissions(Set<Role> roles) {
        Set<Permission> result = new HashSet<>();
        if (roles.isEmpty()) {
            return result;
        }
        dsl.select(ROLE_PERMISSION.MODULE, ROLE_PERMISSION.ACTION)
                .from(ROLE_PERMISSION)
                .where(ROLE_PERMISSION.ROLE.in(roles.stream().map(Role::name).toList()))
                .forEach(r -> {
                    try {
                        result.add(new Permission(AppModule.valueOf(r.value1()), Action.valueOf(r.value2())));
                    } catch (IllegalArgumentException unknownInThisVersion) {
                        // a row for a module a newer version added: ignored here
                    }
                });
        return result;
    }

    public Set<Permission> permissions(Role role) {
        return permissions(EnumSet.of(role));
    }

    public void grant(Role role, Permission p) {
        dsl.mergeInto(ROLE_PERMISSION)
                .using(dsl.selectOne())
                .on(ROLE_PERMISSION
                        .ROLE
                        .eq(role.name())
                        .and(ROLE_PERMISSION.MODULE.eq(p.module().name()))
                        .and(ROLE_PERMISSION.ACTION.eq(p.action().name())))
                .whenNotMatchedThenInsert(ROLE_PERMISSION.ROLE, ROLE_PERMISSION.MODULE, ROLE_PERMISSION.ACTION)
                .values(role.name(), p.module().name(), p.action().name())
                .execute();
    }

    public void revoke(Role role, Permission p) {
        dsl.deleteFrom(ROLE_PERMISSION)
                .where(ROLE_PERMISSION
                        .ROLE
                        .eq(role.name())
                        .and(ROLE_PERMISSION.MODULE.eq(p.module().name()))
                        .and(ROLE_PERMISSION.ACTION.eq(p.action().name())))
                .execute();
    }
}
