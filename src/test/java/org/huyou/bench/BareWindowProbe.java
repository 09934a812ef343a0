package org.huyou.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of a cold start: a bare JavaFX window with one label on the same JDK, shown and painted once. Not an
 * Application itself, like the app's launcher, so that JavaFX loads from the class path.
 */
public final class BareWindowProbe {

    private BareWindowProbe() {}

    public static void main(String[] args) {
        Application.launch(Bare.class, args);
    }

    public static final class Bare extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("护佑"), 1280, 760));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    System.out.println(
                            "READY " + ManagementFactory.getRuntimeMXBean().getUptime());
                    System.exit(0);
                }
            }.start();
        }
    }
}
