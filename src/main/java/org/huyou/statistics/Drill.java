package org.huyou.statistics;

import java.util.List;

/** The rows behind one point of a figure, as a table of text (ID numbers already masked). */
public record Drill(String title, List<String> headers, List<List<String>> rows) {}
