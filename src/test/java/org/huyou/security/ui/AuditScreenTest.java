package org.huyou.security.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditLabels;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The director reads the audit log on the real screen: in Chinese, with the chain's state, and checks it whole. */
@ExtendWith(ApplicationExtension.class)
class AuditScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("yz", "王院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            ctx.accounts().create("cw", "孙会计", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @SuppressWarnings("unchecked")
    private static String cell(TableView<AuditEntry> table, int column, AuditEntry row) {
        TableColumn<AuditEntry, ?> c = table.getColumns().get(column);
        Object v = c.getCellObservableValue(row).getValue();
        return v == null ? "" : v.toString();
    }

    @Test
    void theDirectorReadsTheLogInChineseAndChecksTheWholeChain(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "yz", "#navAudit");
        Label chain = robot.lookup("#auditChain").queryAs(Label.class);
        waitFor(() -> chain.getText().startsWith("审计记录完整"));
        @SuppressWarnings("unchecked")
        TableView<AuditEntry> table = robot.lookup("#auditTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        AuditEntry created = table.getItems().stream()
                .filter(e -> "cw".equals(AuditLabels.summary(e)))
                .findFirst()
                .orElseThrow();
        assertEquals("新建", cell(table, 2, created));
        assertTrue(cell(table, 3, created).startsWith("账户 #"), cell(table, 3, created));
        String changes = cell(table, 5, created);
        assertTrue(changes.contains("姓名：孙会计"), changes);
        assertTrue(changes.contains("角色：" + Role.FINANCE_OFFICER.label()), changes);
        for (String raw : List.of("FINANCE_OFFICER", "displayName", "true", "[{")) {
            assertFalse(changes.contains(raw), raw + " in " + changes);
        }
        // every action and record in the list reads as words, not codes
        for (AuditEntry e : table.getItems()) {
            assertFalse(cell(table, 2, e).matches("[A-Z_]+"), cell(table, 2, e));
            assertFalse(cell(table, 3, e).matches("[a-z_]+( #.*)?"), cell(table, 3, e));
        }
        // newest first by time, ties by id; nobody shows as a raw login such as "system"
        for (int i = 1; i < table.getItems().size(); i++) {
            AuditEntry newer = table.getItems().get(i - 1);
            AuditEntry older = table.getItems().get(i);
            assertTrue(
                    newer.at().isAfter(older.at()) || newer.at().equals(older.at()) && newer.id() > older.id(),
                    newer + " before " + older);
        }
        for (AuditEntry e : table.getItems()) {
            assertFalse(List.of("system", "demo").contains(cell(table, 1, e)), cell(table, 1, e));
        }
        // the shown count is the count the chain covers
        Label count = robot.lookup(n -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().startsWith("显示 "))
                .queryAs(Label.class);
        waitFor(() -> chain.getText().startsWith("审计记录完整"));
        String total = count.getText().replaceAll(".*共 (\\d+) 条.*", "$1");
        assertTrue(chain.getText().contains(total + " 条"), count.getText() + " / " + chain.getText());
        // a row read in full in the detail pane
        robot.interact(() -> table.getSelectionModel().select(created));
        javafx.scene.control.TextArea detail =
                robot.lookup("#auditDetail").queryAs(javafx.scene.control.TextArea.class);
        waitFor(() -> detail.getText().contains("摘要：cw"));
        assertTrue(detail.getText().contains("操作：新建"), detail.getText());
        assertTrue(detail.getText().contains("姓名：孙会计"), detail.getText());
        // Enter on the row reads it in a window of its own, as a double click does (the lists' one row opener)
        robot.interact(table::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> robot.lookup("#shownText").tryQuery().isPresent());
        String shown = robot.lookup("#shownText")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        assertTrue(shown.contains("姓名：孙会计"), shown);
        FxTesting.clickWhenShown(robot, "关闭");
        waitFor(() -> robot.lookup("#shownText").tryQuery().isEmpty());
        robot.clickOn("#auditVerifyFull");
        waitFor(() -> chain.getText().startsWith("审计记录完整"));
    }
}
