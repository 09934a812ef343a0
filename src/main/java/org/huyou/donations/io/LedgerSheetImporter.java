package org.huyou.donations.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.SheetImport;
import org.huyou.common.io.SheetImporter;
import org.huyou.donations.LedgerService;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * What the donation registers' imports share: each is the donations module's "create", reads its own fields, and
 * commits only a preview without problems. A register says how its rows are read ({@link #read}) and added
 * ({@link #add}); the permission is checked here, once, for every step.
 */
public abstract class LedgerSheetImporter<P extends SheetImporter.Preview> implements SheetImporter<P> {

    protected final LedgerService ledger;
    private final CurrentUser user;
    private final List<ImportField> fields;
    private final Labels labels;

    LedgerSheetImporter(LedgerService ledger, CurrentUser user, List<ImportField> fields, Labels labels) {
        this.ledger = ledger;
        this.user = user;
        this.fields = fields;
        this.labels = labels;
    }

    /** Reads and checks the file; the permission is already checked. */
    protected abstract P read(Path file, Map<String, String> mapping, List<ImportField> fields);

    /** Adds the rows of a valid preview; the permission and the preview are already checked. */
    protected abstract int add(P preview);

    /** Throws unless the current user may import donations. */
    protected final void requireCreate() {
        user.require(AppModule.DONATIONS, Action.CREATE);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public final List<ImportField> fields() {
        requireCreate();
        return fields;
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public final List<SheetImport.FileColumn> columns(Path file) {
        requireCreate();
        return SheetImport.columns(file, fields);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public final Map<String, String> parseMapping(String spec) {
        requireCreate();
        return HeaderMapping.parse(spec, fields);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public final P preview(Path file, Map<String, String> mapping) {
        requireCreate();
        return read(file, mapping, fields);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public final int commit(P preview) {
        requireCreate();
        if (!preview.valid()) {
            throw new UserFacingException("import.notValid", preview.problems().size());
        }
        return add(preview);
    }

    @Override
    @AnyUser
    public final Labels labels() {
        return labels;
    }
}
