package org.huyou.donations.ui;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Where the screens write receipts, and the home's name they carry. */
public record Receipts(Path dir, Supplier<String> homeName) {}
