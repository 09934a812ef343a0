package org.huyou.volunteers.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * What the volunteers' and the shifts' models both work with: the task runner and the notices, the clock for today,
 * and the folder their printouts go to with the home's name that heads them.
 */
public record ScreenParts(TaskRunner tasks, Notices notices, Clock clock, Path printed, Supplier<String> homeName) {}
