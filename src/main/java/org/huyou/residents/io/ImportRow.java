package org.huyou.residents.io;

import org.huyou.residents.Resident;

/** One data row of an import: its sheet row number, the resident it describes and the living group it names. */
public record ImportRow(int row, Resident resident, String livingGroupName) {}
