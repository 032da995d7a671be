package io.omnidecide.ruleset;

import java.io.IOException;

/** A table over one of the documented limits (docs/rulesets.md), with the sheet and cell where it goes over. */
final class TableLimitException extends IOException {

    private final String sheet;
    private final String cell;

    TableLimitException(String sheet, String cell, String message) {
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
