package org.huyou.db;

import static org.huyou.db.generated.Tables.APP_SETTING;

import java.util.Optional;
import org.jooq.DSLContext;

/** Settings that belong to the home's database rather than to one PC (e.g. whether the demo was offered). */
public final class SettingsRepository {

    private final DSLContext dsl;

    public SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return dsl.select(APP_SETTING.SETTING_VALUE)
                .from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key))
                .fetchOptional(APP_SETTING.SETTING_VALUE);
    }

    public void put(String key, String value) {
        dsl.mergeInto(APP_SETTING)
                .using(dsl.selectOne())
                .on(APP_SETTING.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate()
                .set(APP_SETTING.SETTING_VALUE, value)
                .whenNotMatchedThenInsert(APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE)
                .values(key, value)
                .execute();
    }
}
