package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook an analyst downloads is fit to work in, and builds exactly the rules of the CSV it came from. */
class AnalystWorkbookTest {

    private static final String SEGMENTS = "decision-tables/segments.drl.csv";

    @Test
    void codeRowsAreHiddenLabelsFrozenValuesTypedAndClosedSetsOffered() throws IOException {
        try (XSSFWorkbook workbook = workbook(SEGMENTS)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int row : List.of(1, 2, 3, 7, 8, 9)) {
                assertTrue(sheet.getRow(row - 1).getZeroHeight(), "row " + row + " is code: hidden");
            }
            for (int row : List.of(4, 6, 10, 11)) {
                assertTrue(!sheet.getRow(row - 1).getZeroHeight(), "row " + row + " is for people: shown");
            }
            assertEquals(10, sheet.getPaneInformation().getHorizontalSplitPosition(), "labels (row 10) and above stay in view");
            assertEquals(CellType.NUMERIC, sheet.getRow(11).getCell(3).getCellType(), "D12, minutes: a number");
            assertEquals(CellType.BOOLEAN, sheet.getRow(11).getCell(4).getCellType(), "E12, purchased since: a boolean");
            assertEquals(CellType.STRING, sheet.getRow(11).getCell(10).getCellType(), "K12, a segment id: text");
            List<String> lists = new ArrayList<>();
            for (DataValidation validation : sheet.getDataValidations()) {
                lists.add(validation.getRegions().getCellRangeAddress(0).formatAsString() + " "
                        + String.join(",", validation.getValidationConstraint().getExplicitListValues()));
            }
            assertTrue(lists.contains("E11:E217 TRUE,FALSE"), lists.toString());
            assertTrue(lists.contains("H11:H217 web,app,email,sms,push,social,store,call_centre"), lists.toString());
            assertTrue(sheet.getColumnWidth(3) > sheet.getColumnWidth(2) || sheet.getColumnWidth(3) == 50 * 256, "wide enough for its label");
        }
    }

    @Test
    void everyStarterTableAsAWorkbookBuildsTheSameRules() {
        Ruleset fromCsv = new RulesetCompiler(Clock.systemUTC()).compile(StarterPack.FILES);
        List<RulesetFile> workbooks = StarterPack.FILES.stream().map(f -> !f.isCsvTable() ? f
                : new RulesetFile(f.path().replace(".csv", ".xlsx"), TableFormats.csvToXlsx(f, "table"))).toList();
        Ruleset fromWorkbooks = new RulesetCompiler(Clock.systemUTC()).compile(workbooks);
        for (RuleSource rule : fromCsv.sources().values()) {
            RuleSource same = fromWorkbooks.source(rule.rule());
            assertEquals(rule.when(), same.when(), rule.rule());
            assertEquals(rule.then(), same.then(), rule.rule());
        }
        assertEquals(fromCsv.sources().size(), fromWorkbooks.sources().size());
    }

    private static XSSFWorkbook workbook(String path) throws IOException {
        RulesetFile csv = StarterPack.FILES.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
        return new XSSFWorkbook(new ByteArrayInputStream(TableFormats.csvToXlsx(csv, "segments")));
    }
}
