package io.omnidecide.ruleset;

import java.io.IOException;

/** A table that cannot be read as it stands, with the sheet and cell: over a documented limit (docs/rulesets.md), or a cell with no value to read. */
final class UnreadableTableException extends IOException {

    private final String sheet;
    private final String cell;

    UnreadableTableException(String sheet, String cell, String message) {
        super(message);
        this.sheet = sheet;
        this.cell = cell;
    }

    String sheet() {
        return sheet;
    }

    String cell() {
        return cell;
    }
}
