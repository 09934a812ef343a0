package org.huyou.common.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A tab pane whose tab titles wrap into as many rows as they need above it, instead of hiding behind the toolkit's
 * overflow chevron (a resident's file has ten tabs; at 1366×768 in English half of them were out of sight). The tab
 * pane stays the model: selecting a tab in code, or with Ctrl+Tab, selects its title too.
 */
public final class WrappedTabs {

    /** Hides the tab pane's own header row (huyou.css). */
    public static final String STYLE = "wrapped-tabs-pane";

    private WrappedTabs() {}

    /** The titles above the tab pane, in a box that takes the tab pane's place. */
    public static VBox of(TabPane tabs) {
        FlowPane titles = new FlowPane(4, 4);
        titles.getStyleClass().add("wrapped-tabs");
        ToggleGroup group = new ToggleGroup();
        Runnable rebuild = () -> {
            titles.getChildren().clear();
            for (Tab tab : tabs.getTabs()) {
                ToggleButton b = new ToggleButton();
                b.textProperty().bind(tab.textProperty());
                b.setId(tab.getId() == null ? null : tab.getId() + "Title");
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.disableProperty().bind(tab.disableProperty());
                b.setToggleGroup(group);
                b.setUserData(tab);
                b.setSelected(tabs.getSelectionModel().getSelectedItem() == tab);
                b.setOnAction(e -> tabs.getSelectionModel().select(tab));
                titles.getChildren().add(b);
            }
        };
        rebuild.run();
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> rebuild.run());
        tabs.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, tab) -> group.getToggles().stream()
                        .filter(t -> t.getUserData() == tab)
                        .findFirst()
                        .ifPresent(t -> t.setSelected(true)));
        // a title clicked again stays chosen, as a tab does
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        tabs.getStyleClass().add(STYLE);
        VBox box = new VBox(4, titles, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return box;
    }
}
