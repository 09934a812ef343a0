package org.huyou.shell;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/** Locks the app after a period without keyboard or mouse input in any of its windows. */
final class IdleMonitor {

    private final Runnable onIdle;
    private final Timeline timer;
    private long lastInput = System.nanoTime();
    private long limitNanos;
    private final EventHandler<Event> touch = e -> lastInput = System.nanoTime();

    IdleMonitor(Scene scene, Runnable onIdle) {
        this.onIdle = onIdle;
        scene.addEventFilter(InputEvent.ANY, touch);
        // Dialogs have scenes of their own; input there counts too.
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w.getScene() != null) {
                        w.getScene().addEventFilter(InputEvent.ANY, touch);
                    }
                }
            }
        });
        timer = new Timeline(new KeyFrame(Duration.seconds(15), e -> check()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    void start(int minutes) {
        limitNanos = minutes * 60_000_000_000L;
        lastInput = System.nanoTime();
        timer.play();
    }

    void stop() {
        timer.stop();
    }

    private void check() {
        if (System.nanoTime() - lastInput > limitNanos) {
            onIdle.run();
        }
    }
}
