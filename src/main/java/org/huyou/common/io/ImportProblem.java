package org.huyou.common.io;

/** One line of an import report: the sheet's row number (header = 1), the column's header, and what is wrong. */
public record ImportProblem(int row, String column, String message) {}
